import { useTranslation } from 'react-i18next';
import { href, useRoute } from '../../components/route.js';
import { useTopic } from '../../stores/topics.js';

/** Whether the table screen shows the statement draft (#/statement) instead of the notes. */
export function useTableShowsDraft(): boolean {
  return useRoute() === 'statement';
}

/** The table screen's two views: our notes, and the statement draft with amendment proposals. */
export function TableTabs() {
  const { t } = useTranslation();
  const draft = useTableShowsDraft();
  const hasDraft = Object.keys(useTopic('statementBlocks')).length > 0;
  if (!hasDraft && !draft) return null;
  return (
    <nav aria-label={t('statement.table.tabsLabel')} className="table-tabs">
      <ul>
        <li>
          <a href={href('table')} aria-current={!draft ? 'page' : undefined}>
            {t('statement.table.notesTab')}
          </a>
        </li>
        <li>
          <a href={href('statement')} aria-current={draft ? 'page' : undefined}>
            {t('statement.table.draftTab')}
          </a>
        </li>
      </ul>
    </nav>
  );
}

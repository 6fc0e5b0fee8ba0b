import { useTranslation } from 'react-i18next';
import { useTopicList } from '../../../../stores/topics.js';
import { printLang, sheetsHref } from '../model.js';

/** The paper fallback: blank note sheets for the item shown, for every table or one table. */
export function SheetLinks({ itemId }: { itemId: string | null }) {
  const { t, i18n } = useTranslation();
  const tables = useTopicList('tables', 'no');
  const lang = printLang(i18n.language);
  const newTab = <span className="sr-only"> ({t('sheets.newTab')})</span>;
  return (
    <details className="sheet-links">
      <summary>{t('sheets.summary')}</summary>
      <p className="hint">{t('sheets.help')}</p>
      <ul>
        <li>
          <a className="print-link" href={sheetsHref(lang, itemId)} target="_blank" rel="noopener">
            {t('sheets.allTables')}
            {newTab}
          </a>
        </li>
        {tables.map((x) => (
          <li key={x.no}>
            <a className="print-link" href={sheetsHref(lang, itemId, x.no)} target="_blank" rel="noopener">
              {t('sheets.oneTable', { no: x.no })}
              {newTab}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

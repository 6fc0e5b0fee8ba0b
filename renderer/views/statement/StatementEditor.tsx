import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTopic } from '../../stores/topics.js';
import { AmendmentsTab } from './AmendmentsTab.js';
import { DraftTab } from './DraftTab.js';
import { ExportTab } from './ExportTab.js';
import { ProjectorControls } from './ProjectorControls.js';
import { RecordTab } from './RecordTab.js';
import { TranslationTab } from './TranslationTab.js';
import { VersionsTab } from './VersionsTab.js';
import { useDraft } from './model.js';
import './statement.css';

const TABS = ['draft', 'versions', 'translation', 'amendments', 'record', 'export'] as const;
type Tab = (typeof TABS)[number];

/** The facilitator's statement editor (#/statement). */
export function StatementEditor() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('draft');
  const draft = useDraft();
  const pending = Object.values(useTopic('statementAmendments')).filter((a) => a.status === 'pending').length;
  const final = draft.meta?.final ?? null;
  return (
    <div className="statement-editor">
      <div className="statement-top">
        <h1>{t('statement.title')}</h1>
        {final && (
          <p className="badge badge-ok final-badge">
            {t('statement.finalBadge')} · SHA-256 <code>{final.sha256.slice(0, 12)}…</code>
          </p>
        )}
      </div>
      <ProjectorControls />
      <nav aria-label={t('statement.tabsLabel')} className="sub-nav">
        <ul>
          {TABS.map((name) => (
            <li key={name}>
              <button type="button" aria-pressed={tab === name} onClick={() => setTab(name)} className={tab === name ? 'sub-nav-current' : undefined}>
                {t(`statement.tab.${name}`)}
                {name === 'amendments' && pending > 0 && <span className="count-bubble"> {pending}</span>}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'draft' && <DraftTab />}
      {tab === 'versions' && <VersionsTab />}
      {tab === 'translation' && <TranslationTab />}
      {tab === 'amendments' && <AmendmentsTab />}
      {tab === 'record' && <RecordTab />}
      {tab === 'export' && <ExportTab />}
    </div>
  );
}

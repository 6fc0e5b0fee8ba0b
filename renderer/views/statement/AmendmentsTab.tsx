import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wordDiff } from '../../../shared/diff.js';
import type { StatementAmendment } from '../../../shared/statement.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand } from '../../components/useCommand.js';
import { useTopic } from '../../stores/topics.js';
import { RichText } from './RichText.js';
import { blockLabel, personName, useDraft } from './model.js';
import { DiffText } from './VersionsTab.js';

function Pending({ amendment }: { amendment: StatementAmendment }) {
  const { t } = useTranslation();
  const id = useId();
  const draft = useDraft();
  const block = draft.blocks[amendment.blockId];
  const [note, setNote] = useState('');
  const { run, busy, error } = useCommand();
  const label = block ? blockLabel(t, draft, block) : t('statement.amendments.removedBlock');
  return (
    <li className="amendment card" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{label}</h3>
      <p className="muted">
        {amendment.tableNo !== null ? t('statement.amendments.fromTable', { n: amendment.tableNo }) : personName(t, amendment.deviceName)}
        {block && amendment.baseVersion < block.version && <> · {t('statement.amendments.olderVersion')}</>}
      </p>
      <div className="two-columns">
        <div>
          <p className="preview-label">{t('statement.amendments.proposed')}</p>
          <RichText text={amendment.text} headingLevel={5} />
          {amendment.reason && (
            <>
              <p className="preview-label">{t('statement.amendments.reason')}</p>
              <p>{amendment.reason}</p>
            </>
          )}
        </div>
        {block && (
          <div>
            <p className="preview-label">{t('statement.amendments.changes')}</p>
            <DiffText parts={wordDiff(block.text, amendment.text)} />
          </div>
        )}
      </div>
      {!draft.final && (
        <>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('statement.amendments.note')}</label>
            <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          </div>
          <div className="actions">
            <button type="button" className="primary" disabled={busy || !block} onClick={() => void run('statement.decideAmendment', { amendmentId: amendment.id, decision: 'accept', note })}>
              {t('statement.amendments.accept')}
            </button>
            <button type="button" disabled={busy} onClick={() => void run('statement.decideAmendment', { amendmentId: amendment.id, decision: 'decline', note })}>
              {t('statement.amendments.decline')}
            </button>
          </div>
        </>
      )}
      <ErrorAlert error={error} />
    </li>
  );
}

/** Amendment proposals from the tables: accept (the text becomes the recommendation's new version) or decline with a note. */
export function AmendmentsTab() {
  const { t } = useTranslation();
  const draft = useDraft();
  const all = Object.values(useTopic('statementAmendments')).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const pending = all.filter((a) => a.status === 'pending');
  const decided = all.filter((a) => a.status !== 'pending').reverse();
  return (
    <div className="amendments-tab">
      <h2>{t('statement.amendments.pendingTitle', { count: pending.length })}</h2>
      {pending.length === 0 ? (
        <p className="empty">{t('statement.amendments.nonePending')}</p>
      ) : (
        <ol className="amendment-list">
          {pending.map((a) => (
            <Pending key={a.id} amendment={a} />
          ))}
        </ol>
      )}
      {decided.length > 0 && (
        <section aria-labelledby="decided-h" className="panel-section">
          <h2 id="decided-h">{t('statement.amendments.decidedTitle')}</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('statement.amendments.recommendation')}</th>
                <th scope="col">{t('statement.amendments.table')}</th>
                <th scope="col">{t('statement.amendments.status')}</th>
                <th scope="col">{t('statement.amendments.note')}</th>
              </tr>
            </thead>
            <tbody>
              {decided.map((a) => {
                const block = draft.blocks[a.blockId];
                return (
                  <tr key={a.id}>
                    <td>{block ? blockLabel(t, draft, block) : '–'}</td>
                    <td>{a.tableNo ?? personName(t, a.deviceName)}</td>
                    <td>{t(`statement.amendments.state.${a.status}`)}</td>
                    <td>{a.decisionNote}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

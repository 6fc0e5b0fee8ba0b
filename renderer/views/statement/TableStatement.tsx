import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../shared/ids.js';
import type { StatementBlockRecord } from '../../../shared/statement.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useTopic } from '../../stores/topics.js';
import { sendQueued } from '../table/outboxView.js';
import { RichText } from './RichText.js';
import { useDraft } from './model.js';
import './statement.css';

function AmendmentForm({ block, number, onDone }: { block: StatementBlockRecord; number: string; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(block.text);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <form
      className="card amendment-form"
      aria-label={t('statement.table.proposeFor', { n: number })}
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        // Through the outbox: made here with its own id, sent when the hub is reachable.
        sendQueued('statement.proposeAmendment', { amendmentId: uuidv7(), blockId: block.id, text, reason }).catch((caught: unknown) => setError(caught));
        onDone();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('statement.table.newText')}</label>
        <textarea id={`${id}-text`} rows={6} value={text} onChange={(e) => setText(e.target.value)} required autoFocus />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('statement.table.reason')}</label>
        <textarea id={`${id}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
      </div>
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={!text.trim() || text.trim() === block.text.trim()}>
          {t('statement.table.send')}
        </button>
        <button type="button" onClick={onDone}>
          {t('statement.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The current draft, read-only, on a table's laptop: each recommendation can get an amendment proposal. */
export function TableStatement() {
  const { t } = useTranslation();
  const draft = useDraft();
  const amendments = Object.values(useTopic('statementAmendments')).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const [proposing, setProposing] = useState<string | null>(null);
  if (!draft.meta && draft.sections.length === 0) return <p className="empty">{t('statement.table.noDraft')}</p>;
  return (
    <div className="table-statement">
      <h2>{draft.meta?.title ?? t('statement.title')}</h2>
      <p className="hint">{t('statement.table.explain')}</p>
      {draft.meta?.summary && <RichText text={draft.meta.summary} headingLevel={3} />}
      {draft.sections.map(({ section, blocks }, i) => (
        <section key={section.id} className="statement-section" aria-labelledby={`tsec-${section.id}`}>
          <h3 id={`tsec-${section.id}`}>
            {i + 1}. {section.title}
          </h3>
          <ol className="block-list">
            {blocks.map((b) => {
              const number = draft.numbers.get(b.id) ?? '';
              const mine = amendments.filter((a) => a.blockId === b.id);
              return (
                <li key={b.id} className={`statement-block block-${b.kind}`} aria-labelledby={`tb-${b.id}`}>
                  <h4 id={`tb-${b.id}`} className="block-title">
                    <span className="block-kind">{t(`statement.kind.${b.kind}`)}</span>
                    {b.kind === 'recommendation' ? <span>{t('statement.recommendationN', { n: number, title: b.title })}</span> : b.title ? <span>{b.title}</span> : null}
                  </h4>
                  <RichText text={b.text} headingLevel={5} />
                  {b.kind === 'recommendation' && b.rationale && (
                    <div className="rationale">
                      <p className="rationale-label">{t('statement.field.rationale')}</p>
                      <RichText text={b.rationale} headingLevel={5} />
                    </div>
                  )}
                  {mine.length > 0 && (
                    <ul className="my-amendments" aria-label={t('statement.table.ourProposals')}>
                      {mine.map((a) => (
                        <li key={a.id}>
                          <span className={`badge ${a.status === 'accepted' ? 'badge-ok' : a.status === 'pending' ? 'badge-attention' : ''}`}>{t(`statement.amendments.state.${a.status}`)}</span>{' '}
                          <span className="amendment-text">{a.text.length > 140 ? `${a.text.slice(0, 140)}…` : a.text}</span>
                          {a.decisionNote && <span className="muted"> — {a.decisionNote}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                  {b.kind === 'recommendation' &&
                    !draft.final &&
                    (proposing === b.id ? (
                      <AmendmentForm block={b} number={number} onDone={() => setProposing(null)} />
                    ) : (
                      <button type="button" className="small" onClick={() => setProposing(b.id)} aria-label={t('statement.table.proposeFor', { n: number })}>
                        {t('statement.table.propose')}
                      </button>
                    ))}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}

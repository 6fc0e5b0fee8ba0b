import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_STATUSES, type FollowUpStatus, type StatementBlockRecord } from '../../../shared/statement.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { href } from '../../components/route.js';
import { useCommand } from '../../components/useCommand.js';
import { useConnection } from '../../stores/connection.js';
import { useTopic } from '../../stores/topics.js';
import { personName, useDraft } from './model.js';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function Approval() {
  const { t } = useTranslation();
  const id = useId();
  const draft = useDraft();
  const votes = Object.values(useTopic('votes'));
  const basics = useTopic('panel').panel;
  const approval = draft.meta?.approval ?? null;
  const [method, setMethod] = useState<'vote' | 'decision'>(approval?.method ?? 'decision');
  const [voteId, setVoteId] = useState(approval?.voteId ?? '');
  const [decisionText, setDecisionText] = useState(approval?.decisionText ?? '');
  const [approvedOn, setApprovedOn] = useState(approval?.approvedOn ?? today());
  const [approvedBy, setApprovedBy] = useState(approval?.approvedBy ?? '');
  const [saved, setSaved] = useState(false);
  const { run, busy, error } = useCommand();
  return (
    <section className="panel-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('statement.record.approvalTitle')}</h2>
      <p>
        {t('statement.record.registerNumber')}: <strong>{basics?.recordNumber || t('statement.record.noRegisterNumber')}</strong> <a href={href('panel')}>{t('statement.record.editBasics')}</a>
      </p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved(false);
          const r = await run('statement.setApproval', { method, voteId: method === 'vote' ? voteId || null : null, decisionText, approvedOn, approvedBy });
          if (r !== undefined) setSaved(true);
        }}
      >
        <fieldset className="field" disabled={draft.final}>
          <legend>{t('statement.record.method')}</legend>
          <div className="checks">
            <label className="check">
              <input type="radio" name={`${id}-method`} checked={method === 'vote'} onChange={() => setMethod('vote')} />
              {t('statement.record.byVote')}
            </label>
            <label className="check">
              <input type="radio" name={`${id}-method`} checked={method === 'decision'} onChange={() => setMethod('decision')} />
              {t('statement.record.byDecision')}
            </label>
          </div>
        </fieldset>
        <div className="two-columns">
          {method === 'vote' && (
            <div className="field">
              <label htmlFor={`${id}-vote`}>{t('statement.record.vote')}</label>
              <select id={`${id}-vote`} value={voteId} onChange={(e) => setVoteId(e.target.value)} required disabled={draft.final}>
                <option value="">{t('statement.record.chooseVote')}</option>
                {votes.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.title}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-decision`}>{t('statement.record.decisionText')}</label>
            <input id={`${id}-decision`} value={decisionText} onChange={(e) => setDecisionText(e.target.value)} required={method === 'decision'} disabled={draft.final} maxLength={2000} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('statement.record.approvedOn')}</label>
            <input id={`${id}-date`} type="date" value={approvedOn} onChange={(e) => setApprovedOn(e.target.value)} required disabled={draft.final} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-by`}>{t('statement.record.approvedBy')}</label>
            <input id={`${id}-by`} value={approvedBy} onChange={(e) => setApprovedBy(e.target.value)} required disabled={draft.final} maxLength={300} />
          </div>
        </div>
        {!draft.final && (
          <button type="submit" disabled={busy}>
            {t('statement.record.saveApproval')}
          </button>
        )}
        <p className="save-state" role="status">
          {saved ? t('statement.record.approvalSaved') : ''}
        </p>
        <ErrorAlert error={error} />
      </form>
    </section>
  );
}

function Final() {
  const { t, i18n } = useTranslation();
  const draft = useDraft();
  const role = useConnection((s) => s.principal?.role);
  const [confirm, setConfirm] = useState(false);
  const { run, busy, error } = useCommand();
  const final = draft.meta?.final ?? null;
  return (
    <section className="panel-section" aria-labelledby="final-h">
      <h2 id="final-h">{t('statement.record.finalTitle')}</h2>
      {final ? (
        <div className="final-box" role="status">
          <p>
            <strong>{t('statement.record.lockedAt', { date: new Date(final.lockedAt).toLocaleString(i18n.language), by: personName(t, final.lockedBy) })}</strong>
          </p>
          <p>{t('statement.record.checksum')}</p>
          <p className="checksum">
            <code>{final.sha256}</code>
          </p>
          <p className="muted">{t('statement.record.afterLock')}</p>
        </div>
      ) : (
        <>
          <p>{t('statement.record.finalExplain')}</p>
          {!draft.meta?.approval && <p className="alert alert-info">{t('statement.record.needApproval')}</p>}
          {role === 'facilitator' && (
            <button type="button" className="danger" disabled={busy || !draft.meta?.approval} onClick={() => setConfirm(true)}>
              {t('statement.record.lock')}
            </button>
          )}
          <ErrorAlert error={error} />
          <ConfirmDialog
            open={confirm}
            title={t('statement.record.lockTitle')}
            message={t('statement.record.lockMessage')}
            confirmLabel={t('statement.record.lock')}
            danger
            onCancel={() => setConfirm(false)}
            onConfirm={() => {
              setConfirm(false);
              void run('statement.finalize', {});
            }}
          />
        </>
      )}
    </section>
  );
}

function FollowUpRow({ block, number }: { block: StatementBlockRecord; number: string }) {
  const { t } = useTranslation();
  const id = useId();
  const existing = useTopic('statementFollowUp')[block.id];
  const [status, setStatus] = useState<FollowUpStatus>(existing?.status ?? 'planned');
  const [reasons, setReasons] = useState(existing?.reasons ?? '');
  const [answeredOn, setAnsweredOn] = useState(existing?.answeredOn ?? '');
  const [saved, setSaved] = useState(false);
  // Another facilitator's save shows here, unless this form has edits of its own.
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (dirty) return;
    setStatus(existing?.status ?? 'planned');
    setReasons(existing?.reasons ?? '');
    setAnsweredOn(existing?.answeredOn ?? '');
  }, [existing, dirty]);
  const edit = <V,>(set: (value: V) => void) => (value: V) => {
    set(value);
    setDirty(true);
    setSaved(false);
  };
  const { run, busy, error } = useCommand();
  return (
    <li className="card follow-up" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('statement.recommendationN', { n: number, title: block.title })}</h3>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved(false);
          if ((await run('statement.setFollowUp', { blockId: block.id, status, reasons, answeredOn: answeredOn || null })) !== undefined) {
            setSaved(true);
            setDirty(false);
          }
        }}
      >
        <div className="two-columns tight">
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('statement.followUp.status')}</label>
            <select id={`${id}-status`} value={status} onChange={(e) => edit(setStatus)(e.target.value as FollowUpStatus)}>
              {FOLLOW_UP_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statement.followUp.state.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('statement.followUp.answeredOn')}</label>
            <input id={`${id}-date`} type="date" value={answeredOn} onChange={(e) => edit(setAnsweredOn)(e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reasons`}>{t('statement.followUp.reasons')}</label>
          <textarea id={`${id}-reasons`} rows={3} value={reasons} onChange={(e) => edit(setReasons)(e.target.value)} />
        </div>
        <div className="actions">
          <button type="submit" className="small" disabled={busy}>
            {t('statement.save')}
          </button>
          <span className="save-state" role="status">
            {saved ? t('statement.followUp.saved') : ''}
          </span>
        </div>
        <ErrorAlert error={error} />
      </form>
    </li>
  );
}

function FollowUps() {
  const { t } = useTranslation();
  const draft = useDraft();
  const recs = draft.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'recommendation');
  return (
    <details className="panel-section">
      <summary>
        <h2 className="summary-heading">{t('statement.followUp.title')}</h2>
      </summary>
      <p className="hint">{t('statement.followUp.explain')}</p>
      <ol className="follow-up-list">
        {recs.map((b) => (
          <FollowUpRow key={b.id} block={b} number={draft.numbers.get(b.id) ?? '?'} />
        ))}
      </ol>
    </details>
  );
}

function Annexes() {
  const { t } = useTranslation();
  const id = useId();
  const draft = useDraft();
  const annexes = Object.values(useTopic('statementAnnexes')).sort((a, b) => a.position - b.position);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<'public' | 'confidential'>('public');
  const { run, busy, error } = useCommand();
  return (
    <details className="panel-section">
      <summary>
        <h2 className="summary-heading">{t('statement.annexes.title')}</h2>
      </summary>
      <p className="hint">{t('statement.annexes.explain')}</p>
      {(['public', 'confidential'] as const).map((v) => (
        <div key={v}>
          <h3>{t(`statement.annexes.${v}`)}</h3>
          {annexes.filter((a) => a.visibility === v).length === 0 ? (
            <p className="empty">{t('statement.annexes.none')}</p>
          ) : (
            <ul className="annex-list">
              {annexes
                .filter((a) => a.visibility === v)
                .map((a) => (
                  <li key={a.id}>
                    <strong>{a.title}</strong> {a.fileName && <span className="muted">({a.fileName})</span>}{' '}
                    {!draft.final && (
                      <button type="button" className="small danger" onClick={() => void run('statement.removeAnnex', { annexId: a.id })} aria-label={t('statement.removeLabel', { label: a.title })}>
                        {t('statement.remove')}
                      </button>
                    )}
                  </li>
                ))}
            </ul>
          )}
        </div>
      ))}
      {!draft.final && (
        <form
          className="card"
          onSubmit={async (e) => {
            e.preventDefault();
            if ((await run('statement.addAnnex', { visibility, title, text, fileName: null })) !== undefined) {
              setTitle('');
              setText('');
            }
          }}
        >
          <div className="two-columns">
            <div className="field">
              <label htmlFor={`${id}-title`}>{t('statement.annexes.annexTitle')}</label>
              <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-vis`}>{t('statement.annexes.visibility')}</label>
              <select id={`${id}-vis`} value={visibility} onChange={(e) => setVisibility(e.target.value as 'public' | 'confidential')}>
                <option value="public">{t('statement.annexes.public')}</option>
                <option value="confidential">{t('statement.annexes.confidential')}</option>
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('statement.field.text')}</label>
            <textarea id={`${id}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <button type="submit" disabled={busy}>
            {t('statement.annexes.add')}
          </button>
          <ErrorAlert error={error} />
        </form>
      )}
    </details>
  );
}

function Consent() {
  const { t } = useTranslation();
  const draft = useDraft();
  const participants = Object.values(useTopic('participants'))
    .filter((p) => p.status === 'confirmed')
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const consent = useTopic('participantConsent');
  const { run, error } = useCommand();
  const named = participants.filter((p) => consent[p.id]?.named).length;
  return (
    <details className="panel-section">
      <summary>
        <h2 className="summary-heading">{t('statement.consent.title')}</h2>
      </summary>
      <p className="hint">{t('statement.consent.explain')}</p>
      <p role="status">{t('statement.consent.count', { named, total: participants.length })}</p>
      <ul className="consent-list">
        {participants.map((p) => (
          <li key={p.id}>
            <label className="check">
              <input type="checkbox" checked={Boolean(consent[p.id]?.named)} disabled={draft.final} onChange={(e) => void run('statement.setConsent', { participantId: p.id, named: e.target.checked })} />
              {p.displayName}
            </label>
          </li>
        ))}
      </ul>
      <ErrorAlert error={error} />
    </details>
  );
}

/** For the record: how it was adopted, the final lock and its checksum, annexes, consent to be named, and later the follow-up. */
export function RecordTab() {
  return (
    <div className="record-tab">
      <Approval />
      <Final />
      <Consent />
      <Annexes />
      <FollowUps />
    </div>
  );
}

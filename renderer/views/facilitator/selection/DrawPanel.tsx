import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackgroundFeature, Participant } from '../../../../shared/participants.js';
import type { ForgetPoolResult, SelectionView } from '../../../../shared/recruitment.js';
import { ConfirmDialog } from '../../../components/ConfirmDialog.js';
import { Scroll } from './Scroll.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { HubError } from '../../../hub/errors.js';
import { useTopic } from '../../../stores/topics.js';
import { selectionApi } from './api.js';
import { currentRun } from './RunPanel.js';

function randomSeed(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The transparent draw (a number drawn in public, or a recorded seed), the panel, the reserves and replacements. */
export function DrawPanel({ view, features }: { view: SelectionView; features: BackgroundFeature[] }) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const participants = useTopic('participants');
  const [number, setNumber] = useState('');
  const [seed, setSeed] = useState(randomSeed);
  const [status, setStatus] = useState<'invited' | 'confirmed'>('invited');
  const [confirm, setConfirm] = useState<{ kind: 'number' | 'seed' | 'forget' } | { kind: 'replace'; participant: Participant } | { kind: 'dropFolder'; folder: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  /** The drop-out whom no reserve can replace without breaking a quota: a new draw is offered. */
  const [noReserve, setNoReserve] = useState<Participant | null>(null);
  const noReserveRef = useRef<HTMLDivElement>(null);
  const newDrawRef = useRef<HTMLButtonElement>(null);
  // The facilitator may have clicked far down the panel's list: bring the news (and the next step) to them.
  useEffect(() => {
    if (!noReserve) return;
    noReserveRef.current?.scrollIntoView({ block: 'nearest' });
    newDrawRef.current?.focus();
  }, [noReserve]);
  const lex = currentRun(view, 'leximin');
  const outcome = view.outcome;
  const m = lex?.lottery?.m ?? view.settings.lotteryM;
  const drawNumber = Number(number);
  const poolFile = view.pool?.recruitmentFileFound ?? false;
  const copyFolders = view.poolCopies.map((c) => c.folder).join(', ');
  const notReached = view.poolCopies.filter((c) => c.notReached !== null);
  const numberOk = Number.isInteger(drawNumber) && drawNumber >= 1 && drawNumber <= m;

  async function act(kind: 'number' | 'seed' | 'forget' | 'replace' | 'newDraw' | 'dropFolder', participant?: Participant, folder?: string) {
    setConfirm(null);
    setBusy(true);
    setError(null);
    setMessage(null);
    setNoReserve(null);
    try {
      if (kind === 'forget') {
        const res = await selectionApi<ForgetPoolResult>('POST', '/api/selection/forget-pool');
        setMessage(res.notReached.length > 0 ? t('selection.draw.forgottenPartly', { count: res.notReached.length }) : t('selection.draw.forgotten'));
      } else if (kind === 'dropFolder') {
        await selectionApi('POST', '/api/selection/drop-copy-folder', { folder });
        setMessage(t('selection.draw.folderDropped'));
      } else if (kind === 'replace' || kind === 'newDraw') {
        const res = await selectionApi<{ participantId: string; source: 'reserve' | 'draw' }>('POST', '/api/selection/replace', {
          participantId: participant!.id,
          newDraw: kind === 'newDraw',
        });
        setMessage(t(`selection.draw.replaced.${res.source}`));
      } else {
        await selectionApi('POST', '/api/selection/draw', kind === 'number' ? { runId: lex!.id, number: drawNumber, status } : { runId: lex!.id, seed, status });
        setMessage(t('selection.draw.done'));
      }
    } catch (caught) {
      if (caught instanceof HubError && caught.code === 'selection.noReserveFits') setNoReserve(participant!);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const valueLabels = (f: Record<string, string>) =>
    Object.entries(f)
      .map(([key, value]) => features.find((x) => x.key === key)?.values.find((v) => v.value === value)?.label ?? value)
      .join(' · ');

  return (
    <section className="panel-section" aria-labelledby={`${base}-h`}>
      <h2 id={`${base}-h`}>{t('selection.draw.title')}</h2>
      <div role="status" aria-live="polite">
        {message && <p className="save-state">{message}</p>}
      </div>
      <ErrorAlert error={error} />
      {!outcome && !lex && <p>{t('selection.draw.needRun')}</p>}
      {!outcome && lex && !lex.final && <p className="alert alert-error">{t('selection.draw.notFinal')}</p>}
      {!outcome && lex?.final && (
        <>
          <p>{t('selection.draw.explain', { m, deviation: ((lex.lottery?.maxDeviation ?? 0) * 100).toFixed(2) })}</p>
          <div className="sel-map-grid">
            <div className="field">
              <label htmlFor={`${base}-n`}>{t('selection.draw.number', { m })}</label>
              <input id={`${base}-n`} inputMode="numeric" size={6} value={number} onChange={(e) => setNumber(e.target.value.trim())} />
            </div>
            <div className="field">
              <label htmlFor={`${base}-status`}>{t('selection.draw.status')}</label>
              <select id={`${base}-status`} value={status} onChange={(e) => setStatus(e.target.value as 'invited' | 'confirmed')}>
                <option value="invited">{t('selection.draw.statusInvited')}</option>
                <option value="confirmed">{t('selection.draw.statusConfirmed')}</option>
              </select>
            </div>
          </div>
          <div className="actions">
            <button type="button" className="primary" disabled={busy || !numberOk} onClick={() => setConfirm({ kind: 'number' })}>
              {t('selection.draw.byNumber')}
            </button>
          </div>
          <details className="sel-seeded">
            <summary>{t('selection.draw.seeded')}</summary>
            <div className="field">
              <label htmlFor={`${base}-seed`}>{t('selection.draw.seed')}</label>
              <input id={`${base}-seed`} value={seed} onChange={(e) => setSeed(e.target.value)} size={20} />
            </div>
            <button type="button" disabled={busy || !seed.trim()} onClick={() => setConfirm({ kind: 'seed' })}>
              {t('selection.draw.bySeed')}
            </button>
          </details>
        </>
      )}
      {outcome && (
        <>
          <p className="sel-drawn">
            {outcome.method === 'number'
              ? t('selection.draw.drawnNumber', { n: outcome.draw ?? 0, m, date: new Date(outcome.drawnAt).toLocaleDateString(i18n.language) })
              : t('selection.draw.drawnSeed', { seed: outcome.seed, date: new Date(outcome.drawnAt).toLocaleDateString(i18n.language) })}
          </p>
          <div className="actions">
            <a className="sel-button-link" href={`/api/print/selection-audit.pdf?lang=${i18n.language}`} target="_blank" rel="noopener">
              {t('selection.draw.audit')}
            </a>
            {(poolFile || view.poolCopies.length > 0) && (
              <button type="button" className="danger" disabled={busy} onClick={() => setConfirm({ kind: 'forget' })}>
                {poolFile ? t('selection.draw.forget') : t('selection.draw.forgetAgain')}
              </button>
            )}
          </div>
          {notReached.length > 0 && (
            <div className="alert alert-error sel-copies-left">
              <h3>{t('selection.draw.copiesLeftTitle')}</h3>
              <p>{t('selection.draw.copiesLeft')}</p>
              <ul>
                {notReached.map((c) => (
                  <li key={c.folder}>
                    <span className="path">{c.folder}</span>: {t(`selection.draw.notReached.${c.notReached}`)}{' '}
                    <button
                      type="button"
                      className="small"
                      disabled={busy}
                      aria-label={t('selection.draw.dropFolderLabel', { folder: c.folder })}
                      onClick={() => setConfirm({ kind: 'dropFolder', folder: c.folder })}
                    >
                      {t('selection.draw.dropFolder')}
                    </button>
                  </li>
                ))}
              </ul>
              <p>{t('selection.draw.copiesLeftHint')}</p>
            </div>
          )}
          {noReserve && (
            <div className="alert alert-info sel-no-reserve" role="alert" ref={noReserveRef}>
              <p>{t('selection.draw.noReserveFits', { name: noReserve.displayName })}</p>
              {view.pool?.recruitmentFileFound ? (
                <div className="actions">
                  <button type="button" className="primary" disabled={busy} onClick={() => void act('newDraw', noReserve)} ref={newDrawRef}>
                    {t('selection.draw.newDraw')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => setNoReserve(null)}>
                    {t('common.cancel')}
                  </button>
                </div>
              ) : (
                <p>{t('selection.draw.noPoolForDraw')}</p>
              )}
            </div>
          )}
          <div className="sel-outcome">
            <Scroll label={t('selection.draw.panelCaption', { count: outcome.panel.length })}>
              <table className="data-table">
                <caption>{t('selection.draw.panelCaption', { count: outcome.panel.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('selection.col.name')}</th>
                    <th scope="col">{t('selection.col.status')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('selection.col.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...outcome.panel, ...outcome.replacements.map((r) => ({ poolId: '', participantId: r.replacement }))].map((p) => {
                    const person = p.participantId ? participants[p.participantId] : undefined;
                    if (!person) return null;
                    return (
                      <tr key={person.id}>
                        <th scope="row">{person.displayName}</th>
                        <td>{t(`roster.status.${person.status}`)}</td>
                        <td>
                          {person.status !== 'replaced' && (
                            <button type="button" className="small" disabled={busy} onClick={() => setConfirm({ kind: 'replace', participant: person })}>
                              {t('selection.draw.replace')}
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </Scroll>
            <div>
              <h3>{t('selection.draw.reserves')}</h3>
              <p className="hint">{t('selection.draw.reservesHint')}</p>
              <ol className="sel-reserves">
                {outcome.reserves.map((r) => (
                  <li key={r.poolId}>
                    <span className={r.participantId ? 'muted' : undefined}>{r.displayName}</span> <span className="muted">({valueLabels(r.features)})</span>{' '}
                    {r.participantId && <span className="badge">{t('selection.draw.used')}</span>}
                  </li>
                ))}
              </ol>
            </div>
          </div>
        </>
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={
          confirm?.kind === 'forget'
            ? poolFile
              ? t('selection.draw.forgetTitle')
              : t('selection.draw.forgetAgainTitle')
            : confirm?.kind === 'replace'
              ? t('selection.draw.replaceTitle', { name: confirm.participant.displayName })
              : confirm?.kind === 'dropFolder'
                ? t('selection.draw.dropFolderTitle')
                : t('selection.draw.confirmTitle')
        }
        message={
          confirm?.kind === 'forget'
            ? poolFile
              ? [t('selection.draw.forgetMessage', { file: view.pool?.recruitmentFile ?? '' }), copyFolders ? t('selection.draw.forgetFolders', { folders: copyFolders }) : ''].filter(Boolean).join(' ')
              : t('selection.draw.forgetAgainMessage', { folders: copyFolders })
            : confirm?.kind === 'replace'
              ? t('selection.draw.replaceMessage')
              : confirm?.kind === 'dropFolder'
                ? t('selection.draw.dropFolderMessage', { folder: confirm.folder })
                : confirm?.kind === 'number'
                ? t('selection.draw.confirmNumber', { n: drawNumber, m })
                : t('selection.draw.confirmSeed', { seed })
        }
        confirmLabel={
          confirm?.kind === 'forget'
            ? poolFile
              ? t('selection.draw.forget')
              : t('selection.draw.forgetAgain')
            : confirm?.kind === 'replace'
              ? t('selection.draw.replace')
              : confirm?.kind === 'dropFolder'
                ? t('selection.draw.dropFolder')
                : t('selection.draw.confirm')
        }
        danger={confirm?.kind === 'forget'}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          if (!confirm) return;
          void act(confirm.kind, confirm.kind === 'replace' ? confirm.participant : undefined, confirm.kind === 'dropFolder' ? confirm.folder : undefined);
        }}
      />
    </section>
  );
}

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../shared/ids.js';
import type { Vote } from '../../../shared/votes.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Field } from '../../components/Field.js';
import { useCommand } from '../../components/useCommand.js';
import { useConnection } from '../../stores/connection.js';
import { useTopic, useTopicList } from '../../stores/topics.js';
import { CountsGrid, countsFrom, draftFrom, type CountDraft } from './CountsGrid.js';
import { findResult, formatPercent, methodHasThresholds, rankingFromPlaces, type PlacesProblem } from './model.js';
import { ResultHash, ResultsChart } from './ResultsChart.js';
import { useTurnout } from './turnout.js';
import { VoteForm } from './VoteForm.js';
import { votesHref } from './nav.js';

/** One vote: its definition, open/close/re-open, turnout, codes, paper counts, the tables' tallies, results. */
export function VoteDetail({ vote }: { vote: Vote }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const turnout = useTurnout(vote);
  const command = useCommand();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const [reopening, setReopening] = useState(false);
  const shown = useTopic('shownResults').shown?.voteId ?? null;
  const result = findResult(useTopic('voteResults'), vote.id);
  const lang = i18n.language;

  if (editing && vote.status === 'draft') {
    return (
      <>
        <h1 id="votes-heading" tabIndex={-1}>
          {vote.title}
        </h1>
        <VoteForm vote={vote} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
      </>
    );
  }

  const onProjector = shown === vote.id;

  return (
    <div className="vote-detail">
      <div className="vote-detail-head">
        <div>
          <h1 id="votes-heading" tabIndex={-1}>
            {vote.title}
          </h1>
          <p className="vote-row-meta">
            <span className={`badge vote-status vote-status-${vote.status}`}>{t(`votes.status.${vote.status}`)}</span>{' '}
            {t(`votes.methods.${vote.method}`)}
            {vote.method === 'ranking' && vote.rankingCount && <> · {t(`votes.rankingCounts.${vote.rankingCount}`)}</>}
            {vote.method === 'dots' && <> · {t('votes.dotsEach', { count: vote.dots ?? 0 })}</>}
          </p>
        </div>
        <div className="turnout-box">
          <p className="turnout-label">{t('votes.turnout.label')}</p>
          <p className="turnout-figure" data-testid="turnout">
            {turnout.text}
          </p>
        </div>
      </div>

      <dl className="facts vote-facts">
        <dt>{t('votes.form.modes')}</dt>
        <dd>{vote.modes.map((m) => t(`votes.modes.${m}`)).join(', ')}</dd>
        <dt>{t('votes.form.base')}</dt>
        <dd>{t(`votes.base.${vote.base}`)}</dd>
        {methodHasThresholds(vote.method) && (
          <>
            <dt>{t('votes.form.thresholds')}</dt>
            <dd>{vote.thresholds.length === 0 ? t('votes.noThresholds') : vote.thresholds.map((th) => `${th.label} > ${formatPercent(th.percent, lang)}`).join(' · ')}</dd>
          </>
        )}
        <dt>{t('votes.resultsVisibility')}</dt>
        <dd>{vote.liveResults ? t('votes.liveYes') : t('votes.liveNo')}</dd>
        <dt>{t('votes.form.subjects')}</dt>
        <dd>
          <ol className="subject-list">
            {vote.subjects.map((s) => (
              <li key={s.id}>{s.label}</li>
            ))}
          </ol>
        </dd>
      </dl>

      <div className="actions vote-actions">
        {vote.status === 'draft' && (
          <>
            <button type="button" className="primary big" disabled={command.busy} onClick={() => void command.run('votes.open', { voteId: vote.id })}>
              {t('votes.open')}
            </button>
            <button type="button" onClick={() => setEditing(true)}>
              {t('votes.edit')}
            </button>
            <button type="button" className="danger" onClick={() => setConfirmRemove(true)}>
              {t('votes.remove')}
            </button>
          </>
        )}
        {vote.status === 'open' && (
          <button type="button" className="primary big" disabled={command.busy} onClick={() => setConfirmClose(true)}>
            {t('votes.close')}
          </button>
        )}
        {vote.status === 'closed' && (
          <button type="button" onClick={() => setReopening(true)}>
            {t('votes.reopen')}
          </button>
        )}
        {vote.status !== 'draft' && (
          <button
            type="button"
            aria-pressed={onProjector}
            disabled={command.busy}
            onClick={() => void command.run('votes.showResults', { voteId: onProjector ? null : vote.id })}
          >
            {onProjector ? t('votes.hideFromProjector') : t('votes.showOnProjector')}
          </button>
        )}
      </div>
      {onProjector && <p className="alert alert-info">{vote.status === 'open' && !vote.liveResults ? t('votes.onProjectorHidden') : t('votes.onProjectorNow')}</p>}
      <ErrorAlert error={command.error} />

      {vote.modes.includes('ballot') && vote.status !== 'closed' && <CodesSection vote={vote} />}
      {vote.modes.includes('paper') && vote.status === 'open' && (vote.method === 'ranking' ? <PaperRanking vote={vote} /> : <PaperCounts vote={vote} />)}
      {vote.modes.includes('tally') && vote.status !== 'draft' && <TalliesReceived vote={vote} />}

      {vote.status !== 'draft' && (
        <section aria-labelledby="results-heading" className="panel-section">
          <h2 id="results-heading">{vote.status === 'closed' ? t('votes.results.finalTitle') : t('votes.results.liveTitle')}</h2>
          {result ? <ResultsChart vote={vote} result={result} /> : <p className="empty">{t('votes.results.none')}</p>}
          {vote.status === 'closed' && (vote.resultHash ?? result?.resultHash) && <ResultHash hash={(vote.resultHash ?? result?.resultHash)!} />}
          {vote.status === 'closed' && (
            <ul className="print-list">
              <li>
                <a href={`/api/votes/${encodeURIComponent(vote.id)}/results.pdf?lang=${lang}`} target="_blank" rel="noopener">
                  {t('votes.resultsPdf')}
                </a>
              </li>
              <li>
                <a href={`/api/votes/${encodeURIComponent(vote.id)}/ballots.csv`} download>
                  {t('votes.ballotsCsv')}
                </a>
              </li>
            </ul>
          )}
        </section>
      )}

      {vote.reopenings.length > 0 && (
        <section aria-labelledby="reopen-heading" className="panel-section">
          <h2 id="reopen-heading">{t('votes.reopenings')}</h2>
          <ul className="reopen-list">
            {vote.reopenings.map((r, i) => (
              <li key={i}>
                <time dateTime={r.at}>{new Date(r.at).toLocaleString(lang)}</time> — {r.reason}
              </li>
            ))}
          </ul>
        </section>
      )}

      <ConfirmDialog
        open={confirmClose}
        title={t('votes.closeTitle')}
        message={t('votes.closeMessage', { turnout: turnout.text })}
        confirmLabel={t('votes.close')}
        onCancel={() => setConfirmClose(false)}
        onConfirm={() => {
          setConfirmClose(false);
          void command.run('votes.close', { voteId: vote.id });
        }}
      />
      <ConfirmDialog
        open={confirmRemove}
        title={t('votes.removeTitle')}
        message={t('votes.removeMessage', { title: vote.title })}
        confirmLabel={t('votes.remove')}
        danger
        onCancel={() => setConfirmRemove(false)}
        onConfirm={async () => {
          setConfirmRemove(false);
          const done = await command.run('votes.remove', { voteId: vote.id });
          if (done !== undefined) window.location.hash = votesHref();
        }}
      />
      <ReopenDialog open={reopening} vote={vote} onClose={() => setReopening(false)} />
    </div>
  );
}

/** Re-opening a closed vote needs a reason, which stays on the record. */
function ReopenDialog({ open, vote, onClose }: { open: boolean; vote: Vote; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const command = useCommand();
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setTooShort(true);
      return;
    }
    const done = await command.run('votes.reopen', { voteId: vote.id, reason: reason.trim() });
    if (done !== undefined) {
      setReason('');
      onClose();
    }
  };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{t('votes.reopenTitle')}</h2>
        <p>{t('votes.reopenText')}</p>
        <Field label={t('votes.reopenReason')} error={tooShort ? t('votes.reopenReasonNeeded') : null}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              rows={3}
              maxLength={500}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                setTooShort(false);
              }}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              autoFocus
            />
          )}
        </Field>
        <ErrorAlert error={command.error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={command.busy}>
            {t('votes.reopen')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Print one-time codes: the hub makes them and a PDF of slips to cut; the page only downloads it. */
function CodesSection({ vote }: { vote: Vote }) {
  const { t, i18n } = useTranslation();
  const participants = useTopic('participants');
  const room = useConnection((s) => s.host?.room ?? null);
  const suggested = Math.max(1, Object.values(participants).filter((p) => p.status !== 'declined' && p.status !== 'droppedOut' && p.status !== 'replaced').length);
  const [count, setCount] = useState(String(suggested));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState(false);
  const [made, setMade] = useState<{ url: string; count: number } | null>(null);
  const ballotUrl = room?.open && room.joinUrls[0] ? `${room.joinUrls[0].replace(/\/?$/, '/')}#/ballot` : null;

  useEffect(() => () => {
    if (made) URL.revokeObjectURL(made.url);
  }, [made]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > 1000) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/votes/${encodeURIComponent(vote.id)}/codes.pdf?count=${n}&lang=${i18n.language}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: n }),
      });
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => null);
        setError(body ?? { code: 'internal', params: { status: response.status } });
        return;
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      setMade({ url, count: n });
      const link = document.createElement('a');
      link.href = url;
      link.download = `${t('votes.codes.fileName')}.pdf`;
      document.body.append(link);
      link.click();
      link.remove();
    } catch {
      setError({ code: 'internal', params: { reason: 'network' } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="codes-heading" className="panel-section">
      <h2 id="codes-heading">{t('votes.codes.title')}</h2>
      <p>{t('votes.codes.issued', { count: vote.codesIssued })}</p>
      {ballotUrl ? (
        <p>
          {t('votes.codes.address')} <code className="ballot-url">{ballotUrl}</code>
        </p>
      ) : (
        <p className="hint">{t('votes.codes.roomClosed')}</p>
      )}
      <form onSubmit={submit} noValidate className="inline codes-form">
        <Field label={t('votes.codes.count')} hint={t('votes.codes.countHint')} error={invalid ? t('validation.range', { min: 1, max: 1000 }) : null}>
          {({ id, describedBy, invalid: bad }) => (
            <input id={id} type="number" min={1} max={1000} className="narrow-number" value={count} onChange={(e) => setCount(e.target.value)} aria-describedby={describedBy} aria-invalid={bad} />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy ? t('votes.codes.making') : t('votes.codes.print')}
        </button>
      </form>
      <ErrorAlert error={error} />
      {made && (
        <p className="alert alert-info" role="status">
          {t('votes.codes.made', { count: made.count })}{' '}
          <a href={made.url} target="_blank" rel="noopener">
            {t('votes.codes.openAgain')}
          </a>
        </p>
      )}
    </section>
  );
}

/**
 * Paper ballots counted by hand: totals per answer, replacing the earlier paper count, which the
 * form starts from (after a reload or a re-opening, late ballots are added to what was saved).
 */
function PaperCounts({ vote }: { vote: Vote }) {
  const { t } = useTranslation();
  const command = useCommand();
  const stored = useTopic('paperCounts')[vote.id]?.counts ?? null;
  const [draft, setDraft] = useState<CountDraft>(() => draftFrom(vote, stored));
  const [touched, setTouched] = useState(false);
  const [bad, setBad] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  // A count saved from another window fills an untouched form.
  const storedKey = JSON.stringify(stored);
  useEffect(() => {
    if (!touched) setDraft(draftFrom(vote, stored));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storedKey]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = countsFrom(vote, draft);
    if ('bad' in parsed) {
      setBad(parsed.bad.subjectId);
      return;
    }
    setBad(null);
    const done = await command.run('votes.paperCounts', { voteId: vote.id, counts: parsed.counts });
    setSaved(done !== undefined);
    if (done !== undefined) setTouched(false);
  };
  return (
    <section aria-labelledby="paper-heading" className="panel-section">
      <h2 id="paper-heading">{t('votes.paper.title')}</h2>
      <p className="hint">{t('votes.paper.countsHint')}</p>
      <form onSubmit={submit} noValidate>
        <CountsGrid
          vote={vote}
          draft={draft}
          onChange={(d) => {
            setDraft(d);
            setTouched(true);
            setSaved(false);
          }}
          tableSize={null}
          problemSubject={bad}
        />
        {bad && (
          <p className="alert alert-error" role="alert">
            {t('votes.tally.notNumber')}
          </p>
        )}
        <ErrorAlert error={command.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={command.busy}>
            {t('votes.paper.saveCounts')}
          </button>
          <p className="save-state" role="status">
            {saved ? t('votes.paper.saved') : ''}
          </p>
        </div>
      </form>
    </section>
  );
}

/**
 * Paper ranking ballots, entered one at a time as each is read out: the place written beside
 * each option (blank: none). A ballot with two options at one place, a skipped place or (Borda)
 * an option without a place is refused here, saying which, and nothing is saved.
 */
function PaperRanking({ vote }: { vote: Vote }) {
  const { t, i18n } = useTranslation();
  const command = useCommand();
  const base = useId();
  const first = useRef<HTMLInputElement>(null);
  const [places, setPlaces] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<PlacesProblem | null>(null);
  const [entered, setEntered] = useState(0);
  const label = (id: string) => vote.subjects.find((s) => s.id === id)?.label ?? id;
  const list = (ids: string[]) => new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(ids.map(label));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = rankingFromPlaces(vote, places);
    if ('problem' in read) {
      setProblem(read.problem);
      return;
    }
    setProblem(null);
    const done = await command.run('votes.paperRanking', { voteId: vote.id, ballotId: uuidv7(), ranking: read.ranking });
    if (done !== undefined) {
      setEntered((n) => n + 1);
      setPlaces({});
      first.current?.focus();
    }
  };
  const problemText =
    problem &&
    t(`votes.paper.problem.${problem.kind}`, {
      place: 'place' in problem ? problem.place : 0,
      max: vote.subjects.length,
      options: list(problem.subjectIds),
    });
  return (
    <section aria-labelledby="paper-heading" className="panel-section">
      <h2 id="paper-heading">{t('votes.paper.rankingTitle')}</h2>
      <p className="hint" id={`${base}-hint`}>
        {t('votes.paper.rankingHint')} {vote.rankingCount === 'irv' ? t('votes.paper.rankingHintIrv') : t('votes.paper.rankingHintBorda')}
      </p>
      <form onSubmit={submit} noValidate className="paper-ranking">
        <fieldset>
          <legend>{t('votes.paper.rankingLegend')}</legend>
          <ul className="paper-places">
            {vote.subjects.map((s, i) => {
              const bad = problem !== null && problem.subjectIds.includes(s.id);
              return (
                <li key={s.id} className={bad ? 'row-problem' : undefined}>
                  <input
                    ref={i === 0 ? first : undefined}
                    id={`${base}-${i}`}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={3}
                    className="count-input"
                    value={places[s.id] ?? ''}
                    aria-describedby={`${base}-hint`}
                    aria-invalid={bad || undefined}
                    onChange={(e) => {
                      setPlaces({ ...places, [s.id]: e.target.value });
                      setProblem(null);
                    }}
                  />
                  <label htmlFor={`${base}-${i}`}>{s.label}</label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        {problemText && (
          <p className="alert alert-error" role="alert">
            {problemText}
          </p>
        )}
        <ErrorAlert error={command.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={command.busy}>
            {t('votes.paper.saveBallot')}
          </button>
          <p className="save-state" role="status">
            {entered > 0 ? t('votes.paper.entered', { count: entered }) : ''}
          </p>
        </div>
      </form>
    </section>
  );
}

/** Which tables have sent their show of hands, and when. */
function TalliesReceived({ vote }: { vote: Vote }) {
  const { t, i18n } = useTranslation();
  const tallies = useTopicList('tallies', 'tableNo').filter((x) => x.voteId === vote.id);
  return (
    <section aria-labelledby="tallies-heading" className="panel-section">
      <h2 id="tallies-heading">{t('votes.tally.receivedTitle')}</h2>
      {tallies.length === 0 ? (
        <p className="empty">{t('votes.tally.noneYet')}</p>
      ) : (
        <ul className="tally-received">
          {tallies.map((x) => (
            <li key={x.tableNo}>
              <span className="badge badge-ok">{t('votes.tally.tableNo', { n: x.tableNo })}</span>{' '}
              <time dateTime={x.at}>{new Date(x.at).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })}</time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

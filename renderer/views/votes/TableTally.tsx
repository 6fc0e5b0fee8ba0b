import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vote } from '../../../shared/votes.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { hub } from '../../hub/client.js';
import { useConnection } from '../../stores/connection.js';
import { useTopic, useTopicList } from '../../stores/topics.js';
import { CountsGrid, countsFrom, draftFrom, type CountDraft } from './CountsGrid.js';
import { tallyAllowed, tallyProblem } from './model.js';
import './votes.css';

/**
 * How many people a table's tally may stand for, as the hub counts them: those seated at the table
 * in the latest seating round that has seats. 0 when unknown (no seating): the hub still checks.
 */
export function useTableSize(tableNo: number | null): number {
  const rounds = useTopicList('seatingRounds', 'position');
  return useMemo(() => {
    if (tableNo === null) return 0;
    const latest = rounds.filter((r) => Object.keys(r.seats).length > 0).at(-1);
    if (!latest) return 0;
    return Object.values(latest.seats).filter((no) => no === tableNo).length;
  }, [rounds, tableNo]);
}

/**
 * The table secretary's show of hands: for every open vote cast by table tally, the counts per
 * answer, checked against the people at the table, sent through the outbox. Nothing when no such vote is open.
 */
export function TableTally() {
  const principal = useConnection((s) => s.principal);
  const votes = useTopicList('votes', 'openedAt');
  const open = votes.filter((v) => v.status === 'open' && v.modes.includes('tally') && tallyAllowed(v.method));
  const tableNo = principal?.tableNo ?? null;
  if (open.length === 0 || tableNo === null) return null;
  return (
    <>
      {open.map((vote) => (
        <TallyForm key={vote.id} vote={vote} tableNo={tableNo} />
      ))}
    </>
  );
}

type SendState = { state: 'idle' } | { state: 'sending' } | { state: 'acked'; at: Date } | { state: 'failed'; error: unknown };

function TallyForm({ vote, tableNo }: { vote: Vote; tableNo: number }) {
  const { t, i18n } = useTranslation();
  const tableSize = useTableSize(tableNo);
  const stored = useTopic('tallies')[`${vote.id}:${tableNo}`] ?? null;
  const status = useConnection((s) => s.status);
  const [draft, setDraft] = useState<CountDraft>(() => draftFrom(vote, stored?.counts ?? null));
  const [send, setSend] = useState<SendState>({ state: 'idle' });
  const [problem, setProblem] = useState<{ subjectId: string | null; kind: 'overTable' | 'overDots' | 'notNumber' } | null>(null);
  const headingId = `tally-${vote.id}`;

  // A tally that arrives from elsewhere (another window of this table) fills an untouched form.
  useEffect(() => {
    if (stored && send.state === 'idle') setDraft(draftFrom(vote, stored.counts));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored?.at]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = countsFrom(vote, draft);
    if ('bad' in parsed) {
      setProblem({ subjectId: parsed.bad.subjectId, kind: 'notNumber' });
      return;
    }
    const found = tallyProblem(vote, parsed.counts, tableSize);
    if (found) {
      setProblem(found);
      return;
    }
    setProblem(null);
    setSend({ state: 'sending' });
    try {
      await hub.send('votes.tally', { voteId: vote.id, tableNo, counts: parsed.counts });
      setSend({ state: 'acked', at: new Date() });
    } catch (error) {
      setSend({ state: 'failed', error });
    }
  };

  const time = (d: Date) => d.toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const problemText =
    problem?.kind === 'overTable'
      ? t('votes.tally.overTable', { subject: vote.subjects.find((s) => s.id === problem.subjectId)?.label ?? '', size: tableSize })
      : problem?.kind === 'overDots'
        ? t('votes.tally.overDots', { max: tableSize * (vote.dots ?? 1) })
        : problem?.kind === 'notNumber'
          ? t('votes.tally.notNumber')
          : null;

  return (
    <section aria-labelledby={headingId} className="panel-section tally-section card">
      <p className="tally-kicker">{t('votes.tally.kicker')}</p>
      <h2 id={headingId}>{vote.title}</h2>
      <p className="hint">
        {t('votes.tally.instructions')} {tableSize > 0 ? t('votes.tally.tableSize', { count: tableSize }) : t('votes.tally.tableSizeUnknown')}
      </p>
      <form onSubmit={submit} noValidate>
        <CountsGrid
          vote={vote}
          draft={draft}
          onChange={(d) => {
            setDraft(d);
            setProblem(null);
            if (send.state !== 'sending') setSend({ state: 'idle' });
          }}
          tableSize={tableSize > 0 ? tableSize : null}
          problemSubject={problem?.subjectId ?? null}
        />
        {problemText && (
          <p className="alert alert-error" role="alert">
            {problemText}
          </p>
        )}
        {send.state === 'failed' && <ErrorAlert error={send.error} />}
        <div className="actions tally-actions">
          <button type="submit" className="primary" disabled={send.state === 'sending'}>
            {stored ? t('votes.tally.resend') : t('votes.tally.send')}
          </button>
          <p className="save-state" role="status" aria-live="polite">
            {send.state === 'sending'
              ? status === 'open'
                ? t('votes.tally.sending')
                : t('votes.tally.queued')
              : send.state === 'acked'
                ? t('votes.tally.acked', { time: time(send.at) })
                : stored
                  ? t('votes.tally.stored', { time: time(new Date(stored.at)) })
                  : ''}
          </p>
        </div>
      </form>
    </section>
  );
}

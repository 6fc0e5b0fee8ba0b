import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeatingRound } from '../../../../shared/participants.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { href } from '../../../components/route.js';
import { useCommand } from '../../../components/useCommand.js';
import { useTopic, useTopicList } from '../../../stores/topics.js';
import { defaultDay } from '../../checkin/model.js';
import { Constraints } from './Constraints.js';
import { Generate } from './Generate.js';
import { ScorePanel } from './ScorePanel.js';
import { SeatingBoard } from './SeatingBoard.js';
import { SeatingSetup } from './SeatingSetup.js';
import { clientInput, evaluate, toSeat } from './seatingModel.js';
import './people.css';

type Pending = Record<string, Record<string, number | null>>;

function withPending(rounds: SeatingRound[], pending: Pending): SeatingRound[] {
  return rounds.map((r) => {
    const moves = pending[r.id];
    if (!moves) return r;
    const seats = { ...r.seats };
    for (const [id, no] of Object.entries(moves)) {
      if (no === null) delete seats[id];
      else seats[id] = no;
    }
    return { ...r, seats };
  });
}

/**
 * Seating (#/seating): rounds and tables, the features to mix, constraints, Generate (a worker
 * on the hub), and the board where the facilitator moves people with the score and the broken
 * constraints updating on every move. Print: table lists, name cards, the overview.
 */
export function Seating({ isHost }: { isHost: boolean }) {
  const { t, i18n } = useTranslation();
  const base = useId();
  const participants = useTopicList('participants');
  const background = useTopic('participantBackground');
  const roster = useTopic('participantRoster');
  const tables = useTopicList('tables', 'no');
  const roundsTopic = useTopic('seatingRounds');
  const settings = useTopic('seatingSettings').settings;
  const shown = useTopic('seatingShown').shown?.roundId ?? null;
  const features = useTopicList('features', 'position');
  const days = useTopicList('agendaDays');
  const items = useTopic('agendaItems');
  const clock = useTopic('clock').clock;
  const { run, error } = useCommand();
  const [pending, setPending] = useState<Pending>({});
  const [roundId, setRoundId] = useState<string | null>(null);
  const [renaming, setRenaming] = useState('');

  // The hub's answer replaces what was shown while it travelled.
  useEffect(() => setPending({}), [roundsTopic]);
  const rounds = useMemo(() => withPending(Object.values(roundsTopic).sort((a, b) => a.position - b.position), pending), [roundsTopic, pending]);
  const round = rounds.find((r) => r.id === roundId) ?? rounds[0] ?? null;
  useEffect(() => setRenaming(round?.name ?? ''), [round?.id, round?.name]);

  const people = useMemo(() => Object.fromEntries(participants.map((p) => [p.id, p])), [participants]);
  const seatable = useMemo(() => toSeat(participants).sort((a, b) => a.displayName.localeCompare(b.displayName, 'fi')), [participants]);
  const input = useMemo(() => clientInput(participants, background, roster, tables, settings, rounds.length), [participants, background, roster, tables, settings, rounds.length]);
  const evaluation = useMemo(() => evaluate(input, rounds, tables), [input, rounds, tables]);
  const roundIndex = round ? rounds.findIndex((r) => r.id === round.id) : -1;
  const flagged = new Set(evaluation.violations.filter((v) => v.round === roundIndex && v.reason !== 'languageTablesFull').flatMap((v) => v.people));
  const pinned = new Set((settings?.pins ?? []).filter((p) => p.round === null || p.round === roundIndex).map((p) => p.personId));
  const nameOf = (id: string) => people[id]?.displayName ?? '?';
  const day = defaultDay(days, clock, items, new Date());
  const linkedItems = round ? Object.values(items).filter((i) => i.seatingRoundId === round.id) : [];

  const onMove = (personId: string, tableNo: number | null) => {
    if (!round) return;
    setPending((p) => ({ ...p, [round.id]: { ...(p[round.id] ?? {}), [personId]: tableNo } }));
    void run('seating.move', { roundId: round.id, participantId: personId, tableNo }).then((r) => {
      if (r === undefined) setPending({});
    });
  };

  const lang = i18n.language.slice(0, 2);
  return (
    <div className="people seating">
      <h1>{t('seating.title')}</h1>
      <p className="lead">{t('seating.lead')}</p>
      <p>
        <a href={href('people')}>{t('seating.toRoster')}</a>
      </p>
      <div className="seating-top">
        <div>
          <SeatingSetup tables={tables} settings={settings} features={features} seatCount={seatable.length} />
          {isHost && <Generate existingRounds={rounds.length} plannedRounds={settings?.rounds ?? 2} day={day} />}
        </div>
        <Constraints people={seatable} tables={tables} settings={settings} roster={roster} isHost={isHost} />
      </div>

      <section className="panel-section seating-rounds" aria-labelledby={`${base}-rounds`}>
        <h2 id={`${base}-rounds`}>{t('seating.rounds.title')}</h2>
        <ErrorAlert error={error} />
        {rounds.length === 0 ? (
          <p className="empty">{t('seating.rounds.empty')}</p>
        ) : (
          <div className="round-tabs" role="group" aria-label={t('seating.rounds.choose')}>
            {rounds.map((r) => (
              <button key={r.id} type="button" aria-pressed={round?.id === r.id} onClick={() => setRoundId(r.id)}>
                {r.name}
                {shown === r.id && <span className="badge badge-ok">{t('seating.rounds.onProjector')}</span>}
              </button>
            ))}
            <button type="button" className="small" onClick={() => void run('seating.addRound', { name: `${t('seating.roundLabel')} ${rounds.length + 1}` })}>
              {t('seating.rounds.add')}
            </button>
          </div>
        )}
        {rounds.length === 0 && (
          <button type="button" onClick={() => void run('seating.addRound', { name: `${t('seating.roundLabel')} 1` })}>
            {t('seating.rounds.add')}
          </button>
        )}
        {round && (
          <>
            <div className="round-tools">
              <form
                className="inline round-rename"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (renaming.trim() && renaming !== round.name) void run('seating.renameRound', { roundId: round.id, name: renaming.trim() });
                }}
              >
                <label htmlFor={`${base}-name`} className="sr-only">
                  {t('seating.rounds.name')}
                </label>
                <input id={`${base}-name`} value={renaming} maxLength={80} onChange={(e) => setRenaming(e.target.value)} />
                <button type="submit">{t('seating.rounds.rename')}</button>
              </form>
              <button type="button" className={shown === round.id ? undefined : 'primary'} onClick={() => void run('seating.show', { roundId: shown === round.id ? null : round.id })}>
                {shown === round.id ? t('seating.rounds.hide') : t('seating.rounds.show')}
              </button>
              <button type="button" className="danger" onClick={() => void run('seating.removeRound', { roundId: round.id })}>
                {t('seating.rounds.remove')}
              </button>
            </div>
            <p className="hint">
              {linkedItems.length > 0 ? t('seating.rounds.usedBy', { items: linkedItems.map((i) => i.title).join(', ') }) : t('seating.rounds.unused')}{' '}
              <a href={href('programme')}>{t('seating.rounds.toProgramme')}</a>
            </p>
            <ul className="seating-print" aria-label={t('seating.print.title')}>
              <li>
                <a href={`/api/print/seating-tables.pdf?round=${encodeURIComponent(round.id)}&lang=${lang}`} target="_blank" rel="noreferrer" data-print="tables">
                  {t('seating.print.tables', { round: round.name })}
                </a>
              </li>
              <li>
                <a href={`/api/print/name-cards.pdf?lang=${lang}`} target="_blank" rel="noreferrer" data-print="cards">
                  {t('seating.print.cards')}
                </a>
              </li>
              <li>
                <a href={`/api/print/seating-overview.pdf?lang=${lang}`} target="_blank" rel="noreferrer" data-print="overview">
                  {t('seating.print.overview')}
                </a>
              </li>
            </ul>
            <div className="seating-columns">
              <div className="seating-board-col">
                <SeatingBoard
                  round={round}
                  rounds={rounds}
                  tables={tables}
                  people={people}
                  toSeat={seatable}
                  tableScores={evaluation.score.tables.filter((s) => s.round === roundIndex)}
                  flagged={flagged}
                  pinned={pinned}
                  onMove={onMove}
                />
              </div>
              <aside className="seating-side" aria-label={t('seating.score.title')}>
                <ScorePanel score={evaluation.score} violations={evaluation.violations} nameOf={nameOf} rounds={rounds.map((r) => r.name)} />
              </aside>
            </div>
          </>
        )}
      </section>
    </div>
  );
}

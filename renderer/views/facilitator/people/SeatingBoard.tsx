import { DndContext, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { CSS as DndCss } from '@dnd-kit/utilities';
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant, PanelTable, SeatingRound } from '../../../../shared/participants.js';
import type { TableScore } from '../../../../shared/seating.js';
import { neighbourTable, repeatMates } from './seatingModel.js';

interface Props {
  round: SeatingRound;
  rounds: SeatingRound[];
  tables: PanelTable[];
  people: Record<string, Participant>;
  /** Everyone who should sit (confirmed), for the "not seated" list. */
  toSeat: Participant[];
  tableScores: TableScore[];
  flagged: Set<string>;
  pinned: Set<string>;
  onMove: (personId: string, tableNo: number | null) => void;
}

const UNSEATED = 'unseated';

/**
 * One round's tables. Move people by dragging a name onto a table, or by keyboard: Tab to a
 * name, arrow left/right moves it to the previous/next table; Enter selects it, and every table
 * then offers "Move here".
 */
export function SeatingBoard({ round, rounds, tables, people, toSeat, tableScores, flagged, pinned, onMove }: Props) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const refocus = useRef<string | null>(null);
  const board = useRef<HTMLDivElement>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));

  useLayoutEffect(() => {
    const id = refocus.current;
    if (!id || !board.current) return;
    const el = board.current.querySelector<HTMLButtonElement>(`[data-person="${CSS.escape(id)}"]`);
    if (el && document.activeElement !== el) el.focus();
    refocus.current = null;
  });

  const move = (personId: string, tableNo: number | null) => {
    if ((round.seats[personId] ?? null) === tableNo) return;
    onMove(personId, tableNo);
    const name = people[personId]?.displayName ?? '';
    setSaid(tableNo === null ? t('seating.board.movedOff', { name }) : t('seating.board.moved', { name, no: tableNo }));
  };

  const onDragEnd = (e: DragEndEvent) => {
    const over = e.over?.id;
    if (over === undefined) return;
    const personId = String(e.active.id);
    move(personId, over === UNSEATED ? null : Number(String(over).slice('table-'.length)));
  };

  const onChipKey = (e: KeyboardEvent<HTMLButtonElement>, personId: string) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      const to = neighbourTable(tables, round.seats[personId], e.key === 'ArrowRight' ? 1 : -1);
      if (to !== null) {
        refocus.current = personId;
        move(personId, to);
      }
    } else if (e.key === 'Escape') {
      setSelected(null);
    }
  };

  const seatedIds = new Set(Object.keys(round.seats));
  const unseated = toSeat.filter((p) => !seatedIds.has(p.id));
  const at = (no: number) =>
    Object.entries(round.seats)
      .filter(([, n]) => n === no)
      .map(([id]) => id)
      .sort((a, b) => (people[a]?.displayName ?? '').localeCompare(people[b]?.displayName ?? '', 'fi'));
  const chip = (id: string) => (
    <Chip
      key={id}
      id={id}
      person={people[id]}
      selected={selected === id}
      flagged={flagged.has(id)}
      pinned={pinned.has(id)}
      repeats={repeatMates(rounds, round.id, id).size}
      onSelect={() => setSelected((s) => (s === id ? null : id))}
      onKeyDown={(e) => onChipKey(e, id)}
    />
  );
  const selectedName = selected ? (people[selected]?.displayName ?? '') : '';

  return (
    <DndContext sensors={sensors} onDragEnd={onDragEnd}>
      <p className="hint" id="seating-board-help">
        {t('seating.board.help')}
      </p>
      <p className="sr-only" role="status" aria-live="polite">
        {said}
      </p>
      <div className="seating-board" ref={board}>
        {tables.map((tb) => {
          const ids = at(tb.no);
          const s = tableScores.find((x) => x.tableNo === tb.no);
          return (
            <Drop key={tb.no} id={`table-${tb.no}`} className={`seat-table ${ids.length > tb.capacity ? 'over' : ''}`}>
              <div className="seat-table-head">
                <h3>
                  {t('seating.tableN', { no: tb.no })}
                  {tb.language !== 'fi' && <span className="badge">{tb.language}</span>}
                  {tb.accessible && (
                    <span className="badge" title={t('seating.board.accessible')}>
                      ♿<span className="sr-only">{t('seating.board.accessible')}</span>
                    </span>
                  )}
                </h3>
                <p className="seat-table-meta">
                  <span className={ids.length > tb.capacity ? 'over-text' : undefined}>{t('seating.board.fill', { n: ids.length, capacity: tb.capacity })}</span>
                  {s && s.size > 0 && <span>{t('seating.board.tableDiversity', { value: s.diversity.toFixed(2) })}</span>}
                  {s && s.repeatPairs > 0 && <span className="repeat-text">{t('seating.board.tableRepeats', { count: s.repeatPairs })}</span>}
                </p>
              </div>
              <ul className="seat-chips" aria-label={t('seating.board.atTable', { no: tb.no })}>
                {ids.map((id) => (
                  <li key={id}>{chip(id)}</li>
                ))}
              </ul>
              {selected && round.seats[selected] !== tb.no && (
                <button
                  type="button"
                  className="small move-here"
                  onClick={() => {
                    refocus.current = selected;
                    move(selected, tb.no);
                    setSelected(null);
                  }}
                >
                  {t('seating.board.moveHere', { name: selectedName, no: tb.no })}
                </button>
              )}
            </Drop>
          );
        })}
        <Drop id={UNSEATED} className="seat-table seat-unseated">
          <div className="seat-table-head">
            <h3>{t('seating.board.unseated', { count: unseated.length })}</h3>
          </div>
          <ul className="seat-chips" aria-label={t('seating.board.unseatedLabel')}>
            {unseated.map((p) => (
              <li key={p.id}>{chip(p.id)}</li>
            ))}
          </ul>
          {selected && round.seats[selected] !== undefined && (
            <button
              type="button"
              className="small move-here"
              onClick={() => {
                move(selected, null);
                setSelected(null);
              }}
            >
              {t('seating.board.moveOff', { name: selectedName })}
            </button>
          )}
        </Drop>
      </div>
    </DndContext>
  );
}

function Drop({ id, className, children }: { id: string; className: string; children: ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <section ref={setNodeRef} className={`${className}${isOver ? ' drop-over' : ''}`} data-drop={id}>
      {children}
    </section>
  );
}

function Chip({
  id,
  person,
  selected,
  flagged,
  pinned,
  repeats,
  onSelect,
  onKeyDown,
}: {
  id: string;
  person: Participant | undefined;
  selected: boolean;
  flagged: boolean;
  pinned: boolean;
  repeats: number;
  onSelect: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
}) {
  const { t } = useTranslation();
  const { setNodeRef, listeners, transform, isDragging } = useDraggable({ id });
  const gone = person && person.status !== 'confirmed';
  const name = person?.displayName ?? '?';
  const notes = [pinned ? t('seating.board.pinned') : '', repeats > 0 ? t('seating.board.repeats', { count: repeats }) : '', flagged ? t('seating.board.flagged') : '', gone ? t(`roster.status.${person.status}`) : '']
    .filter(Boolean)
    .join(', ');
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={`seat-chip${selected ? ' selected' : ''}${flagged ? ' flagged' : ''}${gone ? ' gone' : ''}${isDragging ? ' dragging' : ''}`}
      style={{ transform: DndCss.Translate.toString(transform) }}
      aria-pressed={selected}
      aria-describedby="seating-board-help"
      aria-label={notes ? `${name} (${notes})` : name}
      data-person={id}
      onClick={onSelect}
      onKeyDown={onKeyDown}
      {...listeners}
    >
      {pinned && <span aria-hidden="true">📌 </span>}
      {name}
      {repeats > 0 && (
        <span className="chip-repeat" aria-hidden="true">
          {' '}
          ↻{repeats}
        </span>
      )}
    </button>
  );
}

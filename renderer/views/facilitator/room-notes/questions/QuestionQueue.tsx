import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpertQuestion } from '../../../../../shared/questions.js';
import { ErrorAlert } from '../../../../components/ErrorAlert.js';
import { useCommand } from '../../../../components/useCommand.js';
import { useTopic, useTopicList } from '../../../../stores/topics.js';
import { movePosition, orderedItems, queueOrder } from '../model.js';
import '../roomNotes.css';
import { MergeDialog } from './MergeDialog.js';
import { QuestionRow } from './QuestionRow.js';

const ALL = '';

/**
 * The question queue of an expert hearing: the tables' questions in order; reorder (drag or the
 * Move buttons), merge duplicates, mark asked/answered/dismissed, put one on the projector, and
 * write down the gist of the answer.
 */
export function QuestionQueue() {
  const { t } = useTranslation();
  const questions = useTopicList('questions');
  const experts = useTopicList('experts', 'name');
  const items = orderedItems(useTopicList('agendaDays'), useTopicList('agendaItems'));
  const projected = useTopic('projectedQuestion').projected;
  const project = useCommand();
  const move = useCommand();

  const [expertId, setExpertId] = useState(ALL);
  const [itemId, setItemId] = useState(ALL);
  const [showDone, setShowDone] = useState(true);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [merging, setMerging] = useState(false);
  const [pending, setPending] = useState<string[] | null>(null);
  const [said, setSaid] = useState('');
  const refocus = useRef<{ id: string; via: 'up' | 'down' } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const queue = queueOrder(questions);
  const signature = queue.map((q) => q.id).join(',');
  useEffect(() => setPending(null), [signature]);
  const byId = useMemo(() => new Map(questions.map((q) => [q.id, q])), [questions]);
  const fullIds = pending ?? queue.map((q) => q.id);
  const matches = (q: ExpertQuestion) =>
    (expertId === ALL || q.expertId === expertId) && (itemId === ALL || q.itemId === itemId) && (showDone || q.status === 'queued' || q.status === 'asked');
  const shown = fullIds.map((id) => byId.get(id)).filter((q): q is ExpertQuestion => q !== undefined && matches(q));
  const shownIds = shown.map((q) => q.id);
  const mergedUnder = useMemo(() => {
    const map = new Map<string, ExpertQuestion[]>();
    for (const q of questions) if (q.mergedInto) map.set(q.mergedInto, [...(map.get(q.mergedInto) ?? []), q]);
    return map;
  }, [questions]);
  const expertName = (id: string | null) => experts.find((e) => e.id === id)?.name ?? null;
  const itemTitle = (id: string | null) => items.find((i) => i.id === id)?.title ?? null;
  // Hearing items first in the filter: those are where questions come from.
  const hearingItems = items.filter((i) => i.kind === 'expertHearing' || i.kind === 'expertQuestions' || questions.some((q) => q.itemId === i.id));

  // Selected questions that were merged away or vanished drop out of the selection.
  useEffect(() => {
    setSelected((s) => {
      const kept = [...s].filter((id) => byId.get(id)?.mergedInto === null);
      return kept.length === s.size ? s : new Set(kept);
    });
  }, [byId]);

  useLayoutEffect(() => {
    const want = refocus.current;
    if (!want || !listRef.current) return;
    const row = listRef.current.querySelector(`[data-question-id="${want.id}"]`);
    const same = row?.querySelector<HTMLButtonElement>(`[data-move="${want.via}"]`);
    const other = row?.querySelector<HTMLButtonElement>(`[data-move="${want.via === 'up' ? 'down' : 'up'}"]`);
    const target = same && !same.disabled ? same : other;
    refocus.current = null;
    if (target && document.activeElement !== target) target.focus();
  });

  /** Moves `id` next to a neighbour in the shown list (so a filter never hides where it lands). */
  const moveTo = async (id: string, shownIndex: number, via: 'up' | 'down' | 'drag') => {
    const from = shownIds.indexOf(id);
    if (from < 0 || shownIndex === from || shownIndex < 0 || shownIndex >= shownIds.length) return;
    const neighbour = shownIds[shownIndex]!;
    const target = shownIndex < from ? { before: neighbour } : { after: neighbour };
    const position = movePosition(fullIds, id, target);
    const next = fullIds.filter((x) => x !== id);
    next.splice(position, 0, id);
    setPending(next);
    setSaid(t('questions.moved', { position: shownIndex + 1, count: shownIds.length }));
    refocus.current = via === 'drag' ? null : { id, via };
    const done = await move.run('questions.move', { questionId: id, position });
    if (done === undefined) setPending(null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    void moveTo(String(active.id), shownIds.indexOf(String(over.id)), 'drag');
  };
  const short = (id: unknown) => byId.get(String(id))?.text.slice(0, 60) ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('questions.dnd.picked', { text: short(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('questions.dnd.over', { text: short(active.id), position: shownIds.indexOf(String(over.id)) + 1, count: shownIds.length }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('questions.dnd.dropped', { text: short(active.id), position: shownIds.indexOf(String(over.id)) + 1, count: shownIds.length }) : undefined),
    onDragCancel: ({ active }) => t('questions.dnd.cancelled', { text: short(active.id) }),
  };

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const selectedQuestions = [...selected].map((id) => byId.get(id)).filter((q): q is ExpertQuestion => q !== undefined);
  const projectedId = projected?.questionId ?? null;

  return (
    <div className="questions">
      <h1>{t('questions.title')}</h1>

      <section className={`on-projector${projectedId ? ' is-live' : ''}`} aria-labelledby="on-projector-title">
        <h2 id="on-projector-title">{t('questions.onProjector')}</h2>
        <div role="status" aria-live="polite" className="on-projector-body">
          {projected && projectedId ? (
            <>
              <p className="on-projector-text">{projected.text}</p>
              <p className="muted">
                {projected.fromTables.length > 0 && t('questions.fromTables', { tables: projected.fromTables.join(', '), count: projected.fromTables.length })}
                {expertName(projected.expertId) && ` · ${expertName(projected.expertId)}`}
              </p>
            </>
          ) : (
            <p className="muted">{t('questions.nothingProjected')}</p>
          )}
        </div>
        {projectedId && (
          <button type="button" disabled={project.busy} onClick={() => void project.run('questions.project', { questionId: null })}>
            {t('questions.unproject')}
          </button>
        )}
        <ErrorAlert error={project.error} />
      </section>

      <section className="wall-filters" aria-label={t('questions.filters')}>
        <div className="field">
          <label htmlFor="q-expert">{t('questions.expert')}</label>
          <select id="q-expert" value={expertId} onChange={(e) => setExpertId(e.target.value)}>
            <option value={ALL}>{t('questions.allExperts')}</option>
            {experts.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q-item">{t('questions.item')}</label>
          <select id="q-item" value={itemId} onChange={(e) => setItemId(e.target.value)}>
            <option value={ALL}>{t('questions.allItems')}</option>
            {hearingItems.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={showDone} onChange={(e) => setShowDone(e.target.checked)} />
          {t('questions.showDone')}
        </label>
      </section>

      <div className="wall-selection" role="region" aria-label={t('questions.selectionLabel')} data-active={selected.size > 0}>
        <p className="wall-selection-count" aria-live="polite">
          {selected.size === 0 ? t('questions.selectHint') : t('questions.selected', { count: selected.size })}
        </p>
        <div className="actions">
          <button type="button" className="primary" disabled={selected.size < 2} onClick={() => setMerging(true)}>
            {t('questions.merge')}
          </button>
          {selected.size > 0 && (
            <button type="button" className="small" onClick={() => setSelected(new Set())}>
              {t('questions.clearSelection')}
            </button>
          )}
        </div>
      </div>

      {shown.length === 0 ? (
        <p className="empty">{queue.length === 0 ? t('questions.empty') : t('questions.noneMatch')}</p>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('questions.dnd.instructions') } }}
        >
          <SortableContext items={shownIds} strategy={verticalListSortingStrategy}>
            <ol className="qq-list" ref={listRef} aria-label={t('questions.listLabel')}>
              {shown.map((q, index) => (
                <QuestionRow
                  key={q.id}
                  question={q}
                  index={index}
                  count={shown.length}
                  selected={selected.has(q.id)}
                  onToggle={toggle}
                  projected={q.id === projectedId}
                  merged={mergedUnder.get(q.id) ?? []}
                  expertName={expertName(q.expertId)}
                  itemTitle={itemTitle(q.itemId)}
                  onMove={(to, via) => void moveTo(q.id, to, via)}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
      <ErrorAlert error={move.error} />
      <p className="sr-only" role="status">
        {said}
      </p>

      <MergeDialog
        open={merging}
        questions={selectedQuestions}
        onClose={(done) => {
          setMerging(false);
          if (done) {
            setSaid(t('questions.merged', { count: selectedQuestions.length }));
            setSelected(new Set());
          }
        }}
      />
    </div>
  );
}


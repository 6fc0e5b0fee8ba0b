import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plannedSchedule, type AgendaDay, type AgendaItem } from '../../../../shared/agenda.js';
import { phase, type ClockState } from '../../../../shared/clock.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useCommand } from '../../../components/useCommand.js';
import { ItemRow } from './ItemRow.js';

interface Props {
  day: AgendaDay;
  items: AgendaItem[];
  days: AgendaDay[];
  clock: ClockState;
}

/**
 * A day's items in order, reordered by dragging (mouse, touch, or the keyboard on the handle:
 * Space, arrows, Space) or by the Move up/down buttons. Every reorder is one agenda.moveItem;
 * the new order shows at once and the hub's answer replaces it.
 */
export function SortableItems({ day, items, days, clock }: Props) {
  const { t } = useTranslation();
  const command = useCommand();
  const [pending, setPending] = useState<string[] | null>(null);
  const [said, setSaid] = useState('');
  const refocus = useRef<{ id: string; via: 'up' | 'down' } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const signature = items.map((i) => i.id).join(',');
  useEffect(() => setPending(null), [signature]);
  const ids = pending ?? items.map((i) => i.id);
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const ordered = ids.map((id) => byId.get(id)).filter((i): i is AgendaItem => i !== undefined);
  const times = new Map(plannedSchedule(day, ordered.map((item, position) => ({ ...item, position }))).map((s) => [s.id, s]));
  const title = (id: unknown) => byId.get(String(id))?.title ?? '';

  // A moved row's button lost focus when the row moved: give it back (or to its sibling at an end).
  useLayoutEffect(() => {
    const want = refocus.current;
    if (!want || !listRef.current) return;
    const row = listRef.current.querySelector(`[data-item-id="${want.id}"]`);
    const same = row?.querySelector<HTMLButtonElement>(`[data-move="${want.via}"]`);
    const other = row?.querySelector<HTMLButtonElement>(`[data-move="${want.via === 'up' ? 'down' : 'up'}"]`);
    const target = same && !same.disabled ? same : other;
    refocus.current = null;
    if (target && document.activeElement !== target) target.focus();
  });

  const move = async (item: AgendaItem, dayId: string, position: number, via: 'up' | 'down' | 'day' | 'drag') => {
    if (dayId === day.id) {
      const from = ids.indexOf(item.id);
      const to = Math.max(0, Math.min(position, ids.length - 1));
      if (from === to) return;
      setPending(arrayMove(ids, from, to));
      setSaid(t('programme.moved', { title: item.title, position: to + 1, count: ids.length }));
      refocus.current = via === 'up' || via === 'down' ? { id: item.id, via } : null;
      const done = await command.run('agenda.moveItem', { itemId: item.id, dayId, position: to });
      if (done === undefined) setPending(null);
    } else {
      const target = days.find((d) => d.id === dayId);
      setSaid(t('programme.movedToDay', { title: item.title, day: target?.title ?? '' }));
      await command.run('agenda.moveItem', { itemId: item.id, dayId, position });
    }
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const item = byId.get(String(active.id));
    if (item) void move(item, day.id, ids.indexOf(String(over.id)), 'drag');
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('programme.dnd.picked', { title: title(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('programme.dnd.over', { title: title(active.id), position: ids.indexOf(String(over.id)) + 1, count: ids.length }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('programme.dnd.dropped', { title: title(active.id), position: ids.indexOf(String(over.id)) + 1, count: ids.length }) : undefined),
    onDragCancel: ({ active }) => t('programme.dnd.cancelled', { title: title(active.id) }),
  };

  const stage = clock.itemId && byId.has(clock.itemId) ? phase(clock) : null;
  if (ordered.length === 0) return <p className="empty">{t('programme.noItems')}</p>;
  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('programme.dnd.instructions') } }}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ol className="pe-items" ref={listRef} aria-label={t('programme.day.itemsOf', { title: day.title })}>
            {ordered.map((item, index) => (
              <ItemRow
                key={item.id}
                item={item}
                start={times.get(item.id)?.start ?? ''}
                end={times.get(item.id)?.end ?? ''}
                index={index}
                count={ordered.length}
                days={days}
                onStage={item.id === clock.itemId ? stage : null}
                onMove={(it, dayId, position, via) => void move(it, dayId, position, via)}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <p className="sr-only" role="status">
        {said}
      </p>
      <ErrorAlert error={command.error} />
    </>
  );
}

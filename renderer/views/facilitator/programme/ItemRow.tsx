import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaDay, AgendaItem } from '../../../../shared/agenda.js';
import { ConfirmDialog } from '../../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useCommand } from '../../../components/useCommand.js';
import { ItemForm } from './ItemForm.js';
import { MoveToDay } from './MoveToDay.js';

interface Props {
  item: AgendaItem;
  start: string;
  end: string;
  index: number;
  count: number;
  days: AgendaDay[];
  /** 'ready' | 'running' | 'paused' when this item is on stage. */
  onStage: string | null;
  onMove: (item: AgendaItem, dayId: string, position: number, via: 'up' | 'down' | 'day') => void;
}

/** One item of a day: drag handle, planned times, move up/down, edit, remove. */
export function ItemRow({ item, start, end, index, count, days, onStage, onMove }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const remove = useCommand();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: editing });
  const style = { transform: CSS.Translate.toString(transform), transition };
  return (
    <li ref={setNodeRef} style={style} className={`pe-item kind-${item.kind}${isDragging ? ' is-dragging' : ''}${onStage ? ' is-on-stage' : ''}`} data-item-id={item.id}>
      <div className="pe-item-row">
        <button type="button" className="pe-handle" ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={t('programme.item.drag', { title: item.title })} disabled={editing}>
          <span aria-hidden="true">⠿</span>
        </button>
        <span className="agenda-time">
          <time>{start}</time>–<time>{end}</time>
        </span>
        <span className="pe-item-main">
          <span className="agenda-title">{item.title}</span>
          <span className="pe-item-meta">
            {t(`agenda.kind.${item.kind}`)} · {t('run.minutes', { count: item.plannedMinutes })}
          </span>
          {onStage && <span className="badge pe-on-stage">{t(`programme.item.onStage.${onStage}`)}</span>}
        </span>
        <span className="pe-item-actions">
          <button type="button" className="small" data-move="up" disabled={index === 0} onClick={() => onMove(item, item.dayId, index - 1, 'up')} aria-label={t('programme.item.moveUp', { title: item.title })}>
            {t('programme.item.up')}
          </button>
          <button type="button" className="small" data-move="down" disabled={index === count - 1} onClick={() => onMove(item, item.dayId, index + 1, 'down')} aria-label={t('programme.item.moveDown', { title: item.title })}>
            {t('programme.item.down')}
          </button>
          <button type="button" className="small" aria-expanded={editing} onClick={() => setEditing((e) => !e)} aria-label={t('programme.item.editLabel', { title: item.title })}>
            {t('programme.item.edit')}
          </button>
          <button type="button" className="small danger" onClick={() => setConfirmRemove(true)} aria-label={t('programme.item.removeLabel', { title: item.title })}>
            {t('programme.item.remove')}
          </button>
        </span>
      </div>
      <ErrorAlert error={remove.error} />
      {editing && (
        <div className="pe-item-edit">
          <ItemForm dayId={item.dayId} item={item} onDone={() => setEditing(false)} />
          <MoveToDay item={item} days={days} onMove={(dayId) => onMove(item, dayId, 1000, 'day')} />
        </div>
      )}
      <ConfirmDialog
        open={confirmRemove}
        title={t('programme.item.removeTitle')}
        message={t('programme.item.removeMessage', { title: item.title })}
        confirmLabel={t('programme.item.remove')}
        danger
        onCancel={() => setConfirmRemove(false)}
        onConfirm={() => {
          setConfirmRemove(false);
          void remove.run('agenda.removeItem', { itemId: item.id });
        }}
      />
    </li>
  );
}

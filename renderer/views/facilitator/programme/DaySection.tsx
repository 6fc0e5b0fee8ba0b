import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaDay, AgendaItem } from '../../../../shared/agenda.js';
import type { ClockState } from '../../../../shared/clock.js';
import { ConfirmDialog } from '../../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDate } from '../../../components/RelativeTime.js';
import { useCommand } from '../../../components/useCommand.js';
import { DayForm } from './DayForm.js';
import { ItemForm } from './ItemForm.js';
import { SortableItems } from './SortableItems.js';

interface Props {
  day: AgendaDay;
  items: AgendaItem[];
  end: string;
  days: AgendaDay[];
  clock: ClockState;
}

/** One day of the programme: its heading and times, its items, adding an item. */
export function DaySection({ day, items, end, days, clock }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const remove = useCommand();
  const headingId = `pe-day-${day.id}`;
  return (
    <section className="panel-section pe-day" aria-labelledby={headingId}>
      <div className="pe-day-head">
        <h2 id={headingId}>
          {day.title} <span className="muted pe-day-date">{formatDate(day.date, i18n.language)}</span>
        </h2>
        <p className="pe-day-times">{t('programme.day.runs', { start: day.startsAt, end })}</p>
        <div className="pe-day-actions">
          <button type="button" className="small" aria-expanded={editing} onClick={() => setEditing((e) => !e)} aria-label={t('programme.day.editLabel', { title: day.title })}>
            {t('programme.day.edit')}
          </button>
          <button type="button" className="small danger" onClick={() => setConfirmRemove(true)} aria-label={t('programme.day.removeLabel', { title: day.title })}>
            {t('programme.day.remove')}
          </button>
        </div>
      </div>
      {editing && <DayForm day={day} onDone={() => setEditing(false)} />}
      <ErrorAlert error={remove.error} />
      <SortableItems day={day} items={items} days={days} clock={clock} />
      {adding ? (
        <ItemForm dayId={day.id} onDone={() => setAdding(false)} />
      ) : (
        <button type="button" className="pe-add-item" onClick={() => setAdding(true)}>
          {t('programme.item.addTo', { title: day.title })}
        </button>
      )}
      <ConfirmDialog
        open={confirmRemove}
        title={t('programme.day.removeTitle')}
        message={t('programme.day.removeMessage', { title: day.title, count: items.length })}
        confirmLabel={t('programme.day.remove')}
        danger
        onCancel={() => setConfirmRemove(false)}
        onConfirm={() => {
          setConfirmRemove(false);
          void remove.run('agenda.removeDay', { dayId: day.id });
        }}
      />
    </section>
  );
}

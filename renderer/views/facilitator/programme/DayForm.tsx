import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaDay } from '../../../../shared/agenda.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { Field } from '../../../components/Field.js';
import { errorParts, useErrorText } from '../../../components/errorText.js';
import { useCommand } from '../../../components/useCommand.js';
import { refusedField } from './model.js';

const FIELDS = ['date', 'startsAt', 'title'] as const;
type DayField = (typeof FIELDS)[number];

/** Adds a day, or edits one: date, start time, title. */
export function DayForm({ day, onDone }: { day?: AgendaDay; onDone?: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const command = useCommand();
  const [date, setDate] = useState(day?.date ?? '');
  const [startsAt, setStartsAt] = useState(day?.startsAt ?? '09:00');
  const [title, setTitle] = useState(day?.title ?? '');

  const refused = refusedField(command.error, FIELDS);
  const overlaps = command.error && errorParts(command.error).code === 'agenda.dayOverlaps';
  const fieldError = (field: DayField): string | null => {
    if (field === 'date' && overlaps) return errorText(command.error);
    return refused === field ? t(`programme.fieldError.${field}`) : null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = { date, startsAt, title: title.trim() };
    const done = day ? await command.run('agenda.updateDay', { dayId: day.id, ...fields }) : await command.run('agenda.addDay', fields);
    if (done === undefined) return;
    if (!day) {
      setDate('');
      setTitle('');
    }
    onDone?.();
  };

  return (
    <form onSubmit={submit} noValidate className="pe-form pe-day-form">
      <div className="pe-form-row">
        <Field label={t('programme.day.date')} error={fieldError('date')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} required />
          )}
        </Field>
        <Field label={t('programme.day.startsAt')} error={fieldError('startsAt')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="time" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} required />
          )}
        </Field>
        <Field label={t('programme.day.title')} error={fieldError('title')}>
          {({ id, describedBy, invalid }) => (
            <input id={id} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} required />
          )}
        </Field>
      </div>
      {!refused && !overlaps && <ErrorAlert error={command.error} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={command.busy}>
          {day ? t('programme.day.save') : t('programme.day.add')}
        </button>
        {onDone && day && (
          <button type="button" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

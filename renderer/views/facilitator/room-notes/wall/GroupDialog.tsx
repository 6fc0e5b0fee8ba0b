import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableNote } from '../../../../../shared/notes.js';
import { ErrorAlert } from '../../../../components/ErrorAlert.js';
import { Field } from '../../../../components/Field.js';
import { useCommand } from '../../../../components/useCommand.js';

interface Props {
  open: boolean;
  notes: TableNote[];
  /** Called with the new draft's title, or null when cancelled. */
  onClose: (createdTitle: string | null) => void;
}

/** "Ryhmittele suositusluonnokseksi": a title and a text for a new draft made of the selected notes. */
export function GroupDialog({ open, notes, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const create = useCommand();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setTitle('');
      setText('');
      setTitleError(null);
      create.setError(null);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) return setTitleError(t('validation.required'));
    const result = await create.run('recommendations.create', { title: title.trim(), text: text.trim(), noteIds: notes.map((n) => n.id) });
    if (result !== undefined) onClose(title.trim());
  }

  const tables = [...new Set(notes.map((n) => n.tableNo))].sort((a, b) => a - b);
  return (
    <dialog
      ref={ref}
      className="dialog group-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose(null);
      }}
    >
      <h2 id={titleId}>{t('wall.groupTitle')}</h2>
      <p>{t('wall.groupLead', { count: notes.length, tables: tables.join(', ') })}</p>
      <ul className="group-sources">
        {notes.map((n) => (
          <li key={n.id}>
            <span className="badge">{t('wall.tableN', { no: n.tableNo })}</span> <span className="muted">{t(`wall.kind.${n.kind}`)}:</span> {n.text}
          </li>
        ))}
      </ul>
      <form onSubmit={submit} noValidate>
        <Field label={t('wall.draftTitle')} error={titleError}>
          {({ id, describedBy, invalid }) => (
            <input id={id} value={title} maxLength={300} autoFocus onChange={(e) => setTitle(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
        <Field label={t('wall.draftText')} hint={t('wall.draftTextHint')}>
          {({ id, describedBy }) => <textarea id={id} rows={4} value={text} maxLength={8000} onChange={(e) => setText(e.target.value)} aria-describedby={describedBy} />}
        </Field>
        <ErrorAlert error={create.error} />
        <div className="actions">
          <button type="button" onClick={() => onClose(null)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={create.busy}>
            {t('wall.createDraft')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

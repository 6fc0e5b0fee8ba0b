import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../../shared/agenda.js';
import { uuidv7 } from '../../../../../shared/ids.js';
import { MAX_NOTE_CHARS, NOTE_KINDS, type NoteKind } from '../../../../../shared/notes.js';
import { ErrorAlert } from '../../../../components/ErrorAlert.js';
import { Field } from '../../../../components/Field.js';
import { useCommand } from '../../../../components/useCommand.js';

interface Props {
  itemId: string | null;
  items: AgendaItem[];
  tables: number[];
  tableName: (no: number) => string;
}

/**
 * Typing in a table's paper notes afterwards: table, item, kind, text. The note is marked as
 * transcribed, and by whom (the hub records this device's name). Table, item and kind stay for
 * the next note, so a sheet goes in fast.
 */
export function Transcribe({ itemId, items, tables, tableName }: Props) {
  const { t } = useTranslation();
  const cmd = useCommand();
  const [open, setOpen] = useState(false);
  const [tableNo, setTableNo] = useState('');
  const [item, setItem] = useState(itemId ?? '');
  const [kind, setKind] = useState<NoteKind>('keyPoint');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ table?: string; text?: string }>({});
  const [saved, setSaved] = useState('');

  useEffect(() => {
    if (!open) setItem(itemId ?? '');
  }, [itemId, open]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const n = Number(tableNo);
    const next: typeof errors = {};
    if (!tableNo || !Number.isInteger(n)) next.table = t('wall.chooseTable');
    if (!text.trim()) next.text = t('validation.required');
    setErrors(next);
    if (next.table || next.text) return;
    setSaved('');
    const body = text.trim();
    const result = await cmd.run('notes.add', { noteId: uuidv7(), tableNo: n, itemId: item || null, kind, text: body, transcribed: true });
    if (result !== undefined) {
      setText('');
      setSaved(t('wall.transcribed', { no: n }));
    }
  }

  return (
    <details className="transcribe panel-section" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary className="transcribe-summary">{t('wall.transcribeTitle')}</summary>
      <p className="hint">{t('wall.transcribeHelp')}</p>
      <form onSubmit={submit} noValidate className="transcribe-form">
        <div className="transcribe-row">
          <Field label={t('wall.table')} error={errors.table ?? null}>
            {({ id, describedBy, invalid }) => (
              <select id={id} value={tableNo} onChange={(e) => setTableNo(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid}>
                <option value="">{t('wall.chooseTableOption')}</option>
                {tables.map((no) => (
                  <option key={no} value={no}>
                    {tableName(no)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('wall.item')}>
            {({ id }) => (
              <select id={id} value={item} onChange={(e) => setItem(e.target.value)}>
                <option value="">{t('wall.noItemOption')}</option>
                {items.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('wall.kindLabel')}>
            {({ id }) => (
              <select id={id} value={kind} onChange={(e) => setKind(e.target.value as NoteKind)}>
                {NOTE_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`wall.kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={t('wall.noteText')} error={errors.text ?? null}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} rows={3} value={text} maxLength={MAX_NOTE_CHARS} onChange={(e) => setText(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
          )}
        </Field>
        <ErrorAlert error={cmd.error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={cmd.busy}>
            {t('wall.saveTranscribed')}
          </button>
          <p className="save-state" role="status">
            {saved}
          </p>
        </div>
      </form>
    </details>
  );
}

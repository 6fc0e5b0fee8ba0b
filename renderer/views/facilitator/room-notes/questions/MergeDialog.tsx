import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExpertQuestion } from '../../../../../shared/questions.js';
import { ErrorAlert } from '../../../../components/ErrorAlert.js';
import { useCommand } from '../../../../components/useCommand.js';

interface Props {
  open: boolean;
  questions: ExpertQuestion[];
  onClose: (merged: boolean) => void;
}

/** "Yhdistä": the selected questions become one; the facilitator picks which wording stays. */
export function MergeDialog({ open, questions, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [keep, setKeep] = useState('');
  const merge = useCommand();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setKeep(questions[0]?.id ?? '');
      merge.setError(null);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  async function submit(event: FormEvent) {
    event.preventDefault();
    const intoId = keep || questions[0]?.id;
    if (!intoId) return;
    const done = await merge.run('questions.merge', { questionIds: questions.map((q) => q.id), intoId });
    if (done !== undefined) onClose(true);
  }

  return (
    <dialog
      ref={ref}
      className="dialog merge-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose(false);
      }}
    >
      <h2 id={titleId}>{t('questions.mergeTitle', { count: questions.length })}</h2>
      <form onSubmit={submit}>
        <fieldset className="field">
          <legend>{t('questions.mergeKeep')}</legend>
          <div className="merge-options">
            {questions.map((q, i) => (
              <label key={q.id} className="check merge-option">
                <input type="radio" name="merge-keep" value={q.id} checked={keep === q.id} onChange={() => setKeep(q.id)} autoFocus={i === 0} />
                <span>
                  {q.text}
                  {q.fromTables.length > 0 && <span className="muted"> ({t('questions.fromTables', { tables: q.fromTables.join(', '), count: q.fromTables.length })})</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <p className="hint">{t('questions.mergeHelp')}</p>
        <ErrorAlert error={merge.error} />
        <div className="actions">
          <button type="button" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={merge.busy}>
            {t('questions.mergeConfirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

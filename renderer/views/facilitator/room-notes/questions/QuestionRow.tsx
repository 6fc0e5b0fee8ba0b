import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QUESTION_STATUSES, type ExpertQuestion, type QuestionStatus } from '../../../../../shared/questions.js';
import { ErrorAlert } from '../../../../components/ErrorAlert.js';
import { Field } from '../../../../components/Field.js';
import { useCommand } from '../../../../components/useCommand.js';

interface Props {
  question: ExpertQuestion;
  index: number;
  count: number;
  selected: boolean;
  onToggle: (id: string) => void;
  projected: boolean;
  merged: ExpertQuestion[];
  expertName: string | null;
  itemTitle: string | null;
  onMove: (toIndex: number, via: 'up' | 'down') => void;
}

/** One question in the queue: drag handle, select, text and origin, status, projector, answer. */
export function QuestionRow({ question: q, index, count, selected, onToggle, projected, merged, expertName, itemTitle, onMove }: Props) {
  const { t } = useTranslation();
  const cmd = useCommand();
  const [answering, setAnswering] = useState(false);
  const [summary, setSummary] = useState(q.answerSummary);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: q.id, disabled: answering });
  const style = { transform: CSS.Translate.toString(transform), transition };
  const short = q.text.slice(0, 60);
  const checkId = `q-check-${q.id}`;
  const statusId = `q-status-${q.id}`;

  async function saveAnswer(event: FormEvent) {
    event.preventDefault();
    if ((await cmd.run('questions.answer', { questionId: q.id, summary: summary.trim() })) !== undefined) setAnswering(false);
  }

  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`qq-item status-${q.status}${projected ? ' is-projected' : ''}${selected ? ' is-selected' : ''}${isDragging ? ' is-dragging' : ''}`}
      data-question-id={q.id}
    >
      <div className="qq-row">
        <button type="button" className="pe-handle" ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={t('questions.drag', { text: short })} disabled={answering}>
          <span aria-hidden="true">⠿</span>
        </button>
        <input id={checkId} type="checkbox" checked={selected} onChange={() => onToggle(q.id)} aria-label={t('questions.select', { text: short })} />
        <div className="qq-main">
          <label htmlFor={checkId} className="qq-text">
            {q.text}
          </label>
          <p className="qq-meta">
            {q.fromTables.length > 0 ? <span className="badge">{t('questions.fromTables', { tables: q.fromTables.join(', '), count: q.fromTables.length })}</span> : <span className="badge">{t('questions.fromFacilitator')}</span>}
            {expertName && <span>{t('questions.toExpert', { name: expertName })}</span>}
            {itemTitle && <span className="muted">{itemTitle}</span>}
            <span className={`badge q-status q-status-${q.status}`}>{t(`questions.status.${q.status}`)}</span>
            {projected && <span className="badge badge-live">{t('questions.projectedBadge')}</span>}
          </p>
          {merged.length > 0 && (
            <details className="qq-merged">
              <summary>{t('questions.mergedCount', { count: merged.length })}</summary>
              <ul>
                {merged.map((m) => (
                  <li key={m.id}>
                    {m.tableNo !== null && <span className="badge">{t('questions.tableN', { no: m.tableNo })}</span>} {m.text}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {q.answerSummary && !answering && (
            <p className="qq-answer">
              <strong>{t('questions.answerLabel')}:</strong> {q.answerSummary}
            </p>
          )}
        </div>
        <div className="qq-actions">
          <span className="qq-move">
            <button type="button" className="small" data-move="up" disabled={index === 0} onClick={() => onMove(index - 1, 'up')} aria-label={t('questions.moveUp', { text: short })}>
              {t('questions.up')}
            </button>
            <button type="button" className="small" data-move="down" disabled={index === count - 1} onClick={() => onMove(index + 1, 'down')} aria-label={t('questions.moveDown', { text: short })}>
              {t('questions.down')}
            </button>
          </span>
          {projected ? (
            <button type="button" className="small" disabled={cmd.busy} onClick={() => void cmd.run('questions.project', { questionId: null })} aria-label={t('questions.unprojectNamed', { text: short })}>
              {t('questions.unproject')}
            </button>
          ) : (
            <button type="button" className="small primary" disabled={cmd.busy} onClick={() => void cmd.run('questions.project', { questionId: q.id })} aria-label={t('questions.projectNamed', { text: short })}>
              {t('questions.project')}
            </button>
          )}
          <label htmlFor={statusId} className="sr-only">
            {t('questions.statusOf', { text: short })}
          </label>
          <select id={statusId} className="small-select" value={q.status} disabled={cmd.busy} onChange={(e) => void cmd.run('questions.setStatus', { questionId: q.id, status: e.target.value as QuestionStatus })}>
            {QUESTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`questions.status.${s}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="small"
            aria-expanded={answering}
            onClick={() => {
              setSummary(q.answerSummary);
              setAnswering((a) => !a);
            }}
            aria-label={t('questions.answerNamed', { text: short })}
          >
            {t('questions.answer')}
          </button>
        </div>
      </div>
      {answering && (
        <form className="qq-answer-form" onSubmit={saveAnswer} noValidate>
          <Field label={t('questions.answerSummary')} hint={t('questions.answerHint')}>
            {({ id, describedBy }) => <textarea id={id} rows={3} maxLength={2000} value={summary} autoFocus onChange={(e) => setSummary(e.target.value)} aria-describedby={describedBy} />}
          </Field>
          <div className="actions">
            <button type="submit" className="primary" disabled={cmd.busy}>
              {t('questions.saveAnswer')}
            </button>
            <button type="button" onClick={() => setAnswering(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      <ErrorAlert error={cmd.error} />
    </li>
  );
}

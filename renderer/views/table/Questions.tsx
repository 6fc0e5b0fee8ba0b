import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expert } from '../../../shared/agenda.js';
import { uuidv7 } from '../../../shared/ids.js';
import type { ExpertQuestion } from '../../../shared/questions.js';
import { useTopic } from '../../stores/topics.js';
import { isSubmitKey } from './NoteEntry.js';
import { sendQueued, type OutboxView } from './outboxView.js';

const ANY = '';

/** The question on the projector now, for every table. */
export function ProjectedBanner() {
  const { t } = useTranslation();
  const projected = useTopic('projectedQuestion').projected;
  const experts = useTopic('experts');
  if (!projected?.questionId) return null;
  const expert = projected.expertId ? experts[projected.expertId] : undefined;
  return (
    <section className="projected-banner" aria-label={t('notes.projectedLabel')} aria-live="polite">
      <p className="projected-kicker">
        {t('notes.projectedLabel')}
        {expert && ` · ${expert.name}`}
        {projected.fromTables.length > 0 && ` · ${t('notes.fromTables', { tables: projected.fromTables.join(', ') })}`}
      </p>
      <p className="projected-text">{projected.text}</p>
    </section>
  );
}

/** Questions to experts: a form, and this table's questions with their status and answers. */
export function Questions({ tableNo, outbox }: { tableNo: number; outbox: OutboxView }) {
  const { t } = useTranslation();
  const ids = useId();
  const experts = useTopic('experts');
  const items = useTopic('agendaItems');
  const questions = useTopic('questions');
  const itemId = useTopic('clock').clock?.itemId ?? null;
  const linked = useMemo(() => (itemId ? (items[itemId]?.expertIds ?? []) : []).filter((id) => experts[id]), [itemId, items, experts]);
  const [text, setText] = useState('');
  const [expertPick, setExpertPick] = useState<string | undefined>(undefined);
  const [empty, setEmpty] = useState(false);
  // Default: the expert of the item on stage (when it has exactly one), else any expert.
  const expertId = expertPick ?? (linked.length === 1 ? linked[0]! : ANY);
  const sorted = Object.values(experts).sort((a, b) => a.name.localeCompare(b.name));
  const others = sorted.filter((e) => !linked.includes(e.id));
  const linkedExperts = linked.map((id) => experts[id]!).filter(Boolean);

  const mine = useMemo(() => {
    const list: { q: ExpertQuestion | null; id: string; text: string; expertId: string | null; at: number }[] = [];
    for (const q of Object.values(questions)) {
      if (q.tableNo === tableNo || q.fromTables.includes(tableNo)) list.push({ q, id: q.id, text: q.text, expertId: q.expertId, at: Date.parse(q.createdAt) });
    }
    for (const p of outbox.questions.values()) {
      if (!questions[p.id]) list.push({ q: null, id: p.id, text: p.text, expertId: p.expertId, at: p.at });
    }
    return list.sort((a, b) => b.at - a.at);
  }, [questions, outbox, tableNo]);

  function ask() {
    const value = text.trim();
    if (!value) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    void sendQueued('questions.ask', { questionId: uuidv7(), tableNo, itemId, expertId: expertId === ANY ? null : expertId, text: value }).catch(() => undefined);
    setText('');
    setExpertPick(undefined);
  }

  return (
    <section aria-labelledby={`${ids}-h`} className="panel-section questions-section">
      <h2 id={`${ids}-h`}>{t('notes.questionsTitle')}</h2>
      <form
        className="question-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          ask();
        }}
      >
        <div className="field">
          <label htmlFor={`${ids}-text`}>{t('notes.questionText')}</label>
          <textarea
            id={`${ids}-text`}
            rows={2}
            value={text}
            maxLength={1000}
            aria-invalid={empty}
            aria-describedby={empty ? `${ids}-empty` : undefined}
            onChange={(e) => {
              setText(e.target.value);
              if (empty) setEmpty(false);
            }}
            onKeyDown={(e) => {
              if (isSubmitKey(e)) {
                e.preventDefault();
                ask();
              }
            }}
          />
          {empty && (
            <p className="field-error" id={`${ids}-empty`}>
              {t('notes.questionRequired')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-expert`}>{t('notes.questionTo')}</label>
          <select id={`${ids}-expert`} value={expertId} onChange={(e) => setExpertPick(e.target.value)}>
            <option value={ANY}>{t('notes.anyExpert')}</option>
            {linkedExperts.length > 0 && (
              <optgroup label={t('notes.expertsOfItem')}>
                {linkedExperts.map((e) => (
                  <ExpertOption key={e.id} expert={e} />
                ))}
              </optgroup>
            )}
            {others.length > 0 &&
              (linkedExperts.length > 0 ? (
                <optgroup label={t('notes.otherExperts')}>
                  {others.map((e) => (
                    <ExpertOption key={e.id} expert={e} />
                  ))}
                </optgroup>
              ) : (
                others.map((e) => <ExpertOption key={e.id} expert={e} />)
              ))}
          </select>
        </div>
        <button type="submit" className="primary">
          {t('notes.questionSend')}
        </button>
      </form>
      {mine.length === 0 ? (
        <p className="empty">{t('notes.questionsNone')}</p>
      ) : (
        <ul className="question-list">
          {mine.map((m) => (
            <QuestionRow key={m.id} entry={m} experts={experts} pendingAnswer={outbox.answers.get(m.id)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ExpertOption({ expert }: { expert: Expert }) {
  return <option value={expert.id}>{expert.title ? `${expert.name}, ${expert.title}` : expert.name}</option>;
}

function QuestionRow({
  entry,
  experts,
  pendingAnswer,
}: {
  entry: { q: ExpertQuestion | null; id: string; text: string; expertId: string | null };
  experts: Record<string, Expert>;
  pendingAnswer: string | undefined;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const { q } = entry;
  const [summary, setSummary] = useState('');
  const status = q ? (q.mergedInto ? 'merged' : q.status) : 'pending';
  const expert = entry.expertId ? experts[entry.expertId] : undefined;
  const answer = pendingAnswer ?? q?.answerSummary ?? '';

  function record() {
    const value = summary.trim();
    if (!value || !q) return;
    void sendQueued('questions.answer', { questionId: q.id, summary: value }).catch(() => undefined);
    setSummary('');
  }

  return (
    <li className={`question-row question-${status}`}>
      <p className="question-text">{entry.text}</p>
      <p className="question-meta">
        <span className={`badge question-status status-q-${status}`}>{t(`notes.questionStatus.${status}`)}</span>{' '}
        <span className="muted">{expert ? expert.name : t('notes.anyExpert')}</span>
        {q && q.fromTables.length > 1 && <span className="muted"> · {t('notes.fromTables', { tables: q.fromTables.join(', ') })}</span>}
      </p>
      {answer && (
        <p className="question-answer">
          <strong>{t('notes.answerLabel')}</strong> {answer}
          {pendingAnswer !== undefined && <span className="badge badge-warn">{t('notes.pending.add')}</span>}
        </p>
      )}
      {q && status === 'asked' && !answer && (
        <div className="answer-form">
          <label htmlFor={`${ids}-a`}>{t('notes.answerField')}</label>
          <div className="inline">
            <input
              id={`${ids}-a`}
              value={summary}
              maxLength={2000}
              onChange={(e) => setSummary(e.target.value)}
              onKeyDown={(e) => {
                if (isSubmitKey(e)) {
                  e.preventDefault();
                  record();
                }
              }}
            />
            <button type="button" className="small" onClick={record} disabled={!summary.trim()}>
              {t('notes.answerSave')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

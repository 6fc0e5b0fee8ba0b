import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BallotContent, VoteSubject } from '../../../shared/votes.js';
import { answerKeys, answerLabelKey } from '../votes/model.js';
import type { BallotVote } from './api.js';

/** A fresh, empty ballot for a vote: nothing chosen, the ranking in the listed order. */
export function emptyBallot(vote: BallotVote): BallotContent {
  const ids = vote.subjects.map((s) => s.id);
  switch (vote.method) {
    case 'yesNoAbstain':
      return { method: 'yesNoAbstain', answers: Object.fromEntries(ids.map((id) => [id, null])) };
    case 'scale4':
    case 'scale5':
      return { method: vote.method, answers: Object.fromEntries(ids.map((id) => [id, null])) };
    case 'approval':
      return { method: 'approval', approved: [] };
    case 'dots':
      return { method: 'dots', dots: Object.fromEntries(ids.map((id) => [id, 0])) };
    case 'ranking':
      return { method: 'ranking', ranking: ids };
  }
}

interface Props {
  vote: BallotVote;
  content: BallotContent;
  onChange: (content: BallotContent) => void;
}

/** The ballot's questions for its method. Every control is a native input or button: keyboard and screen readers work as usual. */
export function BallotInputs({ vote, content, onChange }: Props) {
  switch (content.method) {
    case 'yesNoAbstain':
    case 'scale4':
    case 'scale5':
      return <ChoiceQuestions vote={vote} content={content} onChange={onChange} />;
    case 'approval':
      return <ApprovalQuestions vote={vote} approved={content.approved} onChange={(approved) => onChange({ method: 'approval', approved })} />;
    case 'dots':
      return <DotsQuestions vote={vote} dots={content.dots} onChange={(dots) => onChange({ method: 'dots', dots })} />;
    case 'ranking':
      return <RankingQuestion subjects={vote.subjects} ranking={content.ranking} onChange={(ranking) => onChange({ method: 'ranking', ranking })} />;
  }
}

function ChoiceQuestions({
  vote,
  content,
  onChange,
}: {
  vote: BallotVote;
  content: Extract<BallotContent, { method: 'yesNoAbstain' | 'scale4' | 'scale5' }>;
  onChange: (content: BallotContent) => void;
}) {
  const { t } = useTranslation();
  const keys = answerKeys(content.method);
  return (
    <div className="ballot-questions">
      {vote.subjects.map((subject, index) => {
        const current = content.answers[subject.id] ?? null;
        return (
          <fieldset key={subject.id} className={`ballot-question ballot-${content.method}`}>
            <legend>
              <span className="ballot-number">{t('ballot.subjectNumber', { n: index + 1, total: vote.subjects.length })}</span>
              <span className="ballot-subject">{subject.label}</span>
            </legend>
            <div className="ballot-options">
              {keys.map((key) => {
                const value = content.method === 'yesNoAbstain' ? key : Number(key);
                const checked = current === value;
                return (
                  <label key={key} className={`ballot-option${checked ? ' is-checked' : ''}`}>
                    <input
                      type="radio"
                      name={`subject-${subject.id}`}
                      value={key}
                      checked={checked}
                      onChange={() => {
                        if (content.method === 'yesNoAbstain') {
                          onChange({ method: 'yesNoAbstain', answers: { ...content.answers, [subject.id]: key as 'yes' | 'no' | 'abstain' } });
                        } else {
                          onChange({ method: content.method, answers: { ...content.answers, [subject.id]: Number(key) } });
                        }
                      }}
                    />
                    <span>{t(answerLabelKey(content.method, key))}</span>
                  </label>
                );
              })}
            </div>
            {current !== null && (
              <button
                type="button"
                className="link-button ballot-clear"
                onClick={() => {
                  const answers = { ...content.answers, [subject.id]: null };
                  onChange(content.method === 'yesNoAbstain' ? { method: 'yesNoAbstain', answers: answers as Record<string, null> } : { method: content.method, answers: answers as Record<string, null> });
                }}
              >
                {t('ballot.clearAnswer')}
                <span className="sr-only">: {subject.label}</span>
              </button>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}

function ApprovalQuestions({ vote, approved, onChange }: { vote: BallotVote; approved: string[]; onChange: (approved: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="ballot-question">
      <legend>{t('ballot.approvalLegend')}</legend>
      <p className="hint">{t('ballot.approvalHint')}</p>
      <div className="ballot-options ballot-options-stack">
        {vote.subjects.map((subject) => {
          const checked = approved.includes(subject.id);
          return (
            <label key={subject.id} className={`ballot-option${checked ? ' is-checked' : ''}`}>
              <input
                type="checkbox"
                checked={checked}
                onChange={(e) =>
                  onChange(
                    e.target.checked
                      ? vote.subjects.map((s) => s.id).filter((id) => id === subject.id || approved.includes(id))
                      : approved.filter((id) => id !== subject.id),
                  )
                }
              />
              <span>{subject.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

function DotsQuestions({ vote, dots, onChange }: { vote: BallotVote; dots: Record<string, number>; onChange: (dots: Record<string, number>) => void }) {
  const { t } = useTranslation();
  const budget = vote.dots ?? 1;
  const used = Object.values(dots).reduce((a, b) => a + b, 0);
  const left = budget - used;
  const set = (id: string, value: number) => {
    const others = used - (dots[id] ?? 0);
    const next = Math.max(0, Math.min(Number.isFinite(value) ? Math.floor(value) : 0, budget - others));
    onChange({ ...dots, [id]: next });
  };
  return (
    <fieldset className="ballot-question">
      <legend>{t('ballot.dotsLegend', { count: budget })}</legend>
      <p className={`dots-left${left === 0 ? ' dots-none-left' : ''}`} role="status" aria-live="polite">
        {t('ballot.dotsLeft', { count: left })}
      </p>
      <ul className="dots-list">
        {vote.subjects.map((subject) => {
          const value = dots[subject.id] ?? 0;
          const inputId = `dots-${subject.id}`;
          return (
            <li key={subject.id} className="dots-row">
              <label htmlFor={inputId} className="dots-label">
                {subject.label}
              </label>
              <div className="stepper">
                <button type="button" aria-label={t('ballot.dotsLess', { subject: subject.label })} disabled={value <= 0} onClick={() => set(subject.id, value - 1)}>
                  −
                </button>
                <input
                  id={inputId}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={value + left}
                  value={value}
                  onChange={(e) => set(subject.id, e.target.valueAsNumber)}
                />
                <button type="button" aria-label={t('ballot.dotsMore', { subject: subject.label })} disabled={left <= 0} onClick={() => set(subject.id, value + 1)}>
                  +
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** An ordered list: Move up / Move down per option, focus stays on the moved option, and the new place is announced. */
export function RankingQuestion({
  subjects,
  ranking,
  onChange,
  legend,
}: {
  subjects: VoteSubject[];
  ranking: string[];
  onChange: (ranking: string[]) => void;
  legend?: string;
}) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const [focusWanted, setFocusWanted] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const label = (id: string) => subjects.find((s) => s.id === id)?.label ?? id;

  useEffect(() => {
    if (!focusWanted) return;
    const index = ranking.indexOf(focusWanted.id);
    // At an end the pressed button is disabled: keep focus on the option with its other button.
    let dir = focusWanted.dir;
    if (dir === 'up' && index === 0) dir = 'down';
    if (dir === 'down' && index === ranking.length - 1) dir = 'up';
    buttons.current.get(`${focusWanted.id}:${dir}`)?.focus();
    setFocusWanted(null);
  }, [focusWanted, ranking]);

  const move = (id: string, dir: 'up' | 'down') => {
    const index = ranking.indexOf(id);
    const target = dir === 'up' ? index - 1 : index + 1;
    if (index < 0 || target < 0 || target >= ranking.length) return;
    const next = [...ranking];
    next.splice(index, 1);
    next.splice(target, 0, id);
    onChange(next);
    setFocusWanted({ id, dir });
    setAnnouncement(t('ballot.movedTo', { subject: label(id), position: target + 1, total: ranking.length }));
  };

  return (
    <fieldset className="ballot-question">
      <legend>{legend ?? t('ballot.rankingLegend')}</legend>
      <p className="hint">{t('ballot.rankingHint')}</p>
      <ol className="ranking-list">
        {ranking.map((id, index) => (
          <li key={id} className="ranking-item">
            <span className="ranking-position" aria-hidden="true">
              {index + 1}.
            </span>
            <span className="ranking-label">{label(id)}</span>
            <span className="ranking-buttons">
              <button
                type="button"
                ref={(el) => {
                  if (el) buttons.current.set(`${id}:up`, el);
                  else buttons.current.delete(`${id}:up`);
                }}
                disabled={index === 0}
                aria-label={t('ballot.moveUp', { subject: label(id), position: index + 1 })}
                onClick={() => move(id, 'up')}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowDown' && e.altKey) {
                    e.preventDefault();
                    move(id, 'down');
                  }
                }}
              >
                <span aria-hidden="true">↑</span> {t('ballot.up')}
              </button>
              <button
                type="button"
                ref={(el) => {
                  if (el) buttons.current.set(`${id}:down`, el);
                  else buttons.current.delete(`${id}:down`);
                }}
                disabled={index === ranking.length - 1}
                aria-label={t('ballot.moveDown', { subject: label(id), position: index + 1 })}
                onClick={() => move(id, 'down')}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowUp' && e.altKey) {
                    e.preventDefault();
                    move(id, 'up');
                  }
                }}
              >
                <span aria-hidden="true">↓</span> {t('ballot.down')}
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="sr-only" role="status" aria-live="assertive">
        {announcement}
      </p>
    </fieldset>
  );
}

/** The ballot in words, for the review step. */
export function BallotSummary({ vote, content }: { vote: BallotVote; content: BallotContent }) {
  const { t } = useTranslation();
  const label = (id: string) => vote.subjects.find((s) => s.id === id)?.label ?? id;
  if (content.method === 'ranking') {
    return (
      <ol className="review-list review-ranking">
        {content.ranking.map((id) => (
          <li key={id}>{label(id)}</li>
        ))}
      </ol>
    );
  }
  return (
    <dl className="review-list">
      {vote.subjects.map((subject) => {
        let answer: string;
        let blank = false;
        if (content.method === 'approval') {
          answer = content.approved.includes(subject.id) ? t('ballot.approved') : t('ballot.notApproved');
        } else if (content.method === 'dots') {
          answer = t('ballot.dotsCount', { count: content.dots[subject.id] ?? 0 });
        } else {
          const value = content.answers[subject.id];
          blank = value === null || value === undefined;
          answer = blank ? t('ballot.blank') : t(answerLabelKey(content.method, String(value)));
        }
        return (
          <div key={subject.id} className={`review-row${blank ? ' review-blank' : ''}`}>
            <dt>{subject.label}</dt>
            <dd>{answer}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** How many questions are left blank (yes/no/abstain and scales only). */
export function blankCount(content: BallotContent): number {
  if (content.method === 'yesNoAbstain' || content.method === 'scale4' || content.method === 'scale5') {
    return Object.values(content.answers).filter((v) => v === null || v === undefined).length;
  }
  return 0;
}

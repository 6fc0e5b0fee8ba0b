import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountedAnswers, Vote } from '../../../shared/votes.js';
import { answerKeys, answerLabelKey, peopleInCounts } from './model.js';

/** Typed counts: strings while editing, so an emptied field is not a zero yet. */
export type CountDraft = Record<string, Record<string, string>>;

export function draftFrom(vote: Pick<Vote, 'method' | 'subjects'>, counts: CountedAnswers | null): CountDraft {
  const draft: CountDraft = {};
  for (const s of vote.subjects) {
    draft[s.id] = Object.fromEntries(answerKeys(vote.method).map((k) => [k, counts?.[s.id]?.[k] !== undefined ? String(counts[s.id]![k]) : '']));
  }
  return draft;
}

/** The draft as counts (empty = 0), or the first field that is not a whole number ≥ 0. */
export function countsFrom(vote: Pick<Vote, 'method' | 'subjects'>, draft: CountDraft): { counts: CountedAnswers } | { bad: { subjectId: string; key: string } } {
  const counts: CountedAnswers = {};
  for (const s of vote.subjects) {
    const row: Record<string, number> = {};
    for (const k of answerKeys(vote.method)) {
      const text = (draft[s.id]?.[k] ?? '').trim();
      const n = text === '' ? 0 : Number(text);
      if (!Number.isInteger(n) || n < 0 || n > 100_000) return { bad: { subjectId: s.id, key: k } };
      row[k] = n;
    }
    counts[s.id] = row;
  }
  return { counts };
}

function toNumber(text: string | undefined): number {
  const n = Number((text ?? '').trim() || '0');
  return Number.isFinite(n) ? n : 0;
}

/**
 * A grid of number fields: a row per subject, a column per answer, each field named by its row
 * and column headers. The row's total is shown against the table's size where that is known.
 */
export function CountsGrid({
  vote,
  draft,
  onChange,
  tableSize,
  problemSubject,
  disabled,
}: {
  vote: Pick<Vote, 'method' | 'subjects' | 'dots'>;
  draft: CountDraft;
  onChange: (draft: CountDraft) => void;
  /** people the counts may stand for; null: not checked */
  tableSize: number | null;
  problemSubject?: string | null;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const base = useId();
  const keys = answerKeys(vote.method);
  const showTotal = vote.method !== 'dots' && keys.length > 1;
  return (
    <div className="table-scroll">
      <table className="data-table counts-grid">
        <thead>
          <tr>
            <th scope="col" id={`${base}-subject`}>
              {t('votes.results.subject')}
            </th>
            {keys.map((k) => (
              <th scope="col" key={k} id={`${base}-col-${k}`} className="num">
                {t(answerLabelKey(vote.method, k))}
              </th>
            ))}
            {showTotal && (
              <th scope="col" className="num">
                {t('votes.tally.total')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {vote.subjects.map((s, row) => {
            const numbers = Object.fromEntries(keys.map((k) => [k, toNumber(draft[s.id]?.[k])]));
            const people = peopleInCounts(vote.method, numbers);
            const over = tableSize !== null && tableSize > 0 && vote.method !== 'dots' && people > tableSize;
            return (
              <tr key={s.id} className={over || problemSubject === s.id ? 'row-problem' : undefined}>
                <th scope="row" id={`${base}-row-${row}`}>
                  {s.label}
                </th>
                {keys.map((k) => (
                  <td key={k} className="num">
                    <input
                      type="number"
                      inputMode="numeric"
                      min={0}
                      step={1}
                      className="count-input"
                      disabled={disabled}
                      value={draft[s.id]?.[k] ?? ''}
                      placeholder="0"
                      aria-labelledby={`${base}-row-${row} ${base}-col-${k}`}
                      aria-invalid={over || problemSubject === s.id || undefined}
                      onFocus={(e) => e.target.select()}
                      onChange={(e) => onChange({ ...draft, [s.id]: { ...draft[s.id], [k]: e.target.value } })}
                    />
                  </td>
                ))}
                {showTotal && (
                  <td className={`num count-total${over ? ' over' : ''}`}>
                    {tableSize ? t('votes.tally.totalOf', { total: people, size: tableSize }) : people}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

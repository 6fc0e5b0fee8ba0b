import { useTranslation } from 'react-i18next';
import type { SubjectResult, Vote, VoteResult } from '../../../shared/votes.js';
import { answerKeys, answerLabelKey, answerTone, formatPercent, groupHash } from './model.js';

export interface Segment {
  key: string;
  label: string;
  count: number;
  /** share of the bar, 0..1 */
  share: number;
  tone: ReturnType<typeof answerTone> | 'missing';
}

type VoteShape = Pick<Vote, 'method' | 'subjects' | 'rankingCount' | 'dots' | 'base'>;

/** The count a ranking shows per option: Borda points, or the last round an option was in (instant runoff). */
export function rankingValue(result: VoteResult, s: SubjectResult): number {
  if (result.rounds && result.rounds.length > 0) {
    for (let i = result.rounds.length - 1; i >= 0; i--) {
      const value = result.rounds[i]!.counts[s.subjectId];
      if (value !== undefined) return value;
    }
    return 0;
  }
  return s.counts.points ?? 0;
}

/**
 * One subject's bar. Answers to a question stack to the answers given, or to everyone present
 * when that is the base (the rest is "no answer"); approvals are a share of the same whole;
 * dots and rankings are single bars against the largest subject.
 */
export function segmentsFor(vote: VoteShape, result: VoteResult, s: SubjectResult, t: (key: string) => string): Segment[] {
  const m = vote.method;
  if (m === 'yesNoAbstain' || m === 'scale4' || m === 'scale5') {
    // Against the answers (as the percentage is), or against everyone present when that is the base.
    const whole = Math.max(vote.base === 'present' ? result.base : s.answered, s.answered, 1);
    const segments: Segment[] = answerKeys(m).map((key) => ({
      key,
      label: t(answerLabelKey(m, key)),
      count: s.counts[key] ?? 0,
      share: (s.counts[key] ?? 0) / whole,
      tone: answerTone(m, key),
    }));
    const rest = whole - s.answered;
    if (rest > 0) segments.push({ key: 'missing', label: t('votes.results.noAnswer'), count: rest, share: rest / whole, tone: 'missing' });
    return segments;
  }
  if (m === 'approval') {
    const whole = Math.max(vote.base === 'present' ? result.base : s.answered, 1);
    const count = s.counts.approved ?? 0;
    return [{ key: 'approved', label: t('votes.answers.approved'), count, share: count / whole, tone: 'count' }];
  }
  const value = (x: SubjectResult) => (m === 'dots' ? (x.counts.dots ?? 0) : rankingValue(result, x));
  const max = Math.max(1, ...result.subjects.map(value));
  return [{ key: m === 'dots' ? 'dots' : 'points', label: t(m === 'dots' ? 'votes.answers.dots' : 'votes.answers.points'), count: value(s), share: value(s) / max, tone: 'count' }];
}

/** Whether any subject's bar has a "no answer" part (the legend names it only then). */
export function hasMissing(vote: VoteShape, result: VoteResult): boolean {
  const ignore = (key: string) => key;
  return result.subjects.some((s) => segmentsFor(vote, result, s, ignore).some((seg) => seg.tone === 'missing'));
}

/** A plain SVG bar: segments side by side. Hidden from screen readers: the table beside it carries the numbers. */
export function StackedBar({ segments, className }: { segments: Segment[]; className?: string }) {
  let x = 0;
  return (
    <svg className={`stacked-bar ${className ?? ''}`} viewBox="0 0 1000 40" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="1000" height="40" className="bar-track" />
      {segments.map((seg) => {
        const width = Math.max(0, seg.share) * 1000;
        const rect = <rect key={seg.key} x={x} y="0" width={width} height="40" className={`bar-seg tone-${seg.tone}`} />;
        x += width;
        return rect;
      })}
    </svg>
  );
}

export function Legend({ vote, className, missing = true }: { vote: Pick<Vote, 'method'>; className?: string; missing?: boolean }) {
  const { t } = useTranslation();
  const m = vote.method;
  if (m !== 'yesNoAbstain' && m !== 'scale4' && m !== 'scale5') return null;
  return (
    <ul className={`chart-legend ${className ?? ''}`} aria-hidden="true">
      {answerKeys(m).map((key) => (
        <li key={key}>
          <span className={`swatch tone-${answerTone(m, key)}`} />
          {t(answerLabelKey(m, key))}
        </li>
      ))}
      {missing && (
        <li>
          <span className="swatch tone-missing" />
          {t('votes.results.noAnswer')}
        </li>
      )}
    </ul>
  );
}

/** The results as a chart with a data table: counts per answer, the supporting share and the verdict per subject. */
export function ResultsChart({ vote, result }: { vote: VoteShape & Pick<Vote, 'title'>; result: VoteResult }) {
  const { t, i18n } = useTranslation();
  const label = (id: string) => vote.subjects.find((s) => s.id === id)?.label ?? id;
  const keys = vote.method === 'ranking' ? [] : answerKeys(vote.method);
  const ranking = vote.method === 'ranking';
  const subjects = ranking ? [...result.subjects].sort((a, b) => rankingValue(result, b) - rankingValue(result, a)) : result.subjects;
  return (
    <div className="results-chart">
      <Legend vote={vote} missing={hasMissing(vote, result)} />
      <ul className="chart-rows" aria-hidden="true">
        {subjects.map((s) => {
          const segments = segmentsFor(vote, result, s, t);
          return (
            <li key={s.subjectId} className={`chart-row${result.winner === s.subjectId ? ' is-winner' : ''}`}>
              <span className="chart-label">{label(s.subjectId)}</span>
              <StackedBar segments={segments} />
              <span className="chart-figure">
                {ranking || vote.method === 'dots' ? segments[0]?.count : formatPercent(s.supportPercent, i18n.language, 1)}
                {s.verdict && <span className="verdict-tag">{s.verdict}</span>}
              </span>
            </li>
          );
        })}
      </ul>
      <div className="table-scroll">
        <table className="data-table results-table">
          <caption className="sr-only">{t('votes.results.tableCaption', { title: vote.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('votes.results.subject')}</th>
              {keys.map((k) => (
                <th scope="col" key={k} className="num">
                  {t(answerLabelKey(vote.method, k))}
                </th>
              ))}
              {ranking && <th scope="col" className="num">{result.rounds ? t('votes.results.lastRound') : t('votes.answers.points')}</th>}
              {!ranking && vote.method !== 'approval' && vote.method !== 'dots' && (
                <th scope="col" className="num">
                  {t('votes.results.answered')}
                </th>
              )}
              {vote.method !== 'dots' && !ranking && (
                <th scope="col" className="num">
                  {t('votes.results.support')}
                </th>
              )}
              {!ranking && <th scope="col">{t('votes.results.verdict')}</th>}
            </tr>
          </thead>
          <tbody>
            {subjects.map((s) => (
              <tr key={s.subjectId}>
                <th scope="row">
                  {label(s.subjectId)}
                  {result.winner === s.subjectId && <span className="badge badge-ok winner-badge">{t('votes.results.winner')}</span>}
                </th>
                {keys.map((k) => (
                  <td key={k} className="num">
                    {s.counts[k] ?? 0}
                  </td>
                ))}
                {ranking && <td className="num">{rankingValue(result, s)}</td>}
                {!ranking && vote.method !== 'approval' && vote.method !== 'dots' && <td className="num">{s.answered}</td>}
                {vote.method !== 'dots' && !ranking && <td className="num">{formatPercent(s.supportPercent, i18n.language, 1)}</td>}
                {!ranking && <td>{s.verdict ?? t('votes.results.noVerdict')}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.rounds && result.rounds.length > 0 && <RoundsTable vote={vote} result={result} />}
    </div>
  );
}

/** Instant runoff: first preferences per round and who went out. */
export function RoundsTable({ vote, result }: { vote: VoteShape; result: VoteResult }) {
  const { t } = useTranslation();
  const rounds = result.rounds ?? [];
  const label = (id: string) => vote.subjects.find((s) => s.id === id)?.label ?? id;
  return (
    <div className="table-scroll">
      <table className="data-table rounds-table">
        <caption>{t('votes.results.roundsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('votes.results.subject')}</th>
            {rounds.map((_, i) => (
              <th scope="col" key={i} className="num">
                {t('votes.results.round', { n: i + 1 })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {vote.subjects.map((s) => (
            <tr key={s.id}>
              <th scope="row">{label(s.id)}</th>
              {rounds.map((round, i) => {
                const out = round.eliminated.includes(s.id);
                const value = round.counts[s.id];
                return (
                  <td key={i} className={`num${out ? ' eliminated' : ''}`}>
                    {value === undefined ? '–' : value}
                    {out && <span className="elim-note"> {t('votes.results.eliminated')}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The result hash in groups of four, to read aloud and compare with the results sheet. */
export function ResultHash({ hash, className, lines = 1 }: { hash: string; className?: string; lines?: number }) {
  const { t } = useTranslation();
  const groups = groupHash(hash);
  const perLine = Math.ceil(groups.length / lines);
  const rows = Array.from({ length: lines }, (_, i) => groups.slice(i * perLine, (i + 1) * perLine).join(' ')).filter(Boolean);
  return (
    <div className={`result-hash ${className ?? ''}`}>
      <p className="result-hash-label">{t('votes.results.hash')}</p>
      <p className="result-hash-value">
        <code translate="no">
          {rows.map((row, i) => (
            <span key={i} className="hash-line">
              {row}
              {i < rows.length - 1 ? ' ' : ''}
            </span>
          ))}
        </code>
      </p>
    </div>
  );
}

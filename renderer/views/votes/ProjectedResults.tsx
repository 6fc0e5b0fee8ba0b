import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vote, VoteResult } from '../../../shared/votes.js';
import { useTopic } from '../../stores/topics.js';
import { findResult, formatPercent } from './model.js';
import { hasMissing, Legend, rankingValue, ResultHash, segmentsFor, StackedBar } from './ResultsChart.js';
import './votes.css';

/** The vote whose results the facilitator put on the projector, or null. */
export function useShownVote(): Vote | null {
  const shown = useTopic('shownResults').shown;
  const votes = useTopic('votes');
  const id = shown?.voteId ?? null;
  return id ? (votes[id] ?? null) : null;
}

/**
 * A vote's results on the wall, readable from the back of a hall: the title, a bar per subject
 * with its share and verdict in big type, the turnout, and after closing the result hash.
 * Shows only what the room may see (published results): live results only when the vote says so.
 * `children` go inside the screen (the projector keeps its chime while results are up).
 */
export function ProjectedResults({ vote: given, children }: { vote?: Vote | null; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const shown = useShownVote();
  const vote = given ?? shown;
  const published = useTopic('publishedResults');
  const basics = useTopic('panel').panel;
  if (!vote) return null;
  const result = findResult(published, vote.id);
  const label = (id: string) => vote.subjects.find((s) => s.id === id)?.label ?? id;
  const ranking = vote.method === 'ranking';
  const subjects = result ? (ranking ? [...result.subjects].sort((a, b) => rankingValue(result, b) - rankingValue(result, a)) : result.subjects) : [];
  const style = { '--rows': Math.max(1, subjects.length) } as CSSProperties;

  return (
    <main id="main" className="projector projected-results" style={style} data-vote={vote.id}>
      <p className="projector-panel">
        {basics?.name ? `${basics.name} · ` : ''}
        {vote.status === 'closed' ? t('votes.projector.final') : t('votes.projector.live')}
      </p>
      <h1 className="pr-title">{vote.title}</h1>
      {result ? (
        <>
          <Legend vote={vote} className="pr-legend" missing={hasMissing(vote, result)} />
          <ul className="pr-rows">
            {subjects.map((s) => {
              const segments = segmentsFor(vote, result, s, t);
              const figure = ranking || vote.method === 'dots' ? String(segments[0]?.count ?? 0) : formatPercent(s.supportPercent, i18n.language);
              return (
                <li key={s.subjectId} className={`pr-row${result.winner === s.subjectId ? ' is-winner' : ''}${s.verdict ? ' has-verdict' : ''}`}>
                  <span className="pr-label">{label(s.subjectId)}</span>
                  <StackedBar segments={segments} className="pr-bar" />
                  <span className="pr-figure">{figure}</span>
                  <span className="pr-verdict">
                    {ranking ? (result.winner === s.subjectId ? t('votes.results.winner') : '') : (s.verdict ?? t('votes.results.noVerdict'))}
                  </span>
                  <span className="sr-only">
                    {segments.map((seg) => `${seg.label}: ${seg.count}`).join(', ')}
                  </span>
                </li>
              );
            })}
          </ul>
          <Footer vote={vote} result={result} />
        </>
      ) : (
        <div className="pr-waiting">
          <p className="pr-waiting-text">{vote.status === 'open' ? t('votes.projector.hiddenWhileOpen') : t('votes.projector.noResults')}</p>
          <p className="pr-turnout">{t('votes.projector.turnout', { count: vote.turnout })}</p>
        </div>
      )}
      {children}
    </main>
  );
}

function Footer({ vote, result }: { vote: Vote; result: VoteResult }) {
  const { t } = useTranslation();
  const hash = result.resultHash ?? vote.resultHash;
  return (
    <div className="pr-footer">
      <p className="pr-turnout">
        {vote.base === 'present'
          ? t('votes.projector.turnoutPresent', { count: result.ballots, base: result.base })
          : t('votes.projector.turnout', { count: result.ballots })}
      </p>
      {vote.status === 'closed' && hash && <ResultHash hash={hash} className="pr-hash" lines={2} />}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vote } from '../../../shared/votes.js';
import { useTopic, useTopicList } from '../../stores/topics.js';
import { readVoteParams, votesHref } from './nav.js';
import { useTurnout } from './turnout.js';
import { VoteDetail } from './VoteDetail.js';
import { VoteForm } from './VoteForm.js';
import './votes.css';

function useVoteParams() {
  const [params, setParams] = useState(readVoteParams);
  useEffect(() => {
    const onChange = () => setParams(readVoteParams());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return params;
}

const STATUS_ORDER: Record<Vote['status'], number> = { open: 0, draft: 1, closed: 2 };

/** The facilitator's votes: the list with status and turnout, a new vote, one vote's controls and results. */
export function Votes() {
  const { t } = useTranslation();
  const { voteId, creating } = useVoteParams();
  const votes = useTopic('votes');
  const list = useTopicList('votes', (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (b.openedAt ?? '').localeCompare(a.openedAt ?? '') || a.title.localeCompare(b.title));
  const selected = voteId ? (votes[voteId] ?? null) : null;

  useEffect(() => {
    document.getElementById('votes-heading')?.focus();
  }, [voteId, creating]);

  if (creating) {
    return (
      <div className="votes">
        <p className="back-link">
          <a href={votesHref()}>{t('votes.backToList')}</a>
        </p>
        <h1 id="votes-heading" tabIndex={-1}>
          {t('votes.newVote')}
        </h1>
        <VoteForm onDone={(id) => (window.location.hash = votesHref(id))} onCancel={() => (window.location.hash = votesHref())} />
      </div>
    );
  }

  if (voteId) {
    return (
      <div className="votes">
        <p className="back-link">
          <a href={votesHref()}>{t('votes.backToList')}</a>
        </p>
        {selected ? (
          <VoteDetail vote={selected} />
        ) : (
          <>
            <h1 id="votes-heading" tabIndex={-1}>
              {t('votes.title')}
            </h1>
            <p className="empty">{t('votes.notFound')}</p>
          </>
        )}
      </div>
    );
  }

  return (
    <div className="votes">
      <div className="votes-head">
        <h1 id="votes-heading" tabIndex={-1}>
          {t('votes.title')}
        </h1>
        <a className="button-link primary" href={votesHref(null, true)}>
          {t('votes.newVote')}
        </a>
      </div>
      <p className="lead">{t('votes.lead')}</p>
      {list.length === 0 ? (
        <p className="empty">{t('votes.empty')}</p>
      ) : (
        <ul className="vote-list">
          {list.map((vote) => (
            <VoteRow key={vote.id} vote={vote} />
          ))}
        </ul>
      )}
    </div>
  );
}

function VoteRow({ vote }: { vote: Vote }) {
  const { t } = useTranslation();
  const turnout = useTurnout(vote);
  return (
    <li className={`vote-row card status-${vote.status}`}>
      <div className="vote-row-main">
        <h2 className="vote-row-title">
          <a href={votesHref(vote.id)}>{vote.title}</a>
        </h2>
        <p className="vote-row-meta">
          <span className={`badge vote-status vote-status-${vote.status}`}>{t(`votes.status.${vote.status}`)}</span>{' '}
          {t(`votes.methods.${vote.method}`)} · {t('votes.subjectCount', { count: vote.subjects.length })} · {vote.modes.map((m) => t(`votes.modes.${m}`)).join(', ')}
        </p>
      </div>
      {vote.status !== 'draft' && <p className="vote-row-turnout">{turnout.text}</p>}
    </li>
  );
}

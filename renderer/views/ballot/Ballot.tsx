import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { isWellFormedBallotCode, normaliseBallotCode } from '../../../shared/ballotCode.js';
import type { BallotContent } from '../../../shared/votes.js';
import { Page } from '../../components/Page.js';
import { BallotError, castBallot, fetchBallot, type BallotProblem, type BallotVote } from './api.js';
import { BallotInputs, BallotSummary, blankCount, emptyBallot } from './BallotInputs.js';
import './ballot.css';

/** After a cast ballot the page returns to the code entry by itself (a kiosk serves the next person). */
export const DONE_RETURN_MS = 8_000;

type Step =
  | { name: 'code'; problem: BallotProblem | null }
  | { name: 'ballot'; vote: BallotVote; code: string; content: BallotContent }
  | { name: 'review'; vote: BallotVote; code: string; content: BallotContent; problem: BallotProblem | null; triedBefore: boolean }
  | { name: 'done' };

/**
 * The secret ballot: a one-time code unlocks one ballot, the voter checks it and casts it.
 * No pairing and no session: the code is the credential. Nothing is stored in the browser,
 * and a ballot that does not reach the hub is never kept to be sent later.
 */
export function Ballot() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ name: 'code', problem: null });
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  // Each new step is announced by moving focus to its heading (not on first load).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step.name]);

  useEffect(() => {
    if (step.name !== 'done') return;
    const timer = setTimeout(() => setStep({ name: 'code', problem: null }), DONE_RETURN_MS);
    return () => clearTimeout(timer);
  }, [step.name]);

  async function unlock(code: string) {
    setBusy(true);
    try {
      const vote = await fetchBallot(code);
      setStep({ name: 'ballot', vote, code, content: emptyBallot(vote) });
    } catch (caught) {
      setStep({ name: 'code', problem: caught instanceof BallotError ? caught.problem : 'other' });
    } finally {
      setBusy(false);
    }
  }

  async function cast() {
    if (step.name !== 'review') return;
    setBusy(true);
    try {
      await castBallot(step.code, step.content);
      // The ballot leaves memory with the step.
      setStep({ name: 'done' });
    } catch (caught) {
      const problem = caught instanceof BallotError ? caught.problem : 'other';
      setStep({ ...step, problem, triedBefore: step.triedBefore || problem === 'network' });
    } finally {
      setBusy(false);
    }
  }

  if (step.name === 'code') {
    return <CodeEntry headingRef={heading} problem={step.problem} busy={busy} onCode={(code) => void unlock(code)} onProblem={(problem) => setStep({ name: 'code', problem })} />;
  }

  if (step.name === 'done') {
    return (
      <Page className="ballot-page">
        <div className="ballot-done" role="status">
          <span className="done-mark" aria-hidden="true">
            ✓
          </span>
          <h1 ref={heading} tabIndex={-1}>
            {t('ballot.doneTitle')}
          </h1>
          <p className="lead">{t('ballot.doneText')}</p>
        </div>
        <button type="button" className="primary big ballot-wide-button" onClick={() => setStep({ name: 'code', problem: null })}>
          {t('ballot.nextVoter')}
        </button>
      </Page>
    );
  }

  const { vote } = step;

  if (step.name === 'ballot') {
    const review = (event: FormEvent) => {
      event.preventDefault();
      setStep({ name: 'review', vote, code: step.code, content: step.content, problem: null, triedBefore: false });
    };
    return (
      <Page className="ballot-page">
        <p className="ballot-step">{t('ballot.stepBallot')}</p>
        <h1 ref={heading} tabIndex={-1}>
          {vote.title}
        </h1>
        <p className="lead">{t(`ballot.instructions.${vote.method}`, { count: vote.dots ?? 0 })}</p>
        <form onSubmit={review} className="ballot-form">
          <BallotInputs vote={vote} content={step.content} onChange={(content) => setStep({ ...step, content })} />
          <div className="ballot-actions">
            <button type="submit" className="primary big">
              {t('ballot.toReview')}
            </button>
            <button type="button" className="big" onClick={() => setStep({ name: 'code', problem: null })}>
              {t('ballot.cancel')}
            </button>
          </div>
        </form>
      </Page>
    );
  }

  // review
  const blanks = blankCount(step.content);
  const problem = step.problem;
  const usedAfterTrying = problem === 'codeUsed' && step.triedBefore;
  // A used code, a closed vote or a code the hub no longer knows: this ballot cannot be cast.
  const canRetry = problem !== 'codeUsed' && problem !== 'voteClosed' && problem !== 'mistyped' && problem !== 'unknownCode';
  return (
    <Page className="ballot-page">
      <p className="ballot-step">{t('ballot.stepReview')}</p>
      <h1 ref={heading} tabIndex={-1}>
        {t('ballot.reviewTitle')}
      </h1>
      <p className="lead">{vote.title}</p>
      <BallotSummary vote={vote} content={step.content} />
      {blanks > 0 && <p className="alert alert-info">{t('ballot.blanks', { count: blanks })}</p>}
      {problem && (
        <div className="alert alert-error ballot-problem" role="alert">
          {problem === 'network' ? (
            <>
              <p className="ballot-not-cast">{t('ballot.notCast')}</p>
              <p>{t('ballot.networkText')}</p>
            </>
          ) : (
            <p>{usedAfterTrying ? t('ballot.problems.codeUsedAfterRetry') : t(`ballot.problems.${problem}`)}</p>
          )}
        </div>
      )}
      <div className="ballot-actions">
        {canRetry ? (
          <>
            <button type="button" className="primary big" disabled={busy} aria-busy={busy} onClick={() => void cast()}>
              {busy ? t('ballot.casting') : problem === 'network' ? t('ballot.retry') : t('ballot.cast')}
            </button>
            <button
              type="button"
              className="big"
              disabled={busy}
              onClick={() => setStep({ name: 'ballot', vote, code: step.code, content: step.content })}
            >
              {t('ballot.change')}
            </button>
          </>
        ) : (
          <button type="button" className="primary big" onClick={() => setStep({ name: 'code', problem: null })}>
            {t('ballot.backToStart')}
          </button>
        )}
      </div>
    </Page>
  );
}

function CodeEntry({
  headingRef,
  problem,
  busy,
  onCode,
  onProblem,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  problem: BallotProblem | null;
  busy: boolean;
  onCode: (code: string) => void;
  onProblem: (problem: BallotProblem) => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const errorId = 'ballot-code-error';
  const hintId = 'ballot-code-hint';

  function submit(event: FormEvent) {
    event.preventDefault();
    const code = normaliseBallotCode(typed);
    // The check character catches a wrong or swapped character before asking the hub.
    if (!isWellFormedBallotCode(code)) {
      onProblem('mistyped');
      input.current?.focus();
      return;
    }
    onCode(code);
  }

  useEffect(() => {
    if (problem) input.current?.focus();
  }, [problem]);

  return (
    <Page className="ballot-page">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('ballot.title')}
      </h1>
      <p className="lead">{t('ballot.lead')}</p>
      <form onSubmit={submit} noValidate className="card form-card ballot-code-form">
        <div className={`field${problem ? ' field-invalid' : ''}`}>
          <label htmlFor="ballot-code">{t('ballot.code')}</label>
          <p className="hint" id={hintId}>
            {t('ballot.codeHint')}
          </p>
          <input
            ref={input}
            id="ballot-code"
            name="ballotCode"
            className="code-input ballot-code-input"
            value={typed}
            onChange={(e) => setTyped(e.target.value.toUpperCase())}
            autoComplete="off"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            inputMode="text"
            enterKeyHint="go"
            maxLength={40}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
          />
          {problem && (
            <p className="field-error" id={errorId} role="alert">
              {problem === 'network' ? t('ballot.problems.networkCode') : t(`ballot.problems.${problem}`)}
            </p>
          )}
        </div>
        <button type="submit" className="primary big ballot-wide-button" disabled={busy} aria-busy={busy}>
          {busy ? t('ballot.checking') : t('ballot.submit')}
        </button>
      </form>
    </Page>
  );
}

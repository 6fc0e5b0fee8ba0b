import type { BallotContent, RankingCount, VoteMethod, VoteSubject } from '../../../shared/votes.js';

/** What the ballot page learns about a vote from a valid code: enough to draw the ballot. */
export interface BallotVote {
  id: string;
  title: string;
  method: VoteMethod;
  subjects: VoteSubject[];
  dots: number | null;
  rankingCount: RankingCount | null;
}

/**
 * Why a code or a ballot was refused. The hub's codes (ballot.mistyped, ballot.unknownCode,
 * ballot.codeUsed, ballot.voteClosed) plus the page's own: 'network' (the hub was not reached:
 * the vote was NOT cast) and 'other' (anything else the hub said).
 */
export type BallotProblem = 'mistyped' | 'unknownCode' | 'codeUsed' | 'voteClosed' | 'invalid' | 'rateLimited' | 'network' | 'other';

export class BallotError extends Error {
  readonly problem: BallotProblem;
  constructor(problem: BallotProblem) {
    super(problem);
    this.name = 'BallotError';
    this.problem = problem;
  }
}

const TIMEOUT_MS = 15_000;

function problemOf(body: unknown): BallotProblem {
  const code = body && typeof body === 'object' && 'error' in body ? (body as { error?: { code?: unknown } }).error?.code : undefined;
  switch (code) {
    case 'ballot.mistyped':
      return 'mistyped';
    case 'ballot.unknownCode':
      return 'unknownCode';
    case 'ballot.codeUsed':
      return 'codeUsed';
    case 'ballot.voteClosed':
      return 'voteClosed';
    case 'ballot.wrongMethod':
    case 'ballot.unknownSubject':
    case 'ballot.badAnswer':
    case 'ballot.rankingTies':
    case 'ballot.rankingGaps':
    case 'ballot.tooManyDots':
    case 'protocol.badField':
    case 'protocol.malformed':
      return 'invalid';
    case 'auth.rateLimited':
      return 'rateLimited';
    default:
      return 'other';
  }
}

async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'omit',
      cache: 'no-store',
      signal: abort.signal,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new BallotError('network');
  } finally {
    clearTimeout(timer);
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (json && typeof json === 'object' && 'error' in json) throw new BallotError(problemOf(json));
  if (!response.ok) throw new BallotError(response.status === 429 ? 'rateLimited' : 'other');
  return json;
}

/** GET /api/ballot?code=: the vote this code unlocks, or why not. */
export async function fetchBallot(code: string): Promise<BallotVote> {
  const body = (await call('GET', `/api/ballot?code=${encodeURIComponent(code)}`)) as { vote?: BallotVote } | null;
  if (!body?.vote) throw new BallotError('other');
  return body.vote;
}

/** POST /api/ballot: cast it now or fail; nothing is ever kept to send later. */
export async function castBallot(code: string, content: BallotContent): Promise<void> {
  const body = (await call('POST', '/api/ballot', { code, content })) as { cast?: boolean } | null;
  if (body?.cast !== true) throw new BallotError('other');
}

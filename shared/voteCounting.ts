/**
 * Counting votes: pure functions from ballots and entered counts to a VoteResult, ballot and
 * count validation, and the canonical form the result hash is computed over.
 *
 * Definitions (the results sheet and the exports rely on these):
 *
 * - **Answer keys.** yesNoAbstain: 'yes' | 'no' | 'abstain'; scale4/scale5: '1'…'4' / '1'…'5';
 *   approval: 'approved'; dots: 'dots'. Ranking results use 'points' and 'first' (Borda) or
 *   'round1', 'round2', … (instant runoff: the subject's votes in each round it took part in).
 * - **Head count of entered counts** (a table's show of hands, the paper totals), i.e. how many
 *   people they stand for: yes/no/abstain and scales: the largest number of answers any one
 *   subject got; approval: the largest number of approvals any one subject got; dots: the dots
 *   entered in all, divided by each person's dots, rounded up.
 * - **Turnout** (`VoteResult.ballots`): ballots cast with codes + paper ballots (ranking) + the
 *   head counts of every table tally and of the paper totals.
 * - **Support.** yes/no/abstain: 'yes'; scales: the agreeing levels (agreeingLevels); approval:
 *   'approved'; dots: the subject's share of all dots cast (base ignored); Borda: points out of
 *   the most possible (every ballot ranking it first); instant runoff: the subject's votes in the
 *   last round it took part in.
 * - **Denominator.** Base 'present': the participants present (attendance of the vote's day).
 *   Base 'cast': the people who answered this subject (a blank answer does not count, an
 *   abstention does); for approval every ballot answers every subject; Borda: the ballots;
 *   instant runoff: the ballots still in play in that round.
 * - **Verdict**: the label of the highest threshold whose percent the support is strictly above
 *   (compared exactly, not after rounding); null when none is passed or there is no denominator.
 *   supportPercent is rounded to two decimals.
 * - **Instant runoff.** Each round counts every ballot for its highest-ranked subject still in
 *   the count. A subject with more than half of the ballots still in play wins; so does the last
 *   one left. Otherwise the subject with the fewest votes goes out. Ties for fewest: the one with
 *   fewer votes in the round before (and the one before that, back to the first round); still
 *   tied, the one with fewer Borda points (over all ballots, unranked subjects 0); still tied, all
 *   of them go out together — unless that would leave nobody, in which case the count stops
 *   there with no winner (the remaining subjects are tied).
 * - **Borda.** With n subjects, a ballot gives n−1 points to its first choice, n−2 to the second,
 *   …, 0 to the last. Winner: most points; tie: most first preferences; still tied: no winner.
 */
import type { ErrorCode, ErrorParams } from './errors.js';
import {
  agreeingLevels,
  type BallotContent,
  type CountedAnswers,
  type RankingRound,
  type SubjectResult,
  type Threshold,
  type Vote,
  type VoteMethod,
} from './votes.js';
import type { VoteResult } from './votes.js';

export type CountingVote = Pick<Vote, 'id' | 'method' | 'subjects' | 'dots' | 'rankingCount' | 'thresholds' | 'base'>;

export interface CountingInput {
  vote: CountingVote;
  /** Ballots cast with codes and paper ballots (ranking), already validated. */
  ballots: BallotContent[];
  /** Table tallies and paper totals, already validated. */
  counts: CountedAnswers[];
  /** Participants present (base 'present'); null when unknown. */
  present: number | null;
  resultHash?: string | null;
}

export interface Problem {
  code: ErrorCode;
  params?: ErrorParams;
}

const YNA = ['yes', 'no', 'abstain'] as const;

/** The answer keys counts are entered under, per method (none for ranking). */
export function answerKeys(method: VoteMethod): string[] {
  switch (method) {
    case 'yesNoAbstain':
      return [...YNA];
    case 'scale4':
      return ['1', '2', '3', '4'];
    case 'scale5':
      return ['1', '2', '3', '4', '5'];
    case 'approval':
      return ['approved'];
    case 'dots':
      return ['dots'];
    case 'ranking':
      return [];
  }
}

/** The answer keys that count as support. */
export function supportingKeys(method: VoteMethod): string[] {
  switch (method) {
    case 'yesNoAbstain':
      return ['yes'];
    case 'scale4':
    case 'scale5':
      return agreeingLevels(method).map(String);
    case 'approval':
      return ['approved'];
    case 'dots':
      return ['dots'];
    case 'ranking':
      return [];
  }
}

const sum = (values: Iterable<number>) => {
  let s = 0;
  for (const v of values) s += v;
  return s;
};

/** How many people a set of entered counts stands for (see the definitions above). */
export function headCount(vote: Pick<CountingVote, 'method' | 'subjects' | 'dots'>, counts: CountedAnswers): number {
  if (vote.method === 'ranking') return 0;
  if (vote.method === 'dots') {
    const total = sum(Object.values(counts).map((c) => c.dots ?? 0));
    return Math.ceil(total / Math.max(1, vote.dots ?? 1));
  }
  let most = 0;
  for (const c of Object.values(counts)) most = Math.max(most, sum(Object.values(c)));
  return most;
}

/** The highest threshold `supporting / denominator` is strictly above, compared without rounding. */
export function verdictOf(thresholds: readonly Threshold[], supporting: number, denominator: number | null): string | null {
  if (denominator === null || denominator <= 0) return null;
  let best: Threshold | null = null;
  for (const t of thresholds) {
    if (supporting * 100 > t.percent * denominator && (best === null || t.percent > best.percent)) best = t;
  }
  return best?.label ?? null;
}

function percent(part: number, whole: number | null): number | null {
  if (whole === null || whole <= 0) return null;
  return Math.round((part * 10000) / whole) / 100;
}

// ---------------------------------------------------------------- counting

export function countVote(input: CountingInput): VoteResult {
  const { vote } = input;
  if (vote.method === 'ranking') return countRanking(input);
  const keys = answerKeys(vote.method);
  const support = supportingKeys(vote.method);
  const tallies = new Map<string, { counts: Record<string, number>; answered: number }>();
  for (const s of vote.subjects) tallies.set(s.id, { counts: Object.fromEntries(keys.map((k) => [k, 0])), answered: 0 });

  for (const b of input.ballots) {
    if (b.method !== vote.method) continue;
    for (const [id, t] of tallies) {
      switch (b.method) {
        case 'yesNoAbstain':
        case 'scale4':
        case 'scale5': {
          const a: string | number | null | undefined = (b.answers as Record<string, string | number | null>)[id];
          if (a === null || a === undefined) break;
          const k = String(a);
          if (k in t.counts) {
            t.counts[k]! += 1;
            t.answered += 1;
          }
          break;
        }
        case 'approval':
          t.answered += 1;
          if (b.approved.includes(id)) t.counts.approved! += 1;
          break;
        case 'dots':
          t.answered += 1;
          t.counts.dots! += b.dots[id] ?? 0;
          break;
        default:
          break;
      }
    }
  }
  let heads = 0;
  for (const c of input.counts) {
    const h = headCount(vote, c);
    heads += h;
    for (const [id, t] of tallies) {
      const entered = c[id] ?? {};
      for (const k of keys) t.counts[k]! += entered[k] ?? 0;
      t.answered += vote.method === 'approval' || vote.method === 'dots' ? h : sum(keys.map((k) => entered[k] ?? 0));
    }
  }
  const ballots = input.ballots.length + heads;
  const totalDots = vote.method === 'dots' ? sum([...tallies.values()].map((t) => t.counts.dots!)) : 0;
  const subjects: SubjectResult[] = vote.subjects.map((s) => {
    const t = tallies.get(s.id)!;
    const supporting = sum(support.map((k) => t.counts[k] ?? 0));
    const denominator = vote.method === 'dots' ? totalDots : vote.base === 'present' ? input.present : t.answered;
    return {
      subjectId: s.id,
      counts: t.counts,
      answered: t.answered,
      supportPercent: percent(supporting, denominator),
      verdict: verdictOf(vote.thresholds, supporting, denominator),
    };
  });
  return {
    voteId: vote.id,
    base: vote.base === 'present' ? (input.present ?? 0) : ballots,
    ballots,
    subjects,
    rounds: null,
    winner: null,
    resultHash: input.resultHash ?? null,
  };
}

/** Borda points over the given rankings: n−1 for a first choice … 0 for the last; unranked 0. */
export function bordaPoints(subjectIds: readonly string[], rankings: readonly (readonly string[])[]): Record<string, number> {
  const n = subjectIds.length;
  const points: Record<string, number> = Object.fromEntries(subjectIds.map((id) => [id, 0]));
  for (const r of rankings) {
    r.forEach((id, i) => {
      if (id in points) points[id]! += n - 1 - i;
    });
  }
  return points;
}

export interface RunoffOutcome {
  rounds: RankingRound[];
  winner: string | null;
  /** Ballots still in play in each round. */
  active: number[];
}

/** Instant runoff with the tie rule documented at the top of this file. */
export function instantRunoff(subjectIds: readonly string[], rankings: readonly (readonly string[])[]): RunoffOutcome {
  const borda = bordaPoints(subjectIds, rankings);
  const continuing = new Set(subjectIds);
  const rounds: RankingRound[] = [];
  const active: number[] = [];
  while (continuing.size > 0) {
    const counts: Record<string, number> = Object.fromEntries([...continuing].map((id) => [id, 0]));
    let inPlay = 0;
    for (const r of rankings) {
      const choice = r.find((id) => continuing.has(id));
      if (choice !== undefined) {
        counts[choice]! += 1;
        inPlay += 1;
      }
    }
    active.push(inPlay);
    const majority = [...continuing].find((id) => counts[id]! * 2 > inPlay);
    if (majority !== undefined || continuing.size === 1) {
      rounds.push({ counts, eliminated: [] });
      return { rounds, winner: majority ?? [...continuing][0]!, active };
    }
    if (inPlay === 0) {
      rounds.push({ counts, eliminated: [] });
      return { rounds, winner: null, active };
    }
    let tied = fewest([...continuing], (id) => counts[id]!);
    for (let back = rounds.length - 1; back >= 0 && tied.length > 1; back--) {
      const earlier = rounds[back]!.counts;
      tied = fewest(tied, (id) => earlier[id] ?? 0);
    }
    if (tied.length > 1) tied = fewest(tied, (id) => borda[id]!);
    if (tied.length === continuing.size) {
      // Eliminating them all would leave nobody: the remaining subjects are tied.
      rounds.push({ counts, eliminated: [] });
      return { rounds, winner: null, active };
    }
    const eliminated = subjectIds.filter((id) => tied.includes(id));
    rounds.push({ counts, eliminated });
    for (const id of eliminated) continuing.delete(id);
  }
  return { rounds, winner: null, active };
}

function fewest(ids: string[], score: (id: string) => number): string[] {
  const min = Math.min(...ids.map(score));
  return ids.filter((id) => score(id) === min);
}

function countRanking(input: CountingInput): VoteResult {
  const { vote } = input;
  const ids = vote.subjects.map((s) => s.id);
  const rankings = input.ballots.filter((b): b is Extract<BallotContent, { method: 'ranking' }> => b.method === 'ranking').map((b) => b.ranking);
  const ballots = rankings.length;
  const answered = (id: string) => rankings.filter((r) => r.includes(id)).length;
  if (vote.rankingCount === 'irv') {
    const outcome = instantRunoff(ids, rankings);
    const subjects: SubjectResult[] = ids.map((id) => {
      const counts: Record<string, number> = {};
      let last = 0;
      let lastActive: number | null = null;
      outcome.rounds.forEach((round, i) => {
        if (id in round.counts) {
          counts[`round${i + 1}`] = round.counts[id]!;
          last = round.counts[id]!;
          lastActive = outcome.active[i]!;
        }
      });
      const denominator = vote.base === 'present' ? input.present : lastActive;
      return { subjectId: id, counts, answered: answered(id), supportPercent: percent(last, denominator), verdict: verdictOf(vote.thresholds, last, denominator) };
    });
    return {
      voteId: vote.id,
      base: vote.base === 'present' ? (input.present ?? 0) : ballots,
      ballots,
      subjects,
      rounds: outcome.rounds,
      winner: outcome.winner,
      resultHash: input.resultHash ?? null,
    };
  }
  const points = bordaPoints(ids, rankings);
  const firsts: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
  for (const r of rankings) if (r[0] !== undefined && r[0] in firsts) firsts[r[0]]! += 1;
  const people = vote.base === 'present' ? input.present : ballots;
  const most = people === null ? null : people * Math.max(0, ids.length - 1);
  const subjects: SubjectResult[] = ids.map((id) => ({
    subjectId: id,
    counts: { points: points[id]!, first: firsts[id]! },
    answered: answered(id),
    supportPercent: percent(points[id]!, most),
    verdict: verdictOf(vote.thresholds, points[id]!, most),
  }));
  let winner: string | null = null;
  if (ballots > 0) {
    let top = fewest(ids, (id) => -points[id]!);
    if (top.length > 1) top = fewest(top, (id) => -firsts[id]!);
    winner = top.length === 1 ? top[0]! : null;
  }
  return {
    voteId: vote.id,
    base: vote.base === 'present' ? (input.present ?? 0) : ballots,
    ballots,
    subjects,
    rounds: null,
    winner,
    resultHash: input.resultHash ?? null,
  };
}

// ---------------------------------------------------------------- validation

type Checked<T> = { ok: true; value: T } | { ok: false; problem: Problem };
const bad = <T>(code: ErrorCode, params?: ErrorParams): Checked<T> => ({ ok: false, problem: params ? { code, params } : { code } });

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks a ballot for the vote's method and returns it in a normal form: every subject present
 * (null for a blank answer), nothing else, so no two clients' ballots differ in shape.
 */
export function validateBallot(vote: Pick<CountingVote, 'method' | 'subjects' | 'dots' | 'rankingCount'>, content: unknown): Checked<BallotContent> {
  if (!isRecord(content) || content.method !== vote.method) return bad('ballot.wrongMethod');
  const ids = vote.subjects.map((s) => s.id);
  const known = new Set(ids);
  const unknownKey = (keys: Iterable<string>) => {
    for (const k of keys) if (!known.has(k)) return k;
    return null;
  };
  switch (vote.method) {
    case 'yesNoAbstain':
    case 'scale4':
    case 'scale5': {
      if (!isRecord(content.answers)) return bad('ballot.badAnswer');
      const answers = content.answers;
      const stray = unknownKey(Object.keys(answers));
      if (stray !== null) return bad('ballot.unknownSubject', { subjectId: stray.slice(0, 64) });
      const levels = vote.method === 'scale4' ? 4 : 5;
      const out: Record<string, string | number | null> = {};
      for (const id of ids) {
        const a = answers[id];
        if (a === null || a === undefined) out[id] = null;
        else if (vote.method === 'yesNoAbstain' ? (YNA as readonly unknown[]).includes(a) : Number.isInteger(a) && (a as number) >= 1 && (a as number) <= levels) out[id] = a as string | number;
        else return bad('ballot.badAnswer');
      }
      return { ok: true, value: { method: vote.method, answers: out } as BallotContent };
    }
    case 'approval': {
      const approved = content.approved;
      if (!Array.isArray(approved) || !approved.every((a) => typeof a === 'string')) return bad('ballot.badAnswer');
      const stray = unknownKey(approved as string[]);
      if (stray !== null) return bad('ballot.unknownSubject', { subjectId: stray.slice(0, 64) });
      if (new Set(approved).size !== approved.length) return bad('ballot.badAnswer');
      return { ok: true, value: { method: 'approval', approved: ids.filter((id) => approved.includes(id)) } };
    }
    case 'dots': {
      if (!isRecord(content.dots)) return bad('ballot.badAnswer');
      const given = content.dots;
      const stray = unknownKey(Object.keys(given));
      if (stray !== null) return bad('ballot.unknownSubject', { subjectId: stray.slice(0, 64) });
      const out: Record<string, number> = {};
      for (const id of ids) {
        const n = given[id] ?? 0;
        if (!Number.isInteger(n) || (n as number) < 0) return bad('ballot.badAnswer');
        out[id] = n as number;
      }
      const max = vote.dots ?? 1;
      if (sum(Object.values(out)) > max) return bad('ballot.tooManyDots', { max });
      return { ok: true, value: { method: 'dots', dots: out } };
    }
    case 'ranking': {
      const ranking = content.ranking;
      if (!Array.isArray(ranking) || !ranking.every((a) => typeof a === 'string')) return bad('ballot.badAnswer');
      const stray = unknownKey(ranking as string[]);
      if (stray !== null) return bad('ballot.unknownSubject', { subjectId: stray.slice(0, 64) });
      if (new Set(ranking).size !== ranking.length) return bad('ballot.rankingTies');
      // Borda needs every subject ranked; instant runoff accepts a ranking that stops early.
      if (ranking.length === 0 || (vote.rankingCount !== 'irv' && ranking.length !== ids.length)) return bad('ballot.rankingGaps');
      return { ok: true, value: { method: 'ranking', ranking: [...(ranking as string[])] } };
    }
  }
}

/** Checks entered counts for the method and returns them with every subject and answer key (0 when absent). */
export function validateCounts(vote: Pick<CountingVote, 'method' | 'subjects'>, counts: CountedAnswers): Checked<CountedAnswers> {
  if (vote.method === 'ranking') return bad('votes.modeNotAllowed', { mode: 'counts' });
  const keys = answerKeys(vote.method);
  const known = new Set(vote.subjects.map((s) => s.id));
  for (const [id, c] of Object.entries(counts)) {
    if (!known.has(id)) return bad('votes.unknownSubject', { subjectId: id });
    for (const [k, n] of Object.entries(c)) {
      if (!keys.includes(k)) return bad('votes.unknownAnswer', { answer: k });
      if (!Number.isInteger(n) || n < 0) return bad('votes.unknownAnswer', { answer: k });
    }
  }
  const out: CountedAnswers = {};
  for (const s of vote.subjects) out[s.id] = Object.fromEntries(keys.map((k) => [k, counts[s.id]?.[k] ?? 0]));
  return { ok: true, value: out };
}

// ---------------------------------------------------------------- canonical form and hash input

/** JSON with object keys sorted (by UTF-16 code units) at every level and no whitespace. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.filter((k) => value[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface CanonicalRow {
  /** 'vote' | 'method' | 'ballot' (cast with a code) | 'paperBallot' | 'tally' | 'paper' */
  record: string;
  /** The table number for a tally; '' otherwise. */
  table: string;
  content: string;
}

/**
 * The canonical record of a vote, which the result hash is computed over and the ballots CSV
 * lists row by row:
 *   1. `vote`, '', the vote's id;
 *   2. `method`, '', the method (and ':borda' / ':irv' for ranking);
 *   3. every ballot as `ballot` (code) or `paperBallot`, '', its canonical JSON; sorted by
 *      record, then content (UTF-16 code units, as JavaScript compares strings);
 *   4. every table tally as `tally`, table number, canonical JSON of its counts; by table number;
 *   5. the paper totals, if entered, as `paper`, '', canonical JSON.
 * The hash is the SHA-256 (hex) of the UTF-8 bytes of hashMaterial(rows): each row written as
 * record TAB table TAB content LF.
 */
export function canonicalRows(input: {
  voteId: string;
  method: VoteMethod;
  rankingCount: string | null;
  ballots: { source: 'code' | 'paper'; content: BallotContent }[];
  tallies: { tableNo: number; counts: CountedAnswers }[];
  paper: CountedAnswers | null;
}): CanonicalRow[] {
  const rows: CanonicalRow[] = [
    { record: 'vote', table: '', content: input.voteId },
    { record: 'method', table: '', content: input.method === 'ranking' ? `ranking:${input.rankingCount ?? 'borda'}` : input.method },
  ];
  const ballots = input.ballots
    .map((b) => ({ record: b.source === 'code' ? 'ballot' : 'paperBallot', table: '', content: canonicalJson(b.content) }))
    .sort((a, b) => (a.record < b.record ? -1 : a.record > b.record ? 1 : a.content < b.content ? -1 : a.content > b.content ? 1 : 0));
  rows.push(...ballots);
  for (const t of [...input.tallies].sort((a, b) => a.tableNo - b.tableNo)) rows.push({ record: 'tally', table: String(t.tableNo), content: canonicalJson(t.counts) });
  if (input.paper) rows.push({ record: 'paper', table: '', content: canonicalJson(input.paper) });
  return rows;
}

export function hashMaterial(rows: readonly CanonicalRow[]): string {
  return rows.map((r) => `${r.record}\t${r.table}\t${r.content}\n`).join('');
}

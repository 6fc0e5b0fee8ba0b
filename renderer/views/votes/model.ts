import { agreeingLevels, type CountedAnswers, type Vote, type VoteMethod, type VoteResult } from '../../../shared/votes.js';

/**
 * What the screens need to know about a method: the answers a show of hands or a paper count
 * has per subject (the keys the hub counts), in the order a ballot shows them (agreeing first).
 */
export function answerKeys(method: VoteMethod): string[] {
  switch (method) {
    case 'yesNoAbstain':
      return ['yes', 'no', 'abstain'];
    case 'scale4':
      return ['4', '3', '2', '1'];
    case 'scale5':
      return ['5', '4', '3', '2', '1'];
    case 'approval':
      return ['approved'];
    case 'dots':
      return ['dots'];
    case 'ranking':
      return ['points'];
  }
}

/** The i18n key of one answer's label (votes.answers.*). */
export function answerLabelKey(method: VoteMethod, key: string): string {
  if (method === 'scale4' || method === 'scale5') return `votes.answers.${method}.l${key}`;
  return `votes.answers.${key}`;
}

/** Does this answer support the subject (for colouring: green shades), oppose it (red), or neither? */
export function answerTone(method: VoteMethod, key: string): 'strongFor' | 'for' | 'neutral' | 'against' | 'strongAgainst' | 'count' {
  if (method === 'yesNoAbstain') return key === 'yes' ? 'strongFor' : key === 'no' ? 'strongAgainst' : 'neutral';
  if (method === 'scale4' || method === 'scale5') {
    const level = Number(key);
    const top = method === 'scale4' ? 4 : 5;
    if (level === top) return 'strongFor';
    if (agreeingLevels(method).includes(level)) return 'for';
    if (level === 1) return 'strongAgainst';
    if (method === 'scale5' && level === 3) return 'neutral';
    return 'against';
  }
  return 'count';
}

/** Methods a table's show of hands can take (a ranking needs each person's order). */
export function tallyAllowed(method: VoteMethod): boolean {
  return method !== 'ranking';
}

/** The results a screen may show for a vote: the live ones for managers, else the published ones. */
export function findResult(results: Record<string, VoteResult>, voteId: string): VoteResult | null {
  return results[voteId] ?? Object.values(results).find((r) => r.voteId === voteId) ?? null;
}

/** A share in the interface language: "76 %" in Finnish, "76%" in English. */
export function formatPercent(value: number | null, lng: string, digits = 0): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(lng, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value / 100);
}

/** A hash people can read aloud and compare: lower-case hex in groups of four. */
export function groupHash(hash: string, size = 4): string[] {
  const clean = hash.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
  const groups: string[] = [];
  for (let i = 0; i < clean.length; i += size) groups.push(clean.slice(i, i + size));
  return groups;
}

/** Empty counts for every subject and answer of a vote. */
export function emptyCounts(vote: Pick<Vote, 'method' | 'subjects'>): CountedAnswers {
  const counts: CountedAnswers = {};
  for (const s of vote.subjects) {
    counts[s.id] = Object.fromEntries(answerKeys(vote.method).map((k) => [k, 0]));
  }
  return counts;
}

/**
 * How many people a subject's counts stand for: the sum of the answers, except that approvals
 * and dots are not one per person (an approval count is at most the people; dots may be many).
 */
export function peopleInCounts(method: VoteMethod, counts: Record<string, number> | undefined): number {
  if (!counts) return 0;
  if (method === 'dots') return 0;
  return Object.values(counts).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
}

/** The problem with a table's counts, if any: a subject over the table's size, dots over the budget. */
export function tallyProblem(
  vote: Pick<Vote, 'method' | 'subjects' | 'dots'>,
  counts: CountedAnswers,
  tableSize: number,
): { subjectId: string | null; kind: 'overTable' | 'overDots' } | null {
  if (tableSize <= 0) return null;
  if (vote.method === 'dots') {
    const total = vote.subjects.reduce((sum, s) => sum + (counts[s.id]?.dots ?? 0), 0);
    return total > tableSize * (vote.dots ?? 1) ? { subjectId: null, kind: 'overDots' } : null;
  }
  for (const s of vote.subjects) {
    if (peopleInCounts(vote.method, counts[s.id]) > tableSize) return { subjectId: s.id, kind: 'overTable' };
  }
  return null;
}

export function methodHasThresholds(method: VoteMethod): boolean {
  return method !== 'ranking';
}

export type PlacesProblem =
  | { kind: 'notPlace'; subjectIds: string[] }
  | { kind: 'tied'; place: number; subjectIds: string[] }
  | { kind: 'gap'; place: number; subjectIds: string[] }
  | { kind: 'unranked'; subjectIds: string[] }
  | { kind: 'empty'; subjectIds: string[] };

/**
 * A paper ranking ballot as its order, from the places written on it (subject id → "1", "2", …;
 * blank = not ranked), or what is wrong with it: a place that is not a whole number 1…n, two
 * options at the same place, a place skipped, or (Borda) an option left without a place.
 * Instant runoff takes a ballot that stops early.
 */
export function rankingFromPlaces(
  vote: Pick<Vote, 'subjects' | 'rankingCount'>,
  places: Record<string, string>,
): { ranking: string[] } | { problem: PlacesProblem } {
  const n = vote.subjects.length;
  const placed: { id: string; place: number }[] = [];
  const blank: string[] = [];
  const notPlace: string[] = [];
  for (const s of vote.subjects) {
    const text = (places[s.id] ?? '').trim();
    if (text === '') {
      blank.push(s.id);
      continue;
    }
    const place = Number(text);
    if (!Number.isInteger(place) || place < 1 || place > n) notPlace.push(s.id);
    else placed.push({ id: s.id, place });
  }
  if (notPlace.length > 0) return { problem: { kind: 'notPlace', subjectIds: notPlace } };
  if (placed.length === 0) return { problem: { kind: 'empty', subjectIds: [] } };
  placed.sort((a, b) => a.place - b.place);
  for (let i = 0; i < placed.length; i++) {
    const place = placed[i]!.place;
    if (place < i + 1) return { problem: { kind: 'tied', place, subjectIds: placed.filter((p) => p.place === place).map((p) => p.id) } };
    if (place > i + 1) return { problem: { kind: 'gap', place: i + 1, subjectIds: [] } };
  }
  if (vote.rankingCount !== 'irv' && blank.length > 0) return { problem: { kind: 'unranked', subjectIds: blank } };
  return { ranking: placed.map((p) => p.id) };
}

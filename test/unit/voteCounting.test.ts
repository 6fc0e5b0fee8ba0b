import { describe, expect, it } from 'vitest';
import {
  BALLOT_CODE_ALPHABET,
  ballotCheckCharacter,
  formatBallotCode,
  isWellFormedBallotCode,
  normaliseBallotCode,
} from '../../shared/ballotCode.js';
import {
  bordaPoints,
  canonicalJson,
  canonicalRows,
  countVote,
  hashMaterial,
  headCount,
  instantRunoff,
  validateBallot,
  validateCounts,
  verdictOf,
  type CountingVote,
} from '../../shared/voteCounting.js';
import type { BallotContent, VoteMethod } from '../../shared/votes.js';

const THRESHOLDS = [
  { label: 'Vahvasti tuettu', percent: 75 },
  { label: 'Tuettu', percent: 50 },
];

function vote(method: VoteMethod, ids: string[], extra: Partial<CountingVote> = {}): CountingVote {
  return {
    id: 'v1',
    method,
    subjects: ids.map((id) => ({ id, label: `Subject ${id}`, recommendationId: null })),
    dots: method === 'dots' ? 3 : null,
    rankingCount: method === 'ranking' ? 'borda' : null,
    thresholds: THRESHOLDS,
    base: 'cast',
    ...extra,
  };
}

const yna = (a: 'yes' | 'no' | 'abstain' | null, b: 'yes' | 'no' | 'abstain' | null): BallotContent => ({ method: 'yesNoAbstain', answers: { a, b } });
const ranked = (...ranking: string[]): BallotContent => ({ method: 'ranking', ranking });
const times = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);

describe('yes / no / abstain', () => {
  const v = vote('yesNoAbstain', ['a', 'b']);
  const ballots = [yna('yes', 'yes'), yna('yes', 'no'), yna('no', 'no'), yna('abstain', 'no'), yna(null, 'yes')];

  it('counts answers; blank answers are not counted, abstentions are; exactly 50 % passes no "> 50 %" threshold', () => {
    const r = countVote({ vote: v, ballots, counts: [], present: null });
    expect(r.ballots).toBe(5);
    expect(r.base).toBe(5);
    expect(r.subjects[0]).toEqual({ subjectId: 'a', counts: { yes: 2, no: 1, abstain: 1 }, answered: 4, supportPercent: 50, verdict: null });
    expect(r.subjects[1]).toEqual({ subjectId: 'b', counts: { yes: 2, no: 3, abstain: 0 }, answered: 5, supportPercent: 40, verdict: null });
  });

  it('adds a table tally: its head count is the most answers any subject got', () => {
    const tally = { a: { yes: 3, no: 0, abstain: 0 }, b: { yes: 1, no: 1, abstain: 0 } };
    expect(headCount(v, tally)).toBe(3);
    const r = countVote({ vote: v, ballots, counts: [tally], present: null });
    expect(r.ballots).toBe(8);
    // a: 5 yes of 7 answers = 71.43 % > 50 → Tuettu; b: 3 of 7 = 42.86 %.
    expect(r.subjects[0]).toMatchObject({ counts: { yes: 5, no: 1, abstain: 1 }, answered: 7, supportPercent: 71.43, verdict: 'Tuettu' });
    expect(r.subjects[1]).toMatchObject({ counts: { yes: 3, no: 4, abstain: 0 }, answered: 7, supportPercent: 42.86, verdict: null });
  });

  it('measures against the participants present when the base says so', () => {
    const r = countVote({ vote: { ...v, base: 'present' }, ballots: [...ballots, yna('yes', null), yna('yes', null), yna('yes', null), yna('yes', null)], counts: [], present: 8 });
    // a: 6 yes of 8 present = 75 %: not strictly above 75 → Tuettu.
    expect(r.base).toBe(8);
    expect(r.subjects[0]).toMatchObject({ supportPercent: 75, verdict: 'Tuettu' });
    const none = countVote({ vote: { ...v, base: 'present' }, ballots, counts: [], present: null });
    expect(none.subjects[0]).toMatchObject({ supportPercent: null, verdict: null });
  });
});

describe('scales', () => {
  it('four points: levels 3 and 4 agree', () => {
    const v = vote('scale4', ['s']);
    const ballots = [4, 4, 3, 2, 1, null].map((x): BallotContent => ({ method: 'scale4', answers: { s: x } }));
    const r = countVote({ vote: v, ballots, counts: [], present: null });
    expect(r.subjects[0]).toEqual({ subjectId: 's', counts: { 1: 1, 2: 1, 3: 1, 4: 2 }, answered: 5, supportPercent: 60, verdict: 'Tuettu' });
  });

  it('five points: levels 4 and 5 agree, the middle is neutral', () => {
    const v = vote('scale5', ['s']);
    const ballots = [5, 5, 5, 4, 3].map((x): BallotContent => ({ method: 'scale5', answers: { s: x } }));
    const r = countVote({ vote: v, ballots, counts: [{ s: { 3: 1, 5: 2 } }], present: null });
    // Ballots 5,5,5,4 agree, 3 is neutral; the tally adds 5,5 (agree) and 3: 6 of 8 = 75 % → Tuettu (not above 75).
    expect(r.subjects[0]).toMatchObject({ counts: { 1: 0, 2: 0, 3: 2, 4: 1, 5: 5 }, answered: 8, supportPercent: 75, verdict: 'Tuettu' });
    const strong = countVote({ vote: v, ballots: [...ballots, { method: 'scale5', answers: { s: 5 } }], counts: [{ s: { 3: 1, 5: 2 } }], present: null });
    // 7 of 9 = 77.78 % → Vahvasti tuettu.
    expect(strong.subjects[0]).toMatchObject({ supportPercent: 77.78, verdict: 'Vahvasti tuettu' });
  });
});

describe('approval and dots', () => {
  it('approval: every ballot answers every subject', () => {
    const v = vote('approval', ['a', 'b', 'c'], { thresholds: [{ label: 'Kannatettu', percent: 40 }] });
    const ballots: BallotContent[] = [
      { method: 'approval', approved: ['a', 'b'] },
      { method: 'approval', approved: ['a'] },
      { method: 'approval', approved: [] },
      { method: 'approval', approved: ['b', 'c'] },
    ];
    const r = countVote({ vote: v, ballots, counts: [], present: null });
    expect(r.subjects.map((s) => [s.counts.approved, s.answered, s.supportPercent, s.verdict])).toEqual([
      [2, 4, 50, 'Kannatettu'],
      [2, 4, 50, 'Kannatettu'],
      [1, 4, 25, null],
    ]);
  });

  it('dots: support is the share of all dots; a tally stands for its dots divided by each person’s dots, rounded up', () => {
    const v = vote('dots', ['a', 'b', 'c']);
    const ballots: BallotContent[] = [
      { method: 'dots', dots: { a: 3, b: 0, c: 0 } },
      { method: 'dots', dots: { a: 1, b: 2, c: 0 } },
      { method: 'dots', dots: { a: 0, b: 0, c: 3 } },
    ];
    const r = countVote({ vote: v, ballots, counts: [], present: null });
    expect(r.subjects.map((s) => [s.counts.dots, s.supportPercent])).toEqual([
      [4, 44.44],
      [2, 22.22],
      [3, 33.33],
    ]);
    const tally = { a: { dots: 5 }, b: { dots: 2 } };
    expect(headCount(v, tally)).toBe(3);
    expect(countVote({ vote: v, ballots, counts: [tally], present: null }).ballots).toBe(6);
  });
});

describe('ranking: Borda', () => {
  const v = vote('ranking', ['A', 'B', 'C']);
  const ballots = [...times(3, ranked('A', 'B', 'C')), ...times(2, ranked('B', 'C', 'A')), ranked('C', 'B', 'A')];

  it('gives n−1 … 0 points; the most points wins', () => {
    // A: 3·2 = 6; B: 3·1 + 2·2 + 1·1 = 8; C: 2·1 + 1·2 = 4. Most possible: 6 ballots · 2 = 12.
    expect(bordaPoints(['A', 'B', 'C'], ballots.map((b) => (b as { ranking: string[] }).ranking))).toEqual({ A: 6, B: 8, C: 4 });
    const r = countVote({ vote: v, ballots, counts: [], present: null });
    expect(r.winner).toBe('B');
    expect(r.subjects.map((s) => [s.subjectId, s.counts, s.supportPercent])).toEqual([
      ['A', { points: 6, first: 3 }, 50],
      ['B', { points: 8, first: 2 }, 66.67],
      ['C', { points: 4, first: 1 }, 33.33],
    ]);
  });

  it('a tie on points goes to the most first preferences, then to nobody', () => {
    // A>B and B>A: one point each, one first preference each → no winner.
    const two = vote('ranking', ['A', 'B']);
    expect(countVote({ vote: two, ballots: [ranked('A', 'B'), ranked('B', 'A')], counts: [], present: null }).winner).toBeNull();
    const three = vote('ranking', ['A', 'B', 'C']);
    const r = countVote({ vote: three, ballots: [ranked('A', 'C', 'B'), ranked('B', 'C', 'A'), ranked('B', 'A', 'C'), ranked('C', 'A', 'B')], counts: [], present: null });
    // A: 2+0+1+1 = 4, B: 0+2+2+0 = 4, C: 1+1+0+2 = 4 — all 4; firsts A1 B2 C1 → B.
    expect(r.subjects.map((s) => s.counts.points)).toEqual([4, 4, 4]);
    expect(r.winner).toBe('B');
  });
});

describe('ranking: instant runoff', () => {
  it('eliminates the fewest each round; a tie goes back to the previous round', () => {
    const ballots = [
      ...times(4, ['A', 'B', 'C']),
      ...times(3, ['B', 'C', 'A']),
      ...times(2, ['C', 'B', 'A']),
      ['D', 'C', 'B'],
    ];
    const out = instantRunoff(['A', 'B', 'C', 'D'], ballots);
    // Round 1: A4 B3 C2 D1 of 10, no majority: D out. Round 2: D's ballot to C: A4 B3 C3; B and C tie
    // for fewest, C had fewer in round 1: C out. Round 3: C's three ballots to B: A4 B6 → B wins.
    expect(out.rounds).toEqual([
      { counts: { A: 4, B: 3, C: 2, D: 1 }, eliminated: ['D'] },
      { counts: { A: 4, B: 3, C: 3 }, eliminated: ['C'] },
      { counts: { A: 4, B: 6 }, eliminated: [] },
    ]);
    expect(out.winner).toBe('B');

    const v = vote('ranking', ['A', 'B', 'C', 'D'], { rankingCount: 'irv' });
    const r = countVote({ vote: v, ballots: ballots.map((b) => ranked(...b)), counts: [], present: null });
    expect(r.winner).toBe('B');
    expect(r.rounds).toHaveLength(3);
    expect(r.subjects.map((s) => [s.subjectId, s.counts, s.supportPercent, s.verdict])).toEqual([
      ['A', { round1: 4, round2: 4, round3: 4 }, 40, null],
      ['B', { round1: 3, round2: 3, round3: 6 }, 60, 'Tuettu'],
      ['C', { round1: 2, round2: 3 }, 30, null],
      ['D', { round1: 1 }, 10, null],
    ]);
  });

  it('a first-round tie for fewest is broken by Borda points', () => {
    // One ballot each: A>C>B, B>C>A, C>A>B. Borda (n = 3): A 2+0+1 = 3, B 0+2+0 = 2, C 1+1+2 = 4 → B out.
    // Round 2: B's ballot goes to C: A1 C2 of 3 → C wins.
    const out = instantRunoff(['A', 'B', 'C'], [['A', 'C', 'B'], ['B', 'C', 'A'], ['C', 'A', 'B']]);
    expect(out.rounds).toEqual([
      { counts: { A: 1, B: 1, C: 1 }, eliminated: ['B'] },
      { counts: { A: 1, C: 2 }, eliminated: [] },
    ]);
    expect(out.winner).toBe('C');
  });

  it('still tied: all of them go out together, unless nobody would be left', () => {
    // A>B ×2, B>A ×2, C ×1, D ×1 (rankings that stop early). Round 1: C and D tie for fewest, no earlier
    // round, equal Borda points (3 each): both out. Round 2: A2 B2, the C and D ballots exhausted; tied in
    // both rounds and on Borda (10 each): eliminating both would leave nobody → no winner.
    const out = instantRunoff(['A', 'B', 'C', 'D'], [['A', 'B'], ['A', 'B'], ['B', 'A'], ['B', 'A'], ['C'], ['D']]);
    expect(out.rounds).toEqual([
      { counts: { A: 2, B: 2, C: 1, D: 1 }, eliminated: ['C', 'D'] },
      { counts: { A: 2, B: 2 }, eliminated: [] },
    ]);
    expect(out.active).toEqual([6, 4]);
    expect(out.winner).toBeNull();
  });

  it('a majority in the first round wins at once; no ballots, no winner', () => {
    expect(instantRunoff(['A', 'B'], [['A'], ['A'], ['B']]).rounds).toEqual([{ counts: { A: 2, B: 1 }, eliminated: [] }]);
    expect(instantRunoff(['A', 'B'], []).winner).toBeNull();
  });
});

describe('verdicts', () => {
  it('is the highest threshold strictly passed, compared exactly', () => {
    expect(verdictOf(THRESHOLDS, 3, 4)).toBe('Tuettu');
    expect(verdictOf(THRESHOLDS, 31, 40)).toBe('Vahvasti tuettu');
    expect(verdictOf(THRESHOLDS, 30, 40)).toBe('Tuettu');
    expect(verdictOf(THRESHOLDS, 2, 4)).toBeNull();
    // 2/3 = 66.666…: above 66.66, not above 66.67.
    expect(verdictOf([{ label: 'x', percent: 66.66 }], 2, 3)).toBe('x');
    expect(verdictOf([{ label: 'x', percent: 66.67 }], 2, 3)).toBeNull();
    expect(verdictOf(THRESHOLDS, 1, 0)).toBeNull();
  });
});

describe('ballot validation', () => {
  it('normalises a yes/no ballot: every subject, blank as null', () => {
    const v = vote('yesNoAbstain', ['a', 'b']);
    expect(validateBallot(v, { method: 'yesNoAbstain', answers: { a: 'yes' }, extra: 1 })).toEqual({ ok: true, value: { method: 'yesNoAbstain', answers: { a: 'yes', b: null } } });
    expect(validateBallot(v, { method: 'yesNoAbstain', answers: { a: 'maybe' } })).toMatchObject({ ok: false, problem: { code: 'ballot.badAnswer' } });
    expect(validateBallot(v, { method: 'yesNoAbstain', answers: { z: 'yes' } })).toMatchObject({ ok: false, problem: { code: 'ballot.unknownSubject', params: { subjectId: 'z' } } });
    expect(validateBallot(v, { method: 'scale4', answers: {} })).toMatchObject({ ok: false, problem: { code: 'ballot.wrongMethod' } });
    expect(validateBallot(v, 'yes')).toMatchObject({ ok: false, problem: { code: 'ballot.wrongMethod' } });
  });

  it('checks scale levels', () => {
    const v = vote('scale4', ['a']);
    expect(validateBallot(v, { method: 'scale4', answers: { a: 4 } }).ok).toBe(true);
    expect(validateBallot(v, { method: 'scale4', answers: { a: 5 } })).toMatchObject({ ok: false, problem: { code: 'ballot.badAnswer' } });
    expect(validateBallot(v, { method: 'scale4', answers: { a: 2.5 } })).toMatchObject({ ok: false, problem: { code: 'ballot.badAnswer' } });
  });

  it('refuses dots over the allowance and negative dots', () => {
    const v = vote('dots', ['a', 'b']);
    expect(validateBallot(v, { method: 'dots', dots: { a: 2, b: 1 } })).toEqual({ ok: true, value: { method: 'dots', dots: { a: 2, b: 1 } } });
    expect(validateBallot(v, { method: 'dots', dots: { a: 2, b: 2 } })).toMatchObject({ ok: false, problem: { code: 'ballot.tooManyDots', params: { max: 3 } } });
    expect(validateBallot(v, { method: 'dots', dots: { a: -1 } })).toMatchObject({ ok: false, problem: { code: 'ballot.badAnswer' } });
  });

  it('refuses rankings with ties or gaps, and unknown subjects', () => {
    const borda = vote('ranking', ['A', 'B', 'C']);
    const irv = vote('ranking', ['A', 'B', 'C'], { rankingCount: 'irv' });
    expect(validateBallot(borda, ranked('A', 'B', 'C')).ok).toBe(true);
    expect(validateBallot(borda, ranked('A', 'A', 'B'))).toMatchObject({ ok: false, problem: { code: 'ballot.rankingTies' } });
    expect(validateBallot(borda, ranked('A', 'B'))).toMatchObject({ ok: false, problem: { code: 'ballot.rankingGaps' } });
    expect(validateBallot(irv, ranked('A', 'B')).ok).toBe(true);
    expect(validateBallot(irv, ranked())).toMatchObject({ ok: false, problem: { code: 'ballot.rankingGaps' } });
    expect(validateBallot(irv, ranked('A', 'X'))).toMatchObject({ ok: false, problem: { code: 'ballot.unknownSubject' } });
  });

  it('approval: no duplicates, listed in the vote’s order', () => {
    const v = vote('approval', ['a', 'b', 'c']);
    expect(validateBallot(v, { method: 'approval', approved: ['c', 'a'] })).toEqual({ ok: true, value: { method: 'approval', approved: ['a', 'c'] } });
    expect(validateBallot(v, { method: 'approval', approved: ['a', 'a'] })).toMatchObject({ ok: false });
  });

  it('checks entered counts', () => {
    const v = vote('yesNoAbstain', ['a', 'b']);
    expect(validateCounts(v, { a: { yes: 2 } })).toEqual({ ok: true, value: { a: { yes: 2, no: 0, abstain: 0 }, b: { yes: 0, no: 0, abstain: 0 } } });
    expect(validateCounts(v, { z: { yes: 2 } })).toMatchObject({ ok: false, problem: { code: 'votes.unknownSubject' } });
    expect(validateCounts(v, { a: { maybe: 2 } })).toMatchObject({ ok: false, problem: { code: 'votes.unknownAnswer' } });
    expect(validateCounts(vote('ranking', ['A', 'B']), {})).toMatchObject({ ok: false, problem: { code: 'votes.modeNotAllowed' } });
  });
});

describe('ballot codes', () => {
  it('have a check character that catches every single wrong character and every swap', () => {
    const body = 'K7QX3MPA';
    const code = body + ballotCheckCharacter(body);
    expect(isWellFormedBallotCode(code)).toBe(true);
    expect(isWellFormedBallotCode(normaliseBallotCode(formatBallotCode(code).toLowerCase()))).toBe(true);
    for (let i = 0; i < code.length; i++) {
      for (const ch of BALLOT_CODE_ALPHABET) {
        if (ch === code[i]) continue;
        expect(isWellFormedBallotCode(code.slice(0, i) + ch + code.slice(i + 1))).toBe(false);
      }
      for (let j = i + 1; j < code.length; j++) {
        if (code[i] === code[j]) continue;
        const swapped = [...code];
        [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
        expect(isWellFormedBallotCode(swapped.join(''))).toBe(false);
      }
    }
    expect(isWellFormedBallotCode(code.slice(0, 8))).toBe(false);
    expect(isWellFormedBallotCode(`${code.slice(0, 8)}0`)).toBe(false);
  });
});

describe('canonical form', () => {
  it('sorts keys at every level and ballots by their text', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}');
    const one = canonicalRows({
      voteId: 'v',
      method: 'yesNoAbstain',
      rankingCount: null,
      ballots: [
        { source: 'code', content: { method: 'yesNoAbstain', answers: { a: 'yes' } } },
        { source: 'code', content: { method: 'yesNoAbstain', answers: { a: 'no' } } },
      ],
      tallies: [
        { tableNo: 3, counts: { a: { yes: 1 } } },
        { tableNo: 1, counts: { a: { no: 1 } } },
      ],
      paper: null,
    });
    expect(one.map((r) => `${r.record}|${r.table}|${r.content}`)).toEqual([
      'vote||v',
      'method||yesNoAbstain',
      'ballot||{"answers":{"a":"no"},"method":"yesNoAbstain"}',
      'ballot||{"answers":{"a":"yes"},"method":"yesNoAbstain"}',
      'tally|1|{"a":{"no":1}}',
      'tally|3|{"a":{"yes":1}}',
    ]);
    expect(hashMaterial(one.slice(0, 2))).toBe('vote\t\tv\nmethod\t\tyesNoAbstain\n');
  });
});

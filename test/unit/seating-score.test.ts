import { describe, expect, it } from 'vitest';
import {
  checkPlan,
  evenSizes,
  evenTableSizes,
  keepsHardConstraints,
  languagePolicy,
  listsToPlan,
  planToLists,
  roundToSeats,
  scorePlan,
  seatsToRound,
  type SeatingInput,
  type SeatingPerson,
} from '../../shared/seating.js';

const people = [
  { id: 'A', features: { g: 'x', h: 'p' } },
  { id: 'B', features: { g: 'x', h: 'q' } },
  { id: 'C', features: { g: 'y', h: 'p' } },
  { id: 'D', features: { g: 'y', h: 'q' } },
];
const rounds = [
  { 1: ['A', 'B'], 2: ['C', 'D'] },
  { 1: ['A', 'C'], 2: ['B', 'D'] },
  { 1: ['A', 'B'], 2: ['C', 'D'] },
];

describe('scorePlan (README definitions, hand-checked)', () => {
  it('counts repeat pairs and distinct pairs', () => {
    // AB twice, CD twice, AC once, BD once → repeats (2-1)+(2-1) = 2, distinct 4.
    const s = scorePlan({ people, diversify: [] }, rounds);
    expect(s.repeatPairs).toBe(2);
    expect(s.distinctPairsMet).toBe(4);
    expect(s.diversityDeviation).toBe(0);
    expect(s.tables.find((t) => t.round === 0 && t.tableNo === 1)?.repeatPairs).toBe(1);
    expect(s.tables.find((t) => t.round === 1 && t.tableNo === 1)?.repeatPairs).toBe(0);
  });

  it('a pair seated together three times counts twice', () => {
    const s = scorePlan({ people, diversify: [] }, [rounds[0]!, rounds[0]!, rounds[0]!]);
    expect(s.repeatPairs).toBe(4);
    expect(s.distinctPairsMet).toBe(2);
  });

  it('diversity deviation is the mean total variation distance over rounds, tables and features', () => {
    // g: rounds 0 and 2 put x,x / y,y together → TVD 0.5 at each of 4 tables; round 1 mirrors the room → 0.
    expect(scorePlan({ people, diversify: ['g'] }, rounds).diversityDeviation).toBeCloseTo(2 / 6, 12);
    // h: only round 1 is off (p,p / q,q) → 2 × 0.5; with g: (2 + 1) / 12.
    expect(scorePlan({ people, diversify: ['g', 'h'] }, rounds).diversityDeviation).toBeCloseTo(3 / 12, 12);
    const t = scorePlan({ people, diversify: ['g', 'h'] }, rounds).tables.find((x) => x.round === 0 && x.tableNo === 1);
    expect(t?.diversity).toBeCloseTo(0.25, 12);
  });

  it('uneven shares: one woman of three at a table of three when the room is half and half', () => {
    const ppl = ['f', 'f', 'f', 'm', 'm', 'm'].map((g, i) => ({ id: `p${i}`, features: { g } }));
    const s = scorePlan({ people: ppl, diversify: ['g'] }, [{ 1: ['p0', 'p3', 'p4'], 2: ['p1', 'p2', 'p5'] }]);
    // 0.5 × (|1/3 − 1/2| + |2/3 − 1/2|) = 1/6 at each table.
    expect(s.diversityDeviation).toBeCloseTo(1 / 6, 12);
  });

  it('a missing feature value counts as its own value; unknown ids count for pairs only', () => {
    const ppl: SeatingPerson[] = [
      { id: 'a', features: { g: 'x' } },
      { id: 'b', features: {} },
    ];
    const s = scorePlan({ people: ppl, diversify: ['g'] }, [{ 1: ['a', 'b', 'gone'] }]);
    expect(s.distinctPairsMet).toBe(3);
    expect(s.diversityDeviation).toBe(0);
  });
});

describe('table sizes', () => {
  it('ceil(people / size) tables, as even as possible', () => {
    const sizes = evenTableSizes(110, 7);
    expect(sizes.length).toBe(16);
    expect(sizes.filter((s) => s === 7).length).toBe(14);
    expect(sizes.filter((s) => s === 6).length).toBe(2);
    expect(evenTableSizes(40, 8)).toEqual([8, 8, 8, 8, 8]);
    expect(evenTableSizes(0, 8)).toEqual([]);
  });

  it('evenSizes fills by water level within capacities', () => {
    expect(evenSizes(10, [{ capacity: 8 }, { capacity: 8 }])).toEqual([5, 5]);
    expect(evenSizes(10, [{ capacity: 2 }, { capacity: 8 }, { capacity: 8 }])).toEqual([2, 4, 4]);
    expect(evenSizes(30, [{ capacity: 8 }, { capacity: 8 }])).toEqual([8, 8]);
  });
});

describe('conversions', () => {
  const tables = [{ no: 1 }, { no: 2 }];
  it('plans, lists and seats round-trip', () => {
    expect(listsToPlan(planToLists(rounds, tables), tables)).toEqual(rounds);
    expect(roundToSeats(rounds[1]!)).toEqual({ A: 1, C: 1, B: 2, D: 2 });
    expect(seatsToRound(roundToSeats(rounds[1]!), tables)).toEqual(rounds[1]);
  });
});

describe('checkPlan', () => {
  const base: SeatingInput = {
    people: people.map((p) => ({ ...p })),
    tables: [
      { no: 1, capacity: 2, accessible: true },
      { no: 2, capacity: 2 },
    ],
    rounds: 1,
    diversify: [],
  };

  it('is empty for a plan that keeps everything', () => {
    expect(checkPlan(base, [{ 1: ['A', 'B'], 2: ['C', 'D'] }])).toEqual([]);
  });

  it('reports over capacity, people not seated and seated twice', () => {
    const v = checkPlan(base, [{ 1: ['A', 'B', 'C'], 2: ['C'] }]);
    expect(v.map((x) => x.reason).sort()).toEqual(['notSeated', 'overCapacity', 'seatedTwice']);
    expect(v.find((x) => x.reason === 'notSeated')?.people).toEqual(['D']);
  });

  it('reports pins, keep-apart and accessibility', () => {
    const input: SeatingInput = {
      ...base,
      pins: [{ personId: 'A', round: null, tableNo: 2 }, { personId: 'Z', round: 0, tableNo: 1 }, { personId: 'B', round: 0, tableNo: 9 }],
      keepApart: [['A', 'B']],
      needsAccessible: ['C'],
    };
    const v = checkPlan(input, [{ 1: ['A', 'B'], 2: ['C', 'D'] }]);
    expect(v).toContainEqual(expect.objectContaining({ constraint: 'pin', reason: 'notHonoured', people: ['A'], round: 0 }));
    expect(v).toContainEqual(expect.objectContaining({ constraint: 'pin', reason: 'unknownPerson', people: ['Z'] }));
    expect(v).toContainEqual(expect.objectContaining({ constraint: 'pin', reason: 'unknownTable', people: ['B'] }));
    expect(v).toContainEqual(expect.objectContaining({ constraint: 'keepApart', reason: 'together', people: ['A', 'B'] }));
    expect(v).toContainEqual(expect.objectContaining({ constraint: 'accessible', reason: 'notAccessible', people: ['C'] }));
    expect(keepsHardConstraints(v)).toBe(false);
  });

  it('language is hard when the language tables can seat every speaker, otherwise a report', () => {
    const input: SeatingInput = {
      ...base,
      people: base.people.map((p, i) => ({ ...p, language: i < 2 ? 'sv' : 'fi' })),
      tables: [
        { no: 1, capacity: 2, language: 'sv' },
        { no: 2, capacity: 2, language: 'fi' },
      ],
    };
    expect(languagePolicy(input).get('sv')).toEqual({ hard: true, speakers: 2, seats: 2 });
    const v = checkPlan(input, [{ 1: ['A', 'C'], 2: ['B', 'D'] }]);
    expect(v.map((x) => [x.constraint, x.reason, x.people])).toEqual([
      ['language', 'notAtLanguageTable', ['B']],
      ['language', 'notAtLanguageTable', ['C']],
    ]);
    const soft = { ...input, people: input.people.map((p, i) => ({ ...p, language: i < 3 ? ('sv' as const) : ('fi' as const) })) };
    expect(languagePolicy(soft).get('sv')?.hard).toBe(false);
    const w = checkPlan(soft, [{ 1: ['A', 'B'], 2: ['C', 'D'] }]);
    expect(w).toEqual([expect.objectContaining({ constraint: 'language', reason: 'languageTablesFull', people: ['C'] })]);
    expect(keepsHardConstraints(w)).toBe(true);
  });

  it('fixed rounds are not checked against today’s constraints', () => {
    const input: SeatingInput = { ...base, rounds: 2, keepApart: [['A', 'B']], fixedRounds: [{ 1: ['A', 'B'], 2: ['C', 'D'] }] };
    expect(checkPlan(input, [{ 1: ['A', 'B'], 2: ['C', 'D'] }, { 1: ['A', 'C'], 2: ['B', 'D'] }])).toEqual([]);
  });
});

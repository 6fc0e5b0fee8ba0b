import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PuntariError } from '../../shared/errors.js';
import { checkPlan, evenTableSizes, scorePlan, type RoundPlan, type SeatingInput } from '../../shared/seating.js';
import { seatCommand } from '../../main/features/seating/engine/cli.js';
import { readPeopleCsv } from '../../main/features/seating/engine/csv.js';
import { planSeating, type PlanResult } from '../../main/features/seating/engine/optimise.js';
import { JobRunner } from '../../main/jobs/runner.js';

const FAST = { iterations: 20_000, timeLimitMs: 5_000 };

function crowd(n: number, features: (i: number) => Record<string, string> = (i) => ({ g: i % 2 ? 'f' : 'm', a: `a${i % 3}` })) {
  return Array.from({ length: n }, (_, i) => ({ id: `p${i}`, features: features(i) }));
}
function tables(...caps: number[]) {
  return caps.map((capacity, i) => ({ no: i + 1, capacity }));
}
function tableOf(round: RoundPlan, id: string): number | undefined {
  for (const [no, ids] of Object.entries(round)) if (ids.includes(id)) return Number(no);
  return undefined;
}

describe('planSeating', () => {
  it('seats everyone once per round, evenly, and keeps repeats at zero when that is possible', () => {
    const input: SeatingInput = { people: crowd(16), tables: tables(4, 4, 4, 4), rounds: 3, diversify: ['g', 'a'] };
    const result = planSeating(input, FAST);
    expect(result.violations).toEqual([]);
    expect(result.rounds).toHaveLength(3);
    for (const round of result.rounds) {
      expect(Object.values(round).map((ids) => ids.length)).toEqual([4, 4, 4, 4]);
      expect(Object.values(round).flat().sort()).toEqual(input.people.map((p) => p.id).sort());
    }
    expect(result.score.repeatPairs).toBe(0);
    expect(result.score.distinctPairsMet).toBe(3 * 4 * 6);
    // g is half and half: every table of 4 can hold 2 + 2.
    expect(scorePlan({ people: input.people, diversify: ['g'] }, result.rounds).diversityDeviation).toBe(0);
  });

  it('is deterministic for a seed', () => {
    const input: SeatingInput = { people: crowd(30), tables: tables(6, 6, 6, 6, 6), rounds: 3, diversify: ['g', 'a'] };
    expect(planSeating(input, { ...FAST, seed: 7 }).rounds).toEqual(planSeating(input, { ...FAST, seed: 7 }).rounds);
  });

  it('spreads people evenly over tables with free seats', () => {
    const result = planSeating({ people: crowd(10), tables: tables(8, 8), rounds: 2, diversify: ['g'] }, FAST);
    for (const round of result.rounds) expect(Object.values(round).map((ids) => ids.length)).toEqual([5, 5]);
  });

  it('keeps pins, keep-apart pairs and accessibility', () => {
    const input: SeatingInput = {
      people: crowd(12),
      tables: [
        { no: 1, capacity: 4, accessible: true },
        { no: 2, capacity: 4 },
        { no: 3, capacity: 4 },
      ],
      rounds: 3,
      diversify: ['g', 'a'],
      pins: [
        { personId: 'p0', round: null, tableNo: 3 },
        { personId: 'p1', round: 1, tableNo: 2 },
      ],
      keepApart: [
        ['p2', 'p3'],
        ['p2', 'p4'],
        ['p3', 'p4'],
      ],
      needsAccessible: ['p5', 'p6'],
    };
    const result = planSeating(input, FAST);
    expect(result.violations).toEqual([]);
    result.rounds.forEach((round, r) => {
      expect(tableOf(round, 'p0')).toBe(3);
      if (r === 1) expect(tableOf(round, 'p1')).toBe(2);
      expect(new Set(['p2', 'p3', 'p4'].map((id) => tableOf(round, id))).size).toBe(3);
      expect(tableOf(round, 'p5')).toBe(1);
      expect(tableOf(round, 'p6')).toBe(1);
    });
  });

  it('language tables: hard when they can seat every speaker', () => {
    const people = crowd(12).map((p, i) => ({ ...p, language: i < 5 ? ('sv' as const) : ('fi' as const) }));
    const input: SeatingInput = {
      people,
      tables: [
        { no: 1, capacity: 6, language: 'sv' },
        { no: 2, capacity: 6, language: 'fi' },
        { no: 3, capacity: 6, language: 'fi' },
      ],
      rounds: 2,
      diversify: ['g'],
    };
    const result = planSeating(input, FAST);
    expect(result.violations).toEqual([]);
    for (const round of result.rounds) for (const p of people.slice(0, 5)) expect(tableOf(round, p.id)).toBe(1);
  });

  it('language tables too small: fills them with speakers and reports the rest', () => {
    const people = crowd(12).map((p, i) => ({ ...p, language: i < 6 ? ('sv' as const) : ('fi' as const) }));
    const input: SeatingInput = {
      people,
      tables: [
        { no: 1, capacity: 4, language: 'sv' },
        { no: 2, capacity: 4, language: 'fi' },
        { no: 3, capacity: 4, language: 'fi' },
      ],
      rounds: 2,
      diversify: ['g'],
    };
    const result = planSeating(input, FAST);
    for (const round of result.rounds) expect(round[1]!.every((id) => Number(id.slice(1)) < 6)).toBe(true);
    expect(result.violations).toHaveLength(2);
    for (const v of result.violations) {
      expect(v).toMatchObject({ constraint: 'language', reason: 'languageTablesFull', params: { language: 'sv', seats: 4, speakers: 6 } });
      expect(v.people).toHaveLength(2);
    }
  });

  it('constraints that cannot all hold: says which and keeps the rest', () => {
    const input: SeatingInput = {
      people: crowd(8),
      tables: tables(4, 4),
      rounds: 2,
      diversify: ['g'],
      pins: [
        { personId: 'p0', round: null, tableNo: 1 },
        { personId: 'p1', round: null, tableNo: 1 },
      ],
      keepApart: [
        ['p0', 'p1'],
        ['p2', 'p3'],
      ],
    };
    const result = planSeating(input, FAST);
    expect(result.violations).toEqual([
      expect.objectContaining({ constraint: 'keepApart', people: ['p0', 'p1'], round: 0 }),
      expect.objectContaining({ constraint: 'keepApart', people: ['p0', 'p1'], round: 1 }),
    ]);
    for (const round of result.rounds) {
      expect(tableOf(round, 'p0')).toBe(1);
      expect(tableOf(round, 'p2')).not.toBe(tableOf(round, 'p3'));
    }
  });

  it('more people than seats: seats the pinned first and names who is left out', () => {
    const input: SeatingInput = {
      people: crowd(10),
      tables: tables(4, 4),
      rounds: 1,
      diversify: [],
      pins: [{ personId: 'p9', round: 0, tableNo: 2 }],
    };
    const result = planSeating(input, FAST);
    expect(tableOf(result.rounds[0]!, 'p9')).toBe(2);
    expect(result.violations).toEqual([
      expect.objectContaining({ constraint: 'capacity', reason: 'notEnoughSeats', people: ['p7', 'p8'], params: { seats: 8, people: 10 } }),
    ]);
  });

  it('plans later rounds around a round already held', () => {
    const people = crowd(16);
    const first: RoundPlan = { 1: ['p0', 'p1', 'p2', 'p3'], 2: ['p4', 'p5', 'p6', 'p7'], 3: ['p8', 'p9', 'p10', 'p11'], 4: ['p12', 'p13', 'p14', 'p15'] };
    const input: SeatingInput = { people, tables: tables(4, 4, 4, 4), rounds: 3, diversify: ['g'], fixedRounds: [first] };
    const result = planSeating(input, FAST);
    expect(result.rounds[0]).toEqual(first);
    expect(result.rounds).toHaveLength(3);
    expect(result.score.repeatPairs).toBe(0);
    expect(checkPlan(input, result.rounds)).toEqual([]);
  });

  it('refuses duplicate person ids and table numbers', () => {
    expect(() => planSeating({ people: [...crowd(3), ...crowd(1)], tables: tables(4), rounds: 1, diversify: [] }, FAST)).toThrow(PuntariError);
    expect(() => planSeating({ people: crowd(3), tables: [...tables(4), ...tables(4)], rounds: 1, diversify: [] }, FAST)).toThrow(PuntariError);
  });

  it('reports progress and stops when cancelled', () => {
    const fractions: number[] = [];
    let calls = 0;
    const result = planSeating(
      { people: crowd(40), tables: tables(8, 8, 8, 8, 8), rounds: 3, diversify: ['g'] },
      { iterations: 1_000_000, onProgress: (f) => fractions.push(f), cancelled: () => ++calls > 2 },
    );
    expect(result.stats.stoppedBy).toBe('cancelled');
    expect(result.stats.iterations).toBeLessThan(1_000_000);
    expect(fractions.at(-1)).toBe(1);
  });
});

describe('people CSV', () => {
  it('reads ids and features', () => {
    expect(readPeopleCsv('\ufeffID,g,a\n1,m,x\n2,f,y\n', 'ID')).toEqual([
      { id: '1', features: { g: 'm', a: 'x' } },
      { id: '2', features: { g: 'f', a: 'y' } },
    ]);
  });

  function refusal(text: string, column = 'ID'): string {
    try {
      readPeopleCsv(text, column, 'people.csv');
    } catch (error) {
      expect(error).toBeInstanceOf(PuntariError);
      return String((error as PuntariError).params?.field);
    }
    throw new Error('not refused');
  }

  it('refuses duplicates, missing ids and a missing id column with row and column', () => {
    expect(refusal('ID,g\n1,m\n2,f\n1,f\n')).toBe('people.csv row 4, column "ID": duplicate id "1" (first on row 2)');
    expect(refusal('ID,g\n1,m\n,f\n')).toBe('people.csv row 3, column "ID": missing id');
    expect(refusal('name,g\n1,m\n')).toContain('no column "ID"');
    expect(refusal('ID,g\n1,m,extra\n')).toBe('people.csv row 2: 3 columns, the header has 2');
  });
});

describe('puntari seat', () => {
  it('writes rounds of tables of ids, ceil(people / size) tables with even sizes', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'puntari-seat-'));
    const csv = ['ID,g,a', ...crowd(110).map((p) => `${p.id},${p.features.g},${p.features.a}`)].join('\n');
    writeFileSync(path.join(dir, 'people.csv'), csv);
    const out = path.join(dir, 'allocation.json');
    const stdout = process.stdout.write;
    const stderr = process.stderr.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      seatCommand(['--people', path.join(dir, 'people.csv'), '--id-column', 'ID', '--table-size', '7', '--rounds', '2', '--diversify', 'g,a', '--seed', '3', '--iterations', '20000', '--out', out]);
    } finally {
      process.stdout.write = stdout;
      process.stderr.write = stderr;
    }
    const written = JSON.parse(readFileSync(out, 'utf8')) as { rounds: string[][][] };
    expect(written.rounds).toHaveLength(2);
    for (const round of written.rounds) {
      expect(round.map((t) => t.length).sort((a, b) => b - a)).toEqual(evenTableSizes(110, 7));
      expect(new Set(round.flat()).size).toBe(110);
    }
  });

  it('refuses a diversify column the file does not have', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'puntari-seat-'));
    writeFileSync(path.join(dir, 'people.csv'), 'ID,g\n1,m\n2,f\n');
    expect(() =>
      seatCommand(['--people', path.join(dir, 'people.csv'), '--id-column', 'ID', '--table-size', '2', '--rounds', '1', '--diversify', 'zz', '--out', path.join(dir, 'o.json')]),
    ).toThrow(PuntariError);
  });
});

describe("job 'seating.plan'", () => {
  it('plans in a worker thread and reports progress', async () => {
    const updates: number[] = [];
    const runner = new JobRunner((status) => updates.push(status.progress));
    try {
      const seating: SeatingInput = { people: crowd(24), tables: tables(6, 6, 6, 6), rounds: 2, diversify: ['g', 'a'], keepApart: [['p0', 'p1']] };
      const id = runner.start('seating.plan', { seating, options: { seed: 2, iterations: 50_000 } });
      const status = await runner.waitFor(id);
      expect(status.state).toBe('done');
      const result = status.result as PlanResult;
      expect(result.violations).toEqual([]);
      expect(result.rounds).toHaveLength(2);
      // 6 people from 4 earlier tables: pigeonholing forces 2 repeated pairs per table, 8 in all.
      expect(result.score.repeatPairs).toBe(8);
      expect(updates.at(-1)).toBe(1);
    } finally {
      await runner.stopAll();
    }
  }, 30_000);
});

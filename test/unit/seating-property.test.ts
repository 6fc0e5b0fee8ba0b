/**
 * Property tests of the optimiser. Instances are built around a hidden plan that keeps every
 * constraint (pins, keep-apart, accessibility, language drawn from it), so a plan that keeps all
 * hard constraints exists; the optimiser must find one. Random constraints with no such plan
 * must still give a plan that seats everyone once, within capacity, and reports what it breaks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlan, type RoundPlan, type SeatingInput, type SeatingLanguage } from '../../shared/seating.js';
import { planSeating } from '../../main/features/seating/engine/optimise.js';

const LANGS: (SeatingLanguage | undefined)[] = ['fi', 'sv', 'en', undefined];

/** Every person once per round, no table over capacity, only known tables. */
function assertShape(input: SeatingInput, rounds: RoundPlan[]): void {
  expect(rounds).toHaveLength(input.rounds);
  const capacity = new Map(input.tables.map((t) => [t.no, t.capacity]));
  for (const round of rounds) {
    const seen: string[] = [];
    for (const [no, ids] of Object.entries(round)) {
      expect(capacity.has(Number(no))).toBe(true);
      expect(ids.length).toBeLessThanOrEqual(capacity.get(Number(no))!);
      seen.push(...ids);
    }
    expect(seen.sort()).toEqual(input.people.map((p) => p.id).sort());
  }
}

const planted = fc
  .record({
    caps: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }),
    fill: fc.double({ min: 0.4, max: 1, noNaN: true }),
    rounds: fc.integer({ min: 1, max: 3 }),
    tableLangs: fc.array(fc.constantFrom(...LANGS), { minLength: 4, maxLength: 4 }),
    accessible: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    pinRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
    apartRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
    accessRate: fc.double({ min: 0, max: 1, noNaN: true }),
    langRate: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((g) => {
    let s = g.seed;
    const rand = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s / 0x80000000);
    const tables = g.caps.map((capacity, i) => ({ no: i + 1, capacity, language: g.tableLangs[i], accessible: g.accessible[i] }));
    const total = g.caps.reduce((a, b) => a + b, 0);
    const n = Math.max(1, Math.round(total * g.fill));
    const ids = Array.from({ length: n }, (_, i) => `p${i}`);
    // The hidden plan: each round a random fill of the seats.
    const hidden: number[][] = [];
    for (let r = 0; r < g.rounds; r++) {
      const seats = tables.flatMap((t, ti) => Array.from({ length: t.capacity }, () => ti));
      for (let i = seats.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [seats[i], seats[j]] = [seats[j]!, seats[i]!];
      }
      hidden.push(ids.map((_, p) => seats[p]!));
    }
    const at = (r: number, p: number) => hidden[r]![p]!;
    const people = ids.map((id, p) => {
      // A language only when the hidden plan always seats the person at tables of that language.
      const l = tables[at(0, p)]!.language;
      const same = l !== undefined && hidden.every((_, r) => tables[at(r, p)]!.language === l);
      return { id, features: { g: rand() < 0.5 ? 'f' : 'm', a: `a${Math.floor(rand() * 3)}` }, language: same && rand() < g.langRate ? l : undefined };
    });
    const pins = ids.flatMap((id, p) => (rand() < g.pinRate ? [{ personId: id, round: Math.floor(rand() * g.rounds), tableNo: at(0, p) + 1 }] : []))
      .map((pin) => ({ ...pin, tableNo: at(pin.round, ids.indexOf(pin.personId)) + 1 }));
    const keepApart: [string, string][] = [];
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        if (rand() < g.apartRate && hidden.every((_, r) => at(r, a) !== at(r, b))) keepApart.push([ids[a]!, ids[b]!]);
      }
    }
    const needsAccessible = ids.filter((_, p) => hidden.every((_, r) => tables[at(r, p)]!.accessible) && rand() < g.accessRate);
    const input: SeatingInput = { people, tables, rounds: g.rounds, diversify: ['g', 'a'], pins, keepApart, needsAccessible };
    return { input, seed: g.seed };
  });

describe('seating properties', () => {
  it('when a plan keeping every hard constraint exists, the optimiser finds one', () => {
    fc.assert(
      fc.property(planted, ({ input, seed }) => {
        const result = planSeating(input, { seed, iterations: 8_000, timeLimitMs: 2_000 });
        assertShape(input, result.rounds);
        expect(result.violations).toEqual([]);
        expect(checkPlan(input, result.rounds)).toEqual([]);
      }),
      { numRuns: 120 },
    );
  }, 30_000);

  it('with arbitrary constraints: everyone seated once, no table over capacity, pins kept where they fit, the rest reported', () => {
    const arbitrary = fc
      .record({
        caps: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
        extra: fc.integer({ min: 0, max: 3 }),
        rounds: fc.integer({ min: 1, max: 3 }),
        acc: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        langs: fc.array(fc.constantFrom(...LANGS), { minLength: 4, maxLength: 4 }),
        pins: fc.array(fc.tuple(fc.nat(), fc.option(fc.nat({ max: 2 })), fc.nat({ max: 3 })), { maxLength: 6 }),
        apart: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }),
        needs: fc.array(fc.nat(), { maxLength: 5 }),
        personLangs: fc.array(fc.constantFrom(...LANGS), { minLength: 25, maxLength: 25 }),
        seed: fc.integer({ min: 1, max: 1000 }),
      })
      .map((g) => {
        const total = g.caps.reduce((a, b) => a + b, 0);
        const n = Math.max(1, total - g.extra);
        const ids = Array.from({ length: n }, (_, i) => `p${i}`);
        const input: SeatingInput = {
          people: ids.map((id, i) => ({ id, features: { g: i % 3 ? 'x' : 'y' }, language: g.personLangs[i % 25] })),
          tables: g.caps.map((capacity, i) => ({ no: i + 1, capacity, accessible: g.acc[i], language: g.langs[i] })),
          rounds: g.rounds,
          diversify: ['g'],
          pins: g.pins.map(([p, r, t]) => ({ personId: ids[p % n]!, round: r, tableNo: (t % g.caps.length) + 1 })),
          keepApart: g.apart.map(([a, b]) => [ids[a % n]!, ids[b % n]!] as [string, string]).filter(([a, b]) => a !== b),
          needsAccessible: g.needs.map((p) => ids[p % n]!),
        };
        return { input, seed: g.seed };
      });
    fc.assert(
      fc.property(arbitrary, ({ input, seed }) => {
        const result = planSeating(input, { seed, iterations: 4_000, timeLimitMs: 2_000 });
        assertShape(input, result.rounds);
        expect(result.violations).toEqual(checkPlan(input, result.rounds));
        // A pin alone on its table-round (no competing pin for the person) that fits is always kept.
        const perPersonRound = new Map<string, number>();
        for (const pin of input.pins ?? []) {
          for (let r = 0; r < input.rounds; r++) {
            if (pin.round === null || pin.round === r) perPersonRound.set(`${pin.personId}@${r}`, (perPersonRound.get(`${pin.personId}@${r}`) ?? 0) + 1);
          }
        }
        for (const pin of input.pins ?? []) {
          for (let r = 0; r < input.rounds; r++) {
            if (pin.round !== null && pin.round !== r) continue;
            if (perPersonRound.get(`${pin.personId}@${r}`) !== 1) continue;
            const pinnedHere = (input.pins ?? []).filter((q) => q.tableNo === pin.tableNo && (q.round === null || q.round === r)).length;
            const cap = input.tables.find((t) => t.no === pin.tableNo)!.capacity;
            if (pinnedHere <= cap) expect(result.rounds[r]![pin.tableNo]).toContain(pin.personId);
          }
        }
      }),
      { numRuns: 120 },
    );
  }, 30_000);
});

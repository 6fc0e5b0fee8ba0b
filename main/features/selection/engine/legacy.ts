/**
 * LEGACY: the Sortition Foundation's greedy draw. Repeatedly take the category (feature value)
 * with the most pressing remaining need — the largest (min − selected) / (people left in it),
 * among categories still below their maximum — pick a random person from it, remove them (and
 * their household) from the pool, and drop everyone in a category that has reached its maximum.
 * A draw that runs into a dead end is retried. Selection probabilities are estimated from repeated
 * draws.
 */
import { PuntariError } from '../../../../shared/errors.js';
import type { Instance, LegacyResult } from '../../../../shared/selection.js';
import { compile, gini, minOf, panelProblem, type Compiled } from './compile.js';
import type { EngineIo } from './leximin.js';
import { randomSeed, seededRng, type Rng } from './rng.js';

export interface LegacyOptions {
  seed?: string;
  /** Repetitions for the probability estimate (default 1000). */
  draws?: number;
  /** Attempts per draw before giving up (default 100). */
  attempts?: number;
}

export function legacy(instance: Instance, options: LegacyOptions = {}, io: EngineIo = {}): LegacyResult {
  const started = performance.now();
  const c = compile(instance);
  const seed = options.seed ?? randomSeed();
  const draws = options.draws ?? 1000;
  const attempts = options.attempts ?? 100;
  const rng = seededRng(seed);
  const counts = new Float64Array(c.n);
  let panel: number[] | null = null;
  let failedDraws = 0;
  for (let d = 0; d < Math.max(1, draws); d++) {
    if (io.cancelled?.()) throw new PuntariError('job.cancelled');
    let drawn: number[] | null = null;
    for (let a = 0; a < attempts && !drawn; a++) {
      drawn = legacyDraw(c, rng);
      if (!drawn) failedDraws++;
    }
    if (!drawn) throw new PuntariError('selection.legacyFailed', { attempts });
    if (!panel) panel = drawn;
    for (const i of drawn) counts[i]!++;
    if (d % 50 === 0) io.progress?.(d / draws);
  }
  const total = Math.max(1, draws);
  const probabilities: Record<string, number> = {};
  const values: number[] = [];
  instance.people.forEach((p, i) => {
    const v = counts[i]! / total;
    probabilities[p.id] = v;
    values.push(v);
  });
  io.progress?.(1);
  return {
    algorithm: 'legacy',
    panel: panel!.map((i) => instance.people[i]!.id).sort(),
    probabilities,
    draws: total,
    failedDraws,
    minProbability: minOf(values),
    gini: gini(values),
    seconds: (performance.now() - started) / 1000,
    seed,
  };
}

/** One greedy draw; null when it runs into a dead end. */
export function legacyDraw(c: Compiled, rng: Rng, pool?: readonly number[], fixed: readonly number[] = []): number[] | null {
  const Q = c.quotas.length;
  const inPool = new Uint8Array(c.n);
  const remaining = new Int32Array(Q);
  const selected = new Int32Array(Q);
  const members: number[][] = Array.from({ length: Q }, () => []);
  const usedHomes = new Set<number>();
  for (const i of fixed) {
    for (const r of c.personRows[i]!) selected[r]!++;
    if (c.personHousehold[i]! >= 0) usedHomes.add(c.personHousehold[i]!);
  }
  const fixedSet = new Set(fixed);
  for (const i of pool ?? Array.from({ length: c.n }, (_, j) => j)) {
    if (fixedSet.has(i) || usedHomes.has(c.personHousehold[i]!)) continue;
    inPool[i] = 1;
    for (const r of c.personRows[i]!) {
      remaining[r]!++;
      members[r]!.push(i);
    }
  }
  const remove = (i: number) => {
    if (!inPool[i]) return;
    inPool[i] = 0;
    for (const r of c.personRows[i]!) remaining[r]!--;
  };
  // Categories already at their maximum take nobody more.
  for (let r = 0; r < Q; r++) if (selected[r]! >= c.quotas[r]!.max) for (const i of members[r]!) remove(i);
  const chosen: number[] = [...fixed];
  const homeMembers = new Map<number, number[]>();
  for (let i = 0; i < c.n; i++) {
    const h = c.personHousehold[i]!;
    if (h >= 0) homeMembers.set(h, [...(homeMembers.get(h) ?? []), i]);
  }
  while (chosen.length < c.k) {
    let best = -1;
    let bestRatio = -Infinity;
    for (let r = 0; r < Q; r++) {
      const q = c.quotas[r]!;
      if (remaining[r]! === 0 || selected[r]! >= q.max) continue;
      const ratio = (q.min - selected[r]!) / remaining[r]!;
      if (ratio > 1) return null;
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = r;
      }
    }
    let person = -1;
    if (best >= 0) {
      const candidates = members[best]!.filter((i) => inPool[i]);
      person = candidates[rng.int(candidates.length)]!;
    } else {
      // No quota category left to fill (e.g. no quotas): anyone still in the pool.
      const candidates: number[] = [];
      for (let i = 0; i < c.n; i++) if (inPool[i]) candidates.push(i);
      if (candidates.length === 0) return null;
      person = candidates[rng.int(candidates.length)]!;
    }
    chosen.push(person);
    remove(person);
    for (const r of c.personRows[person]!) {
      selected[r]!++;
      if (selected[r]! >= c.quotas[r]!.max) for (const i of members[r]!) remove(i);
    }
    const h = c.personHousehold[person]!;
    if (h >= 0) for (const i of homeMembers.get(h) ?? []) remove(i);
  }
  const ids = chosen.map((i) => c.instance.people[i]!.id);
  return panelProblem(c, ids) === null ? chosen : null;
}

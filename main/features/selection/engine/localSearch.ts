/**
 * Cheap pricing: improve a feasible panel (counts per type) by single swaps — one person of type a
 * out, one of type b in — while every quota and the household rule still hold. Column generation
 * asks the exact MIP only when this finds nothing better.
 */
import type { Compiled } from './compile.js';

export class SwapSearch {
  private readonly T: number;
  private readonly size: Int32Array;
  private readonly rows: Int32Array[];
  private readonly household: Int32Array;
  private readonly min: Int32Array;
  private readonly max: Int32Array;

  constructor(private readonly c: Compiled) {
    this.T = c.types.length;
    this.size = Int32Array.from(c.types, (t) => t.members.length);
    this.rows = c.types.map((t) => Int32Array.from(t.rows));
    this.household = Int32Array.from(c.types, (t) => t.household ?? -1);
    this.min = Int32Array.from(c.quotas, (q) => q.min);
    this.max = Int32Array.from(c.quotas, (q) => q.max);
  }

  /** Best-improvement swaps from `start`; returns the improved counts (a copy) and its value. */
  improve(start: Int32Array, costs: Float64Array, order: Int32Array, maxSteps = 200): { counts: Int32Array; value: number } {
    const { T, size, rows, household, min, max } = this;
    const x = Int32Array.from(start);
    const rc = new Int32Array(this.c.quotas.length);
    const homes = new Int32Array(this.c.households.length);
    let value = 0;
    for (let t = 0; t < T; t++) {
      const v = x[t]!;
      if (v === 0) continue;
      value += v * costs[t]!;
      for (const r of rows[t]!) rc[r]! += v;
      if (household[t]! >= 0) homes[household[t]!]! += v;
    }
    const inA = new Uint8Array(this.c.quotas.length);
    for (let step = 0; step < maxSteps; step++) {
      let bestGain = 1e-12;
      let bestA = -1;
      let bestB = -1;
      // Cheapest members first: the best gain found early prunes the scans for the others.
      for (let ai = T - 1; ai >= 0; ai--) {
        const a = order[ai]!;
        if (x[a]! === 0) continue;
        const ca = costs[a]!;
        if (costs[order[0]!]! - ca <= bestGain) break;
        const ra = rows[a]!;
        // Removing a: its rows must stay ≥ min unless b also counts there.
        for (const r of ra) inA[r] = 1;
        for (let oi = 0; oi < T; oi++) {
          const b = order[oi]!;
          const gain = costs[b]! - ca;
          if (gain <= bestGain) break;
          if (b === a || x[b]! >= size[b]!) continue;
          const hb = household[b]!;
          if (hb >= 0 && homes[hb]! > 0 && household[a] !== hb) continue;
          const rb = rows[b]!;
          let ok = true;
          for (const r of rb) {
            if (inA[r]) continue;
            if (rc[r]! + 1 > max[r]!) {
              ok = false;
              break;
            }
          }
          if (ok) {
            for (const r of ra) {
              let shared = false;
              for (const s of rb) if (s === r) shared = true;
              if (!shared && rc[r]! - 1 < min[r]!) {
                ok = false;
                break;
              }
            }
          }
          if (ok) {
            bestGain = gain;
            bestA = a;
            bestB = b;
            break;
          }
        }
        for (const r of ra) inA[r] = 0;
      }
      if (bestA < 0) break;
      x[bestA]!--;
      x[bestB]!++;
      for (const r of rows[bestA]!) rc[r]!--;
      for (const r of rows[bestB]!) rc[r]!++;
      if (household[bestA]! >= 0) homes[household[bestA]!]!--;
      if (household[bestB]! >= 0) homes[household[bestB]!]!++;
      value += bestGain;
    }
    return { counts: x, value };
  }
}

/** Type indices sorted by cost, highest first. */
export function orderByCost(costs: Float64Array): Int32Array {
  const idx = Array.from({ length: costs.length }, (_, i) => i);
  idx.sort((a, b) => costs[b]! - costs[a]! || a - b);
  return Int32Array.from(idx);
}

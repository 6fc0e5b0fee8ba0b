/**
 * The fast road to LEXIMIN: solve it over the quotas' LP relaxation, then split the result into
 * real panels.
 *
 * 1. relaxedLeximin(): LEXIMIN over fractional panels — expected counts y_t per type that meet
 *    every quota, the size and the household rule — is a short series of small LPs (one per level,
 *    no panels needed). Every lottery's expected counts are such a point, so no lottery can do
 *    better, level by level, than this result.
 * 2. decompose(): write the relaxed result y* as a convex combination of real panels, greedily
 *    (Carathéodory): take a panel x that rounds y (each count to ⌊y_t⌋ or ⌈y_t⌉) and keeps every
 *    constraint already tight at y tight, go as far as possible from x through y
 *    (y' = (y − αx)/(1 − α) still meets the relaxation), and repeat from y'. Each step makes at
 *    least one more constraint tight, so the steps are few, and each panel's weight is known.
 *
 * When the split succeeds, the lottery reaches the relaxed bound, so it is exactly LEXIMIN (to the
 * tolerance): no column generation and no optimality proof by MIP are needed. On every instance we
 * have (shared/data/sortition), it succeeds. When the relaxed point is not a mix of real panels
 * (no panel keeps the tight constraints), leximin() falls back to column generation.
 */
import { PuntariError } from '../../../../shared/errors.js';
import type { Compiled } from './compile.js';
import { cscFromColumns, quietModel, type Highs } from './highs.js';
import { PanelMip } from './panelMip.js';

export interface RelaxedLeximin {
  /** Expected count per type (y_t; the probability of each member is y_t / |type t|). */
  target: Float64Array;
  levels: number;
  /** True when every type was fixed (not stopped by maxLevels). */
  complete: boolean;
}

const DUAL_FIX = 1e-9;

/** LEXIMIN over the LP relaxation; null when even fractional panels cannot meet the quotas. */
export function relaxedLeximin(highs: Highs, c: Compiled, maxLevels = Infinity): RelaxedLeximin | null {
  const T = c.types.length;
  const Q = c.quotas.length;
  const H = c.households.length;
  const size = c.types.map((t) => t.members.length);
  const inf = highs.infinity;
  // Columns y_0..y_{T-1}, then z. Rows: size, quotas, households, then y_t − |t|·z ≥ 0 per type.
  const typeRow = 1 + Q + H;
  const numRows = typeRow + T;
  const columns = c.types.map((t, i) => {
    const rows = [0, ...t.rows.map((r) => 1 + r)];
    if (t.household !== null) rows.push(1 + Q + t.household);
    rows.push(typeRow + i);
    return { rows, values: rows.map(() => 1) };
  });
  columns.push({ rows: size.map((_, i) => typeRow + i), values: size.map((s) => -s) });
  const model = quietModel(highs, { presolve: 'off' });
  try {
    model.passModel({
      numCols: T + 1,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: [...new Array<number>(T).fill(0), 1],
      colLower: new Float64Array(T + 1),
      colUpper: [...size, inf],
      rowLower: [c.k, ...c.quotas.map((q) => q.min), ...c.households.map(() => 0), ...new Array<number>(T).fill(0)],
      rowUpper: [c.k, ...c.quotas.map((q) => q.max), ...c.households.map(() => 1), ...new Array<number>(T).fill(inf)],
      matrix: cscFromColumns(numRows, columns),
    });
    const fixed = new Uint8Array(T);
    let unfixed = T;
    let levels = 0;
    let target = new Float64Array(T);
    while (unfixed > 0 && levels < maxLevels) {
      const { modelStatus } = model.run();
      const st = highs.constants.modelStatus;
      if (modelStatus === st.infeasible) return null;
      if (modelStatus !== st.optimal) throw new PuntariError('selection.solverFailed', { detail: `relaxation status ${modelStatus}` });
      const sol = model.getSolution();
      const z = sol.colValue[T]!;
      target = Float64Array.from(sol.colValue.subarray(0, T));
      // Types with a positive dual are at z in every optimal solution (complementary slackness).
      const fix: number[] = [];
      let best = -1;
      for (let t = 0; t < T; t++) {
        if (fixed[t]) continue;
        const d = Math.abs(sol.rowDual[typeRow + t]!);
        if (best < 0 || d > Math.abs(sol.rowDual[typeRow + best]!)) best = t;
        if (d > DUAL_FIX || z >= 1 - 1e-9) fix.push(t);
      }
      if (fix.length === 0) fix.push(best);
      for (const t of fix) {
        fixed[t] = 1;
        model.changeCoefficient(typeRow + t, T, 0);
        model.changeRowBounds(typeRow + t, z * size[t]!, inf);
        unfixed--;
      }
      levels++;
    }
    return { target, levels, complete: unfixed === 0 };
  } finally {
    model.dispose();
  }
}

export interface Decomposition {
  /** Panels (counts per type) and their weights, summing to 1 − `left`. */
  panels: { counts: Int32Array; weight: number }[];
  /** Weight not yet placed on panels; below the tolerance when the split is done. */
  left: number;
  /** Why it stopped short: no panel keeps the tight constraints, or the time ran out. */
  stopped: 'done' | 'stuck' | 'deadline';
  steps: number;
}

/** A value this close to a bound is on it (LP solutions are accurate to about 1e-9). */
const EPS = 1e-9;
/** The relaxation is a loose guide for the rounding MIP: a panel within 5% of its best is enough. */
const STEP_GAP = 0.05;

export function decompose(
  highs: Highs,
  c: Compiled,
  target: Float64Array,
  opts: { tolerance: number; deadline: number; cancelled?: () => boolean; progress?: (fraction: number) => void },
): Decomposition {
  const T = c.types.length;
  const size = c.types.map((t) => t.members.length);
  const mip = new PanelMip(highs, c);
  try {
    const rows = mip.typeRows;
    const R = mip.rowLower.length;
    const y = Float64Array.from(target);
    const panels: Decomposition['panels'] = [];
    let left = 1;
    const typeLower = new Float64Array(T);
    const typeUpper = new Float64Array(T);
    const rowLower = new Float64Array(R);
    const rowUpper = new Float64Array(R);
    const costs = new Float64Array(T);
    const rowY = new Float64Array(R);
    const rowX = new Float64Array(R);
    // The remaining weight shrinks geometrically; the split is done when it is below a hundredth
    // of the tolerance (no probability can then be off by more than that).
    const stopAt = opts.tolerance / 100;
    for (let step = 0; ; step++) {
      if (left <= stopAt) return { panels, left, stopped: 'done', steps: step };
      if (opts.cancelled?.()) throw new PuntariError('job.cancelled');
      // At least one panel even past the deadline: a stopped run still returns a lottery.
      if (step > 0 && performance.now() > opts.deadline) return { panels, left, stopped: 'deadline', steps: step };
      rowY.fill(0);
      for (let t = 0; t < T; t++) for (const r of rows[t]!) rowY[r]! += y[t]!;
      let fractional = false;
      for (let t = 0; t < T; t++) {
        const v = y[t]!;
        typeLower[t] = Math.floor(v + EPS);
        typeUpper[t] = Math.ceil(v - EPS);
        if (typeUpper[t]! > typeLower[t]!) fractional = true;
        // Prefer the types whose members still have the most probability to give.
        costs[t] = v / size[t]!;
      }
      for (let r = 0; r < R; r++) {
        rowLower[r] = mip.rowLower[r]!;
        rowUpper[r] = mip.rowUpper[r]!;
        if (rowY[r]! <= rowLower[r]! + EPS) rowUpper[r] = rowLower[r]!;
        else if (rowY[r]! >= rowUpper[r]! - EPS) rowLower[r] = rowUpper[r]!;
      }
      mip.restrict(typeLower, typeUpper, rowLower, rowUpper);
      let panel = mip.solve(costs, { relGap: STEP_GAP });
      if (!panel?.counts && fractional) {
        // No rounding of y keeps the tight rows: allow any count the bounds at y leave open.
        for (let t = 0; t < T; t++) {
          if (y[t]! > EPS && y[t]! < size[t]! - EPS) {
            typeLower[t] = 0;
            typeUpper[t] = size[t]!;
          }
        }
        mip.restrict(typeLower, typeUpper, rowLower, rowUpper);
        panel = mip.solve(costs, { relGap: STEP_GAP });
      }
      if (!panel?.counts) return { panels, left, stopped: 'stuck', steps: step };
      const x = panel.counts;
      // How far past y the line from x stays inside the relaxation: y' = (y − αx)/(1 − α).
      let alpha = 1;
      for (let t = 0; t < T; t++) {
        const xt = x[t]!;
        if (xt > 0) alpha = Math.min(alpha, y[t]! / xt);
        if (xt < size[t]!) alpha = Math.min(alpha, (size[t]! - y[t]!) / (size[t]! - xt));
      }
      rowX.fill(0);
      for (let t = 0; t < T; t++) for (const r of rows[t]!) rowX[r]! += x[t]!;
      for (let r = 1; r < R; r++) {
        const lo = mip.rowLower[r]!;
        const hi = mip.rowUpper[r]!;
        if (rowX[r]! < hi) alpha = Math.min(alpha, (hi - rowY[r]!) / (hi - rowX[r]!));
        if (rowX[r]! > lo) alpha = Math.min(alpha, (rowY[r]! - lo) / (rowX[r]! - lo));
      }
      alpha = Math.max(0, alpha);
      if (alpha <= 0) return { panels, left, stopped: 'stuck', steps: step };
      panels.push({ counts: x, weight: alpha * left });
      if (alpha >= 1 - 1e-12) return { panels, left: 0, stopped: 'done', steps: step + 1 };
      for (let t = 0; t < T; t++) {
        const v = (y[t]! - alpha * x[t]!) / (1 - alpha);
        y[t] = v < EPS ? 0 : v > size[t]! - EPS ? size[t]! : v;
      }
      left *= 1 - alpha;
      opts.progress?.(Math.min(1, Math.log(left) / Math.log(stopAt)));
    }
  } finally {
    mip.dispose();
  }
}

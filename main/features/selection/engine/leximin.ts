/**
 * LEXIMIN (Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature 2021) by column generation over types.
 *
 * Level by level: the master LP over panels (columns λ_P ≥ 0, Σλ = 1) maximises z subject to
 * P(type t selected per member) ≥ z for every type not yet fixed and ≥ its fixed value for the
 * others. Pricing is the panel MIP with the master's duals as weights. A level is done when the
 * MIP's proven bound shows no panel can raise z by more than the tolerance; the types with a
 * positive dual are then fixed at z (complementary slackness: in every optimal lottery their
 * constraint is tight), and the next level starts from the same columns and basis.
 */
import { PuntariError } from '../../../../shared/errors.js';
import type { Instance, LeximinResult, TypeLottery, WeightedPanel } from '../../../../shared/selection.js';
import { compile, gini, minOf, type Compiled } from './compile.js';
import { infeasibleError } from './feasibility.js';
import { loadHighs, quietModel, type Highs, type Model } from './highs.js';
import { orderByCost, SwapSearch } from './localSearch.js';
import { PanelMip } from './panelMip.js';

export interface EngineIo {
  progress?(fraction: number): void;
  cancelled?(): boolean;
}

export interface LeximinOptions {
  /** Absolute tolerance on each level's value (default 1e-7). */
  tolerance?: number;
  /** Stop after this many seconds with final: false (default: no limit). */
  timeLimitSeconds?: number;
  /** Stop after this many levels with final: false (1 = the maximin minimum only). */
  maxLevels?: number;
  /** Expand the lottery to person-level panels (default true). */
  expandPanels?: boolean;
}

const DUAL_FIX = 1e-6;
/** Wentges smoothing weight (0 = off: measured slower here, the smoothed duals make harder MIPs). */
const ALPHA = 0;
/** Swap-search columns added per iteration next to the MIP's. */
const HEUR = 5;
const DEBUG = typeof process !== 'undefined' && process.env.PUNTARI_DEBUG_SELECTION === '1';

export async function leximin(instance: Instance, io: EngineIo = {}, options: LeximinOptions = {}): Promise<LeximinResult> {
  const highs = await loadHighs();
  const started = performance.now();
  const c = compile(instance);
  const solver = new LeximinSolver(highs, c, options);
  try {
    const out = solver.run(io, started);
    const typeProb = out.typeProbability;
    const probabilities: Record<string, number> = {};
    const perPerson: number[] = [];
    instance.people.forEach((p, i) => {
      const v = Math.min(1, Math.max(0, typeProb[c.typeOf[i]!]!));
      probabilities[p.id] = v;
      perPerson.push(v);
    });
    const typeLottery: TypeLottery = {
      types: c.types.map((t) => t.members.map((i) => instance.people[i]!.id)),
      panels: out.panels,
    };
    return {
      algorithm: 'leximin',
      probabilities,
      panels: options.expandPanels === false ? [] : expandLottery(typeLottery),
      typeLottery,
      levelsFixed: out.levels,
      final: out.final,
      minProbability: minOf(perPerson),
      gini: gini(perPerson),
      seconds: (performance.now() - started) / 1000,
      stats: { types: c.types.length, columns: out.columns, pricingSolves: out.pricingSolves, lpSolves: out.lpSolves },
    };
  } finally {
    solver.dispose();
  }
}

class LeximinSolver {
  private readonly T: number;
  private readonly size: number[];
  private readonly mip: PanelMip;
  private readonly search: SwapSearch;
  private readonly master: Model;
  private readonly columns: Int32Array[] = [];
  private readonly columnKeys = new Set<string>();
  private lpSolves = 0;

  constructor(
    private readonly highs: Highs,
    private readonly c: Compiled,
    private readonly options: LeximinOptions,
  ) {
    this.T = c.types.length;
    this.size = c.types.map((t) => t.members.length);
    this.mip = new PanelMip(highs, c);
    this.search = new SwapSearch(c);
    this.master = quietModel(highs, { presolve: 'off', solver: 'simplex' });
  }

  dispose(): void {
    this.mip.dispose();
    this.master.dispose();
  }

  private addColumn(counts: Int32Array): boolean {
    const entries: number[] = [];
    const values: number[] = [];
    const keyParts: string[] = [];
    for (let t = 0; t < this.T; t++) {
      const x = counts[t]!;
      if (x > 0) {
        entries.push(t);
        values.push(x / this.size[t]!);
        keyParts.push(`${t}:${x}`);
      }
    }
    const key = keyParts.join(',');
    if (this.columnKeys.has(key)) return false;
    this.columnKeys.add(key);
    this.columns.push(counts);
    entries.push(this.T);
    values.push(1);
    this.master.addCol(0, 0, this.highs.infinity, { indices: entries, values });
    return true;
  }

  run(io: EngineIo, started: number) {
    const { T, c } = this;
    const tol = this.options.tolerance ?? 1e-7;
    const deadline = this.options.timeLimitSeconds === undefined ? Infinity : started + this.options.timeLimitSeconds * 1000;
    const inf = this.highs.infinity;

    // Master: column 0 is z; rows 0..T-1 are the types, row T is Σλ = 1.
    this.master.passModel({
      numCols: 1,
      numRows: T + 1,
      sense: this.highs.constants.objectiveSense.maximize,
      colCost: [1],
      colLower: [0],
      colUpper: [inf],
      rowLower: [...new Array<number>(T).fill(0), 1],
      rowUpper: [...new Array<number>(T).fill(inf), 1],
      matrix: {
        format: 'csc',
        numRows: T + 1,
        numCols: 1,
        starts: [0, T],
        indices: Array.from({ length: T }, (_, t) => t),
        values: new Array<number>(T).fill(-1),
      },
    });

    // Starting column: any feasible panel (no objective: the cheapest MIP). Dense objectives make
    // much slower MIPs here, so column generation's own duals do the rest.
    const costs = new Float64Array(T);
    const first = this.mip.solve(costs, {});
    if (!first) throw infeasibleError(this.highs, c);
    this.addColumn(first.counts);

    const fixedValue = new Float64Array(T).fill(Number.NaN);
    let unfixed = T;
    let fixedPeople = 0;
    let levels = 0;
    let final = true;
    let last: Float64Array = new Float64Array(0);
    const st = this.highs.constants.modelStatus;

    levelsLoop: while (unfixed > 0) {
      let z = 0;
      let w = new Float64Array(T);
      // Wentges smoothing: price at a mix of the best dual so far and the master's dual.
      let bestUB = Infinity;
      let center: Float64Array | null = null;
      let alpha = ALPHA;
      for (;;) {
        if (io.cancelled?.()) throw new PuntariError('job.cancelled');
        const { modelStatus } = this.master.run();
        this.lpSolves++;
        if (modelStatus !== st.optimal) throw new PuntariError('selection.solverFailed', { detail: `master status ${modelStatus}` });
        const sol = this.master.getSolution();
        last = sol.colValue;
        z = sol.colValue[0]!;
        // HiGHS duals: y_t = -w_t for the type rows (w ≥ 0, Σ over unfixed = 1), μ = y_T.
        let sum = 0;
        for (let t = 0; t < T; t++) if (Number.isNaN(fixedValue[t]!)) sum += sol.rowDual[t]!;
        const sign = sum < 0 ? -1 : 1;
        w = new Float64Array(T);
        for (let t = 0; t < T; t++) {
          const v = sign * sol.rowDual[t]!;
          w[t] = v > 1e-12 ? v : 0;
        }
        const mu = -sign * sol.rowDual[T]!;
        if (performance.now() > deadline) {
          final = false;
          break levelsLoop;
        }
        for (let t = 0; t < T; t++) costs[t] = w[t]! / this.size[t]!;
        // Cheap pricing at the master's duals: swaps from the panels in the current lottery.
        const order = orderByCost(costs);
        let found = 0;
        for (let j = 0; j < this.columns.length && found < HEUR; j++) {
          if ((sol.colValue[j + 1] ?? 0) <= 1e-9) continue;
          const better = this.search.improve(this.columns[j]!, costs, order);
          if (better.value > mu + 1e-7 && this.addColumn(better.counts)) found++;
        }
        // Exact pricing at the smoothed duals.
        const pure: boolean = center === null || alpha === 0;
        const y: Float64Array = pure ? w : mix(center!, w, alpha);
        const yCosts = new Float64Array(T);
        let fixedPart = 0;
        for (let t = 0; t < T; t++) {
          yCosts[t] = y[t]! / this.size[t]!;
          if (!Number.isNaN(fixedValue[t]!)) fixedPart += y[t]! * fixedValue[t]!;
        }
        const gapNow = Math.max(tol / 4, Math.min(1e-3, (bestUB - z) / 20));
        const p = this.mip.solve(yCosts, {
          absGap: gapNow,
          timeLimit: deadline === Infinity ? undefined : Math.max(0.05, (deadline - performance.now()) / 1000),
        });
        if (!p) throw new PuntariError('selection.solverFailed', { detail: 'pricing' });
        const ub = p.bound - fixedPart;
        if (ub < bestUB) {
          bestUB = ub;
          center = y;
        }
        let value = 0;
        for (let t = 0; t < T; t++) value += p.counts[t]! * costs[t]!;
        const added = value > mu + 1e-9 && this.addColumn(p.counts);
        if (!pure && !added) alpha = 0; // mispricing: price at the master's duals next time
        else if (added && alpha < ALPHA) alpha = ALPHA;
        if (DEBUG) console.error(`lvl ${levels} z=${z.toFixed(9)} ub=${bestUB.toFixed(9)} heur=${found} mip=${added} pure=${pure} cols=${this.columns.length}`);
        // Done when the master's own duals are proven optimal (needed to fix the right types).
        if (pure && p.bound - mu <= tol) break;
        if (pure && !added && found === 0) {
          if (gapNow <= tol / 4) break; // nothing more to find within the solver's accuracy
        }
        if (bestUB - z <= tol) alpha = 0;
      }
      // Fix the types with a positive dual at this level's value.
      let best = -1;
      let fixedNow = 0;
      const fixRows: number[] = [];
      for (let t = 0; t < T; t++) {
        if (!Number.isNaN(fixedValue[t]!)) continue;
        if (best < 0 || w[t]! > w[best]!) best = t;
        if (w[t]! > DUAL_FIX) fixRows.push(t);
      }
      if (fixRows.length === 0 && best >= 0) fixRows.push(best);
      const level = Math.max(0, z);
      if (level >= 1 - tol) {
        // Nobody can be above 1: everyone left is selected for sure.
        fixRows.length = 0;
        for (let t = 0; t < T; t++) if (Number.isNaN(fixedValue[t]!)) fixRows.push(t);
      }
      for (const t of fixRows) {
        fixedValue[t] = level;
        this.master.changeCoefficient(t, 0, 0);
        this.master.changeRowBounds(t, level, inf);
        unfixed--;
        fixedNow++;
        fixedPeople += this.size[t]!;
      }
      levels++;
      io.progress?.(fixedPeople / c.n);
      if (this.options.maxLevels !== undefined && levels >= this.options.maxLevels && unfixed > 0) {
        final = false;
        break;
      }
      void fixedNow;
    }

    // The lottery of the last master solution.
    const lambda = last;
    const panels: TypeLottery['panels'] = [];
    let total = 0;
    for (let j = 0; j < this.columns.length; j++) {
      const v = lambda[j + 1] ?? 0;
      if (v > 1e-10) total += v;
    }
    const typeProbability = new Float64Array(T);
    for (let j = 0; j < this.columns.length; j++) {
      const v = lambda[j + 1] ?? 0;
      if (v <= 1e-10) continue;
      const weight = v / total;
      const col = this.columns[j]!;
      const counts: [number, number][] = [];
      for (let t = 0; t < T; t++) {
        if (col[t]! > 0) {
          counts.push([t, col[t]!]);
          typeProbability[t] = typeProbability[t]! + (weight * col[t]!) / this.size[t]!;
        }
      }
      panels.push({ counts, weight });
    }
    return {
      typeProbability,
      panels,
      levels,
      final: final && unfixed === 0,
      columns: this.columns.length,
      pricingSolves: this.mip.solves.count,
      lpSolves: this.lpSolves,
    };
  }
}

/**
 * Person-level panels with exactly the type-level marginals: within a type-level panel with weight
 * λ, sweep u over [0, 1); type t (n members, x chosen) takes the x members starting at ⌊u·n⌋
 * cyclically. Every member is chosen for a share x/n of the sweep, and the breakpoints are the
 * multiples of 1/n, so each type-level panel splits into a few person-level panels.
 */
function mix(a: Float64Array, b: Float64Array, alpha: number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = alpha * a[i]! + (1 - alpha) * b[i]!;
  return out;
}

export function expandLottery(lottery: TypeLottery): WeightedPanel[] {
  const out: WeightedPanel[] = [];
  for (const panel of lottery.panels) {
    const cuts = new Set<number>([0]);
    for (const [t, x] of panel.counts) {
      const n = lottery.types[t]!.length;
      if (x > 0 && x < n) for (let j = 1; j < n; j++) cuts.add(j / n);
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    sorted.push(1);
    for (let s = 0; s + 1 < sorted.length; s++) {
      const a = sorted[s]!;
      const b = sorted[s + 1]!;
      if (b - a <= 1e-15) continue;
      const mid = (a + b) / 2;
      const members: string[] = [];
      for (const [t, x] of panel.counts) {
        const ids = lottery.types[t]!;
        const n = ids.length;
        const start = Math.floor(mid * n);
        for (let r = 0; r < x; r++) members.push(ids[(start + r) % n]!);
      }
      members.sort();
      out.push({ members, weight: panel.weight * (b - a) });
    }
  }
  return out;
}

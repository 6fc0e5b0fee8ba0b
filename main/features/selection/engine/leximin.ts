/**
 * LEXIMIN (Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature 2021) over types.
 *
 * First road (decompose.ts): LEXIMIN over the quotas' LP relaxation, split into real panels. When
 * the split reaches the relaxed optimum, which no lottery can beat, that is the answer; it does on
 * every instance we have, fi_e (n = 1,727, 7 features) included.
 *
 * Fallback, when the relaxed optimum is out of reach: column generation. Level by level: the master LP over panels (columns λ_P ≥ 0, Σλ = 1) maximises z subject to
 * P(type t selected per member) ≥ z for every type not yet fixed and ≥ its fixed value for the
 * others. Pricing is the panel MIP with the master's duals as weights. A level is done when the
 * MIP's proven bound shows no panel can raise z by more than the tolerance; the types with a
 * positive dual are then fixed at z (complementary slackness: in every optimal lottery their
 * constraint is tight), and the next level starts from the same columns and basis.
 *
 * Speed: each master solve also gets cheap columns from swaps on the lottery's panels and the
 * MIP's earlier incumbents; the MIP stops at a good-enough panel and proves optimality only to
 * close a level; long-unused columns are dropped so the master stays small.
 */
import { PuntariError } from '../../../../shared/errors.js';
import type { Instance, LeximinResult, TypeLottery, WeightedPanel } from '../../../../shared/selection.js';
import { compile, gini, minOf, type Compiled } from './compile.js';
import { decompose, relaxedLeximin } from './decompose.js';
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
/** Swap search per master solve: from this many panels of the lottery, adding at most HEUR. */
const STARTS = 10;
const HEUR = 30;
/** Master solves a column may stay out of the lottery before it is dropped. */
const PRUNE_AGE = 20;
const DEBUG = typeof process !== 'undefined' && process.env.PUNTARI_DEBUG_SELECTION === '1';

export async function leximin(instance: Instance, io: EngineIo = {}, options: LeximinOptions = {}): Promise<LeximinResult> {
  const highs = await loadHighs();
  const started = performance.now();
  const c = compile(instance);
  const solver = new LeximinSolver(highs, c, options);
  try {
    const out = split(highs, c, io, options, started) ?? solver.run(io, started);
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
      stats: { method: out.method, types: c.types.length, columns: out.columns, pricingSolves: out.pricingSolves, lpSolves: out.lpSolves },
    };
  } finally {
    solver.dispose();
  }
}

interface Outcome {
  typeProbability: Float64Array;
  panels: TypeLottery['panels'];
  levels: number;
  final: boolean;
  columns: number;
  pricingSolves: number;
  lpSolves: number;
  method: LeximinResult['stats']['method'];
}

/**
 * LEXIMIN over the relaxation, split into panels (decompose.ts). Null when the split gets stuck:
 * the relaxed optimum is then out of reach, and column generation finds the real one.
 */
function split(highs: Highs, c: Compiled, io: EngineIo, options: LeximinOptions, started: number): Outcome | null {
  const tolerance = options.tolerance ?? 1e-7;
  const relaxed = relaxedLeximin(highs, c, options.maxLevels);
  if (!relaxed) throw infeasibleError(highs, c);
  const deadline = options.timeLimitSeconds === undefined ? Infinity : started + options.timeLimitSeconds * 1000;
  const parts = decompose(highs, c, relaxed.target, { tolerance, deadline, cancelled: io.cancelled, progress: io.progress });
  if (DEBUG) console.error(`relaxed LEXIMIN: ${relaxed.levels} levels; split into ${parts.panels.length} panels (${parts.stopped}, ${parts.left.toExponential(2)} left)`);
  if (parts.stopped === 'stuck') return null;
  const T = c.types.length;
  const size = c.types.map((t) => t.members.length);
  const total = 1 - parts.left;
  const typeProbability = new Float64Array(T);
  const panels: TypeLottery['panels'] = parts.panels.map(({ counts, weight }) => {
    const pairs: [number, number][] = [];
    for (let t = 0; t < T; t++) {
      if (counts[t]! === 0) continue;
      pairs.push([t, counts[t]!]);
      typeProbability[t] = typeProbability[t]! + ((weight / total) * counts[t]!) / size[t]!;
    }
    return { counts: pairs, weight: weight / total };
  });
  // The split reached the relaxed bound (to the tolerance), which no lottery can beat.
  const done = parts.stopped === 'done' && relaxed.target.every((y, t) => typeProbability[t]! >= y / size[t]! - tolerance);
  if (parts.stopped === 'done' && !done) return null;
  return {
    typeProbability,
    panels,
    levels: done ? relaxed.levels : 0,
    final: done && relaxed.complete,
    columns: parts.panels.length,
    pricingSolves: parts.steps,
    lpSolves: relaxed.levels,
    method: 'relaxation',
  };
}

class LeximinSolver {
  private readonly T: number;
  private readonly size: number[];
  private readonly mip: PanelMip;
  private readonly search: SwapSearch;
  private readonly master: Model;
  private columns: Int32Array[] = [];
  private keys: string[] = [];
  /** Master solve in which each column last had weight in the lottery. */
  private lastUsed: number[] = [];
  private readonly columnKeys = new Set<string>();
  private generated = 0;
  /** Column basis statuses of the last master solve (columns added since are nonbasic). */
  private basis: Int32Array = new Int32Array(0);
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
    // Primal simplex: new columns and a fixed level (rows raised to a value the lottery already
    // meets) keep the last basis primal feasible; measured ~40% fewer iterations than dual.
    this.master = quietModel(highs, { presolve: 'off', solver: 'simplex', simplex_strategy: 4 });
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
    this.keys.push(key);
    this.lastUsed.push(this.lpSolves);
    this.generated++;
    entries.push(this.T);
    values.push(1);
    this.master.addCol(0, 0, this.highs.infinity, { indices: entries, values });
    return true;
  }

  /**
   * Drops columns out of the lottery for PRUNE_AGE master solves (and nonbasic), once the pool is
   * larger than the master has rows: every column makes each simplex iteration dearer, and pricing
   * finds a dropped panel again if it is ever worth it.
   */
  private prune(): void {
    if (this.columns.length <= 2 * (this.T + 1)) return;
    const basis = this.basis;
    const basic = this.highs.constants.basisStatus.basic;
    const mask = new Uint8Array(this.columns.length + 1);
    const keep: number[] = [];
    for (let j = 0; j < this.columns.length; j++) {
      if (this.lpSolves - this.lastUsed[j]! > PRUNE_AGE && basis[j + 1] !== basic) mask[j + 1] = 1;
      else keep.push(j);
    }
    if (keep.length === this.columns.length) return;
    this.master.deleteCols({ kind: 'mask', mask });
    for (let j = 0; j < this.columns.length; j++) if (mask[j + 1]) this.columnKeys.delete(this.keys[j]!);
    this.columns = keep.map((j) => this.columns[j]!);
    this.keys = keep.map((j) => this.keys[j]!);
    this.lastUsed = keep.map((j) => this.lastUsed[j]!);
  }

  /**
   * Panels that cover types no column covers yet (the master's value is 0 until every type is on
   * some panel): swaps towards uncovered types, rarest first, from the last such panel.
   */
  private cover(from: Int32Array): void {
    const { T } = this;
    const covered = new Uint8Array(T);
    const costs = new Float64Array(T);
    let start = from;
    for (;;) {
      let left = 0;
      for (let t = 0; t < T; t++) {
        if (start[t]! > 0) covered[t] = 1;
        costs[t] = covered[t] ? 0 : 1 / this.size[t]!;
        if (!covered[t]) left++;
      }
      if (left === 0) return;
      const better = this.search.improve(start, costs, orderByCost(costs), this.c.k);
      if (better.value <= 0 || !this.addColumn(better.counts)) return;
      start = better.counts;
    }
  }

  /**
   * Swap search from panels in the current lottery (their reduced cost is 0): cheap extra columns
   * next to the MIP's. `start` is a panel of value μ, a MIP start.
   */
  private cheapPricing(costs: Float64Array, mu: number, lambda: Float64Array): { found: number; start: Int32Array | undefined } {
    const order = orderByCost(costs);
    const support: number[] = [];
    for (let j = 0; j < this.columns.length; j++) if ((lambda[j + 1] ?? 0) > 1e-9) support.push(j);
    let found = 0;
    // A different slice of the lottery each time: the first panels are not always the best starts.
    const offset = support.length ? this.lpSolves % support.length : 0;
    for (let i = 0; i < support.length && i < STARTS && found < HEUR; i++) {
      const b = this.search.improve(this.columns[support[(i + offset) % support.length]!]!, costs, order);
      if (b.value > mu + 1e-7 && this.addColumn(b.counts)) found++;
    }
    return { found, start: support.length ? this.columns[support[0]!] : undefined };
  }

  run(io: EngineIo, started: number): Outcome {
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
    if (!first?.counts) throw infeasibleError(this.highs, c);
    this.addColumn(first.counts);
    this.cover(first.counts);

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
      for (;;) {
        if (io.cancelled?.()) throw new PuntariError('job.cancelled');
        const tLp = performance.now();
        this.prune();
        const { modelStatus } = this.master.run();
        const lpMs = performance.now() - tLp;
        this.lpSolves++;
        if (modelStatus !== st.optimal) throw new PuntariError('selection.solverFailed', { detail: `master status ${modelStatus}` });
        const sol = this.master.getSolution();
        last = sol.colValue;
        for (let j = 0; j < this.columns.length; j++) if (sol.colValue[j + 1]! > 1e-12) this.lastUsed[j] = this.lpSolves;
        this.basis = this.master.getBasis().colStatus;
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
        const tHeur = performance.now();
        const { found, start } = this.cheapPricing(costs, mu, sol.colValue);
        const heurMs = performance.now() - tHeur;
        // Exact pricing every time (its best panels cut the iterations far more than swaps alone,
        // measured), but stopped at a panel that gains at least half of what the bound still
        // allows, or as soon as the bound proves the level.
        const tMip = performance.now();
        const p = this.mip.solve(costs, {
          absGap: tol / 4,
          start,
          stopWhen: (primal, dual) => dual <= mu + tol || (primal > mu + tol && primal - mu >= (dual - mu) / 2),
          timeLimit: deadline === Infinity ? undefined : Math.max(0.05, (deadline - performance.now()) / 1000),
        });
        if (!p) throw new PuntariError('selection.solverFailed', { detail: 'pricing' });
        const added = p.counts !== null && p.value > mu + 1e-9 && this.addColumn(p.counts);
        for (const x of p.earlier) if (valueOf(x, costs) > mu + 1e-7) this.addColumn(x);
        if (DEBUG) console.error(`lvl ${levels} z=${z.toFixed(9)} bound-mu=${(p.bound - mu).toExponential(2)} swaps=${found} mip=${added} cols=${this.columns.length} ms lp=${lpMs.toFixed(0)} swaps=${heurMs.toFixed(0)} mip=${(performance.now() - tMip).toFixed(0)}`);
        // Done when the master's own duals are proven optimal (needed to fix the right types).
        if (p.bound - mu <= tol) break;
        if (!added && found === 0 && Number.isFinite(p.bound)) break; // nothing more to find within the solver's accuracy
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
      if (DEBUG) console.error(`level ${levels} = ${level.toFixed(9)}: ${fixedNow} types fixed, ${unfixed} left`);
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
      columns: this.generated,
      pricingSolves: this.mip.solves.count,
      lpSolves: this.lpSolves,
      method: 'columnGeneration',
    };
  }
}

function valueOf(counts: Int32Array, costs: Float64Array): number {
  let v = 0;
  for (let t = 0; t < counts.length; t++) if (counts[t]) v += counts[t]! * costs[t]!;
  return v;
}

/**
 * Person-level panels with exactly the type-level marginals: within a type-level panel with weight
 * λ, sweep u over [0, 1); type t (n members, x chosen) takes the x members starting at ⌊u·n⌋
 * cyclically. Every member is chosen for a share x/n of the sweep, and the breakpoints are the
 * multiples of 1/n, so each type-level panel splits into a few person-level panels.
 */
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

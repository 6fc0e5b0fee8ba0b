/**
 * The panel MIP over types: integer x_t in [0, |type t|] with Σx = k, every quota row and at most
 * one person per shared household. Maximising Σ cost_t·x_t finds the best panel for given weights
 * (the pricing problem of column generation). One persistent HiGHS model; only the costs change.
 */
import type { Compiled } from './compile.js';
import { cscFromColumns, quietModel, type Highs, type Model } from './highs.js';

export interface PanelSolution {
  /** Count per type. */
  counts: Int32Array;
  /** Objective value of the panel. */
  value: number;
  /** Proven upper bound on the best objective (≥ value). */
  bound: number;
}

export class PanelMip {
  private readonly model: Model;
  readonly solves = { count: 0 };

  constructor(
    private readonly highs: Highs,
    private readonly c: Compiled,
  ) {
    const T = c.types.length;
    const Q = c.quotas.length;
    const H = c.households.length;
    const numRows = 1 + Q + H;
    const columns = c.types.map((t) => {
      const rows = [0, ...t.rows.map((r) => 1 + r)];
      if (t.household !== null) rows.push(1 + Q + t.household);
      return { rows, values: rows.map(() => 1) };
    });
    const rowLower = [c.k, ...c.quotas.map((q) => q.min), ...c.households.map(() => 0)];
    const rowUpper = [c.k, ...c.quotas.map((q) => q.max), ...c.households.map(() => 1)];
    this.model = quietModel(highs, { mip_rel_gap: 1e-9, mip_abs_gap: 1e-12, presolve: 'off' });
    this.model.passModel({
      numCols: T,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: new Float64Array(T),
      colLower: new Float64Array(T),
      colUpper: c.types.map((t) => t.members.length),
      rowLower,
      rowUpper,
      matrix: cscFromColumns(numRows, columns),
      integrality: c.types.map(() => highs.constants.variableType.integer),
    });
  }

  /** The best panel for the costs, or null when no panel meets the quotas. */
  solve(costs: Float64Array | number[], opts: { absGap?: number; timeLimit?: number }): PanelSolution | null {
    const { absGap, timeLimit } = opts;
    const T = this.c.types.length;
    this.model.changeColsCost({ kind: 'range', from: 0, to: T - 1 }, costs);
    this.model.options.set('time_limit', timeLimit === undefined ? 1e9 : Math.max(0.01, timeLimit));
    this.model.options.set('mip_abs_gap', absGap ?? 1e-12);
    this.solves.count++;
    const { modelStatus } = this.model.run();
    const st = this.highs.constants.modelStatus;
    if (modelStatus === st.infeasible || modelStatus === st.unboundedOrInfeasible) return null;
    const sol = this.model.getSolution();
    if (modelStatus !== st.optimal && sol.colValue.length !== T) return null;
    const counts = new Int32Array(T);
    let value = 0;
    for (let t = 0; t < T; t++) {
      counts[t] = Math.round(sol.colValue[t]!);
      value += counts[t]! * (costs[t] ?? 0);
    }
    let bound = value;
    if (modelStatus !== st.optimal) bound = Infinity;
    else {
      const b = Number(this.model.info.get('mip_dual_bound'));
      if (Number.isFinite(b)) bound = Math.max(value, b);
    }
    return { counts, value, bound };
  }

  dispose(): void {
    this.model.dispose();
  }
}

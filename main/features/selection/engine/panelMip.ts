/**
 * The panel MIP over types: integer x_t in [0, |type t|] with Σx = k, every quota row and at most
 * one person per shared household. Maximising Σ cost_t·x_t finds the best panel for given weights
 * (the pricing problem of column generation). One persistent HiGHS model; only the costs change.
 */
import type { Compiled } from './compile.js';
import type { HighsCallbackMap } from 'highs';
import { cscFromColumns, quietModel, type Highs, type Model } from './highs.js';

export interface PanelSolution {
  /** Count per type; null when the solve stopped before finding any panel. */
  counts: Int32Array | null;
  /** Objective value of the panel. */
  value: number;
  /** Proven upper bound on the best objective (≥ value). */
  bound: number;
  /** Earlier incumbents of the same solve, worse than `counts` (more columns for free). */
  earlier: Int32Array[];
}

export class PanelMip {
  private readonly model: Model;
  readonly solves = { count: 0 };
  /** Model rows of each type: 0 is the panel size, 1..Q the quotas, then the households. */
  readonly typeRows: number[][];
  /** Row bounds of the panel rules (size k, each quota, at most one per household). */
  readonly rowLower: number[];
  readonly rowUpper: number[];

  constructor(
    private readonly highs: Highs,
    private readonly c: Compiled,
  ) {
    const T = c.types.length;
    const Q = c.quotas.length;
    const H = c.households.length;
    const numRows = 1 + Q + H;
    this.typeRows = c.types.map((t) => {
      const rows = [0, ...t.rows.map((r) => 1 + r)];
      if (t.household !== null) rows.push(1 + Q + t.household);
      return rows;
    });
    const columns = this.typeRows.map((rows) => ({ rows, values: rows.map(() => 1) }));
    const rowLower = (this.rowLower = [c.k, ...c.quotas.map((q) => q.min), ...c.households.map(() => 0)]);
    const rowUpper = (this.rowUpper = [c.k, ...c.quotas.map((q) => q.max), ...c.households.map(() => 1)]);
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

  /**
   * The best panel for the costs, or null when no panel meets the quotas. `stopWhen(incumbent,
   * bound)`: stop early (column generation needs a good column or a bound, not always the best).
   */
  solve(
    costs: Float64Array | number[],
    opts: { absGap?: number; relGap?: number; timeLimit?: number; stopWhen?: (incumbent: number, bound: number) => boolean; start?: Int32Array },
  ): PanelSolution | null {
    const { absGap, relGap, timeLimit, stopWhen, start } = opts;
    const T = this.c.types.length;
    this.model.changeColsCost({ kind: 'range', from: 0, to: T - 1 }, costs);
    this.model.options.set('time_limit', timeLimit === undefined ? 1e9 : Math.max(0.01, timeLimit));
    this.model.options.set('mip_abs_gap', absGap ?? 1e-12);
    this.model.options.set('mip_rel_gap', relGap ?? 1e-9);
    if (start) this.model.setSolution({ colValue: Float64Array.from(start) });
    this.solves.count++;
    let dualBound = Infinity;
    let incumbent: Float64Array | undefined;
    const earlier: Int32Array[] = [];
    const cb = this.highs.constants.callbackType;
    const callbacks: HighsCallbackMap | undefined =
      stopWhen === undefined
        ? undefined
        : {
            [cb.mipImprovingSolution]: (e) => {
              if (incumbent) earlier.push(Int32Array.from(incumbent, Math.round));
              incumbent = e.data.mip_solution;
              return undefined;
            },
            [cb.mipInterrupt]: (e) => {
              const primal = incumbent ? (e.data.mip_primal_bound ?? -Infinity) : -Infinity;
              const dual = e.data.mip_dual_bound ?? Infinity;
              if (stopWhen(primal, dual)) {
                dualBound = dual;
                e.interrupt();
              }
              return undefined;
            },
          };
    const { modelStatus } = this.model.run(callbacks);
    const st = this.highs.constants.modelStatus;
    if (modelStatus === st.infeasible || modelStatus === st.unboundedOrInfeasible) return null;
    let bound = Infinity;
    let x: Float64Array | undefined;
    if (modelStatus === st.interrupted) {
      // Stopped by stopWhen: the bound is proven; the panel is the last incumbent, if any.
      bound = dualBound;
      x = incumbent;
    } else {
      const sol = this.model.getSolution();
      if (sol.colValue.length === T && Number(this.model.info.get('primal_solution_status')) === 2) x = sol.colValue;
      if (modelStatus === st.optimal) {
        const b = Number(this.model.info.get('mip_dual_bound'));
        bound = Number.isFinite(b) ? b : Infinity;
      }
    }
    if (!x) return modelStatus === st.optimal ? null : { counts: null, value: -Infinity, bound, earlier };
    const counts = new Int32Array(T);
    let value = 0;
    for (let t = 0; t < T; t++) {
      counts[t] = Math.round(x[t]!);
      value += counts[t]! * (costs[t] ?? 0);
    }
    return { counts, value, bound: Math.max(value, bound), earlier };
  }

  /** Narrow the panels this model allows: a count range per type and bounds per model row. */
  restrict(typeLower: Float64Array, typeUpper: Float64Array, rowLower: Float64Array, rowUpper: Float64Array): void {
    const T = this.c.types.length;
    this.model.changeColsBounds({ kind: 'range', from: 0, to: T - 1 }, typeLower, typeUpper);
    this.model.changeRowsBounds({ kind: 'range', from: 0, to: rowLower.length - 1 }, rowLower, rowUpper);
  }

  dispose(): void {
    this.model.dispose();
  }
}

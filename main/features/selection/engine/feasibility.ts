/**
 * Feasibility of the quotas, and the smallest change that makes them feasible: the panel MIP with
 * a slack on every bound (within the Sortition Foundation's min_flex/max_flex where given),
 * minimising the total slack.
 */
import { PuntariError } from '../../../../shared/errors.js';
import type { Feasibility, Instance, Relaxation } from '../../../../shared/selection.js';
import { compile, type Compiled } from './compile.js';
import { cscFromColumns, loadHighs, quietModel, type Highs } from './highs.js';

export async function checkFeasibility(instance: Instance): Promise<Feasibility> {
  const highs = await loadHighs();
  return feasibility(highs, compile(instance));
}

export function feasibility(highs: Highs, c: Compiled): Feasibility {
  const T = c.types.length;
  const Q = c.quotas.length;
  const H = c.households.length;
  const inf = highs.infinity;
  // Rows: 0 size; 1..Q lower rows (Σx + s⁻ ≥ min); Q+1..2Q upper rows (Σx − s⁺ ≤ max); households.
  const numRows = 1 + 2 * Q + H;
  const columns: { rows: number[]; values: number[] }[] = c.types.map((t) => {
    const rows = [0, ...t.rows.map((r) => 1 + r), ...t.rows.map((r) => 1 + Q + r)];
    if (t.household !== null) rows.push(1 + 2 * Q + t.household);
    return { rows, values: rows.map(() => 1) };
  });
  const colUpper: number[] = c.types.map((t) => t.members.length);
  const cost: number[] = new Array<number>(T).fill(0);
  c.quotas.forEach((q, r) => {
    columns.push({ rows: [1 + r], values: [1] });
    colUpper.push(q.minFlex === undefined ? q.min : Math.max(0, q.min - q.minFlex));
    cost.push(1);
  });
  c.quotas.forEach((q, r) => {
    columns.push({ rows: [1 + Q + r], values: [-1] });
    colUpper.push(q.maxFlex === undefined ? c.k : Math.max(0, q.maxFlex - q.max));
    cost.push(1);
  });
  const numCols = columns.length;
  const model = quietModel(highs, { mip_rel_gap: 0, presolve: 'on' });
  try {
    model.passModel({
      numCols,
      numRows,
      sense: highs.constants.objectiveSense.minimize,
      colCost: cost,
      colLower: new Float64Array(numCols),
      colUpper,
      rowLower: [c.k, ...c.quotas.map((q) => q.min), ...c.quotas.map(() => -inf), ...c.households.map(() => 0)],
      rowUpper: [c.k, ...c.quotas.map(() => inf), ...c.quotas.map((q) => q.max), ...c.households.map(() => 1)],
      matrix: cscFromColumns(numRows, columns),
      integrality: columns.map(() => highs.constants.variableType.integer),
    });
    const { modelStatus } = model.run();
    const st = highs.constants.modelStatus;
    if (modelStatus !== st.optimal) return { feasible: false, relaxations: [], reason: 'pool' };
    const x = model.getSolution().colValue;
    const relaxations: Relaxation[] = [];
    c.quotas.forEach((q, r) => {
      const down = Math.round(x[T + r]!);
      const up = Math.round(x[T + Q + r]!);
      if (down > 0 || up > 0) {
        const change: Relaxation = { feature: q.feature, value: q.value, was: { min: q.min, max: q.max } };
        if (down > 0) change.min = q.min - down;
        if (up > 0) change.max = q.max + up;
        relaxations.push(change);
      }
    });
    return relaxations.length === 0 ? { feasible: true } : { feasible: false, relaxations, reason: 'quotas' };
  } finally {
    model.dispose();
  }
}

/** The error to throw when no panel meets the quotas, naming the smallest changes that would help. */
export function infeasibleError(highs: Highs, c: Compiled): PuntariError {
  const f = feasibility(highs, c);
  if (f.feasible || f.reason === 'pool') {
    return new PuntariError('selection.poolTooSmall', { n: c.n, k: c.k, households: distinctHouseholds(c) });
  }
  return new PuntariError('selection.infeasible', { changes: describeRelaxations(f.relaxations) });
}

function distinctHouseholds(c: Compiled): number {
  let singles = 0;
  for (let i = 0; i < c.n; i++) if (c.personHousehold[i]! < 0) singles++;
  return singles + c.households.length;
}

export function describeRelaxations(relaxations: readonly Relaxation[]): string {
  return relaxations
    .map((r) => {
      const parts: string[] = [];
      if (r.min !== undefined) parts.push(`min ${r.was.min} → ${r.min}`);
      if (r.max !== undefined) parts.push(`max ${r.was.max} → ${r.max}`);
      return `${r.feature}=${r.value}: ${parts.join(', ')}`;
    })
    .join('; ');
}

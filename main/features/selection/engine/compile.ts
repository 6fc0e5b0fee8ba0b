/**
 * The instance as the solvers see it: quota rows, and TYPES — people with the same values on
 * every quota feature and no household tie are interchangeable, so the models count people per
 * type instead of choosing individuals. A person who shares a household with someone else in the
 * pool is a type of their own, and each such household gets a "at most one" row.
 */
import { PuntariError } from '../../../../shared/errors.js';
import type { Instance, Quota } from '../../../../shared/selection.js';

export interface TypeInfo {
  /** Indices into instance.people. */
  members: number[];
  /** Quota rows this type counts towards. */
  rows: number[];
  /** Index into Compiled.households, or null. */
  household: number | null;
}

export interface Compiled {
  instance: Instance;
  n: number;
  k: number;
  quotas: Quota[];
  /** Quota rows of each person. */
  personRows: number[][];
  typeOf: Int32Array;
  types: TypeInfo[];
  /** Households of two or more people in the pool: their type indices. */
  households: number[][];
  /** Household index of each person (only for shared households), else -1. */
  personHousehold: Int32Array;
  idIndex: Map<string, number>;
}

export function compile(instance: Instance): Compiled {
  const { people, quotas, k } = instance;
  const n = people.length;
  if (!Number.isInteger(k) || k < 1) throw new PuntariError('selection.badPanelSize', { k: String(k) });
  const quotaIndex = new Map<string, number>();
  quotas.forEach((q, i) => {
    const key = `${q.feature}\u0000${q.value}`;
    if (quotaIndex.has(key)) throw new PuntariError('selection.duplicateQuota', { feature: q.feature, value: q.value });
    if (q.min > q.max) throw new PuntariError('selection.minAboveMax', { feature: q.feature, value: q.value, min: q.min, max: q.max });
    quotaIndex.set(key, i);
  });
  const features = [...new Set(quotas.map((q) => q.feature))];
  const idIndex = new Map<string, number>();
  people.forEach((p, i) => {
    if (idIndex.has(p.id)) throw new PuntariError('selection.duplicateId', { id: p.id });
    idIndex.set(p.id, i);
  });

  const householdCount = new Map<string, number>();
  for (const p of people) if (p.household) householdCount.set(p.household, (householdCount.get(p.household) ?? 0) + 1);
  const householdIndex = new Map<string, number>();
  const personHousehold = new Int32Array(n).fill(-1);
  people.forEach((p, i) => {
    if (p.household && (householdCount.get(p.household) ?? 0) > 1) {
      let h = householdIndex.get(p.household);
      if (h === undefined) {
        h = householdIndex.size;
        householdIndex.set(p.household, h);
      }
      personHousehold[i] = h;
    }
  });

  const personRows: number[][] = [];
  const typeOf = new Int32Array(n);
  const types: TypeInfo[] = [];
  const typeByKey = new Map<string, number>();
  const households: number[][] = Array.from({ length: householdIndex.size }, () => []);
  people.forEach((p, i) => {
    const rows: number[] = [];
    for (const f of features) {
      const r = quotaIndex.get(`${f}\u0000${p.features[f] ?? ''}`);
      if (r !== undefined) rows.push(r);
    }
    personRows.push(rows);
    const h = personHousehold[i]!;
    if (h >= 0) {
      typeOf[i] = types.length;
      households[h]!.push(types.length);
      types.push({ members: [i], rows, household: h });
      return;
    }
    const key = rows.join(',');
    let t = typeByKey.get(key);
    if (t === undefined) {
      t = types.length;
      typeByKey.set(key, t);
      types.push({ members: [], rows, household: null });
    }
    types[t]!.members.push(i);
    typeOf[i] = t;
  });
  return { instance, n, k, quotas, personRows, typeOf, types, households, personHousehold, idIndex };
}

/** Why a panel is not valid, or null when it meets every quota, the size and the household rule. */
export function panelProblem(c: Compiled, memberIds: readonly string[]): string | null {
  if (memberIds.length !== c.k) return `size ${memberIds.length} != ${c.k}`;
  const counts = new Array<number>(c.quotas.length).fill(0);
  const seen = new Set<number>();
  const homes = new Set<number>();
  for (const id of memberIds) {
    const i = c.idIndex.get(id);
    if (i === undefined) return `unknown person ${id}`;
    if (seen.has(i)) return `person ${id} twice`;
    seen.add(i);
    const h = c.personHousehold[i]!;
    if (h >= 0) {
      if (homes.has(h)) return `two people from household of ${id}`;
      homes.add(h);
    }
    for (const r of c.personRows[i]!) counts[r]!++;
  }
  for (let r = 0; r < c.quotas.length; r++) {
    const q = c.quotas[r]!;
    if (counts[r]! < q.min || counts[r]! > q.max) return `${q.feature}=${q.value}: ${counts[r]} not in [${q.min}, ${q.max}]`;
  }
  return null;
}

/** Gini coefficient of a list of non-negative numbers (0 = everyone equal). */
export function gini(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let sum = 0;
  let weighted = 0;
  sorted.forEach((v, i) => {
    sum += v;
    weighted += (2 * (i + 1) - n - 1) * v;
  });
  return sum === 0 ? 0 : weighted / (n * sum);
}

export function minOf(values: readonly number[]): number {
  let m = Infinity;
  for (const v of values) if (v < m) m = v;
  return values.length ? m : 0;
}

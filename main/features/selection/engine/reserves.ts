/**
 * Reserves and drop-outs.
 *
 * The reserve list is drawn so that a drop-out can be replaced from it. A sign-up can stand in for
 * a panel member when the panel without the member and with them meets every quota. The members
 * are put in a seeded random order and gone through in rounds: in round r, each member with fewer
 * than r stand-ins on the list gets one more, drawn at random among the sign-ups who can stand in
 * for them and for the most members still short of r stand-ins (of those, people with the member's
 * own quota features when there are any). Nobody on the panel, nobody from a panel member's
 * household and no second person from a reserve's household is drawn. Rounds go on until the list
 * is full or nobody left can stand in for anyone; the rest of the list is then filled with the
 * remaining sign-ups in a seeded random order. The panel is not changed, and anyone with the panel,
 * the pool, the quotas and the seed gets the same list.
 *
 * A drop-out is replaced by the first reserve on the list with whom the panel still meets every quota
 * and the household rule. When no reserve fits, and only when the facilitator asks for it
 * (`newDraw`), by a seeded random pick among everyone left in the pool who keeps the quotas.
 */
import { PuntariError } from '../../../../shared/errors.js';
import type { Instance } from '../../../../shared/selection.js';
import { compile, panelProblem, type Compiled } from './compile.js';
import { randomSeed, seededRng, shuffle } from './rng.js';

export function reserveList(instance: Instance, panel: readonly string[], count: number, seed: string): string[] {
  const c = compile(instance);
  const rng = seededRng(`${seed}/reserves`);
  const want = Math.max(0, count);
  const members = [...new Set(panel)]
    .sort()
    .map((id) => c.idIndex.get(id))
    .filter((i) => i !== undefined);
  const counts = new Array<number>(c.quotas.length).fill(0);
  for (const m of members) for (const r of c.personRows[m]!) counts[r]!++;
  const homeOf = (i: number) => instance.people[i]!.household;
  const onPanel = new Set(members);
  const panelHomes = new Set(members.map(homeOf).filter((h) => h !== null));
  const left = new Set<number>();
  instance.people.forEach((p, i) => {
    if (!onPanel.has(i) && !(p.household && panelHomes.has(p.household))) left.add(i);
  });
  const order = shuffle([...members], rng);
  /** The members each sign-up left can stand in for. */
  const standsInFor = new Map([...left].map((i) => [i, order.filter((m) => canStandIn(c, counts, m, i))]));
  const standIns = new Map(order.map((m) => [m, 0]));
  const reserves: number[] = [];
  const take = (i: number) => {
    reserves.push(i);
    for (const m of standsInFor.get(i)!) standIns.set(m, standIns.get(m)! + 1);
    left.delete(i);
    const h = homeOf(i);
    if (h) for (const j of [...left]) if (homeOf(j) === h) left.delete(j);
  };
  for (let round = 1; reserves.length < want; round++) {
    let drawn = false;
    for (const m of order) {
      if (reserves.length >= want) break;
      if (standIns.get(m)! >= round) continue;
      let best: number[] = [];
      let most = 0;
      for (const i of left) {
        const covers = standsInFor.get(i)!;
        if (!covers.includes(m)) continue;
        const short = covers.filter((o) => standIns.get(o)! < round).length;
        if (short > most) [best, most] = [[i], short];
        else if (short === most) best.push(i);
      }
      if (best.length === 0) continue;
      const sameType = best.filter((i) => sameRows(c.personRows[m]!, c.personRows[i]!));
      const from = sameType.length ? sameType : best;
      take(from[rng.int(from.length)]!);
      drawn = true;
    }
    if (!drawn) break;
  }
  for (const i of shuffle([...left], rng)) {
    if (reserves.length >= want) break;
    if (left.has(i)) take(i);
  }
  return reserves.map((i) => instance.people[i]!.id);
}

function sameRows(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((r, j) => r === b[j]);
}

/** Whether the panel (quota counts `counts`) without `member` and with `reserve` meets every quota. */
function canStandIn(c: Compiled, counts: readonly number[], member: number, reserve: number): boolean {
  const out = c.personRows[member]!;
  const into = c.personRows[reserve]!;
  for (const r of into) if (!out.includes(r) && counts[r]! + 1 > c.quotas[r]!.max) return false;
  for (const r of out) if (!into.includes(r) && counts[r]! - 1 < c.quotas[r]!.min) return false;
  return true;
}

export interface Replacement {
  panel: string[];
  replacement: string;
  /** 'reserve' when it came from the list, 'draw' when drawn from the rest of the pool. */
  source: 'reserve' | 'draw';
}

export function replace(
  instance: Instance,
  panel: readonly string[],
  droppedId: string,
  reserves: readonly string[],
  options: { seed?: string; newDraw: boolean },
): Replacement {
  const { seed = randomSeed(), newDraw } = options;
  const c = compile(instance);
  if (!panel.includes(droppedId)) throw new PuntariError('selection.notOnPanel', { id: droppedId });
  const rest = panel.filter((id) => id !== droppedId);
  const fits = (id: string) => !panel.includes(id) && c.idIndex.has(id) && panelProblem(c, [...rest, id]) === null;
  for (const id of reserves) if (fits(id)) return { panel: [...rest, id].sort(), replacement: id, source: 'reserve' };
  if (!newDraw) throw new PuntariError('selection.noReserveFits', { id: droppedId, reserves: reserves.length });
  const candidates = instance.people.map((p) => p.id).filter((id) => id !== droppedId && fits(id));
  if (candidates.length === 0) throw new PuntariError('selection.noReplacement', { id: droppedId });
  const pick = candidates[seededRng(`${seed}/replace/${droppedId}`).int(candidates.length)]!;
  return { panel: [...rest, pick].sort(), replacement: pick, source: 'draw' };
}

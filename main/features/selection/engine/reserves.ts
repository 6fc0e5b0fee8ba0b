/**
 * Reserves and drop-outs. The reserve list is the rest of the pool in a seeded random order
 * (people sharing a household with a panel member are left out), so the first reserve need not
 * fit: a drop-out is replaced by the first reserve in that order with whom the panel still meets
 * every quota and the household rule. When no reserve does, and only when the facilitator asks
 * for it (`newDraw`), by a seeded random pick among everyone left in the pool who keeps the quotas.
 */
import { PuntariError } from '../../../../shared/errors.js';
import type { Instance } from '../../../../shared/selection.js';
import { compile, panelProblem } from './compile.js';
import { randomSeed, seededRng, shuffle } from './rng.js';

export function reserveList(instance: Instance, panel: readonly string[], count: number, seed: string): string[] {
  const c = compile(instance);
  const onPanel = new Set(panel);
  const homes = new Set<string>();
  for (const id of panel) {
    const h = instance.people[c.idIndex.get(id) ?? -1]?.household;
    if (h) homes.add(h);
  }
  const pool = instance.people.filter((p) => !onPanel.has(p.id) && !(p.household && homes.has(p.household))).map((p) => p.id);
  return shuffle(pool, seededRng(`${seed}/reserves`)).slice(0, Math.max(0, count));
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

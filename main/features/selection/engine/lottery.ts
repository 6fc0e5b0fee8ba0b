/**
 * A transparent draw: the LEXIMIN lottery rounded to M equally likely panels, so that a number
 * 1..M drawn in public (dice, a lottery machine) picks the panel. Rounding works on the type-level
 * panels: ⌊M·λ⌋ tickets each, then the remaining tickets go one at a time to the panel that keeps
 * every type's expected count closest to its target. Within a type the members take turns
 * (a seeded order), so each member is on ⌊T/n⌋ or ⌈T/n⌉ of the T tickets' places of that type.
 *
 * Deterministic: the lottery is a function of the type-level lottery (as stored with the run),
 * M and the seed alone. The ticket counts do not depend on the seed (ties go to the panel that
 * comes first in the LEXIMIN result); the seed (`<seed>/lottery/<M>`) only orders the tickets and
 * the members' turns. Everything is IEEE double arithmetic with no platform-dependent functions,
 * so the same inputs give the same M panels on any machine.
 *
 * `maxDeviation` is the largest change of any person's probability that rounding causes:
 * max over people of |tickets with them / M − their LEXIMIN probability|. It is shown with the
 * run, in the draw and in the audit report, and written to the CLI's report.json.
 */
import { PuntariError } from '../../../../shared/errors.js';
import type { LeximinResult, Lottery } from '../../../../shared/selection.js';
import { randomSeed, seededRng, shuffle } from './rng.js';

export function roundToLottery(result: LeximinResult, m: number, seed: string = randomSeed()): Lottery {
  if (!Number.isInteger(m) || m < 1) throw new PuntariError('selection.badLotterySize', { m: String(m) });
  const { types, panels } = result.typeLottery;
  const T = types.length;
  const target = new Float64Array(T); // M × expected count per type
  for (const p of panels) for (const [t, x] of p.counts) target[t] = target[t]! + m * p.weight * x;
  const tickets = panels.map((p) => Math.floor(m * p.weight + 1e-9));
  const current = new Float64Array(T);
  panels.forEach((p, j) => {
    for (const [t, x] of p.counts) current[t] = current[t]! + tickets[j]! * x;
  });
  let left = m - tickets.reduce((a, b) => a + b, 0);
  const residual = panels.map((p, j) => m * p.weight - tickets[j]!);
  const taken = new Uint8Array(panels.length);
  while (left > 0) {
    let best = -1;
    let bestDelta = Infinity;
    for (let j = 0; j < panels.length; j++) {
      if (taken[j] || residual[j]! <= 1e-12) continue;
      let delta = 0;
      for (const [t, x] of panels[j]!.counts) {
        const d = current[t]! - target[t]!;
        const n = types[t]!.length;
        delta += ((d + x) ** 2 - d ** 2) / n;
      }
      if (delta < bestDelta) {
        bestDelta = delta;
        best = j;
      }
    }
    if (best < 0) {
      // Every panel with a fractional share already has its extra ticket: take the largest weight.
      best = panels.reduce((bi, p, j) => (p.weight > panels[bi]!.weight ? j : bi), 0);
    } else taken[best] = 1;
    tickets[best]!++;
    for (const [t, x] of panels[best]!.counts) current[t] = current[t]! + x;
    left--;
  }
  const rng = seededRng(`${seed}/lottery/${m}`);
  const order: number[] = [];
  tickets.forEach((count, j) => {
    for (let r = 0; r < count; r++) order.push(j);
  });
  shuffle(order, rng);
  const memberOrder = types.map((ids) => shuffle([...ids], rng));
  const pointer = new Int32Array(T);
  const out: string[][] = order.map((j) => {
    const members: string[] = [];
    for (const [t, x] of panels[j]!.counts) {
      const ids = memberOrder[t]!;
      for (let r = 0; r < x; r++) members.push(ids[(pointer[t]! + r) % ids.length]!);
      pointer[t] = (pointer[t]! + x) % ids.length;
    }
    return members.sort();
  });
  const times = new Map<string, number>();
  for (const p of out) for (const id of p) times.set(id, (times.get(id) ?? 0) + 1);
  let maxDeviation = 0;
  for (const [id, prob] of Object.entries(result.probabilities)) {
    maxDeviation = Math.max(maxDeviation, Math.abs((times.get(id) ?? 0) / m - prob));
  }
  return { m, seed, panels: out, maxDeviation };
}

/** The panel for the number drawn in public (1..M). */
export function drawPanel(lottery: Lottery, number: number): string[] {
  if (!Number.isInteger(number) || number < 1 || number > lottery.m) {
    throw new PuntariError('selection.badDraw', { draw: String(number), m: lottery.m });
  }
  return lottery.panels[number - 1]!;
}

/** A seeded draw straight from the LEXIMIN lottery (no rounding): a panel with probability λ, members at random within types. */
export function samplePanel(result: LeximinResult, seed: string): string[] {
  const rng = seededRng(`${seed}/sample`);
  const { types, panels } = result.typeLottery;
  let u = rng.next();
  let chosen = panels[panels.length - 1]!;
  for (const p of panels) {
    if (u < p.weight) {
      chosen = p;
      break;
    }
    u -= p.weight;
  }
  const members: string[] = [];
  for (const [t, x] of chosen.counts) members.push(...shuffle([...types[t]!], rng).slice(0, x));
  return members.sort();
}

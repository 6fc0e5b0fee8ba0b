/**
 * The seating optimiser. `planSeating(input, options)` → { rounds, score, violations, stats }.
 *
 * 1. Model: people and tables become indices; every free round (after `fixedRounds`) gets each
 *    person's allowed tables (pin → that table only; needs accessible → accessible tables; a hard
 *    language → the tables of that language; see `languagePolicy` in shared/seating.ts).
 * 2. Construction, round by round: pinned people first, then the most constrained, each to the
 *    allowed table with room that (a) is below its even size, (b) holds the fewest earlier partners,
 *    (c) takes the person's feature values where the table has fewest of them (a round-robin spread).
 * 3. Local search (simulated annealing, deterministic for a seed): swap two people between tables
 *    of one round, or move one to a table with a free seat. Objective, in "repeat pairs":
 *      repeatPairs + diversityWeight × Σ TVD(round, table, feature) + sizePenalty × Σ size²
 *      + languagePenalty × (speakers away from their soft language tables).
 *    Hard constraints (capacity, pins, keep-apart, accessible, hard language) are counted apart;
 *    a move that raises that count is never taken, one that lowers it always is, so a plan that
 *    keeps them stays so and one that does not (after construction) is repaired first.
 * 4. The best plan seen is returned with `checkPlan`'s violations (empty when all hard constraints
 *    hold) and `scorePlan`'s score.
 *
 * The search stops after `iterations` attempts (deterministic) or at `timeLimitMs` (a safety net),
 * or when `cancelled()` says so. Runs on the hub in a worker thread (job 'seating.plan').
 */
import { PuntariError } from '../../../../shared/errors.js';
import {
  checkPlan,
  evenSizes,
  languagePolicy,
  scorePlan,
  type RoundPlan,
  type SeatingInput,
  type SeatingResult,
} from '../../../../shared/seating.js';

export interface PlanOptions {
  /** Seed of the pseudo-random search (default 1). Same input, seed and iterations → same plan. */
  seed?: number;
  /** Local-search attempts; default scales with people × free rounds (see `defaultIterations`). */
  iterations?: number;
  /** Wall-clock cap in ms (default 4000): the search stops there even if iterations remain. */
  timeLimitMs?: number;
  /** Weight of one unit of total variation distance (one table, one feature) against one repeat pair. */
  diversityWeight?: number;
  onProgress?(fraction: number): void;
  cancelled?(): boolean;
}

export interface PlanStats {
  iterations: number;
  ms: number;
  stoppedBy: 'iterations' | 'deadline' | 'cancelled';
  seed: number;
}

export type PlanResult = SeatingResult & { stats: PlanStats };

export const DEFAULT_DIVERSITY_WEIGHT = 6;
const SIZE_PENALTY = 2;
const LANGUAGE_PENALTY = 40;

export function defaultIterations(people: number, freeRounds: number): number {
  return Math.max(200_000, Math.min(3_000_000, 20_000 * people * freeRounds));
}

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function planSeating(input: SeatingInput, options: PlanOptions = {}): PlanResult {
  const started = Date.now();
  const seed = options.seed ?? 1;
  const random = rng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const W_DIV = options.diversityWeight ?? DEFAULT_DIVERSITY_WEIGHT;

  // ------------------------------------------------------------ model
  const people = input.people;
  const N = people.length;
  const tables = input.tables;
  const T = tables.length;
  const index = new Map(people.map((p, i) => [p.id, i]));
  const tableIndex = new Map(tables.map((t, i) => [t.no, i]));
  if (index.size !== N) {
    const dup = people.find((p, i) => index.get(p.id) !== i)!;
    throw new PuntariError('protocol.badField', { field: `people: duplicate id "${dup.id}"`, issue: dup.id });
  }
  if (tableIndex.size !== T) throw new PuntariError('protocol.badField', { field: 'tables: duplicate table number', issue: 'tables' });
  const fixed = (input.fixedRounds ?? []).slice(0, input.rounds);
  const R0 = fixed.length;
  const RF = Math.max(0, input.rounds - R0); // free rounds
  const cap = tables.map((t) => Math.max(0, Math.floor(t.capacity)));
  const maxCap = Math.max(1, ...cap);
  const totalCap = cap.reduce((a, b) => a + b, 0);

  // Who sits (everyone, unless there are fewer seats than people: pinned and needs-accessible first).
  const pinnedIds = new Set((input.pins ?? []).map((p) => p.personId));
  const accessibleIds = new Set(input.needsAccessible ?? []);
  const seatedOrder = people
    .map((p, i) => ({ i, prio: pinnedIds.has(p.id) ? 0 : accessibleIds.has(p.id) ? 1 : 2 }))
    .sort((a, b) => a.prio - b.prio || a.i - b.i)
    .slice(0, Math.min(N, totalCap))
    .map((e) => e.i);
  const seatedMask = new Uint8Array(N);
  for (const i of seatedOrder) seatedMask[i] = 1;
  const seatedCount = seatedOrder.length;

  // Features: value index per person and feature; room shares.
  const F = input.diversify.length;
  const featOff: number[] = [];
  const values: Map<string, number>[] = [];
  let totalV = 0;
  for (const f of input.diversify) {
    const m = new Map<string, number>();
    for (const p of people) {
      const v = p.features[f] ?? '';
      if (!m.has(v)) m.set(v, m.size);
    }
    featOff.push(totalV);
    values.push(m);
    totalV += m.size;
  }
  const val = new Int32Array(N * F); // global value index (featOff + v)
  const room = new Float64Array(totalV);
  people.forEach((p, i) => {
    input.diversify.forEach((f, k) => {
      const g = featOff[k]! + values[k]!.get(p.features[f] ?? '')!;
      val[i * F + k] = g;
      room[g]! += 1 / N;
    });
  });

  // Allowed tables per free round and person; pins fix a person in a round.
  const policy = languagePolicy(input);
  const baseAllowed = new Uint8Array(N * T);
  const softLang = new Int8Array(N).fill(-1); // index of a soft language the person should sit at, else -1
  const langCode = (l: string | undefined) => (l === 'fi' ? 0 : l === 'sv' ? 1 : l === 'en' ? 2 : -1);
  const tableLang = new Int8Array(T);
  tables.forEach((t, i) => (tableLang[i] = langCode(t.language)));
  people.forEach((p, i) => {
    let allowed = tables.map(() => true);
    if (accessibleIds.has(p.id)) {
      const acc = tables.map((t) => t.accessible === true);
      if (acc.some(Boolean)) allowed = acc;
    }
    const lp = p.language ? policy.get(p.language) : undefined;
    if (lp?.hard) {
      const withLang = allowed.map((a, t) => a && tables[t]!.language === p.language);
      if (withLang.some(Boolean)) allowed = withLang;
      else softLang[i] = langCode(p.language);
    } else if (lp) softLang[i] = langCode(p.language);
    allowed.forEach((a, t) => (baseAllowed[i * T + t] = a ? 1 : 0));
  });
  const allowed = new Uint8Array(RF * N * T);
  const pinnedAt = new Int32Array(RF * N).fill(-1);
  for (let r = 0; r < RF; r++) allowed.set(baseAllowed, r * N * T);
  {
    const pinnedCount = new Int32Array(RF * T);
    // Round-specific pins take precedence over pins for every round.
    const pins = [...(input.pins ?? [])].sort((a, b) => (a.round === null ? 1 : 0) - (b.round === null ? 1 : 0));
    for (const pin of pins) {
      const p = index.get(pin.personId);
      const t = tableIndex.get(pin.tableNo);
      if (p === undefined || t === undefined || !seatedMask[p]) continue;
      for (let r = 0; r < RF; r++) {
        if (pin.round !== null && pin.round !== r + R0) continue;
        if (pinnedAt[r * N + p]! >= 0 || pinnedCount[r * T + t]! >= cap[t]!) continue;
        pinnedAt[r * N + p] = t;
        pinnedCount[r * T + t]!++;
        for (let u = 0; u < T; u++) allowed[(r * N + p) * T + u] = u === t ? 1 : 0;
      }
    }
  }
  const partners: number[][] = people.map(() => []);
  for (const [a, b] of input.keepApart ?? []) {
    const ia = index.get(a);
    const ib = index.get(b);
    if (ia === undefined || ib === undefined || ia === ib) continue;
    partners[ia]!.push(ib);
    partners[ib]!.push(ia);
  }

  // ------------------------------------------------------------ state
  const meet = new Uint8Array(N * N);
  for (const round of fixed) {
    for (const ids of Object.values(round)) {
      const known = ids.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
      for (let x = 0; x < known.length; x++) {
        for (let y = x + 1; y < known.length; y++) {
          meet[known[x]! * N + known[y]!]!++;
          meet[known[y]! * N + known[x]!]!++;
        }
      }
    }
  }
  const meetFixed = meet.slice();
  const seat = new Int32Array(RF * N).fill(-1);
  const size = new Int32Array(RF * T);
  const members = new Int32Array(RF * T * maxCap);
  const pos = new Int32Array(RF * N);
  const cnt = new Int32Array(RF * T * Math.max(1, totalV));
  const tvd = new Float64Array(RF * T * Math.max(1, F));

  const place = (r: number, p: number, t: number) => {
    const rt = r * T + t;
    pos[r * N + p] = size[rt]!;
    members[rt * maxCap + size[rt]!] = p;
    size[rt]!++;
    seat[r * N + p] = t;
    for (let k = 0; k < F; k++) cnt[rt * totalV + val[p * F + k]!]!++;
  };
  const unplace = (r: number, p: number) => {
    const t = seat[r * N + p]!;
    const rt = r * T + t;
    const i = pos[r * N + p]!;
    const last = members[rt * maxCap + size[rt]! - 1]!;
    members[rt * maxCap + i] = last;
    pos[r * N + last] = i;
    size[rt]!--;
    seat[r * N + p] = -1;
    for (let k = 0; k < F; k++) cnt[rt * totalV + val[p * F + k]!]!--;
  };
  const tableTvd = (rt: number, k: number, s: number): number => {
    if (s === 0) return 0;
    let sum = 0;
    const end = featOff[k]! + values[k]!.size;
    for (let g = featOff[k]!; g < end; g++) sum += Math.abs(cnt[rt * totalV + g]! / s - room[g]!);
    return 0.5 * sum;
  };
  const addMeets = (r: number, p: number, t: number, sign: 1 | -1) => {
    const rt = r * T + t;
    for (let i = 0; i < size[rt]!; i++) {
      const x = members[rt * maxCap + i]!;
      if (x === p) continue;
      meet[p * N + x]! += sign;
      meet[x * N + p]! += sign;
    }
  };

  // ------------------------------------------------------------ construction
  for (let r = 0; r < RF; r++) {
    const target = evenSizes(seatedCount, tables.map((_, t) => ({ capacity: cap[t]! })));
    const order = seatedOrder.map((p) => ({ p, key: pinnedAt[r * N + p]! >= 0 ? -1 : 0, tie: random() }));
    for (const e of order) {
      if (e.key === 0) {
        let n = 0;
        for (let t = 0; t < T; t++) n += allowed[(r * N + e.p) * T + t]!;
        e.key = n < T ? n : T + 1;
      }
    }
    order.sort((a, b) => a.key - b.key || a.tie - b.tie);
    for (const { p } of order) {
      const pin = pinnedAt[r * N + p]!;
      let best = -1;
      let bestCost = Infinity;
      for (let t = 0; t < T; t++) {
        if (pin >= 0 && t !== pin) continue;
        const rt = r * T + t;
        const s = size[rt]!;
        if (s >= cap[t]!) continue;
        let cost = allowed[(r * N + p) * T + t] ? 0 : 1e9;
        for (const k of partners[p]!) if (seat[r * N + k] === t) cost += 1e8;
        if (softLang[p]! >= 0 && tableLang[t] !== softLang[p]) cost += LANGUAGE_PENALTY;
        cost += s >= target[t]! ? 1e6 : 0;
        let repeats = 0;
        for (let i = 0; i < s; i++) if (meet[p * N + members[rt * maxCap + i]!]! > 0) repeats++;
        cost += 100 * repeats;
        // Fill in proportion: how far past its share of this value the table would go.
        const tgt = Math.max(1, target[t]!);
        for (let k = 0; k < F; k++) {
          const g = val[p * F + k]!;
          cost += W_DIV * Math.max(0, (cnt[rt * totalV + g]! + 1) / tgt - room[g]!);
        }
        cost += random() * 1e-6;
        if (cost < bestCost) {
          bestCost = cost;
          best = t;
        }
      }
      if (best < 0) continue; // cannot happen: seatedCount ≤ total capacity
      addMeets(r, p, best, 1);
      place(r, p, best);
    }
  }

  // ------------------------------------------------------------ objective
  let repeats = 0;
  let divSum = 0;
  let sizeSq = 0;
  let langAway = 0;
  let hard = 0;
  const measure = () => {
    repeats = 0;
    divSum = 0;
    sizeSq = 0;
    langAway = 0;
    hard = 0;
    for (let a = 0; a < N; a++) for (let b = a + 1; b < N; b++) repeats += Math.max(0, meet[a * N + b]! - 1);
    for (let r = 0; r < RF; r++) {
      for (let t = 0; t < T; t++) {
        const rt = r * T + t;
        sizeSq += size[rt]! * size[rt]!;
        for (let k = 0; k < F; k++) {
          tvd[rt * F + k] = tableTvd(rt, k, size[rt]!);
          divSum += tvd[rt * F + k]!;
        }
      }
      for (const p of seatedOrder) {
        const t = seat[r * N + p]!;
        if (!allowed[(r * N + p) * T + t]) hard++;
        for (const k of partners[p]!) if (k > p && seat[r * N + k] === t) hard++;
        if (softLang[p]! >= 0 && tableLang[t] !== softLang[p]) langAway++;
      }
    }
  };
  /** Reset the whole state to the seats in `from`. */
  const rebuild = (from: Int32Array) => {
    meet.set(meetFixed);
    size.fill(0);
    cnt.fill(0);
    seat.fill(-1);
    for (let r = 0; r < RF; r++) {
      for (const p of seatedOrder) {
        const t = from[r * N + p]!;
        addMeets(r, p, t, 1);
        place(r, p, t);
      }
    }
    measure();
  };
  measure();
  const objective = () => repeats + W_DIV * divSum + SIZE_PENALTY * sizeSq + LANGUAGE_PENALTY * langAway;

  // ------------------------------------------------------------ local search
  const movable: number[][] = [];
  const slack = totalCap > seatedCount;
  for (let r = 0; r < RF; r++) movable.push(seatedOrder.filter((p) => pinnedAt[r * N + p]! < 0));
  const roundsWithMovers = [...Array(RF).keys()].filter((r) => movable[r]!.length > 0);

  const iterations = options.iterations ?? defaultIterations(seatedCount, RF);
  const T0 = 1.2;
  const T1 = 0.03;
  let stoppedBy: PlanStats['stoppedBy'] = 'iterations';
  let bestSeat = seat.slice();
  let bestHard = hard;
  let bestObj = objective();
  let done = 0;
  const limitMs = Math.max(1, options.timeLimitMs ?? 4000);
  let timeFrac = 0; // share of the time limit used, refreshed every 16384 attempts
  let frac = 0;
  let temp = T0;

  // Delta of the hard count and of the repeats when p leaves table a for b in round r while q (or -1) goes b → a.
  let dRepeat = 0;
  let dHard = 0;
  const deltaPeople = (r: number, p: number, a: number, q: number, b: number) => {
    dRepeat = 0;
    dHard = 0;
    const ra = r * T + a;
    const rb = r * T + b;
    const sa = size[ra]!;
    const sb = size[rb]!;
    for (let i = 0; i < sa; i++) {
      const x = members[ra * maxCap + i]!;
      if (x === p) continue;
      if (meet[p * N + x]! >= 2) dRepeat--;
      if (q >= 0 && meet[q * N + x]! >= 1) dRepeat++;
    }
    for (let i = 0; i < sb; i++) {
      const x = members[rb * maxCap + i]!;
      if (x === q) continue;
      if (meet[p * N + x]! >= 1) dRepeat++;
      if (q >= 0 && meet[q * N + x]! >= 2) dRepeat--;
    }
    const base = r * N;
    dHard += allowed[(base + p) * T + b]! ? 0 : 1;
    dHard -= allowed[(base + p) * T + a]! ? 0 : 1;
    for (const k of partners[p]!) {
      if (k === q) continue;
      const sk = seat[base + k];
      if (sk === a) dHard--;
      else if (sk === b) dHard++;
    }
    if (q >= 0) {
      dHard += allowed[(base + q) * T + a]! ? 0 : 1;
      dHard -= allowed[(base + q) * T + b]! ? 0 : 1;
      for (const k of partners[q]!) {
        if (k === p) continue;
        const sk = seat[base + k];
        if (sk === b) dHard--;
        else if (sk === a) dHard++;
      }
    }
  };
  const langDelta = (p: number, from: number, to: number) =>
    softLang[p]! < 0 ? 0 : (tableLang[to] !== softLang[p] ? 1 : 0) - (tableLang[from] !== softLang[p] ? 1 : 0);

  // Diversity delta of a swap (sizes unchanged): only the features where p and q differ.
  const swapDivDelta = (r: number, p: number, a: number, q: number, b: number): number => {
    let d = 0;
    const ra = r * T + a;
    const rb = r * T + b;
    const sa = size[ra]!;
    const sb = size[rb]!;
    for (let k = 0; k < F; k++) {
      const gp = val[p * F + k]!;
      const gq = val[q * F + k]!;
      if (gp === gq) continue;
      const rp = room[gp]!;
      const rq = room[gq]!;
      let c = cnt[ra * totalV + gp]!;
      d += Math.abs((c - 1) / sa - rp) - Math.abs(c / sa - rp);
      c = cnt[ra * totalV + gq]!;
      d += Math.abs((c + 1) / sa - rq) - Math.abs(c / sa - rq);
      c = cnt[rb * totalV + gq]!;
      d += Math.abs((c - 1) / sb - rq) - Math.abs(c / sb - rq);
      c = cnt[rb * totalV + gp]!;
      d += Math.abs((c + 1) / sb - rp) - Math.abs(c / sb - rp);
    }
    return 0.5 * d;
  };
  const refreshTvd = (r: number, t: number): number => {
    const rt = r * T + t;
    let d = 0;
    for (let k = 0; k < F; k++) {
      const v = tableTvd(rt, k, size[rt]!);
      d += v - tvd[rt * F + k]!;
      tvd[rt * F + k] = v;
    }
    return d;
  };
  const moveDivDelta = (r: number, p: number, a: number, b: number): number => {
    // Tentatively move, measure, move back (moves are rare: only when tables have free seats).
    const before = sumTvd(r, a) + sumTvd(r, b);
    unplace(r, p);
    place(r, p, b);
    const after = fullTvd(r, a) + fullTvd(r, b);
    unplace(r, p);
    place(r, p, a);
    return after - before;
  };
  const sumTvd = (r: number, t: number) => {
    let s = 0;
    for (let k = 0; k < F; k++) s += tvd[(r * T + t) * F + k]!;
    return s;
  };
  const fullTvd = (r: number, t: number) => {
    let s = 0;
    for (let k = 0; k < F; k++) s += tableTvd(r * T + t, k, size[r * T + t]!);
    return s;
  };
  const violating = (r: number): number[] => {
    const out: number[] = [];
    for (const p of movable[r]!) {
      const t = seat[r * N + p]!;
      if (!allowed[(r * N + p) * T + t]) out.push(p);
      else if (partners[p]!.some((k) => seat[r * N + k] === t)) out.push(p);
    }
    return out;
  };

  const refreshSwap = (r: number, p: number, a: number, q: number, b: number): number => {
    let d = 0;
    for (let k = 0; k < F; k++) {
      if (val[p * F + k] === val[q * F + k]) continue;
      for (let side = 0; side < 2; side++) {
        const rt = r * T + (side === 0 ? a : b);
        const v = tableTvd(rt, k, size[rt]!);
        d += v - tvd[rt * F + k]!;
        tvd[rt * F + k] = v;
      }
    }
    return d;
  };
  /** Move p from a to b (round r); dRepeat/dHard from `deltaPeople(r, p, a, -1, b)`. */
  const applyMove = (r: number, p: number, a: number, b: number, dLang: number) => {
    const sa = size[r * T + a]!;
    const sb = size[r * T + b]!;
    addMeets(r, p, a, -1);
    unplace(r, p);
    addMeets(r, p, b, 1);
    place(r, p, b);
    divSum += refreshTvd(r, a) + refreshTvd(r, b);
    repeats += dRepeat;
    hard += dHard;
    sizeSq += (sb + 1) * (sb + 1) + (sa - 1) * (sa - 1) - sb * sb - sa * sa;
    langAway += dLang;
  };
  /** Swap p (at a) and q (at b) in round r; dRepeat/dHard from `deltaPeople(r, p, a, q, b)`. */
  const applySwap = (r: number, p: number, a: number, q: number, b: number, dLang: number) => {
    addMeets(r, p, a, -1);
    addMeets(r, q, b, -1);
    unplace(r, p);
    unplace(r, q);
    addMeets(r, p, b, 1);
    place(r, p, b);
    addMeets(r, q, a, 1);
    place(r, q, a);
    if (F > 0) divSum += refreshSwap(r, p, a, q, b);
    repeats += dRepeat;
    hard += dHard;
    langAway += dLang;
  };

  // ------------------------------------------------------------ repair (only when construction broke a hard constraint)
  // Min-conflicts with noise: a person who breaks a constraint takes the move or swap that breaks
  // fewest, even when that is more than now (so the walk leaves local minima); the best state is kept.
  if (hard > 0 && roundsWithMovers.length > 0) {
    const steps = Math.min(iterations, 20_000);
    let fewest = hard;
    let fewestSeat = seat.slice();
    const candidates: { q: number; b: number; dh: number }[] = [];
    let lastGain = 0;
    for (let step = 0; step < steps && hard > 0 && step - lastGain < 2_000; step++) {
      const bad = roundsWithMovers.map((r) => ({ r, ps: violating(r) })).filter((x) => x.ps.length > 0);
      if (bad.length === 0) break; // only pinned people break constraints: nothing to move
      const pick = bad[int(bad.length)]!;
      const r = pick.r;
      const p = pick.ps[int(pick.ps.length)]!;
      const a = seat[r * N + p]!;
      candidates.length = 0;
      for (let b = 0; b < T; b++) {
        if (b === a) continue;
        if (size[r * T + b]! < cap[b]!) {
          deltaPeople(r, p, a, -1, b);
          candidates.push({ q: -1, b, dh: dHard });
        }
        for (let i = 0; i < size[r * T + b]!; i++) {
          const q = members[(r * T + b) * maxCap + i]!;
          if (pinnedAt[r * N + q]! >= 0) continue;
          deltaPeople(r, p, a, q, b);
          candidates.push({ q, b, dh: dHard });
        }
      }
      if (candidates.length === 0) continue;
      let choice = candidates[int(candidates.length)]!;
      if (random() >= 0.1) {
        let low = Infinity;
        let ties = 0;
        for (const c of candidates) {
          if (c.dh < low) {
            low = c.dh;
            ties = 1;
            choice = c;
          } else if (c.dh === low && random() * ++ties < 1) choice = c;
        }
      }
      deltaPeople(r, p, a, choice.q, choice.b);
      if (choice.q < 0) applyMove(r, p, a, choice.b, langDelta(p, a, choice.b));
      else applySwap(r, p, a, choice.q, choice.b, langDelta(p, a, choice.b) + langDelta(choice.q, choice.b, a));
      if (hard < fewest) {
        lastGain = step;
        fewest = hard;
        fewestSeat = seat.slice();
      }
    }
    if (hard > fewest) rebuild(fewestSeat);
    bestSeat = seat.slice();
    bestHard = hard;
    bestObj = objective();
  }

  // ------------------------------------------------------------ annealing
  if (roundsWithMovers.length > 0) {
    for (let it = 0; it < iterations; it++) {
      if ((it & 0x3fff) === 0 && it > 0) {
        timeFrac = (Date.now() - started) / limitMs;
        if (timeFrac >= 1) {
          stoppedBy = 'deadline';
          break;
        }
        if (options.cancelled?.()) {
          stoppedBy = 'cancelled';
          break;
        }
        options.onProgress?.(Math.max(it / iterations, timeFrac));
      }
      done = it + 1;
      if ((it & 0xff) === 0) {
        // The schedule runs on attempts, or on time when the time limit comes first.
        frac = Math.max(it / iterations, timeFrac);
        temp = T0 * Math.pow(T1 / T0, frac);
      }
      const r = roundsWithMovers[int(roundsWithMovers.length)]!;
      const pool = movable[r]!;
      let p = pool[int(pool.length)]!;
      if (hard > 0 && (it & 7) === 0) {
        const bad = violating(r);
        if (bad.length > 0) p = bad[int(bad.length)]!;
      }
      const a = seat[r * N + p]!;
      if (slack && random() < 0.15) {
        // Move p to a table with a free seat.
        const b = int(T);
        if (b === a || size[r * T + b]! >= cap[b]!) continue;
        deltaPeople(r, p, a, -1, b);
        if (dHard > 0) continue;
        const sa = size[r * T + a]!;
        const sb = size[r * T + b]!;
        const dSize = (sb + 1) * (sb + 1) + (sa - 1) * (sa - 1) - sb * sb - sa * sa;
        const dDiv = F > 0 ? moveDivDelta(r, p, a, b) : 0;
        const dLang = langDelta(p, a, b);
        const delta = dRepeat + W_DIV * dDiv + SIZE_PENALTY * dSize + LANGUAGE_PENALTY * dLang;
        if (dHard < 0 || delta <= 0 || random() < Math.exp(-delta / temp)) applyMove(r, p, a, b, dLang);
        else continue;
      } else {
        const q = pool[int(pool.length)]!;
        const b = seat[r * N + q]!;
        if (b === a) continue;
        deltaPeople(r, p, a, q, b);
        if (dHard > 0) continue;
        const dDiv = F > 0 ? swapDivDelta(r, p, a, q, b) : 0;
        const dLang = langDelta(p, a, b) + langDelta(q, b, a);
        const delta = dRepeat + W_DIV * dDiv + LANGUAGE_PENALTY * dLang;
        if (dHard < 0 || delta <= 0 || random() < Math.exp(-delta / temp)) applySwap(r, p, a, q, b, dLang);
        else continue;
      }
      if (hard < bestHard || (hard === bestHard && frac > 0.5 && objective() < bestObj - 1e-9)) {
        bestHard = hard;
        bestObj = objective();
        bestSeat = seat.slice();
      }
    }
    if (hard < bestHard || (hard === bestHard && objective() < bestObj - 1e-9)) bestSeat = seat.slice();
  }

  // ------------------------------------------------------------ result
  const plan: RoundPlan[] = fixed.map((round) => {
    const copy: RoundPlan = {};
    for (const [no, ids] of Object.entries(round)) copy[Number(no)] = [...ids];
    return copy;
  });
  for (let r = 0; r < RF; r++) {
    const round: RoundPlan = {};
    for (const t of tables) round[t.no] = [];
    for (const p of seatedOrder) {
      const t = bestSeat[r * N + p]!;
      round[tables[t]!.no]!.push(people[p]!.id);
    }
    plan.push(round);
  }
  options.onProgress?.(1);
  return {
    rounds: plan,
    score: scorePlan(input, plan),
    violations: checkPlan(input, plan),
    stats: { iterations: done, ms: Date.now() - started, stoppedBy, seed },
  };
}

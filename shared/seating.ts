/**
 * Seating plans: types, the quality score and the constraint check. Pure TypeScript (no Node, no DOM):
 * the hub's optimiser (main/features/seating/engine) produces plans, and the screens call
 * `scorePlan` and `checkPlan` on every drag to show the score and the broken constraints live.
 *
 * ## Input (`SeatingInput`)
 * - `people`: `{ id, features, language? }`. `features` maps a feature key to its value
 *   (a missing value counts as the value '').
 * - `tables`: `{ no, capacity, language?, accessible? }`; sizes may differ. Every table is used in
 *   every round; people are spread as evenly as capacities allow (`evenSizes`).
 * - `rounds`: R, the total number of rounds, fixed ones included.
 * - `diversify`: the feature keys whose values every table should mirror.
 * - `pins`: `{ personId, round, tableNo }`; `round` is a 0-based round index, or null for every round.
 * - `keepApart`: `[idA, idB]` pairs that never share a table in any round.
 * - `needsAccessible`: person ids that must sit at a table with `accessible: true`.
 * - Language tables: a person whose `language` is L, when some table has language L, sits at a
 *   table of language L. This is a hard constraint only when the L tables can seat every L speaker
 *   (`languagePolicy`); otherwise the optimiser fills the L tables with L speakers as far as they go
 *   and the rest are reported (constraint 'language', reason 'languageTablesFull').
 * - `fixedRounds`: the first rounds, already held (e.g. plan rounds 2–4 after round 1); kept as
 *   given, and their meetings count towards repeat pairs.
 *
 * ## Plans
 * A plan is `RoundPlan[]`, one per round; a `RoundPlan` maps table number → person ids (every
 * table of the input has an entry, possibly empty). `planToLists` / `listsToPlan` convert to the
 * CLI's `[[[id, …], …], …]` shape; `roundToSeats` to `SeatingRound.seats` (person → table).
 *
 * ## Score (`scorePlan`) — the definitions of ../shared/data/groups/README.md
 * - `repeatPairs`: Σ over pairs of people of max(0, times seated together − 1). Lower is better.
 * - `distinctPairsMet`: pairs seated together at least once. Higher is better.
 * - `diversityDeviation`: mean over rounds, (non-empty) tables and diversified features of the
 *   total variation distance 0.5 × Σ_v |count_at_table(v)/size_of_table − count_in_room(v)/people|.
 *   Room shares are over `input.people`; ids in a plan that are not in `input.people` (someone
 *   seated in a fixed round who is gone) count for pairs but not for diversity.
 *
 * ## Violations (`checkPlan`)
 * `{ constraint, people, round, reason, params? }`: empty when every hard constraint holds.
 * Reasons are codes (screens translate `seating.violation.<reason>`):
 * - capacity / notEnoughSeats: more people than seats; `people` are the ones left out.
 * - capacity / overCapacity: a table holds more than its capacity.
 * - seating / notSeated, seatedTwice: a person missing from a round, or at two tables.
 * - pin / unknownPerson, unknownTable, notHonoured (e.g. more people pinned to a table than it seats).
 * - keepApart / together: the pair shares a table in `round`.
 * - accessible / notAccessible: someone who needs an accessible table is not at one.
 * - language / languageTablesFull (soft: the tables of that language cannot take everyone),
 *   notAtLanguageTable (hard language constraint broken).
 */

export type SeatingLanguage = 'fi' | 'sv' | 'en';

export interface SeatingPerson {
  id: string;
  features: Record<string, string>;
  language?: SeatingLanguage;
}

export interface SeatingTableSpec {
  no: number;
  capacity: number;
  language?: SeatingLanguage;
  accessible?: boolean;
}

export interface SeatingPin {
  personId: string;
  /** 0-based round index; null pins the person to the table in every round. */
  round: number | null;
  tableNo: number;
}

/** Table number → the ids of the people seated there in one round. */
export type RoundPlan = Record<number, string[]>;

export interface SeatingInput {
  people: SeatingPerson[];
  tables: SeatingTableSpec[];
  rounds: number;
  diversify: string[];
  pins?: SeatingPin[];
  keepApart?: [string, string][];
  needsAccessible?: string[];
  /** The first rounds, already held; kept as they are. */
  fixedRounds?: RoundPlan[];
}

export interface TableScore {
  round: number;
  tableNo: number;
  size: number;
  /** Mean over the diversified features of this table's total variation distance from the room. */
  diversity: number;
  /** Pairs at this table who also sit together in another round. */
  repeatPairs: number;
}

export interface SeatingScore {
  repeatPairs: number;
  distinctPairsMet: number;
  diversityDeviation: number;
  tables: TableScore[];
}

export type SeatingConstraint = 'capacity' | 'seating' | 'pin' | 'keepApart' | 'accessible' | 'language';

export type ViolationReason =
  | 'notEnoughSeats'
  | 'overCapacity'
  | 'notSeated'
  | 'seatedTwice'
  | 'unknownPerson'
  | 'unknownTable'
  | 'notHonoured'
  | 'together'
  | 'notAccessible'
  | 'languageTablesFull'
  | 'notAtLanguageTable';

export interface SeatingViolation {
  constraint: SeatingConstraint;
  people: string[];
  /** 0-based round index; null when it concerns the plan as a whole. */
  round: number | null;
  reason: ViolationReason;
  params?: Record<string, string | number>;
}

export interface SeatingResult {
  rounds: RoundPlan[];
  score: SeatingScore;
  violations: SeatingViolation[];
}

// ------------------------------------------------------------------ helpers

/**
 * Table sizes for `people` at tables of `tableSize`: ceil(people / tableSize) tables, sizes as
 * even as possible, larger first (110 at 7 → 14 × 7 and 2 × 6).
 */
export function evenTableSizes(people: number, tableSize: number): number[] {
  if (people <= 0) return [];
  const count = Math.ceil(people / tableSize);
  const base = Math.floor(people / count);
  const extra = people - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * How many people each table gets when `count` people sit at `tables`: as even as capacities
 * allow (water-filling). Returns sizes in the order of `tables`; their sum is min(count, Σ capacity).
 */
export function evenSizes(count: number, tables: readonly { capacity: number }[]): number[] {
  const sizes = tables.map(() => 0);
  let left = Math.min(
    count,
    tables.reduce((s, t) => s + Math.max(0, t.capacity), 0),
  );
  while (left > 0) {
    let best = -1;
    for (let i = 0; i < tables.length; i++) {
      if (sizes[i]! >= tables[i]!.capacity) continue;
      if (best < 0 || sizes[i]! < sizes[best]! || (sizes[i] === sizes[best] && tables[i]!.capacity > tables[best]!.capacity)) best = i;
    }
    if (best < 0) break;
    sizes[best]!++;
    left--;
  }
  return sizes;
}

/** Which languages are hard constraints: L is hard when some table has language L and the L tables can seat every L speaker. */
export function languagePolicy(input: Pick<SeatingInput, 'people' | 'tables'>): Map<SeatingLanguage, { hard: boolean; speakers: number; seats: number }> {
  const out = new Map<SeatingLanguage, { hard: boolean; speakers: number; seats: number }>();
  for (const t of input.tables) {
    if (!t.language) continue;
    const entry = out.get(t.language) ?? { hard: false, speakers: 0, seats: 0 };
    entry.seats += Math.max(0, t.capacity);
    out.set(t.language, entry);
  }
  for (const p of input.people) {
    const entry = p.language ? out.get(p.language) : undefined;
    if (entry) entry.speakers++;
  }
  for (const entry of out.values()) entry.hard = entry.seats >= entry.speakers;
  return out;
}

export function planToLists(plan: readonly RoundPlan[], tables: readonly { no: number }[]): string[][][] {
  return plan.map((round) => tables.map((t) => [...(round[t.no] ?? [])]));
}

export function listsToPlan(lists: readonly (readonly (readonly string[])[])[], tables: readonly { no: number }[]): RoundPlan[] {
  return lists.map((round) => {
    const plan: RoundPlan = {};
    tables.forEach((t, i) => (plan[t.no] = [...(round[i] ?? [])]));
    return plan;
  });
}

export function roundToSeats(round: RoundPlan): Record<string, number> {
  const seats: Record<string, number> = {};
  for (const [no, ids] of Object.entries(round)) for (const id of ids) seats[id] = Number(no);
  return seats;
}

export function seatsToRound(seats: Record<string, number>, tables: readonly { no: number }[]): RoundPlan {
  const round: RoundPlan = {};
  for (const t of tables) round[t.no] = [];
  for (const [id, no] of Object.entries(seats)) (round[no] ??= []).push(id);
  return round;
}

// ------------------------------------------------------------------ score

const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Room shares of each diversified feature's values over `people`. */
export function roomShares(people: readonly SeatingPerson[], diversify: readonly string[]): Map<string, Map<string, number>> {
  const shares = new Map<string, Map<string, number>>();
  for (const f of diversify) {
    const counts = new Map<string, number>();
    for (const p of people) {
      const v = p.features[f] ?? '';
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    for (const [v, c] of counts) counts.set(v, c / people.length);
    shares.set(f, counts);
  }
  return shares;
}

/**
 * The score of a plan (definitions in the module comment). Pure and cheap (O(rounds × Σ table
 * size² + people × features)): the screens call it on every drag.
 */
export function scorePlan(input: Pick<SeatingInput, 'people' | 'diversify'>, rounds: readonly RoundPlan[]): SeatingScore {
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const room = roomShares(input.people, input.diversify);
  const met = new Map<string, number>();
  const tableEntries: { round: number; tableNo: number; ids: string[] }[] = [];
  rounds.forEach((round, r) => {
    for (const [no, ids] of Object.entries(round)) {
      tableEntries.push({ round: r, tableNo: Number(no), ids });
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const k = pairKey(ids[i]!, ids[j]!);
          met.set(k, (met.get(k) ?? 0) + 1);
        }
      }
    }
  });
  let repeatPairs = 0;
  for (const c of met.values()) repeatPairs += Math.max(0, c - 1);

  let deviationSum = 0;
  let deviationCount = 0;
  const tables: TableScore[] = [];
  for (const { round, tableNo, ids } of tableEntries) {
    const known = ids.map((id) => byId.get(id)).filter((p): p is SeatingPerson => p !== undefined);
    let repeats = 0;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) if ((met.get(pairKey(ids[i]!, ids[j]!)) ?? 0) > 1) repeats++;
    }
    let diversity = 0;
    if (known.length > 0 && input.diversify.length > 0) {
      for (const f of input.diversify) {
        const counts = new Map<string, number>();
        for (const p of known) {
          const v = p.features[f] ?? '';
          counts.set(v, (counts.get(v) ?? 0) + 1);
        }
        const shares = room.get(f)!;
        let tvd = 0;
        for (const [v, share] of shares) tvd += Math.abs((counts.get(v) ?? 0) / known.length - share);
        tvd *= 0.5;
        diversity += tvd;
        deviationSum += tvd;
        deviationCount++;
      }
      diversity /= input.diversify.length;
    }
    tables.push({ round, tableNo, size: ids.length, diversity, repeatPairs: repeats });
  }
  return {
    repeatPairs,
    distinctPairsMet: met.size,
    diversityDeviation: deviationCount === 0 ? 0 : deviationSum / deviationCount,
    tables,
  };
}

// ------------------------------------------------------------------ constraints

/**
 * Every broken constraint of a plan (see the module comment). Hard constraints: capacity, every
 * person seated exactly once per round, pins, keep-apart, accessibility, and language where
 * `languagePolicy` makes it hard. A soft language constraint that cannot hold is reported too.
 */
export function checkPlan(input: SeatingInput, rounds: readonly RoundPlan[]): SeatingViolation[] {
  const out: SeatingViolation[] = [];
  const ids = new Set(input.people.map((p) => p.id));
  const tableByNo = new Map(input.tables.map((t) => [t.no, t]));
  const capacity = input.tables.reduce((s, t) => s + Math.max(0, t.capacity), 0);
  const fixedCount = input.fixedRounds?.length ?? 0;
  const policy = languagePolicy(input);
  const needsAccessible = new Set(input.needsAccessible ?? []);

  rounds.forEach((round, r) => {
    const fixed = r < fixedCount;
    const seat = new Map<string, number>();
    const twice = new Set<string>();
    for (const [noText, members] of Object.entries(round)) {
      const no = Number(noText);
      const table = tableByNo.get(no);
      if (table && members.length > table.capacity && !fixed) {
        out.push({ constraint: 'capacity', people: [...members], round: r, reason: 'overCapacity', params: { tableNo: no, capacity: table.capacity } });
      }
      for (const id of members) {
        if (seat.has(id)) twice.add(id);
        seat.set(id, no);
      }
    }
    if (fixed) return; // a round that was held: only its meetings matter now
    if (twice.size > 0) out.push({ constraint: 'seating', people: [...twice], round: r, reason: 'seatedTwice' });
    const missing = input.people.filter((p) => !seat.has(p.id)).map((p) => p.id);
    if (missing.length > 0) {
      out.push(
        capacity < input.people.length
          ? { constraint: 'capacity', people: missing, round: r, reason: 'notEnoughSeats', params: { seats: capacity, people: input.people.length } }
          : { constraint: 'seating', people: missing, round: r, reason: 'notSeated' },
      );
    }
    for (const pin of input.pins ?? []) {
      if ((pin.round !== null && pin.round !== r) || !tableByNo.has(pin.tableNo)) continue;
      const at = seat.get(pin.personId);
      if (at !== undefined && at !== pin.tableNo) {
        out.push({ constraint: 'pin', people: [pin.personId], round: r, reason: 'notHonoured', params: { tableNo: pin.tableNo } });
      }
    }
    for (const [a, b] of input.keepApart ?? []) {
      const ta = seat.get(a);
      if (ta !== undefined && ta === seat.get(b)) out.push({ constraint: 'keepApart', people: [a, b], round: r, reason: 'together', params: { tableNo: ta } });
    }
    const notAccessible = [...needsAccessible].filter((id) => {
      const at = seat.get(id);
      return at !== undefined && !tableByNo.get(at)?.accessible;
    });
    if (notAccessible.length > 0) out.push({ constraint: 'accessible', people: notAccessible, round: r, reason: 'notAccessible' });
    for (const [lang, entry] of policy) {
      const away = input.people
        .filter((p) => p.language === lang && seat.has(p.id) && tableByNo.get(seat.get(p.id)!)?.language !== lang)
        .map((p) => p.id);
      if (away.length === 0) continue;
      out.push(
        entry.hard
          ? { constraint: 'language', people: away, round: r, reason: 'notAtLanguageTable', params: { language: lang } }
          : { constraint: 'language', people: away, round: r, reason: 'languageTablesFull', params: { language: lang, seats: entry.seats, speakers: entry.speakers } },
      );
    }
  });

  for (const pin of input.pins ?? []) {
    if (!ids.has(pin.personId)) out.push({ constraint: 'pin', people: [pin.personId], round: pin.round, reason: 'unknownPerson' });
    else if (!tableByNo.has(pin.tableNo)) out.push({ constraint: 'pin', people: [pin.personId], round: pin.round, reason: 'unknownTable', params: { tableNo: pin.tableNo } });
  }
  return out;
}

/** True when the violations contain only reports, no broken hard constraint (a soft language shortfall is a report). */
export function keepsHardConstraints(violations: readonly SeatingViolation[]): boolean {
  return violations.every((v) => v.reason === 'languageTablesFull');
}

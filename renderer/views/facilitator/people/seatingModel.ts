import type { Participant, ParticipantBackground, ParticipantRoster, PanelTable, SeatingRound, SeatingSettings } from '../../../../shared/participants.js';
import { checkPlan, scorePlan, seatsToRound, type RoundPlan, type SeatingInput, type SeatingScore, type SeatingViolation } from '../../../../shared/seating.js';

/** People the plan must seat: confirmed participants. */
export function toSeat(participants: Participant[]): Participant[] {
  return participants.filter((p) => p.status === 'confirmed');
}

/** The same SeatingInput the hub builds, from what the facilitator's window has. */
export function clientInput(
  participants: Participant[],
  background: Record<string, ParticipantBackground>,
  roster: Record<string, ParticipantRoster>,
  tables: PanelTable[],
  settings: SeatingSettings | undefined,
  rounds: number,
): SeatingInput {
  const people = toSeat(participants).map((p) => ({ id: p.id, language: p.language, features: background[p.id]?.features ?? {} }));
  const ids = new Set(people.map((p) => p.id));
  return {
    people,
    tables: tables.map((t) => ({ no: t.no, capacity: t.capacity, language: t.language, accessible: t.accessible })),
    rounds,
    diversify: settings?.diversify ?? [],
    pins: (settings?.pins ?? []).filter((p) => ids.has(p.personId)),
    keepApart: (settings?.keepApart ?? []).filter(([a, b]) => ids.has(a) && ids.has(b)),
    needsAccessible: Object.values(roster)
      .filter((r) => r.needsAccessibleTable && ids.has(r.participantId))
      .map((r) => r.participantId),
  };
}

export interface Evaluation {
  plans: RoundPlan[];
  score: SeatingScore;
  violations: SeatingViolation[];
}

/** Score and broken constraints of the rounds as they stand (every move re-evaluates). */
export function evaluate(input: SeatingInput, rounds: SeatingRound[], tables: PanelTable[]): Evaluation {
  const plans = rounds.map((r) => seatsToRound(r.seats, tables));
  return { plans, score: scorePlan(input, plans), violations: rounds.length ? checkPlan(input, plans) : [] };
}

/** The table to the left or right of `no` in table order (wraps round). */
export function neighbourTable(tables: PanelTable[], no: number | undefined, step: 1 | -1): number | null {
  if (tables.length === 0) return null;
  const i = no === undefined ? -1 : tables.findIndex((t) => t.no === no);
  if (i < 0) return tables[step === 1 ? 0 : tables.length - 1]!.no;
  return tables[(i + step + tables.length) % tables.length]!.no;
}

/** Pairs at the same table in two rounds, for showing who meets again. */
export function repeatMates(rounds: SeatingRound[], roundId: string, personId: string): Set<string> {
  const round = rounds.find((r) => r.id === roundId);
  const out = new Set<string>();
  if (!round) return out;
  const mine = round.seats[personId];
  if (mine === undefined) return out;
  for (const other of rounds) {
    if (other.id === roundId) continue;
    const there = other.seats[personId];
    if (there === undefined) continue;
    for (const [id, no] of Object.entries(other.seats)) if (id !== personId && no === there && round.seats[id] === mine) out.add(id);
  }
  return out;
}

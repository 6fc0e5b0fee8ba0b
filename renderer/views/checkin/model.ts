import type { AgendaDay, AgendaItem } from '../../../shared/agenda.js';
import type { ClockState } from '../../../shared/clock.js';
import type { Attendance, Participant, ParticipantPersonal } from '../../../shared/participants.js';

/** Lower case without accents: "Äijälä" matches "aijala", "åsa" matches "asa". */
export function fold(text: string): string {
  return text.toLocaleLowerCase('fi').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The day the desk checks people in for: the clock's day, else today, else the next day, else the last one. */
export function defaultDay(days: AgendaDay[], clock: ClockState | undefined, items: Record<string, AgendaItem>, now: Date): AgendaDay | null {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date) || a.position - b.position);
  const clockDay = clock?.itemId ? items[clock.itemId]?.dayId : undefined;
  const fromClock = clockDay ? sorted.find((d) => d.id === clockDay) : undefined;
  if (fromClock) return fromClock;
  const today = localDate(now);
  return sorted.find((d) => d.date === today) ?? sorted.find((d) => d.date > today) ?? sorted.at(-1) ?? null;
}

/** Who the desk expects: everyone not declined, dropped out or replaced. */
export function expected(participants: Participant[]): Participant[] {
  return participants.filter((p) => p.status === 'confirmed' || p.status === 'invited').sort((a, b) => a.displayName.localeCompare(b.displayName, 'fi'));
}

/**
 * Matches for a search: display names (and full names where the screen has them — only the
 * facilitator's own windows do). Names starting with the query come first.
 */
export function search(people: Participant[], personal: Record<string, ParticipantPersonal>, query: string): Participant[] {
  const q = fold(query.trim());
  if (!q) return people;
  const scored: { p: Participant; score: number }[] = [];
  for (const p of people) {
    const names = [p.displayName, personal[p.id]?.fullName ?? ''].filter(Boolean).map(fold);
    let score = -1;
    for (const n of names) {
      if (n.startsWith(q)) score = Math.max(score, 3);
      else if (n.split(/[\s.-]+/).some((w) => w.startsWith(q))) score = Math.max(score, 2);
      else if (n.includes(q)) score = Math.max(score, 1);
    }
    if (score >= 0) scored.push({ p, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.p.displayName.localeCompare(b.p.displayName, 'fi')).map((s) => s.p);
}

export function presentOn(attendance: Attendance[], dayId: string | null): Map<string, Attendance> {
  const out = new Map<string, Attendance>();
  if (!dayId) return out;
  for (const a of attendance) if (a.dayId === dayId) out.set(a.participantId, a);
  return out;
}

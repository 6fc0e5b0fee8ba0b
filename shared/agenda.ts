export const AGENDA_ITEM_KINDS = [
  'welcome',
  'expertHearing',
  'expertQuestions',
  'tableDiscussion',
  'plenary',
  'break',
  'vote',
  'statementWork',
  'other',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export interface AgendaDay {
  id: string;
  date: string;
  /** HH:MM local time */
  startsAt: string;
  title: string;
  position: number;
}

export interface AgendaItem {
  id: string;
  dayId: string;
  position: number;
  kind: AgendaItemKind;
  title: string;
  plannedMinutes: number;
  question: string;
  facilitatorNotes: string;
  seatingRoundId: string | null;
  expertIds: string[];
}

export interface Expert {
  id: string;
  name: string;
  title: string;
  organisation: string;
  topic: string;
}

/** Items start one after another from the day's start; planned times are derived, never stored. */
export function plannedSchedule(day: AgendaDay, items: AgendaItem[]): { id: string; start: string; end: string }[] {
  const [h, m] = day.startsAt.split(':').map(Number) as [number, number];
  let minutes = h * 60 + m;
  return [...items]
    .sort((a, b) => a.position - b.position)
    .map((item) => {
      const start = minutes;
      minutes += item.plannedMinutes;
      return { id: item.id, start: hhmm(start), end: hhmm(minutes) };
    });
}

export function hhmm(totalMinutes: number): string {
  const h = Math.floor(totalMinutes / 60) % 24;
  const m = totalMinutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

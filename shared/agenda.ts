import { z } from 'zod';

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
  /** The countdown turns to a warning with this many seconds left. */
  warnSeconds: number;
  /** Past its time, the item counts up in overtime; or shows 0:00 when hidden. */
  showOvertime: boolean;
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

// ---------------------------------------------------------------- commands

const id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** A single item runs from one minute to ten hours; anything else is a typing slip. */
export const plannedMinutes = z.number().int().min(1).max(600);

const itemFields = {
  kind: z.enum(AGENDA_ITEM_KINDS),
  title: z.string().trim().min(1).max(200),
  plannedMinutes,
  question: z.string().trim().max(2000),
  facilitatorNotes: z.string().trim().max(4000),
  expertIds: z.array(id).max(20),
  seatingRoundId: id.nullable(),
  warnSeconds: z.number().int().min(0).max(3600),
  showOvertime: z.boolean(),
};

export const AGENDA_TEMPLATES = ['citizensJury3', 'residentEvening'] as const;
export type AgendaTemplate = (typeof AGENDA_TEMPLATES)[number];

const MANAGE = ['facilitator', 'cofacilitator'] as const;

export const agendaCommands = {
  'agenda.addDay': {
    input: z.object({ date: isoDate, startsAt: clockTime, title: z.string().trim().min(1).max(200) }),
    roles: MANAGE,
  },
  'agenda.updateDay': {
    input: z.object({ dayId: id, date: isoDate.optional(), startsAt: clockTime.optional(), title: z.string().trim().min(1).max(200).optional() }),
    roles: MANAGE,
  },
  'agenda.removeDay': { input: z.object({ dayId: id }), roles: MANAGE },
  'agenda.addItem': {
    input: z.object({
      dayId: id,
      position: z.number().int().min(0).max(1000).optional(),
      ...itemFields,
      question: itemFields.question.default(''),
      facilitatorNotes: itemFields.facilitatorNotes.default(''),
      expertIds: itemFields.expertIds.default([]),
      seatingRoundId: itemFields.seatingRoundId.default(null),
      warnSeconds: itemFields.warnSeconds.default(120),
      showOvertime: itemFields.showOvertime.default(true),
    }),
    roles: MANAGE,
  },
  'agenda.updateItem': { input: z.object({ itemId: id, ...itemFields }).partial().required({ itemId: true }), roles: MANAGE },
  'agenda.removeItem': { input: z.object({ itemId: id }), roles: MANAGE },
  'agenda.moveItem': {
    input: z.object({ itemId: id, dayId: id, position: z.number().int().min(0).max(1000) }),
    roles: MANAGE,
  },
  'agenda.applyTemplate': {
    input: z.object({ template: z.enum(AGENDA_TEMPLATES), firstDate: isoDate, language: z.enum(['fi', 'sv', 'en']) }),
    roles: MANAGE,
  },
} as const;

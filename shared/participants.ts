import { z } from 'zod';

/**
 * A participant as every screen may see them: display name and table only.
 * Names, contacts and needs (ParticipantPersonal) and background features
 * (ParticipantBackground) are separate topics that never leave the host.
 */
export const PARTICIPANT_STATUSES = ['invited', 'confirmed', 'declined', 'droppedOut', 'replaced'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export interface Participant {
  id: string;
  displayName: string;
  language: 'fi' | 'sv' | 'en';
  status: ParticipantStatus;
}

export interface ParticipantPersonal {
  participantId: string;
  fullName: string;
  email: string;
  phone: string;
  address: string;
  postcode: string;
  accessibilityNeeds: string;
  dietaryNeeds: string;
}

export interface ParticipantBackground {
  participantId: string;
  /** feature key -> value key, e.g. { municipality: 'hyvinkaa', ageGroup: '30-44' } */
  features: Record<string, string>;
}

export interface BackgroundFeature {
  key: string;
  label: string;
  position: number;
  values: { value: string; label: string; populationShare: number | null }[];
}

export interface PanelTable {
  no: number;
  name: string;
  capacity: number;
  language: 'fi' | 'sv' | 'en';
  accessible: boolean;
}

export interface SeatingRound {
  id: string;
  name: string;
  position: number;
  /** participant id -> table number */
  seats: Record<string, number>;
}

export interface Attendance {
  /** `${dayId}:${participantId}` */
  key: string;
  dayId: string;
  participantId: string;
  presentAt: string;
}

// ---------------------------------------------------------------- roster (issue 8)

/**
 * The roster's administrative fields, kept beside the personal data and, like it, only on the
 * host (topic participantRoster, facilitator only). No bank details: only whether compensation
 * was paid.
 */
export interface ParticipantRoster {
  participantId: string;
  /** When status is 'replaced': the participant who took this one's place. */
  replacedBy: string | null;
  /** The date (YYYY-MM-DD) consent to processing was given, or null. */
  consentAt: string | null;
  /** The version of the privacy notice the consent refers to ("2026-09"). */
  privacyNoticeVersion: string;
  compensationPaid: boolean;
  /** Seating: this person needs a table marked accessible. */
  needsAccessibleTable: boolean;
}

/** The roster's own record (key 'roster'): whether and when personal data was purged. */
export interface RosterInfo {
  purgedAt: string | null;
  purgedBy: string | null;
}

/** Seating settings (key 'settings'): the rounds to plan, the features to mix, the constraints. */
export interface SeatingSettings {
  rounds: number;
  diversify: string[];
  /** round: 0-based round index, or null for every round. */
  pins: { personId: string; round: number | null; tableNo: number }[];
  keepApart: [string, string][];
}

/** Which seating round the projector shows as "find your table" (key 'shown'). */
export interface SeatingShown {
  roundId: string | null;
}

const id = z.string().min(1).max(64);
const language = z.enum(['fi', 'sv', 'en']);
const text = (max: number) => z.string().trim().max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const tableNumber = z.number().int().min(1).max(200);

/** Every editable roster field; `roster.add` needs displayName, `roster.update` takes any subset. */
export const RosterFieldsSchema = z.object({
  displayName: z.string().trim().min(1).max(80),
  language: language,
  status: z.enum(PARTICIPANT_STATUSES),
  replacedBy: id.nullable(),
  fullName: text(200),
  email: text(200),
  phone: text(60),
  address: text(300),
  postcode: text(20),
  accessibilityNeeds: text(1000),
  dietaryNeeds: text(1000),
  consentAt: isoDate.nullable(),
  privacyNoticeVersion: text(60),
  compensationPaid: z.boolean(),
  needsAccessibleTable: z.boolean(),
  /** feature key → value key; '' removes the value. */
  features: z.record(z.string().max(64), z.string().max(64)),
});
export type RosterFields = z.infer<typeof RosterFieldsSchema>;

export const ROSTER_PERSONAL_FIELDS = ['fullName', 'email', 'phone', 'address', 'postcode', 'accessibilityNeeds', 'dietaryNeeds'] as const;

/** Columns a roster CSV may have (besides one column per background feature key). */
export const ROSTER_CSV_COLUMNS = [
  'displayName',
  'fullName',
  'email',
  'phone',
  'address',
  'postcode',
  'language',
  'status',
  'accessibilityNeeds',
  'dietaryNeeds',
  'consentAt',
  'privacyNoticeVersion',
  'compensationPaid',
  'needsAccessibleTable',
] as const;
export const ROSTER_REQUIRED_COLUMNS = ['displayName', 'fullName'] as const;

/** One row of an import, as text from the CSV: column → cell. */
export type ImportRow = Record<string, string>;

export type ImportProblemKind = 'missing' | 'duplicate' | 'duplicateExisting' | 'invalid' | 'unknownValue' | 'unknownColumn' | 'missingColumn';

/** `row` is 1-based over the data rows (the header is row 0); `column` the CSV's header text. */
export interface ImportProblem {
  row: number;
  column: string;
  kind: ImportProblemKind;
  value?: string;
}

const TRUE_WORDS = ['1', 'true', 'yes', 'kyllä', 'k', 'ja', 'x'];
const FALSE_WORDS = ['', '0', 'false', 'no', 'ei', 'e', 'nej'];

function fold(s: string): string {
  return s.trim().toLowerCase();
}

/**
 * Checks an import before anything is written: required columns and cells, duplicates (display
 * name or e-mail, within the file or against the roster), values of language, status, dates,
 * yes/no cells and background features. Returns the rows as fields when there is no problem.
 */
export function validateImport(
  rows: readonly ImportRow[],
  context: { existingDisplayNames: readonly string[]; existingEmails: readonly string[]; features: readonly { key: string; values: readonly { value: string; label: string }[] }[] },
): { problems: ImportProblem[]; people: (Omit<RosterFields, 'replacedBy'> & { replacedBy: null })[] } {
  const problems: ImportProblem[] = [];
  const people: (Omit<RosterFields, 'replacedBy'> & { replacedBy: null })[] = [];
  const columns = new Set<string>();
  for (const r of rows) for (const c of Object.keys(r)) columns.add(c);
  const known = new Set<string>([...ROSTER_CSV_COLUMNS, ...context.features.map((f) => f.key)]);
  for (const c of columns) if (!known.has(c)) problems.push({ row: 0, column: c, kind: 'unknownColumn' });
  for (const c of ROSTER_REQUIRED_COLUMNS) if (!columns.has(c)) problems.push({ row: 0, column: c, kind: 'missingColumn' });
  const names = new Map<string, number>(context.existingDisplayNames.map((n) => [fold(n), 0]));
  const emails = new Map<string, number>(context.existingEmails.filter((e) => e.trim()).map((e) => [fold(e), 0]));
  rows.forEach((r, i) => {
    const row = i + 1;
    const cell = (c: string) => (r[c] ?? '').trim();
    for (const c of ROSTER_REQUIRED_COLUMNS) if (columns.has(c) && !cell(c)) problems.push({ row, column: c, kind: 'missing' });
    const displayName = cell('displayName');
    if (displayName) {
      const seen = names.get(fold(displayName));
      if (seen !== undefined) problems.push({ row, column: 'displayName', kind: seen === 0 ? 'duplicateExisting' : 'duplicate', value: displayName });
      else names.set(fold(displayName), row);
      if (displayName.length > 80) problems.push({ row, column: 'displayName', kind: 'invalid', value: displayName.slice(0, 20) });
    }
    const email = cell('email');
    if (email) {
      const seen = emails.get(fold(email));
      if (seen !== undefined) problems.push({ row, column: 'email', kind: seen === 0 ? 'duplicateExisting' : 'duplicate', value: email });
      else emails.set(fold(email), row);
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) problems.push({ row, column: 'email', kind: 'invalid', value: email });
    }
    const lang = fold(cell('language') || 'fi');
    if (!['fi', 'sv', 'en'].includes(lang)) problems.push({ row, column: 'language', kind: 'invalid', value: cell('language') });
    const status = cell('status') || 'confirmed';
    if (!(PARTICIPANT_STATUSES as readonly string[]).includes(status) || status === 'replaced') {
      problems.push({ row, column: 'status', kind: 'invalid', value: status });
    }
    const consentAt = cell('consentAt');
    if (consentAt && !/^\d{4}-\d{2}-\d{2}$/.test(consentAt)) problems.push({ row, column: 'consentAt', kind: 'invalid', value: consentAt });
    const yesNo = (c: string): boolean => {
      const v = fold(cell(c));
      if (TRUE_WORDS.includes(v)) return true;
      if (!FALSE_WORDS.includes(v)) problems.push({ row, column: c, kind: 'invalid', value: cell(c) });
      return false;
    };
    const features: Record<string, string> = {};
    for (const f of context.features) {
      const v = cell(f.key);
      if (!v) continue;
      const match = f.values.find((x) => x.value === v) ?? f.values.find((x) => fold(x.label) === fold(v) || fold(x.value) === fold(v));
      if (!match) problems.push({ row, column: f.key, kind: 'unknownValue', value: v });
      else features[f.key] = match.value;
    }
    const limits: [string, number][] = [['fullName', 200], ['email', 200], ['phone', 60], ['address', 300], ['postcode', 20], ['accessibilityNeeds', 1000], ['dietaryNeeds', 1000], ['privacyNoticeVersion', 60]];
    for (const [c, max] of limits) if (cell(c).length > max) problems.push({ row, column: c, kind: 'invalid', value: cell(c).slice(0, 20) });
    people.push({
      displayName,
      language: (['fi', 'sv', 'en'].includes(lang) ? lang : 'fi') as RosterFields['language'],
      status: status as RosterFields['status'],
      replacedBy: null,
      fullName: cell('fullName'),
      email,
      phone: cell('phone'),
      address: cell('address'),
      postcode: cell('postcode'),
      accessibilityNeeds: cell('accessibilityNeeds'),
      dietaryNeeds: cell('dietaryNeeds'),
      consentAt: consentAt || null,
      privacyNoticeVersion: cell('privacyNoticeVersion'),
      compensationPaid: yesNo('compensationPaid'),
      needsAccessibleTable: yesNo('needsAccessibleTable'),
      features,
    });
  });
  return { problems, people: problems.length === 0 ? people : [] };
}

export const MAX_IMPORT_ROWS = 1000;

export const rosterCommands = {
  'roster.add': {
    input: RosterFieldsSchema.partial().extend({ displayName: RosterFieldsSchema.shape.displayName, id: id.optional() }),
    roles: ['facilitator'],
    // Personal data stays out of the audit log: the handler records what changed, not the values.
    audit: false,
  },
  'roster.update': {
    input: RosterFieldsSchema.partial().extend({ participantId: id }),
    roles: ['facilitator'],
    audit: false,
  },
  'roster.remove': { input: z.object({ participantId: id }), roles: ['facilitator'] },
  'roster.import': {
    input: z.object({ rows: z.array(z.record(z.string().max(100), z.string().max(1000))).min(1).max(MAX_IMPORT_ROWS) }),
    roles: ['facilitator'],
    audit: false,
  },
  /** `confirm` must be the panel's name, typed by the user. */
  'roster.purge': { input: z.object({ confirm: z.string().max(200) }), roles: ['facilitator'] },
} as const;

export const checkinCommands = {
  /** Marks a participant present for a day; `at` is when the desk pressed Enter (an offline desk sends later). */
  'checkin.mark': {
    input: z.object({ dayId: id, participantId: id, at: z.string().max(40).optional() }),
    roles: ['facilitator', 'cofacilitator', 'checkin'],
  },
  'checkin.undo': { input: z.object({ dayId: id, participantId: id }), roles: ['facilitator', 'cofacilitator', 'checkin'] },
} as const;

const MANAGERS = ['facilitator', 'cofacilitator'] as const;

export const seatingCommands = {
  'seating.settings': {
    input: z.object({ rounds: z.number().int().min(1).max(12).optional(), diversify: z.array(z.string().min(1).max(64)).max(20).optional() }),
    roles: MANAGERS,
  },
  /** Creates or edits a table. */
  'seating.setTable': {
    input: z.object({
      no: tableNumber,
      name: z.string().trim().max(60).optional(),
      capacity: z.number().int().min(1).max(40).optional(),
      language: language.optional(),
      accessible: z.boolean().optional(),
    }),
    roles: MANAGERS,
  },
  /** Makes tables 1..count (new ones with `capacity`); tables above count go, and their seats with them. */
  'seating.setTableCount': { input: z.object({ count: z.number().int().min(0).max(200), capacity: z.number().int().min(1).max(40) }), roles: MANAGERS },
  'seating.addRound': { input: z.object({ name: z.string().trim().min(1).max(80).optional() }), roles: MANAGERS },
  'seating.renameRound': { input: z.object({ roundId: id, name: z.string().trim().min(1).max(80) }), roles: MANAGERS },
  'seating.removeRound': { input: z.object({ roundId: id }), roles: MANAGERS },
  /** tableNo null: the person is taken off the round. */
  'seating.move': { input: z.object({ roundId: id, participantId: id, tableNo: tableNumber.nullable() }), roles: MANAGERS },
  'seating.swap': { input: z.object({ roundId: id, a: id, b: id }), roles: MANAGERS },
  /** tableNo null removes the pin. round: 0-based, null = every round. */
  'seating.pin': { input: z.object({ participantId: id, round: z.number().int().min(0).max(11).nullable(), tableNo: tableNumber.nullable() }), roles: MANAGERS },
  'seating.keepApart': { input: z.object({ a: id, b: id, apart: z.boolean() }), roles: MANAGERS },
  'seating.needsAccessible': { input: z.object({ participantId: id, needs: z.boolean() }), roles: ['facilitator'] },
  /** The projector's "find your table" for a round; null hides it. */
  'seating.show': { input: z.object({ roundId: id.nullable() }), roles: MANAGERS },
} as const;

/** POST /api/seating/generate: the body. The plan is computed in a worker and committed by the hub. */
export const SeatingGenerateSchema = z.object({
  /** The first rounds are kept as they are (already held); their meetings count as repeats. */
  keepRounds: z.number().int().min(0).max(11).default(0),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  timeLimitMs: z.number().int().min(100).max(60_000).default(3000),
  /** Seat only the people checked in on this day (after lunch: the ones who are here). */
  presentOn: id.nullable().default(null),
  /** New rounds are named "<roundLabel> <n>" (the screen's language). */
  roundLabel: z.string().trim().min(1).max(40).default('Round'),
});
export type SeatingGenerateRequest = z.infer<typeof SeatingGenerateSchema>;

/** What one person's data export holds (GET /api/roster/person/:id.json). */
export interface PersonExport {
  exportedAt: string;
  panel: string;
  participant: Participant;
  personal: ParticipantPersonal | null;
  roster: ParticipantRoster | null;
  background: Record<string, string>;
  attendance: { dayId: string; date: string | null; presentAt: string }[];
  seats: { round: string; tableNo: number }[];
  consentToBeNamed: boolean | null;
}

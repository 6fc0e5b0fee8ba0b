import { z } from 'zod';
import { agendaCommands, type AgendaDay, type AgendaItem, type Expert } from './agenda.js';
import { clockCommands, type ClockState, type ItemRun } from './clock.js';
import { deviceCommands, type Device } from './devices.js';
import type { WireError } from './errors.js';
import { hostCommands, type HostCommandResults, type JobStatus } from './host.js';
import { panelCommands, type HostStatus, type PanelBasics } from './panel.js';
import type {
  Attendance,
  BackgroundFeature,
  Participant,
  ParticipantBackground,
  ParticipantPersonal,
  PanelTable,
  SeatingRound,
} from './participants.js';
import { materialCommands, type ExpertMaterial } from './materials.js';
import { noteCommands, type NoteVersion, type TableNote } from './notes.js';
import { questionCommands, type ExpertQuestion, type ProjectedQuestion } from './questions.js';
import { recommendationCommands, type DraftRecommendation } from './recommendations.js';
import type { Principal, Role } from './roles.js';

// ---------------------------------------------------------------- topics (the change feed)

/** Every kind of record the hub broadcasts, keyed by topic. The client mirrors these as maps. */
export interface Topics {
  panel: PanelBasics;
  devices: Device;
  participants: Participant;
  participantPersonal: ParticipantPersonal;
  participantBackground: ParticipantBackground;
  features: BackgroundFeature;
  tables: PanelTable;
  seatingRounds: SeatingRound;
  attendance: Attendance;
  agendaDays: AgendaDay;
  agendaItems: AgendaItem;
  experts: Expert;
  recommendations: DraftRecommendation;
  clock: ClockState;
  itemRuns: ItemRun;
  tableNotes: TableNote;
  questions: ExpertQuestion;
  projectedQuestion: ProjectedQuestion;
  materials: ExpertMaterial;
}
export type TopicName = keyof Topics;

const ALL: readonly Role[] = ['facilitator', 'cofacilitator', 'secretary', 'projector', 'checkin', 'viewer'];
const PAIRED: readonly Role[] = ['facilitator', 'cofacilitator', 'secretary', 'projector', 'checkin'];

/**
 * Which roles receive a topic at all. Personal data and background features stay on the host:
 * only the facilitator's own windows get them.
 */
export const TOPIC_ACCESS: { [K in TopicName]: readonly Role[] } = {
  panel: ALL,
  devices: ['facilitator', 'cofacilitator'],
  participants: PAIRED,
  participantPersonal: ['facilitator'],
  participantBackground: ['facilitator'],
  features: ['facilitator', 'cofacilitator'],
  tables: PAIRED,
  seatingRounds: PAIRED,
  attendance: ['facilitator', 'cofacilitator', 'checkin'],
  agendaDays: ALL,
  agendaItems: ALL,
  experts: ALL,
  recommendations: ['facilitator', 'cofacilitator', 'secretary', 'projector'],
  clock: ALL,
  itemRuns: ['facilitator', 'cofacilitator'],
  tableNotes: ['facilitator', 'cofacilitator', 'secretary'],
  questions: ['facilitator', 'cofacilitator', 'secretary'],
  projectedQuestion: ALL,
  materials: ALL,
};

/**
 * A change's scope narrows it further for table secretaries: `table:N` reaches table N's
 * secretary, `tables:1,4` the secretaries of tables 1 and 4. Other roles with access to the
 * topic see every scope.
 */
export type ChangeScope = `table:${number}` | `tables:${string}` | null;

export function tableScope(tables: Iterable<number>): ChangeScope {
  return `tables:${[...new Set(tables)].sort((a, b) => a - b).join(',')}`;
}

function scopeTables(scope: Exclude<ChangeScope, null>): number[] {
  return scope.slice(scope.indexOf(':') + 1).split(',').filter(Boolean).map(Number);
}

export function canSee(principal: Pick<Principal, 'role' | 'tableNo'>, topic: TopicName, scope: ChangeScope): boolean {
  if (!TOPIC_ACCESS[topic].includes(principal.role)) return false;
  if (scope === null || principal.role !== 'secretary') return true;
  return principal.tableNo !== null && scopeTables(scope).includes(principal.tableNo);
}

export interface Change<K extends TopicName = TopicName> {
  seq: number;
  topic: K;
  key: string;
  /** null: the record was deleted */
  value: Topics[K] | null;
}

export type Snapshot = { [K in TopicName]?: Record<string, Topics[K]> };

// ---------------------------------------------------------------- commands

/** One map of every command: its input schema and the roles that may send it. */
export const commands = {
  ...hostCommands,
  ...panelCommands,
  ...deviceCommands,
  ...agendaCommands,
  ...clockCommands,
  ...noteCommands,
  ...questionCommands,
  ...materialCommands,
  ...recommendationCommands,
  ...queryCommands(),
} as const satisfies Record<string, { input: z.ZodType; roles: readonly Role[]; query?: true; audit?: false }>;

/** Reads that return a result and change nothing: no receipt, no audit row. */
function queryCommands() {
  return {
    'notes.history': {
      input: z.object({ noteId: z.string().min(1).max(64) }),
      roles: ['facilitator', 'cofacilitator', 'secretary'] as const,
      query: true as const,
    },
  };
}

export function isQuery(name: CommandName): boolean {
  return (commands[name] as { query?: true }).query === true;
}

export type CommandName = keyof typeof commands;
export type CommandInput<K extends CommandName> = z.infer<(typeof commands)[K]['input']>;

export interface CommandResults extends HostCommandResults {
  'panel.update': null;
  'device.approve': null;
  'device.reject': null;
  'device.revoke': null;
  'device.rename': null;
  'device.assign': null;
  'agenda.addDay': { id: string };
  'agenda.updateDay': null;
  'agenda.removeDay': null;
  'agenda.addItem': { id: string };
  'agenda.updateItem': null;
  'agenda.removeItem': null;
  'agenda.moveItem': null;
  'agenda.applyTemplate': { dayIds: string[] };
  'clock.start': null;
  'clock.pause': null;
  'clock.resume': null;
  'clock.adjust': null;
  'clock.next': null;
  'clock.previous': null;
  'clock.skip': null;
  'clock.jump': null;
  'clock.stop': null;
  'clock.message': null;
  'clock.blackout': null;
  'clock.mute': null;
  'notes.add': null;
  'notes.edit': { conflict: boolean };
  'notes.delete': { conflict: boolean };
  'notes.resolveConflict': null;
  'notes.mark': null;
  'notes.history': NoteVersion[];
  'questions.ask': null;
  'questions.merge': null;
  'questions.move': null;
  'questions.setStatus': null;
  'questions.project': null;
  'questions.answer': null;
  'materials.addLink': { id: string };
  'materials.remove': null;
  'recommendations.create': { id: string };
  'recommendations.update': null;
  'recommendations.addNotes': null;
  'recommendations.removeNote': null;
  'recommendations.remove': null;
}
export type CommandResult<K extends CommandName> = CommandResults[K];

export function isHostCommand(name: CommandName): boolean {
  return name.startsWith('host.');
}

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
}

// ---------------------------------------------------------------- messages

const commandId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

export const ClientMessageSchema = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('hello'),
    epoch: z.string().max(64).nullable(),
    seq: z.number().int().min(0).nullable(),
  }),
  z.object({ t: z.literal('cmd'), id: commandId, name: z.string().max(64), input: z.unknown() }),
  z.object({ t: z.literal('time'), clientSent: z.number() }),
  z.object({ t: z.literal('ping') }),
  /** A paired device tells how many commands wait in its outbox and its round trip to the hub. */
  z.object({ t: z.literal('presence'), waiting: z.number().int().min(0).max(1_000_000), rttMs: z.number().min(0).max(600_000).nullable() }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export type HubMessage =
  | { t: 'snapshot'; epoch: string; seq: number; principal: Principal; data: Snapshot }
  | { t: 'changes'; epoch: string; changes: Change[] }
  | { t: 'ack'; id: string; result: unknown }
  | { t: 'reject'; id: string; error: WireError }
  | { t: 'error'; error: WireError }
  | { t: 'pending'; principal: Principal }
  | { t: 'noPanel'; principal: Principal }
  | { t: 'host'; status: HostStatus }
  | { t: 'job'; job: JobStatus }
  | { t: 'time'; clientSent: number; hubTime: number }
  | { t: 'presence'; presence: DevicePresence }
  | { t: 'pong' };

/** What a paired device last said of itself; kept in the hub's memory, not in the panel. */
export interface DevicePresence {
  deviceId: string;
  waiting: number;
  rttMs: number | null;
  at: number;
}

/** Close codes the hub uses when it ends a socket on purpose. */
export const CLOSE = {
  revoked: 4001,
  unauthenticated: 4002,
  roomClosed: 4003,
  panelClosed: 4004,
  rejected: 4005,
} as const;

/** Largest WebSocket message the hub accepts (bytes). Photos go over HTTP uploads, not here. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

export function assertNever(value: never): never {
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}

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
  ParticipantRoster,
  RosterInfo,
  SeatingSettings,
  SeatingShown,
} from './participants.js';
import { checkinCommands, rosterCommands, seatingCommands } from './participants.js';
import { materialCommands, type ExpertMaterial } from './materials.js';
import { noteCommands, type NoteVersion, type TableNote } from './notes.js';
import { questionCommands, type ExpertQuestion, type ProjectedQuestion } from './questions.js';
import { recommendationCommands, type DraftRecommendation } from './recommendations.js';
import { voteCommands, type CountedAnswers, type Vote, type VoteResult } from './votes.js';
import {
  statementCommands,
  statementQueries,
  type ParticipantConsent,
  type StatementAmendment,
  type StatementAnnexRecord,
  type StatementBlockRecord,
  type StatementFollowUpRecord,
  type StatementShown,
  type StatementLock,
  type StatementMeta,
  type StatementSectionRecord,
  type StatementSnapshot,
  type StatementTranslation,
  type StatementVersionInfo,
} from './statement.js';
import { recruitmentCommands, type RecruitmentCommandResults, type SelectionView } from './recruitment.js';
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
  votes: Vote;
  /** Live results, always, for the facilitator's screens. */
  voteResults: VoteResult;
  /** Results the room may see: live when the vote says so, otherwise once it is closed. */
  publishedResults: VoteResult;
  /** Which vote's results are on the projector (key 'shown'). */
  shownResults: { voteId: string | null };
  /** A table's entered show-of-hands counts (key `${voteId}:${tableNo}`). */
  tallies: { voteId: string; tableNo: number; counts: CountedAnswers; at: string };
  /** The paper ballots' hand-counted totals of a vote (key: vote id), for the managers to correct. */
  paperCounts: { voteId: string; counts: CountedAnswers };
  /** The statement's own fields (key 'statement'). */
  statementMeta: StatementMeta;
  statementSections: StatementSectionRecord;
  statementBlocks: StatementBlockRecord;
  /** Editing locks (key: block id); expired ones are free. */
  statementLocks: StatementLock;
  statementVersions: StatementVersionInfo;
  /** key `${targetId}:${language}` */
  statementTranslations: StatementTranslation;
  /** Tables' amendment proposals; a secretary sees their own table's. */
  statementAmendments: StatementAmendment;
  statementFollowUp: StatementFollowUpRecord;
  /** key 'shown': the draft statement on the projector. */
  statementShown: StatementShown;
  statementAnnexes: StatementAnnexRecord;
  participantConsent: ParticipantConsent;
  /** Roster fields beside the personal data (consent, compensation, replaced by): host only. */
  participantRoster: ParticipantRoster;
  /** key 'roster': when personal data was purged. */
  rosterInfo: RosterInfo;
  /** key 'settings': rounds, features to mix, pins, people kept apart. */
  seatingSettings: SeatingSettings;
  /** key 'shown': the round the projector shows as "find your table". */
  seatingShown: SeatingShown;
  /** key 'selection': recruitment figures, the pool (counts only), quotas, runs, the draw (host only). */
  selection: SelectionView;
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
  votes: ALL,
  voteResults: ['facilitator', 'cofacilitator'],
  publishedResults: ALL,
  shownResults: ALL,
  tallies: ['facilitator', 'cofacilitator', 'secretary'],
  paperCounts: ['facilitator', 'cofacilitator'],
  statementMeta: ['facilitator', 'cofacilitator', 'secretary', 'projector'],
  statementSections: ['facilitator', 'cofacilitator', 'secretary', 'projector'],
  statementBlocks: ['facilitator', 'cofacilitator', 'secretary', 'projector'],
  statementLocks: ['facilitator', 'cofacilitator'],
  statementVersions: ['facilitator', 'cofacilitator'],
  statementTranslations: ['facilitator', 'cofacilitator', 'secretary', 'projector'],
  statementAmendments: ['facilitator', 'cofacilitator', 'secretary'],
  statementFollowUp: ['facilitator', 'cofacilitator'],
  statementShown: ['facilitator', 'cofacilitator', 'secretary', 'projector'],
  statementAnnexes: ['facilitator', 'cofacilitator'],
  participantConsent: ['facilitator', 'cofacilitator'],
  participantRoster: ['facilitator'],
  rosterInfo: ['facilitator', 'cofacilitator'],
  seatingSettings: ['facilitator', 'cofacilitator'],
  seatingShown: PAIRED,
  selection: ['facilitator'],
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
  ...voteCommands,
  ...statementCommands,
  ...statementQueries,
  ...rosterCommands,
  ...checkinCommands,
  ...seatingCommands,
  ...recruitmentCommands,
  ...queryCommands(),
} as const satisfies Record<string, { input: z.ZodType; roles: readonly Role[]; query?: true; audit?: false; auditFields?: readonly string[] }>;

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

export interface CommandResults extends HostCommandResults, RecruitmentCommandResults {
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
  'votes.create': { id: string };
  'votes.update': null;
  'votes.remove': null;
  'votes.open': null;
  'votes.close': null;
  'votes.reopen': null;
  'votes.tally': null;
  'votes.paperCounts': null;
  'votes.paperRanking': null;
  'votes.showResults': null;
  'statement.update': null;
  'statement.addSection': { id: string };
  'statement.updateSection': null;
  'statement.moveSection': null;
  'statement.removeSection': null;
  'statement.addBlock': { id: string };
  'statement.fromDrafts': { ids: string[] };
  'statement.lock': { expiresAt: string };
  'statement.unlock': null;
  'statement.saveBlock': { version: number };
  'statement.moveBlock': null;
  'statement.removeBlock': null;
  'statement.saveVersion': { id: string };
  'statement.restoreVersion': { id: string };
  'statement.version': StatementSnapshot;
  'statement.proposeAmendment': null;
  'statement.decideAmendment': null;
  'statement.saveTranslation': { sourceVersion: number };
  'statement.setApproval': null;
  'statement.finalize': { sha256: string };
  'statement.setFollowUp': null;
  'statement.showOnProjector': null;
  'statement.setProjectorLanguage': null;
  'statement.setConsent': null;
  'statement.addAnnex': { id: string };
  'statement.updateAnnex': null;
  'statement.removeAnnex': null;
  'roster.add': { id: string };
  'roster.update': null;
  'roster.remove': null;
  'roster.import': { ids: string[] };
  'roster.purge': { purgedAt: string };
  'checkin.mark': { already: boolean; presentAt: string };
  'checkin.undo': { wasPresent: boolean };
  'seating.settings': null;
  'seating.setTable': null;
  'seating.setTableCount': null;
  'seating.addRound': { id: string };
  'seating.renameRound': null;
  'seating.removeRound': null;
  'seating.move': null;
  'seating.swap': null;
  'seating.pin': null;
  'seating.keepApart': null;
  'seating.needsAccessible': null;
  'seating.show': null;
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

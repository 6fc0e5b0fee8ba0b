/**
 * The roster: participants added by hand or imported, their status, personal data (host only,
 * participant_personal), roster fields (participant_roster), background features
 * (participant_feature); purging personal data after the panel; one person's data export.
 *
 * Personal data never enters the audit log: roster.add/update/import are not audited by the
 * dispatcher (their input carries names and contacts); the handlers record which fields changed.
 */
import { PuntariError } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import {
  validateImport,
  type Participant,
  type ParticipantPersonal,
  type ParticipantRoster,
  type PersonExport,
  type RosterFields,
  type RosterInfo,
} from '../../../shared/participants.js';
import type { Db } from '../../store/sqlite.js';
import { recordAudit } from '../audit/audit.js';
import type { CommandContext, CommandHandler, TopicReader } from '../context.js';
import { readBasics } from '../panels/panels.js';
import { emitRound, emitSettings } from '../seating/store.js';
import { participantScope } from './participants.js';

// ------------------------------------------------------------------ reads

interface RosterRow {
  participant_id: string;
  replaced_by: string | null;
  consent_at: string | null;
  privacy_notice_version: string;
  compensation_paid: number;
  needs_accessible_table: number;
}

function rosterValue(r: RosterRow): ParticipantRoster {
  return {
    participantId: r.participant_id,
    replacedBy: r.replaced_by,
    consentAt: r.consent_at,
    privacyNoticeVersion: r.privacy_notice_version,
    compensationPaid: r.compensation_paid === 1,
    needsAccessibleTable: r.needs_accessible_table === 1,
  };
}

export function readParticipant(db: Db, id: string): Participant | null {
  const r = db.prepare('SELECT id, display_name, language, status FROM participant WHERE id = ?').get(id) as
    | { id: string; display_name: string; language: Participant['language']; status: Participant['status'] }
    | undefined;
  return r ? { id: r.id, displayName: r.display_name, language: r.language, status: r.status } : null;
}

export function readPersonal(db: Db, id: string): ParticipantPersonal | null {
  const r = db.prepare('SELECT * FROM participant_personal WHERE participant_id = ?').get(id) as Record<string, string> | undefined;
  if (!r) return null;
  return {
    participantId: r.participant_id!,
    fullName: r.full_name!,
    email: r.email!,
    phone: r.phone!,
    address: r.address!,
    postcode: r.postcode!,
    accessibilityNeeds: r.accessibility_needs!,
    dietaryNeeds: r.dietary_needs!,
  };
}

export function readRoster(db: Db, id: string): ParticipantRoster | null {
  const r = db.prepare('SELECT * FROM participant_roster WHERE participant_id = ?').get(id) as RosterRow | undefined;
  return r ? rosterValue(r) : null;
}

export function readFeatures(db: Db, id: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of db.prepare('SELECT feature_key, value FROM participant_feature WHERE participant_id = ?').all(id) as { feature_key: string; value: string }[]) {
    out[r.feature_key] = r.value;
  }
  return out;
}

export function readRosterInfo(db: Db): RosterInfo {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'roster.purged'").get() as { value: string } | undefined;
  if (!row) return { purgedAt: null, purgedBy: null };
  const v = JSON.parse(row.value) as { at: string; by: string };
  return { purgedAt: v.at, purgedBy: v.by };
}

export const participantRosterTopic: TopicReader<'participantRoster'> = ({ db }) =>
  (db.prepare('SELECT * FROM participant_roster').all() as RosterRow[]).map((r) => ({ key: r.participant_id, value: rosterValue(r), scope: null }));

export const rosterInfoTopic: TopicReader<'rosterInfo'> = ({ db }) => [{ key: 'roster', value: readRosterInfo(db), scope: null }];

/** Sends every topic a participant appears in, as it is now (null where the record is gone). */
export function emitParticipant(ctx: CommandContext, id: string): void {
  const p = readParticipant(ctx.db, id);
  ctx.change('participants', id, p, p ? participantScope(ctx.db, id) : null);
  ctx.change('participantPersonal', id, p ? readPersonal(ctx.db, id) : null);
  ctx.change('participantRoster', id, p ? readRoster(ctx.db, id) : null);
  const features = p ? readFeatures(ctx.db, id) : {};
  ctx.change('participantBackground', id, p && Object.keys(features).length > 0 ? { participantId: id, features } : null);
}

// ------------------------------------------------------------------ writes

type Fields = Partial<RosterFields>;

function requireParticipant(db: Db, id: string): Participant {
  const p = readParticipant(db, id);
  if (!p) throw new PuntariError('roster.notFound', { id });
  return p;
}

function checkFeatures(db: Db, features: Record<string, string>): void {
  const has = db.prepare('SELECT 1 FROM background_value WHERE feature_key = ? AND value = ?');
  for (const [key, value] of Object.entries(features)) {
    if (value !== '' && !has.get(key, value)) throw new PuntariError('roster.unknownFeature', { feature: key, value });
  }
}

function checkDisplayName(db: Db, name: string, self: string | null): void {
  const clash = db.prepare('SELECT id FROM participant WHERE lower(display_name) = lower(?) AND id IS NOT ?').get(name.trim(), self) as { id: string } | undefined;
  if (clash) throw new PuntariError('roster.duplicate', { field: 'displayName', value: name.trim() });
}

/** Writes the given fields of one participant; returns the names of the fields that changed (for the audit log). */
function writeFields(db: Db, id: string, f: Fields, now: Date): string[] {
  const changed: string[] = [];
  const set = (table: string, column: string, value: unknown, field: string) => {
    const key = table === 'participant' ? 'id' : 'participant_id';
    const info = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ? AND ${column} IS NOT ?`).run(value, id, value);
    if (info.changes > 0) changed.push(field);
  };
  if (f.displayName !== undefined) set('participant', 'display_name', f.displayName.trim(), 'displayName');
  if (f.language !== undefined) set('participant', 'language', f.language, 'language');
  if (f.status !== undefined) set('participant', 'status', f.status, 'status');

  const personal: [keyof RosterFields, string][] = [
    ['fullName', 'full_name'],
    ['email', 'email'],
    ['phone', 'phone'],
    ['address', 'address'],
    ['postcode', 'postcode'],
    ['accessibilityNeeds', 'accessibility_needs'],
    ['dietaryNeeds', 'dietary_needs'],
  ];
  if (personal.some(([k]) => f[k] !== undefined)) {
    db.prepare("INSERT INTO participant_personal (participant_id, full_name) VALUES (?, '') ON CONFLICT DO NOTHING").run(id);
    for (const [k, col] of personal) if (f[k] !== undefined) set('participant_personal', col, f[k], k);
  }
  const roster: [keyof RosterFields, string, (v: unknown) => unknown][] = [
    ['replacedBy', 'replaced_by', (v) => v],
    ['consentAt', 'consent_at', (v) => v],
    ['privacyNoticeVersion', 'privacy_notice_version', (v) => v],
    ['compensationPaid', 'compensation_paid', (v) => (v ? 1 : 0)],
    ['needsAccessibleTable', 'needs_accessible_table', (v) => (v ? 1 : 0)],
  ];
  if (roster.some(([k]) => f[k] !== undefined)) {
    db.prepare('INSERT INTO participant_roster (participant_id, updated_at) VALUES (?, ?) ON CONFLICT DO NOTHING').run(id, now.toISOString());
    for (const [k, col, conv] of roster) if (f[k] !== undefined) set('participant_roster', col, conv(f[k]), k);
    db.prepare('UPDATE participant_roster SET updated_at = ? WHERE participant_id = ?').run(now.toISOString(), id);
  }
  if (f.features) {
    checkFeatures(db, f.features);
    for (const [key, value] of Object.entries(f.features)) {
      const before = db.prepare('SELECT value FROM participant_feature WHERE participant_id = ? AND feature_key = ?').get(id, key) as { value: string } | undefined;
      if ((before?.value ?? '') === value) continue;
      if (value === '') db.prepare('DELETE FROM participant_feature WHERE participant_id = ? AND feature_key = ?').run(id, key);
      else
        db.prepare('INSERT INTO participant_feature (participant_id, feature_key, value) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value').run(
          id,
          key,
          value,
        );
      changed.push(`features.${key}`);
    }
  }
  return changed;
}

function checkReplacedBy(db: Db, id: string, replacedBy: string | null | undefined): void {
  if (!replacedBy) return;
  if (replacedBy === id || !readParticipant(db, replacedBy)) throw new PuntariError('roster.notFound', { id: replacedBy });
}

function insertParticipant(db: Db, id: string, f: Fields & { displayName: string }, now: Date): string[] {
  db.prepare('INSERT INTO participant (id, display_name, language, status, created_at) VALUES (?, ?, ?, ?, ?)').run(
    id,
    f.displayName.trim(),
    f.language ?? 'fi',
    f.status ?? 'confirmed',
    now.toISOString(),
  );
  db.prepare("INSERT INTO participant_personal (participant_id, full_name) VALUES (?, '')").run(id);
  db.prepare('INSERT INTO participant_roster (participant_id, updated_at) VALUES (?, ?)').run(id, now.toISOString());
  return writeFields(db, id, { ...f, displayName: undefined, language: undefined, status: undefined }, now);
}

function audit(ctx: CommandContext, command: string, detail: unknown): void {
  recordAudit(ctx.db, ctx.principal, command, detail, ctx.now);
}

export const addParticipant: CommandHandler<'roster.add'> = (input, ctx) => {
  const id = input.id ?? uuidv7();
  if (readParticipant(ctx.db, id)) throw new PuntariError('roster.duplicate', { field: 'id', value: id });
  checkDisplayName(ctx.db, input.displayName, null);
  checkReplacedBy(ctx.db, id, input.replacedBy);
  const { id: _omit, ...fields } = input;
  const changed = insertParticipant(ctx.db, id, fields, ctx.now);
  audit(ctx, 'roster.add', { participantId: id, fields: changed });
  emitParticipant(ctx, id);
  return { id };
};

export const updateParticipant: CommandHandler<'roster.update'> = ({ participantId, ...fields }, ctx) => {
  requireParticipant(ctx.db, participantId);
  if (fields.displayName !== undefined) checkDisplayName(ctx.db, fields.displayName, participantId);
  checkReplacedBy(ctx.db, participantId, fields.replacedBy);
  if (fields.status !== undefined && fields.status !== 'replaced' && fields.replacedBy === undefined) fields.replacedBy = null;
  const changed = writeFields(ctx.db, participantId, fields, ctx.now);
  if (changed.length === 0) return null;
  audit(ctx, 'roster.update', { participantId, fields: changed });
  emitParticipant(ctx, participantId);
  // Who stands in for whom is shown on both.
  if (fields.replacedBy) emitParticipant(ctx, fields.replacedBy);
  return null;
};

export const removeParticipant: CommandHandler<'roster.remove'> = ({ participantId }, ctx) => {
  requireParticipant(ctx.db, participantId);
  const rounds = ctx.db.prepare('SELECT DISTINCT round_id FROM seat WHERE participant_id = ?').all(participantId) as { round_id: string }[];
  const keys = ctx.db.prepare('SELECT day_id FROM attendance WHERE participant_id = ?').all(participantId) as { day_id: string }[];
  ctx.db.prepare('DELETE FROM participant WHERE id = ?').run(participantId);
  ctx.db.prepare('DELETE FROM participant_consent WHERE participant_id = ?').run(participantId);
  emitParticipant(ctx, participantId);
  for (const k of keys) ctx.change('attendance', `${k.day_id}:${participantId}`, null);
  for (const r of rounds) emitRound(ctx, r.round_id);
  emitSettings(ctx);
  return null;
};

export const importParticipants: CommandHandler<'roster.import'> = ({ rows }, ctx) => {
  const existing = ctx.db.prepare('SELECT p.display_name, COALESCE(pp.email, \'\') AS email FROM participant p LEFT JOIN participant_personal pp ON pp.participant_id = p.id').all() as {
    display_name: string;
    email: string;
  }[];
  const features = (ctx.db.prepare('SELECT key FROM background_feature').all() as { key: string }[]).map((f) => ({
    key: f.key,
    values: ctx.db.prepare('SELECT value, label FROM background_value WHERE feature_key = ?').all(f.key) as { value: string; label: string }[],
  }));
  const { problems, people } = validateImport(rows, {
    existingDisplayNames: existing.map((e) => e.display_name),
    existingEmails: existing.map((e) => e.email),
    features,
  });
  // Nothing is imported until the file is clean; the screen shows the same problems row by row.
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new PuntariError('roster.importInvalid', { count: problems.length, row: first.row, column: first.column });
  }
  const ids: string[] = [];
  for (const person of people) {
    const id = uuidv7();
    insertParticipant(ctx.db, id, person, ctx.now);
    ids.push(id);
  }
  audit(ctx, 'roster.import', { count: ids.length });
  for (const id of ids) emitParticipant(ctx, id);
  return { ids };
};

/** A pseudonym for purged display names: "#07" — the number follows the roster's order of creation. */
function pseudonym(index: number, total: number): string {
  return `#${String(index + 1).padStart(Math.max(2, String(total).length), '0')}`;
}

/**
 * Purges personal data after the panel: names, contacts and needs, roster fields, display names
 * (except of those who consented to be named in the statement). Keeps background features,
 * attendance and seats (pseudonymous), and records when and by whom in the audit log and a meta
 * row. The change log's copies of the purged records are overwritten too.
 */
export const purgePersonalData: CommandHandler<'roster.purge'> = ({ confirm }, ctx) => {
  const name = readBasics(ctx.db).name;
  if (confirm.trim() !== name.trim()) throw new PuntariError('roster.purgeConfirm', { name });
  const people = ctx.db.prepare('SELECT id FROM participant ORDER BY created_at, id').all() as { id: string }[];
  const named = new Set(
    (ctx.db.prepare('SELECT participant_id FROM participant_consent WHERE named = 1').all() as { participant_id: string }[]).map((r) => r.participant_id),
  );
  ctx.db.prepare('DELETE FROM participant_personal').run();
  ctx.db.prepare('DELETE FROM participant_roster').run();
  const rename = ctx.db.prepare('UPDATE participant SET display_name = ? WHERE id = ?');
  people.forEach((p, i) => {
    if (!named.has(p.id)) rename.run(pseudonym(i, people.length), p.id);
  });
  // The feed's history holds copies of what was just purged.
  ctx.db.prepare("UPDATE change_log SET value = NULL WHERE topic IN ('participantPersonal', 'participantRoster')").run();
  const fix = ctx.db.prepare("UPDATE change_log SET value = ? WHERE topic = 'participants' AND key = ? AND value IS NOT NULL");
  for (const p of people) {
    const value = readParticipant(ctx.db, p.id);
    fix.run(JSON.stringify(value), p.id);
  }
  const at = ctx.now.toISOString();
  const by = ctx.principal.deviceName;
  ctx.db.prepare("INSERT INTO meta (key, value) VALUES ('roster.purged', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify({ at, by, people: people.length }));
  for (const p of people) {
    ctx.change('participants', p.id, readParticipant(ctx.db, p.id), participantScope(ctx.db, p.id));
    ctx.change('participantPersonal', p.id, null);
    ctx.change('participantRoster', p.id, null);
  }
  ctx.change('rosterInfo', 'roster', readRosterInfo(ctx.db));
  return { purgedAt: at };
};

/** Everything the panel holds about one person, for a request to see one's own data. */
export function personExport(db: Db, id: string, now = new Date()): PersonExport | null {
  const participant = readParticipant(db, id);
  if (!participant) return null;
  const attendance = (
    db.prepare('SELECT a.day_id, d.date, a.present_at FROM attendance a LEFT JOIN agenda_day d ON d.id = a.day_id WHERE a.participant_id = ? ORDER BY d.date').all(id) as {
      day_id: string;
      date: string | null;
      present_at: string;
    }[]
  ).map((r) => ({ dayId: r.day_id, date: r.date, presentAt: r.present_at }));
  const seats = (
    db.prepare('SELECT r.name, s.table_no FROM seat s JOIN seating_round r ON r.id = s.round_id WHERE s.participant_id = ? ORDER BY r.position').all(id) as {
      name: string;
      table_no: number;
    }[]
  ).map((r) => ({ round: r.name, tableNo: r.table_no }));
  const consent = db.prepare('SELECT named FROM participant_consent WHERE participant_id = ?').get(id) as { named: number } | undefined;
  return {
    exportedAt: now.toISOString(),
    panel: readBasics(db).name,
    participant,
    personal: readPersonal(db, id),
    roster: readRoster(db, id),
    background: readFeatures(db, id),
    attendance,
    seats,
    consentToBeNamed: consent ? consent.named === 1 : null,
  };
}

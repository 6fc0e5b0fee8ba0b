import { PuntariError } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import type { NoteConflict, NoteKind, NoteVersion, TableNote } from '../../../shared/notes.js';
import type { Principal } from '../../../shared/roles.js';
import type { Db } from '../../store/sqlite.js';
import type { CommandContext, CommandHandler, TopicReader } from '../context.js';
import { deviceTime } from '../deviceTime.js';

interface NoteRow {
  id: string;
  table_no: number;
  item_id: string | null;
  kind: NoteKind;
  text: string;
  version: number;
  deleted: number;
  marked: number;
  transcribed_by: string | null;
  photo_id: string | null;
  author_device: string;
  created_at: string;
  updated_at: string;
}

interface ConflictRow {
  id: string;
  note_id: string;
  base_version: number;
  kind: NoteKind;
  text: string;
  deleted: number;
  device_name: string;
  at: string;
}

function toConflict(r: ConflictRow): NoteConflict {
  return { id: r.id, baseVersion: r.base_version, kind: r.kind, text: r.text, deleted: r.deleted === 1, deviceName: r.device_name, at: r.at };
}

function toNote(r: NoteRow, conflicts: NoteConflict[]): TableNote {
  return {
    id: r.id,
    tableNo: r.table_no,
    itemId: r.item_id,
    kind: r.kind,
    text: r.text,
    version: r.version,
    deleted: r.deleted === 1,
    marked: r.marked === 1,
    transcribedBy: r.transcribed_by,
    photoId: r.photo_id,
    authorDevice: r.author_device,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    conflicts,
  };
}

export function readNote(db: Db, id: string): TableNote | null {
  const row = db.prepare('SELECT * FROM table_note WHERE id = ?').get(id) as NoteRow | undefined;
  if (!row) return null;
  const conflicts = (db.prepare('SELECT * FROM table_note_conflict WHERE note_id = ? AND resolved_at IS NULL ORDER BY at').all(id) as ConflictRow[]).map(toConflict);
  return toNote(row, conflicts);
}

/** A secretary reaches only their own table; the facilitator and co-facilitators reach every table. */
export function checkTable(principal: Principal, tableNo: number | null): void {
  if (principal.role === 'facilitator' || principal.role === 'cofacilitator') return;
  if (principal.role !== 'secretary' || tableNo === null || principal.tableNo !== tableNo) {
    throw new PuntariError('scope.forbidden', { table: tableNo ?? '' });
  }
}

function requireNote(ctx: CommandContext, id: string): TableNote {
  const note = readNote(ctx.db, id);
  if (!note) throw new PuntariError('notes.notFound', { id });
  checkTable(ctx.principal, note.tableNo);
  return note;
}

function emit(ctx: CommandContext, id: string): void {
  const note = readNote(ctx.db, id)!;
  ctx.change('tableNotes', id, note, `table:${note.tableNo}`);
}

function writeVersion(ctx: CommandContext, note: TableNote, next: { kind: NoteKind; text: string; deleted: boolean }): void {
  const version = note.version + 1;
  const at = ctx.now.toISOString();
  ctx.db
    .prepare('UPDATE table_note SET kind = ?, text = ?, deleted = ?, version = ?, updated_at = ? WHERE id = ?')
    .run(next.kind, next.text, next.deleted ? 1 : 0, version, at, note.id);
  ctx.db
    .prepare('INSERT INTO table_note_version (note_id, version, kind, text, deleted, device_name, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(note.id, version, next.kind, next.text, next.deleted ? 1 : 0, ctx.principal.deviceName, at);
}

/** An edit based on an older version is kept as a conflict; the note's current text is not touched. */
function keepConflict(ctx: CommandContext, note: TableNote, baseVersion: number, next: { kind: NoteKind; text: string; deleted: boolean }): void {
  ctx.db
    .prepare('INSERT INTO table_note_conflict (id, note_id, base_version, kind, text, deleted, device_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(uuidv7(), note.id, baseVersion, next.kind, next.text, next.deleted ? 1 : 0, ctx.principal.deviceName, ctx.now.toISOString());
}

export const addNote: CommandHandler<'notes.add'> = (input, ctx) => {
  checkTable(ctx.principal, input.tableNo);
  const existing = readNote(ctx.db, input.noteId);
  if (existing) {
    // The same note sent again under another command id (a client that lost its receipt): once is enough.
    if (existing.tableNo === input.tableNo && existing.version === 1 && existing.text === input.text) return null;
    throw new PuntariError('notes.idReused', { id: input.noteId });
  }
  const at = deviceTime(input.writtenAt, ctx.now);
  let photoId: string | null = null;
  if (input.photo) {
    photoId = uuidv7();
    ctx.db
      .prepare('INSERT INTO photo (id, table_no, mime, data, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(photoId, input.tableNo, input.photo.mime, Buffer.from(input.photo.data, 'base64'), at);
  }
  const transcribedBy = input.transcribed ? ctx.principal.deviceName : null;
  ctx.db
    .prepare(
      `INSERT INTO table_note (id, table_no, item_id, kind, text, transcribed_by, photo_id, author_device, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(input.noteId, input.tableNo, input.itemId, input.kind, input.text, transcribedBy, photoId, ctx.principal.deviceName, at, at);
  ctx.db
    .prepare('INSERT INTO table_note_version (note_id, version, kind, text, deleted, device_name, at) VALUES (?, 1, ?, ?, 0, ?, ?)')
    .run(input.noteId, input.kind, input.text, ctx.principal.deviceName, at);
  emit(ctx, input.noteId);
  return null;
};

function change(ctx: CommandContext, noteId: string, baseVersion: number, next: { kind?: NoteKind; text?: string; deleted: boolean }) {
  const note = requireNote(ctx, noteId);
  const wanted = { kind: next.kind ?? note.kind, text: next.text ?? note.text, deleted: next.deleted };
  if (baseVersion > note.version) throw new PuntariError('notes.staleVersion', { id: noteId, version: note.version });
  const conflict = baseVersion < note.version;
  if (conflict) keepConflict(ctx, note, baseVersion, wanted);
  else writeVersion(ctx, note, wanted);
  emit(ctx, noteId);
  return { conflict };
}

export const editNote: CommandHandler<'notes.edit'> = ({ noteId, baseVersion, kind, text }, ctx) =>
  change(ctx, noteId, baseVersion, { kind, text, deleted: false });

export const deleteNote: CommandHandler<'notes.delete'> = ({ noteId, baseVersion }, ctx) => change(ctx, noteId, baseVersion, { deleted: true });

export const resolveConflict: CommandHandler<'notes.resolveConflict'> = ({ noteId, conflictId, keep, text }, ctx) => {
  const note = requireNote(ctx, noteId);
  const conflict = note.conflicts.find((c) => c.id === conflictId);
  if (!conflict) throw new PuntariError('notes.conflictNotFound', { id: conflictId });
  if (keep === 'conflict') writeVersion(ctx, note, { kind: conflict.kind, text: conflict.text, deleted: conflict.deleted });
  if (keep === 'text') writeVersion(ctx, note, { kind: note.kind, text: text ?? note.text, deleted: false });
  ctx.db.prepare('UPDATE table_note_conflict SET resolved_at = ? WHERE id = ?').run(ctx.now.toISOString(), conflictId);
  emit(ctx, noteId);
  return null;
};

export const markNote: CommandHandler<'notes.mark'> = ({ noteId, marked }, ctx) => {
  requireNote(ctx, noteId);
  ctx.db.prepare('UPDATE table_note SET marked = ? WHERE id = ?').run(marked ? 1 : 0, noteId);
  emit(ctx, noteId);
  return null;
};

export const noteHistory: CommandHandler<'notes.history'> = ({ noteId }, ctx) => {
  requireNote(ctx, noteId);
  return (
    ctx.db.prepare('SELECT * FROM table_note_version WHERE note_id = ? ORDER BY version').all(noteId) as {
      note_id: string;
      version: number;
      kind: NoteKind;
      text: string;
      deleted: number;
      device_name: string;
      at: string;
    }[]
  ).map(
    (r): NoteVersion => ({ noteId: r.note_id, version: r.version, kind: r.kind, text: r.text, deleted: r.deleted === 1, deviceName: r.device_name, at: r.at }),
  );
};

export function readPhoto(db: Db, id: string): { tableNo: number; mime: string; data: Buffer } | null {
  const row = db.prepare('SELECT table_no, mime, data FROM photo WHERE id = ?').get(id) as { table_no: number; mime: string; data: Buffer } | undefined;
  return row ? { tableNo: row.table_no, mime: row.mime, data: row.data } : null;
}

export const tableNotesTopic: TopicReader<'tableNotes'> = ({ db }) => {
  const conflicts = new Map<string, NoteConflict[]>();
  for (const r of db.prepare('SELECT * FROM table_note_conflict WHERE resolved_at IS NULL ORDER BY at').all() as ConflictRow[]) {
    conflicts.set(r.note_id, [...(conflicts.get(r.note_id) ?? []), toConflict(r)]);
  }
  return (db.prepare('SELECT * FROM table_note ORDER BY created_at, id').all() as NoteRow[]).map((r) => ({
    key: r.id,
    value: toNote(r, conflicts.get(r.id) ?? []),
    scope: `table:${r.table_no}`,
  }));
};

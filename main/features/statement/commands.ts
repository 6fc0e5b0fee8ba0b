import { PuntariError } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import { LOCK_MS, type StatementBlockRecord, type StatementShown, type StatementSnapshot } from '../../../shared/statement.js';
import type { Principal } from '../../../shared/roles.js';
import type { CommandContext, CommandHandler } from '../context.js';
import { takeProjector } from '../projector/projector.js';
import {
  amendmentScope,
  canonicalFinal,
  readAmendment,
  readAnnexes,
  readBlock,
  readConsents,
  readFinal,
  readFollowUps,
  readLock,
  readMeta,
  readMetaRow,
  readSections,
  readShown,
  readSnapshot,
  readTranslation,
  readTranslations,
} from './statement.js';

// ---------------------------------------------------------------- helpers

function holderOf(p: Principal): string {
  return p.deviceId ?? 'facilitator';
}

function notFound(kind: string, id: string): PuntariError {
  return new PuntariError('statement.notFound', { kind, id });
}

/** After the final version is locked, only the follow-up may change. */
function requireOpen(ctx: CommandContext): void {
  const final = readFinal(ctx.db);
  if (final) throw new PuntariError('statement.final', { lockedAt: final.lockedAt, sha256: final.sha256 });
}

function ensureStatementRow(ctx: CommandContext): void {
  if (ctx.db.prepare('SELECT 1 FROM statement WHERE id = ?').get('statement')) return;
  const m = readMetaRow(ctx.db);
  ctx.db
    .prepare('INSERT INTO statement (id, title, summary, main_language, second_language, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run('statement', m.title, m.summary, m.main_language, m.second_language, ctx.now.toISOString());
}

function emitMeta(ctx: CommandContext): void {
  ctx.change('statementMeta', 'statement', readMeta(ctx.db));
}

function touch(ctx: CommandContext): void {
  ensureStatementRow(ctx);
  ctx.db.prepare('UPDATE statement SET updated_at = ? WHERE id = ?').run(ctx.now.toISOString(), 'statement');
  emitMeta(ctx);
}

function requireBlock(ctx: CommandContext, id: string): StatementBlockRecord {
  const b = readBlock(ctx.db, id);
  if (!b) throw notFound('block', id);
  return b;
}

function requireSection(ctx: CommandContext, id: string): void {
  if (!ctx.db.prepare('SELECT 1 FROM statement_section WHERE id = ?').get(id)) throw notFound('section', id);
}

function emitBlock(ctx: CommandContext, id: string): void {
  ctx.change('statementBlocks', id, readBlock(ctx.db, id));
}

/** A lock held by someone else that has not expired, or null. */
function foreignLock(ctx: CommandContext, blockId: string) {
  const lock = readLock(ctx.db, blockId);
  if (!lock || lock.holder === holderOf(ctx.principal)) return null;
  return Date.parse(lock.expiresAt) > ctx.now.getTime() ? lock : null;
}

function refuseIfLocked(ctx: CommandContext, blockId: string): void {
  const lock = foreignLock(ctx, blockId);
  if (lock) throw new PuntariError('statement.locked', { id: blockId, holderName: lock.holderName, expiresAt: lock.expiresAt });
}

function releaseLock(ctx: CommandContext, blockId: string): void {
  if (ctx.db.prepare('DELETE FROM statement_lock WHERE block_id = ?').run(blockId).changes > 0) ctx.change('statementLocks', blockId, null);
}

/** Renumbers positions 0..n-1 in the given order. */
function renumber(ctx: CommandContext, table: 'statement_section' | 'statement_block', ids: string[], emit: (id: string) => void): void {
  const update = ctx.db.prepare(`UPDATE ${table} SET position = ? WHERE id = ? AND position != ?`);
  ids.forEach((id, i) => {
    if (update.run(i, id, i).changes > 0) emit(id);
  });
}

function sectionBlockIds(ctx: CommandContext, sectionId: string, except?: string): string[] {
  return (ctx.db.prepare('SELECT id FROM statement_block WHERE section_id = ? ORDER BY position, id').all(sectionId) as { id: string }[])
    .map((r) => r.id)
    .filter((id) => id !== except);
}

function insertAt<T>(list: T[], item: T, position: number | undefined): T[] {
  const at = position === undefined ? list.length : Math.min(Math.max(0, position), list.length);
  return [...list.slice(0, at), item, ...list.slice(at)];
}

function recordBlockVersion(ctx: CommandContext, b: StatementBlockRecord, reason: 'create' | 'edit' | 'amendment' | 'restore'): void {
  ctx.db
    .prepare(
      `INSERT OR REPLACE INTO statement_block_version (block_id, version, title, text, rationale, authors, reason, by_name, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(b.id, b.version, b.title, b.text, b.rationale, b.authors, reason, ctx.principal.deviceName, ctx.now.toISOString());
}

interface NewBlock {
  sectionId: string;
  kind: StatementBlockRecord['kind'];
  title: string;
  text: string;
  rationale: string;
  authors: string;
  recommendationId: string | null;
  draftRecommendationId: string | null;
  sourceNoteIds: string[];
  position?: number;
}

function insertBlock(ctx: CommandContext, b: NewBlock): string {
  const id = uuidv7();
  const at = ctx.now.toISOString();
  const order = insertAt(sectionBlockIds(ctx, b.sectionId), id, b.position);
  ctx.db
    .prepare(
      `INSERT INTO statement_block (id, section_id, kind, position, title, text, rationale, authors, recommendation_id, draft_recommendation_id,
         source_note_ids, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    )
    .run(
      id,
      b.sectionId,
      b.kind,
      order.indexOf(id),
      b.title,
      b.text,
      b.rationale,
      b.authors,
      b.recommendationId,
      b.draftRecommendationId,
      JSON.stringify(b.sourceNoteIds),
      at,
      ctx.principal.deviceName,
    );
  renumber(ctx, 'statement_block', order, (bid) => bid !== id && emitBlock(ctx, bid));
  const block = readBlock(ctx.db, id)!;
  recordBlockVersion(ctx, block, 'create');
  emitBlock(ctx, id);
  return id;
}

function checkMinorityTarget(ctx: CommandContext, kind: string, recommendationId: string | null): void {
  if (kind !== 'minority' || recommendationId === null) return;
  const target = readBlock(ctx.db, recommendationId);
  if (!target || target.kind !== 'recommendation') throw new PuntariError('statement.notRecommendation', { id: recommendationId });
}

// ---------------------------------------------------------------- the statement and its sections

export const updateStatement: CommandHandler<'statement.update'> = (input, ctx) => {
  requireOpen(ctx);
  ensureStatementRow(ctx);
  const m = readMetaRow(ctx.db);
  const main = input.mainLanguage ?? m.main_language;
  let second = input.secondLanguage === undefined ? m.second_language : input.secondLanguage;
  if (second === main) second = null;
  ctx.db
    .prepare('UPDATE statement SET title = ?, summary = ?, main_language = ?, second_language = ?, updated_at = ? WHERE id = ?')
    .run(input.title ?? m.title, input.summary ?? m.summary, main, second, ctx.now.toISOString(), 'statement');
  emitMeta(ctx);
  return null;
};

export const addSection: CommandHandler<'statement.addSection'> = ({ title, position }, ctx) => {
  requireOpen(ctx);
  const id = uuidv7();
  const ids = (ctx.db.prepare('SELECT id FROM statement_section ORDER BY position, id').all() as { id: string }[]).map((r) => r.id);
  const order = insertAt(ids, id, position);
  ctx.db.prepare('INSERT INTO statement_section (id, title, position) VALUES (?, ?, ?)').run(id, title, order.indexOf(id));
  renumber(ctx, 'statement_section', order, (sid) => sid !== id && emitSection(ctx, sid));
  emitSection(ctx, id);
  touch(ctx);
  return { id };
};

function emitSection(ctx: CommandContext, id: string): void {
  ctx.change('statementSections', id, readSections(ctx.db).find((s) => s.id === id) ?? null);
}

export const updateSection: CommandHandler<'statement.updateSection'> = ({ sectionId, title }, ctx) => {
  requireOpen(ctx);
  requireSection(ctx, sectionId);
  ctx.db.prepare('UPDATE statement_section SET title = ? WHERE id = ?').run(title, sectionId);
  emitSection(ctx, sectionId);
  touch(ctx);
  return null;
};

export const moveSection: CommandHandler<'statement.moveSection'> = ({ sectionId, position }, ctx) => {
  requireOpen(ctx);
  requireSection(ctx, sectionId);
  const ids = (ctx.db.prepare('SELECT id FROM statement_section ORDER BY position, id').all() as { id: string }[]).map((r) => r.id).filter((id) => id !== sectionId);
  renumber(ctx, 'statement_section', insertAt(ids, sectionId, position), (id) => emitSection(ctx, id));
  touch(ctx);
  return null;
};

export const removeSection: CommandHandler<'statement.removeSection'> = ({ sectionId }, ctx) => {
  requireOpen(ctx);
  requireSection(ctx, sectionId);
  const count = sectionBlockIds(ctx, sectionId).length;
  if (count > 0) throw new PuntariError('statement.sectionNotEmpty', { id: sectionId, count });
  ctx.db.prepare('DELETE FROM statement_section WHERE id = ?').run(sectionId);
  ctx.change('statementSections', sectionId, null);
  removeTranslations(ctx, sectionId);
  const ids = (ctx.db.prepare('SELECT id FROM statement_section ORDER BY position, id').all() as { id: string }[]).map((r) => r.id);
  renumber(ctx, 'statement_section', ids, (id) => emitSection(ctx, id));
  touch(ctx);
  return null;
};

function removeTranslations(ctx: CommandContext, targetId: string): void {
  for (const t of ctx.db.prepare('SELECT language FROM statement_translation WHERE target_id = ?').all(targetId) as { language: string }[]) {
    ctx.change('statementTranslations', `${targetId}:${t.language}`, null);
  }
  ctx.db.prepare('DELETE FROM statement_translation WHERE target_id = ?').run(targetId);
}

// ---------------------------------------------------------------- blocks

export const addBlock: CommandHandler<'statement.addBlock'> = (input, ctx) => {
  requireOpen(ctx);
  requireSection(ctx, input.sectionId);
  checkMinorityTarget(ctx, input.kind, input.recommendationId);
  const id = insertBlock(ctx, {
    sectionId: input.sectionId,
    kind: input.kind,
    title: input.kind === 'minority' ? '' : input.title,
    text: input.text,
    rationale: input.kind === 'recommendation' ? input.rationale : '',
    authors: input.kind === 'minority' ? input.authors : '',
    recommendationId: input.kind === 'minority' ? input.recommendationId : null,
    draftRecommendationId: null,
    sourceNoteIds: [],
    ...(input.position === undefined ? {} : { position: input.position }),
  });
  touch(ctx);
  return { id };
};

export const fromDrafts: CommandHandler<'statement.fromDrafts'> = ({ sectionId, recommendationIds }, ctx) => {
  requireOpen(ctx);
  requireSection(ctx, sectionId);
  const ids: string[] = [];
  for (const draftId of recommendationIds) {
    const draft = ctx.db.prepare('SELECT id, title, text FROM draft_recommendation WHERE id = ?').get(draftId) as { id: string; title: string; text: string } | undefined;
    if (!draft) throw new PuntariError('recommendations.notFound', { id: draftId });
    const notes = (ctx.db.prepare('SELECT note_id FROM recommendation_source WHERE recommendation_id = ? ORDER BY note_id').all(draftId) as { note_id: string }[]).map(
      (r) => r.note_id,
    );
    ids.push(
      insertBlock(ctx, {
        sectionId,
        kind: 'recommendation',
        title: draft.title,
        text: draft.text,
        rationale: '',
        authors: '',
        recommendationId: null,
        draftRecommendationId: draft.id,
        sourceNoteIds: notes,
      }),
    );
  }
  touch(ctx);
  return { ids };
};

export const lockBlock: CommandHandler<'statement.lock'> = ({ blockId }, ctx) => {
  requireOpen(ctx);
  requireBlock(ctx, blockId);
  refuseIfLocked(ctx, blockId);
  const expiresAt = new Date(ctx.now.getTime() + LOCK_MS).toISOString();
  ctx.db
    .prepare('INSERT OR REPLACE INTO statement_lock (block_id, holder, holder_name, expires_at) VALUES (?, ?, ?, ?)')
    .run(blockId, holderOf(ctx.principal), ctx.principal.deviceName, expiresAt);
  ctx.change('statementLocks', blockId, readLock(ctx.db, blockId));
  return { expiresAt };
};

export const unlockBlock: CommandHandler<'statement.unlock'> = ({ blockId }, ctx) => {
  const lock = readLock(ctx.db, blockId);
  if (lock && lock.holder === holderOf(ctx.principal)) releaseLock(ctx, blockId);
  return null;
};

export const saveBlock: CommandHandler<'statement.saveBlock'> = (input, ctx) => {
  requireOpen(ctx);
  const block = requireBlock(ctx, input.blockId);
  refuseIfLocked(ctx, block.id);
  if (input.baseVersion !== block.version) {
    // Someone saved meanwhile: refuse, and give both texts back so nothing is overwritten unseen.
    throw new PuntariError('statement.stale', {
      id: block.id,
      baseVersion: input.baseVersion,
      currentVersion: block.version,
      currentTitle: block.title,
      currentText: block.text,
      currentRationale: block.rationale,
      currentAuthors: block.authors,
      currentBy: block.updatedBy,
      yourTitle: input.title ?? '',
      yourText: input.text ?? '',
      yourRationale: input.rationale ?? '',
    });
  }
  if (input.recommendationId !== undefined) checkMinorityTarget(ctx, block.kind, input.recommendationId);
  if (block.kind === 'recommendation' && input.title !== undefined && !input.title.trim()) throw new PuntariError('protocol.badField', { field: 'title' });
  const next = {
    title: block.kind === 'minority' ? '' : (input.title ?? block.title),
    text: input.text ?? block.text,
    rationale: block.kind === 'recommendation' ? (input.rationale ?? block.rationale) : '',
    authors: block.kind === 'minority' ? (input.authors ?? block.authors) : '',
    recommendationId: block.kind === 'minority' ? (input.recommendationId === undefined ? block.recommendationId : input.recommendationId) : null,
  };
  const changed =
    next.title !== block.title || next.text !== block.text || next.rationale !== block.rationale || next.authors !== block.authors || next.recommendationId !== block.recommendationId;
  releaseLock(ctx, block.id);
  if (!changed) return { version: block.version };
  writeBlockText(ctx, block, next, 'edit');
  touch(ctx);
  return { version: block.version + 1 };
};

function writeBlockText(
  ctx: CommandContext,
  block: StatementBlockRecord,
  next: { title: string; text: string; rationale: string; authors: string; recommendationId: string | null },
  reason: 'edit' | 'amendment' | 'restore',
): void {
  ctx.db
    .prepare(
      `UPDATE statement_block SET title = ?, text = ?, rationale = ?, authors = ?, recommendation_id = ?, version = version + 1, updated_at = ?, updated_by = ?
       WHERE id = ?`,
    )
    .run(next.title, next.text, next.rationale, next.authors, next.recommendationId, ctx.now.toISOString(), ctx.principal.deviceName, block.id);
  recordBlockVersion(ctx, readBlock(ctx.db, block.id)!, reason);
  emitBlock(ctx, block.id);
}

export const moveBlock: CommandHandler<'statement.moveBlock'> = ({ blockId, sectionId, position }, ctx) => {
  requireOpen(ctx);
  const block = requireBlock(ctx, blockId);
  requireSection(ctx, sectionId);
  if (block.sectionId !== sectionId) {
    ctx.db.prepare('UPDATE statement_block SET section_id = ? WHERE id = ?').run(sectionId, blockId);
    renumber(ctx, 'statement_block', sectionBlockIds(ctx, block.sectionId), (id) => emitBlock(ctx, id));
  }
  renumber(ctx, 'statement_block', insertAt(sectionBlockIds(ctx, sectionId, blockId), blockId, position), (id) => emitBlock(ctx, id));
  emitBlock(ctx, blockId);
  touch(ctx);
  return null;
};

export const removeBlock: CommandHandler<'statement.removeBlock'> = ({ blockId }, ctx) => {
  requireOpen(ctx);
  const block = requireBlock(ctx, blockId);
  refuseIfLocked(ctx, blockId);
  ctx.db.prepare('DELETE FROM statement_block WHERE id = ?').run(blockId);
  ctx.change('statementBlocks', blockId, null);
  releaseLock(ctx, blockId);
  removeTranslations(ctx, blockId);
  // Minority opinions on a removed recommendation now concern the statement as a whole.
  for (const r of ctx.db.prepare('SELECT id FROM statement_block WHERE recommendation_id = ?').all(blockId) as { id: string }[]) {
    ctx.db.prepare('UPDATE statement_block SET recommendation_id = NULL WHERE id = ?').run(r.id);
    emitBlock(ctx, r.id);
  }
  renumber(ctx, 'statement_block', sectionBlockIds(ctx, block.sectionId), (id) => emitBlock(ctx, id));
  touch(ctx);
  return null;
};

// ---------------------------------------------------------------- versions

function saveSnapshot(ctx: CommandContext, name: string, kind: 'named' | 'beforeRestore' | 'restored' | 'final', snapshot: StatementSnapshot): string {
  const id = uuidv7();
  const at = ctx.now.toISOString();
  ctx.db
    .prepare('INSERT INTO statement_version (id, name, kind, snapshot, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, name, kind, JSON.stringify(snapshot), at, ctx.principal.deviceName);
  ctx.change('statementVersions', id, { id, name, kind, createdAt: at, createdBy: ctx.principal.deviceName });
  return id;
}

export const saveVersion: CommandHandler<'statement.saveVersion'> = ({ name }, ctx) => {
  requireOpen(ctx);
  ensureStatementRow(ctx);
  return { id: saveSnapshot(ctx, name, 'named', readSnapshot(ctx.db)) };
};

export function readVersionSnapshot(ctx: { db: CommandContext['db'] }, versionId: string): { name: string; snapshot: StatementSnapshot } {
  if (versionId === 'current') return { name: '', snapshot: readSnapshot(ctx.db) };
  const row = ctx.db.prepare('SELECT name, snapshot FROM statement_version WHERE id = ?').get(versionId) as { name: string; snapshot: string } | undefined;
  if (!row) throw notFound('version', versionId);
  return { name: row.name, snapshot: JSON.parse(row.snapshot) as StatementSnapshot };
}

export const versionQuery: CommandHandler<'statement.version'> = ({ versionId }, ctx) => readVersionSnapshot(ctx, versionId).snapshot;

export const restoreVersion: CommandHandler<'statement.restoreVersion'> = ({ versionId }, ctx) => {
  requireOpen(ctx);
  const { name, snapshot } = readVersionSnapshot(ctx, versionId);
  for (const lock of ctx.db.prepare('SELECT block_id FROM statement_lock').all() as { block_id: string }[]) refuseIfLocked(ctx, lock.block_id);
  ensureStatementRow(ctx);
  const before = readSnapshot(ctx.db);
  saveSnapshot(ctx, name, 'beforeRestore', before);

  ctx.db
    .prepare('UPDATE statement SET title = ?, summary = ?, main_language = ?, second_language = ?, updated_at = ? WHERE id = ?')
    .run(snapshot.meta.title, snapshot.meta.summary, snapshot.meta.mainLanguage, snapshot.meta.secondLanguage, ctx.now.toISOString(), 'statement');

  // Sections
  const keepSections = new Set(snapshot.sections.map((s) => s.id));
  for (const s of before.sections) if (!keepSections.has(s.id)) ctx.change('statementSections', s.id, null);
  // Blocks: the restored text becomes a new version of each block whose text differs.
  const keepBlocks = new Set(snapshot.blocks.map((b) => b.id));
  const newVersion = new Map<string, number>();
  for (const b of before.blocks) {
    if (!keepBlocks.has(b.id)) {
      ctx.db.prepare('DELETE FROM statement_block WHERE id = ?').run(b.id);
      ctx.change('statementBlocks', b.id, null);
    }
  }
  ctx.db.prepare('DELETE FROM statement_section WHERE id NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify([...keepSections]));
  const upsertSection = ctx.db.prepare('INSERT INTO statement_section (id, title, position) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET title = excluded.title, position = excluded.position');
  for (const s of snapshot.sections) {
    upsertSection.run(s.id, s.title, s.position);
    emitSection(ctx, s.id);
  }
  const current = new Map(before.blocks.map((b) => [b.id, b]));
  for (const b of snapshot.blocks) {
    const now = current.get(b.id);
    const history = ctx.db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM statement_block_version WHERE block_id = ?').get(b.id) as { v: number };
    const same = now && now.title === b.title && now.text === b.text && now.rationale === b.rationale && now.authors === b.authors;
    const version = same ? now.version : Math.max(history.v, now?.version ?? 0, b.version) + 1;
    newVersion.set(b.id, version);
    ctx.db
      .prepare(
        `INSERT INTO statement_block (id, section_id, kind, position, title, text, rationale, authors, recommendation_id, draft_recommendation_id,
           source_note_ids, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET section_id = excluded.section_id, kind = excluded.kind, position = excluded.position, title = excluded.title,
           text = excluded.text, rationale = excluded.rationale, authors = excluded.authors, recommendation_id = excluded.recommendation_id,
           draft_recommendation_id = excluded.draft_recommendation_id, source_note_ids = excluded.source_note_ids, version = excluded.version,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(
        b.id,
        b.sectionId,
        b.kind,
        b.position,
        b.title,
        b.text,
        b.rationale,
        b.authors,
        b.recommendationId,
        b.draftRecommendationId,
        JSON.stringify(b.sourceNoteIds),
        version,
        same ? now.updatedAt : ctx.now.toISOString(),
        same ? now.updatedBy : ctx.principal.deviceName,
      );
    if (!same) recordBlockVersion(ctx, readBlock(ctx.db, b.id)!, 'restore');
    emitBlock(ctx, b.id);
  }
  // Translations: as they were; one that was current then is current again.
  const snapshotVersions = new Map(snapshot.blocks.map((b) => [b.id, b.version]));
  for (const t of readTranslations(ctx.db)) ctx.change('statementTranslations', `${t.targetId}:${t.language}`, null);
  ctx.db.prepare('DELETE FROM statement_translation').run();
  const insertT = ctx.db.prepare(
    'INSERT INTO statement_translation (target_id, language, title, text, rationale, source_version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const t of snapshot.translations) {
    const was = snapshotVersions.get(t.targetId);
    const sourceVersion = was !== undefined && t.sourceVersion >= was ? (newVersion.get(t.targetId) ?? t.sourceVersion) : t.sourceVersion;
    insertT.run(t.targetId, t.language, t.title, t.text, t.rationale, sourceVersion, t.updatedAt);
    ctx.change('statementTranslations', `${t.targetId}:${t.language}`, readTranslation(ctx.db, t.targetId, t.language));
  }
  const id = saveSnapshot(ctx, name, 'restored', readSnapshot(ctx.db));
  emitMeta(ctx);
  return { id };
};

// ---------------------------------------------------------------- amendments

export const proposeAmendment: CommandHandler<'statement.proposeAmendment'> = ({ amendmentId, blockId, text, reason }, ctx) => {
  const existing = readAmendment(ctx.db, amendmentId);
  const tableNo = ctx.principal.role === 'secretary' ? ctx.principal.tableNo : null;
  if (existing) {
    // Sent again from the outbox under a new command id: once is enough.
    if (existing.blockId === blockId && existing.text === text && existing.tableNo === tableNo) return null;
    throw new PuntariError('statement.idReused', { id: amendmentId });
  }
  requireOpen(ctx);
  const block = requireBlock(ctx, blockId);
  if (block.kind !== 'recommendation') throw new PuntariError('statement.notRecommendation', { id: blockId });
  ctx.db
    .prepare(
      `INSERT INTO statement_amendment (id, block_id, table_no, device_name, text, reason, base_version, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
    )
    .run(amendmentId, blockId, tableNo, ctx.principal.deviceName, text, reason, block.version, ctx.now.toISOString());
  ctx.change('statementAmendments', amendmentId, readAmendment(ctx.db, amendmentId), amendmentScope(tableNo));
  return null;
};

export const decideAmendment: CommandHandler<'statement.decideAmendment'> = ({ amendmentId, decision, note }, ctx) => {
  requireOpen(ctx);
  const a = readAmendment(ctx.db, amendmentId);
  if (!a) throw notFound('amendment', amendmentId);
  if (a.status !== 'pending') throw new PuntariError('statement.amendmentDecided', { id: amendmentId, status: a.status });
  if (decision === 'accept') {
    const block = requireBlock(ctx, a.blockId);
    refuseIfLocked(ctx, block.id);
    writeBlockText(ctx, block, { title: block.title, text: a.text, rationale: block.rationale, authors: block.authors, recommendationId: block.recommendationId }, 'amendment');
    touch(ctx);
  }
  ctx.db
    .prepare('UPDATE statement_amendment SET status = ?, decision_note = ?, decided_at = ?, decided_by = ? WHERE id = ?')
    .run(decision === 'accept' ? 'accepted' : 'declined', note, ctx.now.toISOString(), ctx.principal.deviceName, amendmentId);
  ctx.change('statementAmendments', amendmentId, readAmendment(ctx.db, amendmentId), amendmentScope(a.tableNo));
  return null;
};

// ---------------------------------------------------------------- translations

export const saveTranslation: CommandHandler<'statement.saveTranslation'> = ({ targetId, language, title, text, rationale }, ctx) => {
  requireOpen(ctx);
  const meta = readMetaRow(ctx.db);
  if (language === meta.main_language) throw new PuntariError('statement.mainLanguage', { language });
  let sourceVersion = 1;
  if (targetId !== 'statement') {
    const block = readBlock(ctx.db, targetId);
    if (block) sourceVersion = block.version;
    else requireSection(ctx, targetId);
  }
  ctx.db
    .prepare(
      `INSERT INTO statement_translation (target_id, language, title, text, rationale, source_version, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(target_id, language) DO UPDATE SET title = excluded.title, text = excluded.text, rationale = excluded.rationale,
         source_version = excluded.source_version, updated_at = excluded.updated_at`,
    )
    .run(targetId, language, title, text, rationale, sourceVersion, ctx.now.toISOString());
  ctx.change('statementTranslations', `${targetId}:${language}`, readTranslation(ctx.db, targetId, language));
  touch(ctx);
  return { sourceVersion };
};

// ---------------------------------------------------------------- approval, final, follow-up

export const setApproval: CommandHandler<'statement.setApproval'> = (input, ctx) => {
  requireOpen(ctx);
  if (input.method === 'vote') {
    if (!input.voteId) throw new PuntariError('protocol.badField', { field: 'voteId' });
    if (!ctx.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'vote'").get() || !ctx.db.prepare('SELECT 1 FROM vote WHERE id = ?').get(input.voteId)) {
      throw new PuntariError('votes.notFound', { id: input.voteId });
    }
  } else if (!input.decisionText) throw new PuntariError('protocol.badField', { field: 'decisionText' });
  ctx.db
    .prepare(
      `INSERT INTO statement_approval (id, method, vote_id, decision_text, approved_on, approved_by, recorded_at) VALUES ('approval', ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET method = excluded.method, vote_id = excluded.vote_id, decision_text = excluded.decision_text,
         approved_on = excluded.approved_on, approved_by = excluded.approved_by, recorded_at = excluded.recorded_at`,
    )
    .run(input.method, input.method === 'vote' ? input.voteId : null, input.decisionText, input.approvedOn, input.approvedBy, ctx.now.toISOString());
  touch(ctx);
  return null;
};

export const finalize: CommandHandler<'statement.finalize'> = (_input, ctx) => {
  requireOpen(ctx);
  const meta = readMeta(ctx.db);
  if (!meta.approval) throw new PuntariError('statement.approvalMissing');
  ensureStatementRow(ctx);
  for (const lock of ctx.db.prepare('SELECT block_id FROM statement_lock').all() as { block_id: string }[]) {
    refuseIfLocked(ctx, lock.block_id);
    releaseLock(ctx, lock.block_id);
  }
  const { json, sha256 } = canonicalFinal(ctx.db);
  const at = ctx.now.toISOString();
  ctx.db.prepare("INSERT INTO statement_final (id, canonical_json, sha256, locked_at, locked_by) VALUES ('final', ?, ?, ?, ?)").run(json, sha256, at, ctx.principal.deviceName);
  saveSnapshot(ctx, `${meta.title} (${meta.approval.approvedOn})`, 'final', readSnapshot(ctx.db));
  emitMeta(ctx);
  return { sha256 };
};

export const setFollowUp: CommandHandler<'statement.setFollowUp'> = ({ blockId, status, reasons, answeredOn }, ctx) => {
  const block = requireBlock(ctx, blockId);
  if (block.kind !== 'recommendation') throw new PuntariError('statement.notRecommendation', { id: blockId });
  ctx.db
    .prepare(
      `INSERT INTO statement_follow_up (block_id, status, reasons, answered_on, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(block_id) DO UPDATE SET status = excluded.status, reasons = excluded.reasons, answered_on = excluded.answered_on, updated_at = excluded.updated_at`,
    )
    .run(blockId, status, reasons, answeredOn, ctx.now.toISOString());
  ctx.change('statementFollowUp', blockId, readFollowUps(ctx.db).find((f) => f.blockId === blockId) ?? null);
  return null;
};

export const showOnProjector: CommandHandler<'statement.showOnProjector'> = ({ mode, blockId }, ctx) => {
  if (blockId !== null) requireBlock(ctx, blockId);
  if (mode !== null) takeProjector(ctx, 'statement');
  writeShown(ctx, { ...readShown(ctx.db), mode, blockId: mode === null ? null : blockId });
  return null;
};

export const setProjectorLanguage: CommandHandler<'statement.setProjectorLanguage'> = ({ language }, ctx) => {
  const meta = readMetaRow(ctx.db);
  if (language !== meta.main_language && language !== meta.second_language) throw new PuntariError('statement.noSuchLanguage', { language });
  // Stored as null for the main language, so a later change of the main language keeps the projector in it.
  writeShown(ctx, { ...readShown(ctx.db), language: language === meta.main_language ? null : language });
  return null;
};

function writeShown(ctx: CommandContext, shown: StatementShown): void {
  ctx.db.prepare("INSERT INTO meta (key, value) VALUES ('statement.shown', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify(shown));
  ctx.change('statementShown', 'shown', shown);
}

// ---------------------------------------------------------------- consent and annexes

export const setConsent: CommandHandler<'statement.setConsent'> = ({ participantId, named }, ctx) => {
  requireOpen(ctx);
  if (!ctx.db.prepare('SELECT 1 FROM participant WHERE id = ?').get(participantId)) throw notFound('participant', participantId);
  ctx.db
    .prepare(
      `INSERT INTO participant_consent (participant_id, named, recorded_at) VALUES (?, ?, ?)
       ON CONFLICT(participant_id) DO UPDATE SET named = excluded.named, recorded_at = excluded.recorded_at`,
    )
    .run(participantId, named ? 1 : 0, ctx.now.toISOString());
  ctx.change('participantConsent', participantId, readConsents(ctx.db).find((c) => c.participantId === participantId) ?? null);
  return null;
};

function emitAnnex(ctx: CommandContext, id: string): void {
  ctx.change('statementAnnexes', id, readAnnexes(ctx.db).find((a) => a.id === id) ?? null);
}

export const addAnnex: CommandHandler<'statement.addAnnex'> = ({ visibility, title, text, fileName }, ctx) => {
  requireOpen(ctx);
  const id = uuidv7();
  const position = (ctx.db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS p FROM statement_annex').get() as { p: number }).p;
  ctx.db
    .prepare('INSERT INTO statement_annex (id, visibility, title, text, file_name, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, visibility, title, text, fileName, position, ctx.now.toISOString());
  emitAnnex(ctx, id);
  return { id };
};

export const updateAnnex: CommandHandler<'statement.updateAnnex'> = ({ annexId, visibility, title, text }, ctx) => {
  requireOpen(ctx);
  const annex = readAnnexes(ctx.db).find((a) => a.id === annexId);
  if (!annex) throw notFound('annex', annexId);
  ctx.db
    .prepare('UPDATE statement_annex SET visibility = ?, title = ?, text = ? WHERE id = ?')
    .run(visibility ?? annex.visibility, title ?? annex.title, text ?? annex.text, annexId);
  emitAnnex(ctx, annexId);
  return null;
};

export const removeAnnex: CommandHandler<'statement.removeAnnex'> = ({ annexId }, ctx) => {
  requireOpen(ctx);
  if (ctx.db.prepare('DELETE FROM statement_annex WHERE id = ?').run(annexId).changes === 0) throw notFound('annex', annexId);
  ctx.change('statementAnnexes', annexId, null);
  return null;
};

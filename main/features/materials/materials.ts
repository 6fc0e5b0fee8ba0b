import { PuntariError } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import type { ExpertMaterial } from '../../../shared/materials.js';
import type { Db } from '../../store/sqlite.js';
import type { CommandContext, CommandHandler, TopicReader } from '../context.js';

interface MaterialRow {
  id: string;
  expert_id: string;
  title: string;
  url: string | null;
  file_name: string | null;
  mime: string | null;
  bytes: number | null;
  created_at: string;
}

const COLUMNS = 'id, expert_id, title, url, file_name, mime, LENGTH(data) AS bytes, created_at';

function toMaterial(r: MaterialRow): ExpertMaterial {
  return { id: r.id, expertId: r.expert_id, title: r.title, url: r.url, fileName: r.file_name, mime: r.mime, bytes: r.bytes, createdAt: r.created_at };
}

function readMaterial(db: Db, id: string): ExpertMaterial | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM expert_material WHERE id = ?`).get(id) as MaterialRow | undefined;
  return row ? toMaterial(row) : null;
}

function requireExpert(db: Db, expertId: string): void {
  if (!db.prepare('SELECT 1 FROM expert WHERE id = ?').get(expertId)) throw new PuntariError('agenda.unknownExpert', { id: expertId });
}

export const addLink: CommandHandler<'materials.addLink'> = ({ expertId, title, url }, ctx) => {
  requireExpert(ctx.db, expertId);
  const id = uuidv7();
  ctx.db.prepare('INSERT INTO expert_material (id, expert_id, title, url, created_at) VALUES (?, ?, ?, ?, ?)').run(id, expertId, title, url, ctx.now.toISOString());
  ctx.change('materials', id, readMaterial(ctx.db, id));
  return { id };
};

/** A file uploaded over HTTP; the hub calls this inside a recorded change. */
export function addFile(ctx: CommandContext, file: { expertId: string; title: string; fileName: string; mime: string; data: Buffer }): string {
  requireExpert(ctx.db, file.expertId);
  const id = uuidv7();
  ctx.db
    .prepare('INSERT INTO expert_material (id, expert_id, title, file_name, mime, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(id, file.expertId, file.title, file.fileName, file.mime, file.data, ctx.now.toISOString());
  ctx.change('materials', id, readMaterial(ctx.db, id));
  return id;
}

export function readMaterialFile(db: Db, id: string): { fileName: string; mime: string; data: Buffer } | null {
  const row = db.prepare('SELECT file_name, mime, data FROM expert_material WHERE id = ? AND data IS NOT NULL').get(id) as
    | { file_name: string; mime: string; data: Buffer }
    | undefined;
  return row ? { fileName: row.file_name, mime: row.mime, data: row.data } : null;
}

export const removeMaterial: CommandHandler<'materials.remove'> = ({ materialId }, ctx) => {
  if (!readMaterial(ctx.db, materialId)) throw new PuntariError('materials.notFound', { id: materialId });
  ctx.db.prepare('DELETE FROM expert_material WHERE id = ?').run(materialId);
  ctx.change('materials', materialId, null);
  return null;
};

export const materialsTopic: TopicReader<'materials'> = ({ db }) =>
  (db.prepare(`SELECT ${COLUMNS} FROM expert_material ORDER BY created_at`).all() as MaterialRow[]).map((r) => ({
    key: r.id,
    value: toMaterial(r),
    scope: null,
  }));

import { PuntariError } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import type { DraftRecommendation } from '../../../shared/recommendations.js';
import type { Db } from '../../store/sqlite.js';
import type { CommandContext, CommandHandler, TopicReader } from '../context.js';

interface RecommendationRow {
  id: string;
  title: string;
  text: string;
  position: number;
  created_at: string;
  updated_at: string;
}

function toRecommendation(r: RecommendationRow, sources: string[]): DraftRecommendation {
  return { id: r.id, title: r.title, text: r.text, position: r.position, createdAt: r.created_at, updatedAt: r.updated_at, sourceNoteIds: sources };
}

function sourcesOf(db: Db, id: string): string[] {
  return (db.prepare('SELECT note_id FROM recommendation_source WHERE recommendation_id = ? ORDER BY note_id').all(id) as { note_id: string }[]).map((r) => r.note_id);
}

function read(db: Db, id: string): DraftRecommendation | null {
  const row = db.prepare('SELECT * FROM draft_recommendation WHERE id = ?').get(id) as RecommendationRow | undefined;
  return row ? toRecommendation(row, sourcesOf(db, id)) : null;
}

function requireRecommendation(db: Db, id: string): DraftRecommendation {
  const r = read(db, id);
  if (!r) throw new PuntariError('recommendations.notFound', { id });
  return r;
}

function linkNotes(ctx: CommandContext, id: string, noteIds: string[]): void {
  const insert = ctx.db.prepare('INSERT OR IGNORE INTO recommendation_source (recommendation_id, note_id) VALUES (?, ?)');
  for (const noteId of noteIds) {
    if (!ctx.db.prepare('SELECT 1 FROM table_note WHERE id = ?').get(noteId)) throw new PuntariError('notes.notFound', { id: noteId });
    insert.run(id, noteId);
  }
}

function emit(ctx: CommandContext, id: string): null {
  ctx.db.prepare('UPDATE draft_recommendation SET updated_at = ? WHERE id = ?').run(ctx.now.toISOString(), id);
  ctx.change('recommendations', id, read(ctx.db, id));
  return null;
}

export const createRecommendation: CommandHandler<'recommendations.create'> = ({ title, text, noteIds }, ctx) => {
  const id = uuidv7();
  const position = (ctx.db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS p FROM draft_recommendation').get() as { p: number }).p;
  const at = ctx.now.toISOString();
  ctx.db.prepare('INSERT INTO draft_recommendation (id, title, text, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, title, text, position, at, at);
  linkNotes(ctx, id, noteIds);
  emit(ctx, id);
  return { id };
};

export const updateRecommendation: CommandHandler<'recommendations.update'> = ({ recommendationId, title, text }, ctx) => {
  const r = requireRecommendation(ctx.db, recommendationId);
  ctx.db.prepare('UPDATE draft_recommendation SET title = ?, text = ? WHERE id = ?').run(title ?? r.title, text ?? r.text, r.id);
  return emit(ctx, r.id);
};

export const addNotes: CommandHandler<'recommendations.addNotes'> = ({ recommendationId, noteIds }, ctx) => {
  requireRecommendation(ctx.db, recommendationId);
  linkNotes(ctx, recommendationId, noteIds);
  return emit(ctx, recommendationId);
};

export const removeNote: CommandHandler<'recommendations.removeNote'> = ({ recommendationId, noteId }, ctx) => {
  requireRecommendation(ctx.db, recommendationId);
  ctx.db.prepare('DELETE FROM recommendation_source WHERE recommendation_id = ? AND note_id = ?').run(recommendationId, noteId);
  return emit(ctx, recommendationId);
};

export const removeRecommendation: CommandHandler<'recommendations.remove'> = ({ recommendationId }, ctx) => {
  requireRecommendation(ctx.db, recommendationId);
  ctx.db.prepare('DELETE FROM draft_recommendation WHERE id = ?').run(recommendationId);
  ctx.change('recommendations', recommendationId, null);
  return null;
};

export const recommendationsTopic: TopicReader<'recommendations'> = ({ db }) => {
  const sources = new Map<string, string[]>();
  for (const s of db.prepare('SELECT recommendation_id, note_id FROM recommendation_source ORDER BY note_id').all() as { recommendation_id: string; note_id: string }[]) {
    sources.set(s.recommendation_id, [...(sources.get(s.recommendation_id) ?? []), s.note_id]);
  }
  return (db.prepare('SELECT * FROM draft_recommendation ORDER BY position').all() as RecommendationRow[]).map((r) => ({
    key: r.id,
    value: toRecommendation(r, sources.get(r.id) ?? []),
    scope: null,
  }));
};

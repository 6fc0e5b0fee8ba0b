import { PuntariError } from '../../../shared/errors.js';
import { tableScope } from '../../../shared/protocol.js';
import type { ExpertQuestion, ProjectedQuestion, QuestionStatus } from '../../../shared/questions.js';
import type { Db } from '../../store/sqlite.js';
import type { CommandContext, CommandHandler, TopicReader } from '../context.js';
import { checkTable } from '../notes/notes.js';
import { takeProjector } from '../projector/projector.js';

interface QuestionRow {
  id: string;
  table_no: number | null;
  item_id: string | null;
  expert_id: string | null;
  text: string;
  status: QuestionStatus;
  position: number;
  merged_into: string | null;
  answer_summary: string;
  created_at: string;
}

function fromTables(db: Db, row: QuestionRow): number[] {
  const merged = db.prepare('SELECT table_no FROM expert_question WHERE merged_into = ? AND table_no IS NOT NULL').all(row.id) as { table_no: number }[];
  const tables = new Set<number>(merged.map((m) => m.table_no));
  if (row.table_no !== null) tables.add(row.table_no);
  return [...tables].sort((a, b) => a - b);
}

function toQuestion(db: Db, r: QuestionRow): ExpertQuestion {
  return {
    id: r.id,
    tableNo: r.table_no,
    itemId: r.item_id,
    expertId: r.expert_id,
    text: r.text,
    status: r.status,
    position: r.position,
    mergedInto: r.merged_into,
    fromTables: fromTables(db, r),
    answerSummary: r.answer_summary,
    createdAt: r.created_at,
  };
}

function readRow(db: Db, id: string): QuestionRow | undefined {
  return db.prepare('SELECT * FROM expert_question WHERE id = ?').get(id) as QuestionRow | undefined;
}

function requireQuestion(db: Db, id: string): QuestionRow {
  const row = readRow(db, id);
  if (!row) throw new PuntariError('questions.notFound', { id });
  return row;
}

/** Every table that asked it (merged questions included) sees a question; other tables do not. */
function emit(ctx: CommandContext, id: string): void {
  const q = toQuestion(ctx.db, requireQuestion(ctx.db, id));
  ctx.change('questions', id, q, tableScope(q.fromTables));
}

function emitProjected(ctx: CommandContext): void {
  ctx.change('projectedQuestion', 'projected', readProjected(ctx.db));
}

export function readProjected(db: Db): ProjectedQuestion {
  const { question_id } = db.prepare('SELECT question_id FROM projected_question WHERE id = 1').get() as { question_id: string | null };
  const row = question_id ? readRow(db, question_id) : undefined;
  if (!row) return { questionId: null, text: '', expertId: null, fromTables: [] };
  return { questionId: row.id, text: row.text, expertId: row.expert_id, fromTables: fromTables(db, row) };
}

export const askQuestion: CommandHandler<'questions.ask'> = (input, ctx) => {
  checkTable(ctx.principal, input.tableNo);
  if (readRow(ctx.db, input.questionId)) return null;
  const position = (ctx.db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS p FROM expert_question').get() as { p: number }).p;
  ctx.db
    .prepare('INSERT INTO expert_question (id, table_no, item_id, expert_id, text, position, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(input.questionId, input.tableNo, input.itemId, input.expertId, input.text, position, ctx.now.toISOString());
  emit(ctx, input.questionId);
  return null;
};

export const mergeQuestions: CommandHandler<'questions.merge'> = ({ questionIds, intoId }, ctx) => {
  const into = requireQuestion(ctx.db, intoId);
  if (into.merged_into) throw new PuntariError('questions.notFound', { id: intoId });
  for (const id of questionIds.filter((q) => q !== intoId)) {
    requireQuestion(ctx.db, id);
    // A question already carrying others hands them on, so nothing is merged twice over.
    for (const child of ctx.db.prepare('SELECT id FROM expert_question WHERE merged_into = ?').all(id) as { id: string }[]) {
      ctx.db.prepare('UPDATE expert_question SET merged_into = ? WHERE id = ?').run(intoId, child.id);
      emit(ctx, child.id);
    }
    ctx.db.prepare('UPDATE expert_question SET merged_into = ? WHERE id = ?').run(intoId, id);
    emit(ctx, id);
  }
  emit(ctx, intoId);
  return null;
};

export const moveQuestion: CommandHandler<'questions.move'> = ({ questionId, position }, ctx) => {
  requireQuestion(ctx.db, questionId);
  const ids = (ctx.db.prepare('SELECT id FROM expert_question WHERE merged_into IS NULL ORDER BY position, id').all() as { id: string }[])
    .map((r) => r.id)
    .filter((id) => id !== questionId);
  ids.splice(Math.min(position, ids.length), 0, questionId);
  const update = ctx.db.prepare('UPDATE expert_question SET position = ? WHERE id = ? AND position IS NOT ?');
  ids.forEach((id, i) => {
    if (update.run(i, id, i).changes > 0) emit(ctx, id);
  });
  return null;
};

export const setQuestionStatus: CommandHandler<'questions.setStatus'> = ({ questionId, status }, ctx) => {
  requireQuestion(ctx.db, questionId);
  ctx.db.prepare('UPDATE expert_question SET status = ? WHERE id = ?').run(status, questionId);
  emit(ctx, questionId);
  return null;
};

export const projectQuestion: CommandHandler<'questions.project'> = ({ questionId }, ctx) => {
  if (questionId !== null) {
    requireQuestion(ctx.db, questionId);
    takeProjector(ctx, 'question');
    ctx.db.prepare("UPDATE expert_question SET status = 'asked' WHERE id = ? AND status = 'queued'").run(questionId);
    emit(ctx, questionId);
  }
  ctx.db.prepare('UPDATE projected_question SET question_id = ? WHERE id = 1').run(questionId);
  emitProjected(ctx);
  return null;
};

export const answerQuestion: CommandHandler<'questions.answer'> = ({ questionId, summary }, ctx) => {
  const row = requireQuestion(ctx.db, questionId);
  if (ctx.principal.role === 'secretary' && !fromTables(ctx.db, row).includes(ctx.principal.tableNo ?? -1)) {
    throw new PuntariError('scope.forbidden', { table: ctx.principal.tableNo ?? '' });
  }
  ctx.db.prepare("UPDATE expert_question SET answer_summary = ?, status = CASE WHEN ? = '' THEN status ELSE 'answered' END WHERE id = ?").run(summary, summary, questionId);
  emit(ctx, questionId);
  return null;
};

export const questionsTopic: TopicReader<'questions'> = ({ db }) =>
  (db.prepare('SELECT * FROM expert_question ORDER BY position, id').all() as QuestionRow[]).map((r) => {
    const q = toQuestion(db, r);
    return { key: r.id, value: q, scope: tableScope(q.fromTables) };
  });

export const projectedQuestionTopic: TopicReader<'projectedQuestion'> = ({ db }) => [{ key: 'projected', value: readProjected(db), scope: null }];

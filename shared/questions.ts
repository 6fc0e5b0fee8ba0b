import { z } from 'zod';

export const QUESTION_STATUSES = ['queued', 'asked', 'answered', 'dismissed'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** A table's question to an expert or a hearing; the facilitator's queue orders, merges and projects them. */
export interface ExpertQuestion {
  id: string;
  tableNo: number | null;
  itemId: string | null;
  expertId: string | null;
  text: string;
  status: QuestionStatus;
  position: number;
  /** Merged into another question: shown under it, not in the queue. */
  mergedInto: string | null;
  /** Tables whose questions were merged into this one. */
  fromTables: number[];
  answerSummary: string;
  createdAt: string;
}

/** The one question on the projector now, for every screen in the room. */
export interface ProjectedQuestion {
  questionId: string | null;
  text: string;
  expertId: string | null;
  fromTables: number[];
}

const id = z.string().min(1).max(64);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
const MANAGE = ['facilitator', 'cofacilitator'] as const;

export const questionCommands = {
  'questions.ask': {
    input: z.object({
      questionId: uuid,
      tableNo: z.number().int().min(1).max(200).nullable(),
      itemId: id.nullable(),
      expertId: id.nullable(),
      text: z.string().trim().min(1).max(1000),
    }),
    roles: ['facilitator', 'cofacilitator', 'secretary'],
  },
  'questions.merge': { input: z.object({ questionIds: z.array(id).min(1).max(50), intoId: id }), roles: MANAGE },
  'questions.move': { input: z.object({ questionId: id, position: z.number().int().min(0).max(10_000) }), roles: MANAGE },
  'questions.setStatus': { input: z.object({ questionId: id, status: z.enum(QUESTION_STATUSES) }), roles: MANAGE },
  'questions.project': { input: z.object({ questionId: id.nullable() }), roles: MANAGE },
  'questions.answer': {
    input: z.object({ questionId: id, summary: z.string().trim().max(2000) }),
    roles: ['facilitator', 'cofacilitator', 'secretary'],
  },
} as const;

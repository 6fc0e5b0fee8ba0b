import { z } from 'zod';

/** A recommendation grouped by the facilitator from table proposals; the statement issue builds on it. */
export interface DraftRecommendation {
  id: string;
  title: string;
  text: string;
  position: number;
  createdAt: string;
  updatedAt: string;
  /** The table notes it was grouped from (the statement keeps this link). */
  sourceNoteIds: string[];
}

const id = z.string().min(1).max(64);
const MANAGE = ['facilitator', 'cofacilitator'] as const;

export const recommendationCommands = {
  'recommendations.create': {
    input: z.object({
      title: z.string().trim().min(1).max(300),
      text: z.string().trim().max(8000),
      noteIds: z.array(id).max(200),
    }),
    roles: MANAGE,
  },
  'recommendations.update': {
    input: z.object({ recommendationId: id, title: z.string().trim().min(1).max(300).optional(), text: z.string().trim().max(8000).optional() }),
    roles: MANAGE,
  },
  'recommendations.addNotes': { input: z.object({ recommendationId: id, noteIds: z.array(id).min(1).max(200) }), roles: MANAGE },
  'recommendations.removeNote': { input: z.object({ recommendationId: id, noteId: id }), roles: MANAGE },
  'recommendations.remove': { input: z.object({ recommendationId: id }), roles: MANAGE },
} as const;

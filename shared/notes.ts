import { z } from 'zod';

export const NOTE_KINDS = ['keyPoint', 'argumentFor', 'argumentAgainst', 'proposal', 'disagreement', 'questionForExperts'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** A table's photo of a flip chart, scaled down on the laptop before it is queued. */
export const MAX_PHOTO_BASE64 = 200_000;
export const MAX_NOTE_CHARS = 4000;

export interface NoteConflict {
  id: string;
  /** The version the conflicting edit was based on. */
  baseVersion: number;
  kind: NoteKind;
  text: string;
  deleted: boolean;
  deviceName: string;
  at: string;
}

/** What a table recorded, under the programme item it was written under. */
export interface TableNote {
  id: string;
  tableNo: number;
  itemId: string | null;
  kind: NoteKind;
  text: string;
  version: number;
  deleted: boolean;
  marked: boolean;
  /** Typed in afterwards from a paper note sheet, and by whom. */
  transcribedBy: string | null;
  photoId: string | null;
  authorDevice: string;
  createdAt: string;
  updatedAt: string;
  /** Edits that were based on an older version: kept for someone to resolve, never dropped. */
  conflicts: NoteConflict[];
}

export interface NoteVersion {
  noteId: string;
  version: number;
  kind: NoteKind;
  text: string;
  deleted: boolean;
  deviceName: string;
  at: string;
}

const id = z.string().min(1).max(64);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
const text = z.string().trim().min(1).max(MAX_NOTE_CHARS);
const tableNo = z.number().int().min(1).max(200);
const SECRETARY_OR_MANAGER = ['facilitator', 'cofacilitator', 'secretary'] as const;
const MANAGE = ['facilitator', 'cofacilitator'] as const;

export const photoInput = z.object({
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  data: z.string().max(MAX_PHOTO_BASE64).regex(/^[A-Za-z0-9+/]+=*$/),
});

export const noteCommands = {
  /** The note's id is made on the laptop, so a note queued offline is the same note when it lands. */
  'notes.add': {
    input: z.object({
      noteId: uuid,
      tableNo,
      itemId: id.nullable(),
      kind: z.enum(NOTE_KINDS),
      text,
      photo: photoInput.optional(),
      transcribed: z.boolean().default(false),
      /** When it was typed, by the hub's clock as the laptop knows it (a note may land much later). */
      writtenAt: z.string().max(40).optional(),
    }),
    roles: SECRETARY_OR_MANAGER,
  },
  'notes.edit': {
    input: z.object({ noteId: id, baseVersion: z.number().int().min(1), kind: z.enum(NOTE_KINDS), text }),
    roles: SECRETARY_OR_MANAGER,
  },
  'notes.delete': { input: z.object({ noteId: id, baseVersion: z.number().int().min(1) }), roles: SECRETARY_OR_MANAGER },
  'notes.resolveConflict': {
    input: z.object({ noteId: id, conflictId: id, keep: z.enum(['current', 'conflict', 'text']), text: text.optional() }),
    roles: SECRETARY_OR_MANAGER,
  },
  'notes.mark': { input: z.object({ noteId: id, marked: z.boolean() }), roles: MANAGE },
} as const;

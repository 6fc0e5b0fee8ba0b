import { z } from 'zod';

/** An expert's material for the tables: a link, or a file kept in the panel. */
export interface ExpertMaterial {
  id: string;
  expertId: string;
  title: string;
  /** A link (http/https) or, for a file, null. */
  url: string | null;
  fileName: string | null;
  mime: string | null;
  bytes: number | null;
  createdAt: string;
}

export const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;

const MANAGE = ['facilitator', 'cofacilitator'] as const;

export const materialCommands = {
  'materials.addLink': {
    input: z.object({
      expertId: z.string().min(1).max(64),
      title: z.string().trim().min(1).max(200),
      url: z.string().trim().url().max(2000).refine((u) => /^https?:\/\//i.test(u), 'http'),
    }),
    roles: MANAGE,
  },
  'materials.remove': { input: z.object({ materialId: z.string().min(1).max(64) }), roles: MANAGE },
} as const;

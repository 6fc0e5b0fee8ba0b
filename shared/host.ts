import { z } from 'zod';
import type { BackupFile, RecentPanel } from './panel.js';

/**
 * Host commands act on the host itself (which panel file is open, the room's listener,
 * backups), not inside a panel's transaction, and only the facilitator's own windows send them.
 */
const filePath = z.string().trim().min(1).max(4096);
const passphrase = z.string().min(1).max(1024);

export const hostCommands = {
  'host.createPanel': {
    input: z.object({ path: filePath, name: z.string().trim().min(1).max(200), passphrase: passphrase.optional() }),
    roles: ['facilitator'],
  },
  'host.openPanel': { input: z.object({ path: filePath, passphrase: passphrase.optional() }), roles: ['facilitator'] },
  'host.closePanel': { input: z.object({}), roles: ['facilitator'] },
  'host.recentPanels': { input: z.object({}), roles: ['facilitator'] },
  'host.forgetRecent': { input: z.object({ path: filePath }), roles: ['facilitator'] },
  'host.openRoom': { input: z.object({}), roles: ['facilitator'] },
  'host.closeRoom': { input: z.object({}), roles: ['facilitator'] },
  'host.setBackups': {
    input: z.object({
      folder: filePath.nullable(),
      intervalMinutes: z.number().int().min(1).max(240),
      keep: z.number().int().min(1).max(500),
    }),
    roles: ['facilitator'],
  },
  'host.backupNow': { input: z.object({}), roles: ['facilitator'] },
  'host.listBackups': { input: z.object({}), roles: ['facilitator'] },
  'host.restoreBackup': { input: z.object({ path: filePath }), roles: ['facilitator'] },
  'host.exportAuditLog': { input: z.object({ path: filePath }), roles: ['facilitator'] },
  'host.cancelJob': { input: z.object({ jobId: z.string().min(1).max(64) }), roles: ['facilitator'] },
} as const;

export interface HostCommandResults {
  'host.createPanel': { path: string };
  'host.openPanel': { path: string };
  'host.closePanel': null;
  'host.recentPanels': RecentPanel[];
  'host.forgetRecent': null;
  'host.openRoom': null;
  'host.closeRoom': null;
  'host.setBackups': null;
  'host.backupNow': BackupFile;
  'host.listBackups': BackupFile[];
  'host.restoreBackup': PoolOnRestore;
  'host.exportAuditLog': { jobId: string };
  'host.cancelJob': null;
}

/**
 * What a restore did with the sign-up pool's recruitment file: 'restored' from beside the backup,
 * 'kept' (the backup had none; the current one belongs to the restored panel), 'setAside' (the
 * current one does not belong to the restored panel), 'none'. A replaced file is never deleted:
 * it is kept beside the panel under `setAside`.
 */
export interface PoolOnRestore {
  pool: 'restored' | 'kept' | 'setAside' | 'none';
  setAside: string | null;
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobStatus {
  id: string;
  kind: string;
  state: JobState;
  /** 0..1 */
  progress: number;
  error: { code: string; params?: Record<string, string | number> } | null;
  result: unknown;
}

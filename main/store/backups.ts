import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupFile } from '../../shared/panel.js';
import { PuntariError } from '../../shared/errors.js';
import type { Db } from './sqlite.js';

const STAMP = /^(.*)\.(\d{8}T\d{6}Z)\.puntari$/;

/** Why a backup folder could not be reached: not there (an unplugged drive), no access, or another error. */
export type FolderProblem = 'missing' | 'denied' | 'failed';

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A file backed up beside a panel backup, pruned and restored with it: `<backup>.<part>.puntari`
 * (the same naming as the panel's own recruitment file next to the panel).
 */
export function backupCompanion(backupPath: string, part: string): string {
  return `${backupPath.replace(/\.puntari$/, '')}.${part}.puntari`;
}

/** The name the panel's backups start with: `<stem>.<stamp>.puntari`. */
export function backupStem(panelPath: string): string {
  return basename(panelPath).replace(/\.puntari$/, '');
}

/**
 * A consistent copy of the open panel, written with VACUUM INTO (which, unlike the
 * backup API, works on encrypted files and keeps them encrypted with the same passphrase).
 */
export function writeBackup(db: Db, panelPath: string, folder: string, now = new Date()): BackupFile {
  if (!existsSync(folder)) throw new PuntariError('backup.folderMissing', { folder });
  const base = backupStem(panelPath);
  const target = join(folder, `${base}.${stamp(now)}.puntari`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new PuntariError('backup.failed', { folder, detail: (error as Error).message });
  }
  const stats = statSync(target);
  return { name: basename(target), path: target, createdAt: now.toISOString(), bytes: stats.size, pool: false };
}

export function listBackups(panelPath: string, folder: string): BackupFile[] {
  if (!existsSync(folder)) return [];
  const base = backupStem(panelPath);
  return readdirSync(folder)
    .map((name) => ({ name, match: STAMP.exec(name) }))
    .filter((f) => f.match !== null && f.match[1] === base)
    .map(({ name, match }) => {
      const s = match![2]!;
      const createdAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
      const path = join(folder, name);
      return { name, path, createdAt: new Date(createdAt).toISOString(), bytes: statSync(path).size, pool: existsSync(backupCompanion(path, 'recruitment')) };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Keeps the newest `keep` backups of this panel in the folder. */
export function pruneBackups(panelPath: string, folder: string, keep: number): void {
  for (const old of listBackups(panelPath, folder).slice(keep)) {
    rmSync(old.path, { force: true });
    rmSync(backupCompanion(old.path, 'recruitment'), { force: true });
  }
}

function folderProblem(error: unknown): FolderProblem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'denied';
  return 'failed';
}

/**
 * Deletes the `part` copies that backups of the panel named `stem` wrote into `folder`
 * (`<stem>.<stamp>.<part>.puntari`, and one left half-written), whether or not their panel backup is
 * still there. Nothing else in the folder is touched.
 */
export function removeCompanions(folder: string, stem: string, part: string): { removed: number; problem: FolderProblem | null } {
  const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const ours = new RegExp(`^${escaped(stem)}\\.\\d{8}T\\d{6}Z\\.${escaped(part)}\\.puntari(\\.partial)?$`);
  let removed = 0;
  try {
    for (const name of readdirSync(folder)) {
      if (!ours.test(name)) continue;
      rmSync(join(folder, name), { force: true });
      removed++;
    }
  } catch (error) {
    return { removed, problem: folderProblem(error) };
  }
  return { removed, problem: null };
}

export function ensureFolder(folder: string): void {
  mkdirSync(folder, { recursive: true });
}

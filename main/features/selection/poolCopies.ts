/**
 * Copies of the recruitment file in backup folders. Each backup puts one beside the panel backup;
 * the panel remembers every folder it wrote one to (the setting may have changed since, or the
 * folder was a USB stick), so that forgetting the pool deletes them all, and a folder that could
 * not be reached stays on the list, with why, for the next attempt.
 */
import { PuntariError } from '../../../shared/errors.js';
import type { PoolCopyFolder } from '../../../shared/recruitment.js';
import { removeCompanions, type FolderProblem } from '../../store/backups.js';
import type { Db } from '../../store/sqlite.js';

export interface CopyTarget {
  folder: string;
  prefix: string;
  /** On the panel's list; the configured folder may not be (copies written before the list existed). */
  remembered: boolean;
}

export interface CopiesRemoved {
  removed: number;
  folders: { target: CopyTarget; problem: FolderProblem | null }[];
}

export function isCopyFolderRemembered(db: Db, folder: string, prefix: string): boolean {
  return db.prepare('SELECT 1 FROM recruitment_copy_folder WHERE folder = ? AND prefix = ?').get(folder, prefix) !== undefined;
}

/** Called before a copy is written, so a copy never exists in a folder the panel does not know of. */
export function rememberCopyFolder(db: Db, folder: string, prefix: string, now: Date): void {
  db.prepare('INSERT INTO recruitment_copy_folder (folder, prefix, first_copy_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(folder, prefix, now.toISOString());
}

/** The folders to clear: every remembered one, and the configured folder (its stem as the panel is named now). */
export function copyTargets(db: Db, configured: { folder: string; prefix: string } | null): CopyTarget[] {
  const rows = db.prepare('SELECT folder, prefix FROM recruitment_copy_folder ORDER BY first_copy_at, folder').all() as { folder: string; prefix: string }[];
  const targets: CopyTarget[] = rows.map((r) => ({ ...r, remembered: true }));
  if (configured && !targets.some((t) => t.folder === configured.folder && t.prefix === configured.prefix)) targets.push({ ...configured, remembered: false });
  return targets;
}

/** Deletes the copies in every target folder; touches no other file and no row of the panel. */
export function removeCopies(targets: readonly CopyTarget[]): CopiesRemoved {
  let removed = 0;
  const folders = targets.map((target) => {
    const r = removeCompanions(target.folder, target.prefix, 'recruitment');
    removed += r.removed;
    return { target, problem: r.problem };
  });
  return { removed, folders };
}

/** Remembered folders the attempt could not reach (copies may remain there). */
export function notReachedFolders(outcome: CopiesRemoved): string[] {
  return [...new Set(outcome.folders.filter((f) => f.problem !== null && f.target.remembered).map((f) => f.target.folder))];
}

/**
 * Writes the outcome into the panel (inside the forgetting's transaction): a folder cleared leaves
 * the list, one not reached stays with why. The configured folder, when not remembered, was tried
 * on a best-effort basis only: the panel never wrote a copy there that it knows of.
 */
export function settleCopyFolders(db: Db, outcome: CopiesRemoved, now: Date): void {
  const cleared = db.prepare('DELETE FROM recruitment_copy_folder WHERE folder = ? AND prefix = ?');
  const missed = db.prepare('UPDATE recruitment_copy_folder SET not_reached = ?, not_reached_at = ? WHERE folder = ? AND prefix = ?');
  for (const { target, problem } of outcome.folders) {
    if (!target.remembered) continue;
    if (problem === null) cleared.run(target.folder, target.prefix);
    else missed.run(problem, now.toISOString(), target.folder, target.prefix);
  }
}

/**
 * Takes a folder the last attempt could not reach off the list (the drive is gone for good);
 * copies still in it, if any, stay where they are. A folder that was reached, or is not on the
 * list, is refused: its copies would be forgotten about.
 */
export function dropUnreachedCopyFolder(db: Db, folder: string): void {
  const dropped = db.prepare('DELETE FROM recruitment_copy_folder WHERE folder = ? AND not_reached IS NOT NULL').run(folder).changes;
  if (dropped === 0) throw new PuntariError('selection.copyFolderNotListed');
}

/** The list as the facilitator sees it: one entry per folder. */
export function readCopyFolders(db: Db): PoolCopyFolder[] {
  const rows = db.prepare('SELECT folder, not_reached FROM recruitment_copy_folder ORDER BY first_copy_at, folder').all() as {
    folder: string;
    not_reached: FolderProblem | null;
  }[];
  const byFolder = new Map<string, PoolCopyFolder>();
  for (const r of rows) {
    const seen = byFolder.get(r.folder);
    if (!seen) byFolder.set(r.folder, { folder: r.folder, notReached: r.not_reached });
    else seen.notReached ??= r.not_reached;
  }
  return [...byFolder.values()];
}

/**
 * A restored backup knows only the folders of its own time: the list of the panel it replaces
 * goes with it, so no copy written since (or still not reached) is forgotten about.
 */
export function carryCopyFolders(from: Db, to: Db): void {
  const rows = from.prepare('SELECT folder, prefix, first_copy_at, not_reached, not_reached_at FROM recruitment_copy_folder').all() as {
    folder: string;
    prefix: string;
    first_copy_at: string;
    not_reached: string | null;
    not_reached_at: string | null;
  }[];
  const ins = to.prepare(
    `INSERT INTO recruitment_copy_folder (folder, prefix, first_copy_at, not_reached, not_reached_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (folder, prefix) DO UPDATE SET not_reached = excluded.not_reached, not_reached_at = excluded.not_reached_at`,
  );
  for (const r of rows) ins.run(r.folder, r.prefix, r.first_copy_at, r.not_reached, r.not_reached_at);
}

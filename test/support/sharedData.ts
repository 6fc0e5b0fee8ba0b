import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The shared test and benchmark data (../shared/data beside the checkout). A checkout elsewhere
 * (a git worktree, a CI clone) finds it through PUNTARI_SHARED_DATA or the team's /work/shared.
 */
export const SHARED_DATA =
  [process.env.PUNTARI_SHARED_DATA, path.resolve(repo, '../shared/data'), '/work/shared/data'].find(
    (dir): dir is string => dir !== undefined && existsSync(path.join(dir, 'sortition')),
  ) ?? path.resolve(repo, '../shared/data');

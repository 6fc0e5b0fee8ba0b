import { hostname } from 'node:os';
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { PuntariError } from '../../shared/errors.js';

interface LockInfo {
  pid: number;
  host: string;
  at: string;
}

export function lockPath(panelPath: string): string {
  return `${panelPath}.lock`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock file beside the panel, so a panel open in another Puntari is refused by name.
 * A lock left by a process that died on this host is taken over.
 */
export function acquireLock(panelPath: string): () => void {
  const path = lockPath(panelPath);
  const info: LockInfo = { pid: process.pid, host: hostname(), at: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let held: LockInfo | null = null;
      try {
        held = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
      } catch {
        held = null;
      }
      const stale = held !== null && held.host === info.host && !processAlive(held.pid);
      if (!stale) {
        throw new PuntariError('panel.locked', { host: held?.host ?? '?', pid: held?.pid ?? 0, since: held?.at ?? '' });
      }
      rmSync(path, { force: true });
    }
  }
  throw new PuntariError('panel.locked', { host: '?', pid: 0, since: '' });
}

import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { PuntariError } from '../../shared/errors.js';
import { auditCsvChunks } from '../features/audit/audit.js';
import { applyPassphrase, openSqlite } from '../store/sqlite.js';
import type { JobIo } from './jobIo.js';

export function exportAuditCsv(
  input: { panelPath: string; passphrase?: string; out: string },
  io: JobIo,
): { rows: number; path: string } {
  const db = openSqlite(input.panelPath, { readonly: true, fileMustExist: true });
  const tmp = `${input.out}.partial`;
  const fd = openSync(tmp, 'w');
  let rows = 0;
  try {
    if (input.passphrase !== undefined) applyPassphrase(db, input.passphrase);
    writeSync(fd, '\ufeff');
    for (const chunk of auditCsvChunks(db)) {
      if (io.cancelled()) throw new PuntariError('job.cancelled');
      writeSync(fd, chunk.text);
      rows = chunk.done;
      io.progress(chunk.total === 0 ? 1 : chunk.done / chunk.total);
    }
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, input.out);
    return { rows, path: input.out };
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(tmp, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

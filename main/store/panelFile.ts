import { accessSync, closeSync, constants, copyFileSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { PuntariError } from '../../shared/errors.js';
import { acquireLock } from './lock.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';
import { applyPassphrase, openSqlite, type Db } from './sqlite.js';

/** 'PUNT': marks a SQLite file as a Puntari panel. */
export const APPLICATION_ID = 0x50554e54;
export const PANEL_EXTENSION = '.puntari';

export interface OpenPanel {
  db: Db;
  path: string;
  encrypted: boolean;
  /** Re-opening needs it (backups, restore); kept in memory only. */
  passphrase: string | undefined;
  close(): void;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function readsAsPlainSqlite(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return n === 16 && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted content is overwritten, so purged personal data does not linger in free pages.
  db.pragma('secure_delete = ON');
}

function sqliteCode(error: unknown): string {
  return (error as { code?: string }).code ?? '';
}

/** Runs every migration the file lacks, each numbered step in one transaction. */
function migrate(db: Db, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new PuntariError('panel.newerVersion', { fileVersion: version, appVersion: SCHEMA_VERSION });
  }
  if (version === SCHEMA_VERSION) return;
  if (version > 0) {
    // A copy of the file as it was, before its schema changes.
    db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(path, `${path}.before-v${SCHEMA_VERSION}.bak`);
  }
  for (let step = version; step < SCHEMA_VERSION; step++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[step]!.up);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
}

function wrap(db: Db, path: string, passphrase: string | undefined, releaseLock: () => void): OpenPanel {
  let closed = false;
  return {
    db,
    path,
    encrypted: passphrase !== undefined,
    passphrase,
    close() {
      if (closed) return;
      closed = true;
      try {
        // Fold the WAL back into the one file, so the panel is a single file to archive or hand over.
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.pragma('journal_mode = DELETE');
      } finally {
        db.close();
        releaseLock();
      }
    },
  };
}

export function createPanelFile(path: string, name: string, passphrase?: string): OpenPanel {
  if (!path.endsWith(PANEL_EXTENSION)) throw new PuntariError('panel.badPath', { path, extension: PANEL_EXTENSION });
  if (existsSync(path)) throw new PuntariError('panel.alreadyExists', { path });
  const release = acquireLock(path);
  let db: Db | undefined;
  try {
    db = openSqlite(path);
    if (passphrase !== undefined) applyPassphrase(db, passphrase);
    configure(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, path);
    const now = new Date().toISOString();
    db.prepare('INSERT INTO panel (id, name, updated_at) VALUES (1, ?, ?)').run(name, now);
    db.prepare("INSERT INTO meta (key, value) VALUES ('epoch', ?), ('created_at', ?)").run(randomUUID(), now);
    return wrap(db, path, passphrase, release);
  } catch (error) {
    db?.close();
    release();
    throw error;
  }
}

/**
 * Opens a panel file. Every failure is a PuntariError naming what is wrong; a file that is
 * not a panel, corrupt or from a newer Puntari is never written to.
 */
export function openPanelFile(path: string, passphrase?: string): OpenPanel {
  if (!existsSync(path)) throw new PuntariError('panel.notFound', { path });
  if (!statSync(path).isFile()) throw new PuntariError('panel.notAPanel', { path });
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch {
    throw new PuntariError('panel.readOnly', { path });
  }
  const plain = readsAsPlainSqlite(path);
  if (!plain && passphrase === undefined) {
    // Either encrypted, or not a database at all: both need the user to know which file this is.
    throw new PuntariError('panel.passphraseRequired', { path });
  }
  const release = acquireLock(path);
  let db: Db | undefined;
  try {
    db = openSqlite(path, { fileMustExist: true });
    if (!plain && passphrase !== undefined) applyPassphrase(db, passphrase);
    let appId: number;
    try {
      appId = db.pragma('application_id', { simple: true }) as number;
    } catch (error) {
      if (sqliteCode(error) === 'SQLITE_NOTADB') {
        throw new PuntariError(plain ? 'panel.corrupt' : 'panel.wrongPassphrase', { path });
      }
      throw new PuntariError('panel.corrupt', { path, detail: String((error as Error).message) });
    }
    if (appId !== APPLICATION_ID) throw new PuntariError('panel.notAPanel', { path });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new PuntariError('panel.corrupt', { path, detail: String(check) });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new PuntariError('panel.newerVersion', { fileVersion: version, appVersion: SCHEMA_VERSION });
    }
    configure(db);
    migrate(db, path);
    return wrap(db, path, plain ? undefined : passphrase, release);
  } catch (error) {
    db?.close();
    release();
    if (error instanceof PuntariError) throw error;
    const code = sqliteCode(error);
    if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') throw new PuntariError('panel.readOnly', { path });
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') throw new PuntariError('panel.corrupt', { path });
    throw error;
  }
}

export function panelEpoch(db: Db): string {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'epoch'").get() as { value: string } | undefined;
  return row?.value ?? 'none';
}

export function startNewEpoch(db: Db): string {
  const epoch = randomUUID();
  db.prepare("INSERT INTO meta (key, value) VALUES ('epoch', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(epoch);
  return epoch;
}

/**
 * The recruitment file: the sign-ups' personal data (names, contacts, addresses, every imported
 * column) and the uploaded files themselves, in a SQLite file of its own next to the panel:
 * `<panel>.recruitment.puntari`, encrypted with the panel's passphrase. The panel file taken to
 * the venue never holds the pool; this file stays in the office (or is deleted after the draw).
 *
 * A link id written into both files keeps a recruitment file from being used with another panel.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { PuntariError } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import { applyPassphrase, openSqlite, type Db } from '../../store/sqlite.js';

/** "PuRe" */
const RECRUITMENT_APP_ID = 0x50755265;

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE signup (
  pool_id TEXT PRIMARY KEY,
  row_no INTEGER NOT NULL,
  full_name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'fi',
  columns TEXT NOT NULL
) STRICT;
CREATE TABLE upload (
  sha256 TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  bytes BLOB NOT NULL,
  at TEXT NOT NULL
) STRICT;
`;

export interface SignupPersonal {
  poolId: string;
  row: number;
  fullName: string;
  email: string;
  phone: string;
  address: string;
  postcode: string;
  language: 'fi' | 'sv' | 'en';
  columns: Record<string, string>;
}

export function recruitmentPath(panelPath: string): string {
  return `${panelPath.replace(/\.puntari$/i, '')}.recruitment.puntari`;
}

export function recruitmentFileName(panelPath: string): string {
  return basename(recruitmentPath(panelPath));
}

let cached: { path: string; db: Db } | null = null;

/** Closes the open recruitment file (the hub calls it when it closes). */
export function closeRecruitment(): void {
  if (cached) {
    try {
      cached.db.close();
    } catch {
      // already closed
    }
    cached = null;
  }
}

/**
 * The recruitment file of a panel, opened (and cached) or created. `link` is the panel's link id
 * (selection_settings.recruitment_link); a file with another link is refused.
 */
export function openRecruitment(panelPath: string, passphrase: string | undefined, link: string, create: boolean): Db | null {
  const path = recruitmentPath(panelPath);
  if (cached && cached.path === path) return cached.db;
  closeRecruitment();
  const exists = existsSync(path);
  if (!exists && !create) return null;
  const db = openSqlite(path);
  try {
    if (passphrase !== undefined) applyPassphrase(db, passphrase);
    if (!exists) {
      db.pragma(`application_id = ${RECRUITMENT_APP_ID}`);
      db.pragma('journal_mode = DELETE');
      db.exec(SCHEMA);
      db.prepare("INSERT INTO meta (key, value) VALUES ('link', ?)").run(link);
    } else if (storedLink(db, path, passphrase) !== link) throw new PuntariError('selection.recruitmentMismatch', { file: basename(path) });
    db.pragma('synchronous = FULL');
  } catch (error) {
    db.close();
    throw error;
  }
  cached = { path, db };
  return db;
}

function storedLink(db: Db, path: string, passphrase: string | undefined): string | null {
  let appId: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
  } catch {
    throw new PuntariError(passphrase === undefined ? 'panel.passphraseRequired' : 'panel.wrongPassphrase', { path });
  }
  if (appId !== RECRUITMENT_APP_ID) return null;
  return (db.prepare("SELECT value FROM meta WHERE key = 'link'").get() as { value: string } | undefined)?.value ?? null;
}

/** The panel link written in a recruitment file at `path` (null: not a recruitment file); throws on a wrong passphrase. */
export function recruitmentLinkAt(path: string, passphrase: string | undefined): string | null {
  const db = openSqlite(path, { readonly: true, fileMustExist: true });
  try {
    if (passphrase !== undefined) applyPassphrase(db, passphrase);
    return storedLink(db, path, passphrase);
  } finally {
    db.close();
  }
}

/**
 * A consistent copy of the panel's recruitment file at `target` (VACUUM INTO: still encrypted
 * with the same passphrase), for a backup; false when the panel has no recruitment file.
 */
export function copyRecruitment(panelPath: string, passphrase: string | undefined, target: string): boolean {
  const path = recruitmentPath(panelPath);
  if (!existsSync(path)) return false;
  const db = openSqlite(path, { readonly: true, fileMustExist: true });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    if (passphrase !== undefined) applyPassphrase(db, passphrase);
    db.prepare('VACUUM INTO ?').run(partial);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  return true;
}

export function newLink(): string {
  return uuidv7();
}

/** Deletes the recruitment file: the pool's personal data is gone for good. */
export function deleteRecruitment(panelPath: string): void {
  const path = recruitmentPath(panelPath);
  if (cached?.path === path) closeRecruitment();
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

export function replaceSignups(db: Db, signups: readonly SignupPersonal[], upload: { sha256: string; name: string; bytes: Uint8Array }, at: string): void {
  db.transaction(() => {
    db.prepare('DELETE FROM signup').run();
    const ins = db.prepare(
      'INSERT INTO signup (pool_id, row_no, full_name, email, phone, address, postcode, language, columns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const s of signups) ins.run(s.poolId, s.row, s.fullName, s.email, s.phone, s.address, s.postcode, s.language, JSON.stringify(s.columns));
    db.prepare('INSERT OR REPLACE INTO upload (sha256, kind, name, bytes, at) VALUES (?, ?, ?, ?, ?)').run(upload.sha256, 'people', upload.name, Buffer.from(upload.bytes), at);
  })();
}

export function keepUpload(db: Db, kind: 'people' | 'quotas', upload: { sha256: string; name: string; bytes: Uint8Array }, at: string): void {
  db.prepare('INSERT OR REPLACE INTO upload (sha256, kind, name, bytes, at) VALUES (?, ?, ?, ?, ?)').run(upload.sha256, kind, upload.name, Buffer.from(upload.bytes), at);
}

interface SignupRow {
  pool_id: string;
  row_no: number;
  full_name: string;
  email: string;
  phone: string;
  address: string;
  postcode: string;
  language: string;
  columns: string;
}

function toSignup(r: SignupRow): SignupPersonal {
  const language = r.language === 'sv' || r.language === 'en' ? r.language : 'fi';
  return {
    poolId: r.pool_id,
    row: r.row_no,
    fullName: r.full_name,
    email: r.email,
    phone: r.phone,
    address: r.address,
    postcode: r.postcode,
    language,
    columns: JSON.parse(r.columns) as Record<string, string>,
  };
}

export function readSignups(db: Db, ids?: readonly string[]): Map<string, SignupPersonal> {
  const out = new Map<string, SignupPersonal>();
  if (ids) {
    const one = db.prepare('SELECT * FROM signup WHERE pool_id = ?');
    for (const id of ids) {
      const r = one.get(id) as SignupRow | undefined;
      if (r) out.set(id, toSignup(r));
    }
  } else for (const r of db.prepare('SELECT * FROM signup ORDER BY row_no').all() as SignupRow[]) out.set(r.pool_id, toSignup(r));
  return out;
}

export function signupNames(db: Db): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of db.prepare('SELECT pool_id, full_name FROM signup').all() as { pool_id: string; full_name: string }[]) out.set(r.pool_id, r.full_name);
  return out;
}

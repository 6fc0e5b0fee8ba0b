import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PuntariError } from '../../shared/errors.js';
import { listBackups, pruneBackups, writeBackup } from '../../main/store/backups.js';
import { createPanelFile, openPanelFile } from '../../main/store/panelFile.js';
import { SCHEMA_VERSION } from '../../main/store/migrations/index.js';
import { openSqlite } from '../../main/store/sqlite.js';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'puntari-store-'));
  dirs.push(d);
  return d;
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof PuntariError) return error.code;
    throw error;
  }
  return 'no error';
}

afterEach(() => {
  dirs.length = 0;
});

describe('panel file', () => {
  it('creates, closes into one file, and reopens with everything there', () => {
    const path = join(tmp(), 'a.puntari');
    const panel = createPanelFile(path, 'Testipaneeli');
    panel.db.prepare("UPDATE panel SET venue = 'Hyvinkää' WHERE id = 1").run();
    panel.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}.lock`)).toBe(false);
    const again = openPanelFile(path);
    expect(again.db.prepare('SELECT name, venue FROM panel').get()).toEqual({ name: 'Testipaneeli', venue: 'Hyvinkää' });
    expect(again.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(again.db.pragma('foreign_keys', { simple: true })).toBe(1);
    again.close();
  });

  it('encrypts with a passphrase: no plaintext on disk, wrong or missing passphrase refused', () => {
    const path = join(tmp(), 'secret.puntari');
    const panel = createPanelFile(path, 'Salainen paneeli', 'kissa123');
    panel.close();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('Salainen'))).toBe(false);
    expect(code(() => openPanelFile(path))).toBe('panel.passphraseRequired');
    expect(code(() => openPanelFile(path, 'koira'))).toBe('panel.wrongPassphrase');
    const ok = openPanelFile(path, 'kissa123');
    expect(ok.encrypted).toBe(true);
    expect((ok.db.prepare('SELECT name FROM panel').get() as { name: string }).name).toBe('Salainen paneeli');
    ok.close();
  });

  it('refuses a file that is missing, not a panel, corrupt, newer, read-only or already open', () => {
    const d = tmp();
    expect(code(() => openPanelFile(join(d, 'missing.puntari')))).toBe('panel.notFound');

    const text = join(d, 'notes.puntari');
    writeFileSync(text, 'just some text, not a database at all........');
    expect(code(() => openPanelFile(text))).toBe('panel.passphraseRequired');
    expect(readFileSync(text, 'utf8')).toBe('just some text, not a database at all........');

    const other = join(d, 'other.puntari');
    const db = openSqlite(other);
    db.exec('CREATE TABLE x (a INTEGER) STRICT');
    db.close();
    expect(code(() => openPanelFile(other))).toBe('panel.notAPanel');

    const newer = join(d, 'newer.puntari');
    createPanelFile(newer, 'Uusi').close();
    const raw = openSqlite(newer);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(code(() => openPanelFile(newer))).toBe('panel.newerVersion');

    const corrupt = join(d, 'corrupt.puntari');
    createPanelFile(corrupt, 'Rikki').close();
    const bytes = readFileSync(corrupt);
    bytes.fill(0x41, 100, bytes.length);
    writeFileSync(corrupt, bytes);
    expect(code(() => openPanelFile(corrupt))).toBe('panel.corrupt');

    const open = join(d, 'open.puntari');
    const first = createPanelFile(open, 'Auki');
    expect(code(() => openPanelFile(open))).toBe('panel.locked');
    first.close();
    openPanelFile(open).close();

    if (process.getuid?.() !== 0) {
      const ro = join(d, 'ro.puntari');
      createPanelFile(ro, 'Lukittu').close();
      chmodSync(ro, 0o444);
      expect(code(() => openPanelFile(ro))).toBe('panel.readOnly');
    }
  });

  it('refuses to create over an existing file or without the extension', () => {
    const d = tmp();
    const path = join(d, 'x.puntari');
    writeFileSync(path, 'keep me');
    expect(code(() => createPanelFile(path, 'X'))).toBe('panel.alreadyExists');
    expect(readFileSync(path, 'utf8')).toBe('keep me');
    expect(code(() => createPanelFile(join(d, 'x.sqlite'), 'X'))).toBe('panel.badPath');
  });

  it('backs up with VACUUM INTO, keeps encryption, lists newest first and prunes', () => {
    const d = tmp();
    const path = join(d, 'b.puntari');
    const folder = join(d, 'usb');
    const panel = createPanelFile(path, 'Varmuuskopio', 'pass');
    expect(code(() => writeBackup(panel.db, path, folder))).toBe('backup.folderMissing');
    mkdirSync(folder);
    const times = [0, 1, 2].map((i) => new Date(Date.UTC(2026, 10, 21, 9, i)));
    for (const t of times) writeBackup(panel.db, path, folder, t);
    const list = listBackups(path, folder);
    expect(list.map((b) => b.createdAt)).toEqual(times.map((t) => t.toISOString()).reverse());
    pruneBackups(path, folder, 2);
    expect(listBackups(path, folder)).toHaveLength(2);
    panel.close();
    expect(code(() => openPanelFile(list[0]!.path))).toBe('panel.passphraseRequired');
    const restored = openPanelFile(list[0]!.path, 'pass');
    expect((restored.db.prepare('SELECT name FROM panel').get() as { name: string }).name).toBe('Varmuuskopio');
    restored.close();
  });
});

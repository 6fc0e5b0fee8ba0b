/**
 * Forgetting the pool (issue 7, "the pool does not travel") on a real hub and a real panel file:
 * the recruitment file's copies go in every folder backups ever wrote one to, not only the folder
 * configured now; a folder that cannot be reached (an unplugged drive) is reported by path and
 * kept on the panel's list until a later attempt reaches it or the facilitator takes it off the list
 * (a drive gone for good); nothing else in the folders is touched.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupFile } from '../../shared/panel.js';
import type { ForgetPoolResult, SelectionView, UploadedTable } from '../../shared/recruitment.js';
import { signupCsv, signupRow, syntheticSignups } from '../../main/features/selection/demoPool.js';
import { recruitmentPath } from '../../main/features/selection/recruitmentFile.js';
import { startHub, type RunningHub } from '../../main/hub/server.js';
import { createFeaturePanel } from '../support/featurePanel.js';
import { facilitatorCookie, facilitatorRequest, Peer, sendCommand } from './hubClient.js';

let dir: string;
let panelPath: string;
let running: RunningHub;
let origin: string;
let cookie: string;
let f: Peer;

const db = () => running.hub.session!.db;

const ok = (name: string, input: unknown) => sendCommand(f, name, input);

const http = <T>(method: 'GET' | 'POST', path: string, body?: unknown, raw?: Uint8Array) =>
  facilitatorRequest(origin, cookie, method, path, body, raw) as Promise<{ status: number; body: T }>;

/** The feed's latest 'selection' record, as the facilitator's screen has it. */
function view(): SelectionView {
  const row = db().prepare("SELECT value FROM change_log WHERE topic = 'selection' ORDER BY seq DESC LIMIT 1").get() as { value: string };
  return JSON.parse(row.value) as SelectionView;
}

function copiesIn(folder: string): string[] {
  return readdirSync(folder).filter((n) => n.endsWith('.recruitment.puntari'));
}

function panelBackupsIn(folder: string): string[] {
  return readdirSync(folder).filter((n) => /^keski\.\d{8}T\d{6}Z\.puntari$/.test(n));
}

/** Backups are named by the second: two in a row in one folder must not share a name. */
async function backupNow(): Promise<BackupFile> {
  const before = new Date().toISOString().slice(0, 19);
  await expect.poll(() => new Date().toISOString().slice(0, 19), { timeout: 5000, interval: 50 }).not.toBe(before);
  return (await ok('host.backupNow', {})) as BackupFile;
}

async function backupsInto(folder: string, count: number): Promise<BackupFile[]> {
  await ok('host.setBackups', { folder, intervalMinutes: 60, keep: 10 });
  const made: BackupFile[] = [];
  for (let i = 0; i < count; i++) made.push(await backupNow());
  expect(made.every((b) => b.pool)).toBe(true);
  return made;
}

async function importPool(): Promise<void> {
  const upload = await http<UploadedTable>('POST', '/api/selection/upload?name=ilmoittautuneet.csv', undefined, signupCsv(syntheticSignups(212).map(signupRow)));
  expect(upload.status).toBe(200);
  const imported = await http<{ imported: number }>('POST', '/api/selection/import', { uploadId: upload.body.uploadId, mapping: upload.body.suggested, excludeRows: [] });
  expect(imported.body).toEqual({ imported: 212 });
}

async function drawPanel(): Promise<void> {
  await ok('selection.settings', { panelSize: 40, tolerance: 1, lotteryM: 1000, reserveCount: 10 });
  await ok('selection.quotasFromShares', {});
  expect((await http('POST', '/api/selection/run', { algorithm: 'legacy', draws: 20, seed: 'f' })).status).toBe(202);
  await expect.poll(() => view().runs.some((r) => r.algorithm === 'legacy'), { timeout: 60_000, interval: 100 }).toBe(true);
  const run = view().runs.find((r) => r.algorithm === 'legacy')!;
  expect((await http('POST', '/api/selection/draw', { runId: run.id })).status).toBe(200);
}

function forgetAudits(): Record<string, number>[] {
  return (db().prepare("SELECT detail FROM audit_log WHERE command = 'selection.forgetPool' ORDER BY id").all() as { detail: string }[]).map(
    (r) => JSON.parse(r.detail) as Record<string, number>,
  );
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puntari-forget-'));
  panelPath = join(dir, 'keski.puntari');
  createFeaturePanel(panelPath, 'Unohdustesti', 'salasana-123');
  running = await startHub({ port: 0, home: join(dir, 'home'), panelPath, passphrase: 'salasana-123', roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] });
  ({ origin, cookie } = await facilitatorCookie(running.facilitatorUrl()));
  f = await Peer.connect(origin, cookie);
  f.send({ t: 'hello', epoch: null, seq: null });
  await f.next('snapshot');
  await importPool();
});

afterEach(async () => {
  await running.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('forgetting the pool', () => {
  it('deletes the copies in every folder backups wrote to, and nothing else there', async () => {
    const office = join(dir, 'office');
    const usb = join(dir, 'usb');
    mkdirSync(office);
    mkdirSync(usb);
    // What else lives in the folders stays: the facilitator's own file, and another panel's pool copy.
    writeFileSync(join(office, 'muistiinpanot.txt'), 'omat muistiinpanot');
    writeFileSync(join(office, 'toinen.20240101T000000Z.recruitment.puntari'), 'toisen paneelin kopio');

    const first = (await backupsInto(office, 2))[0]!;
    await backupsInto(usb, 1);
    expect(view().poolCopies).toEqual([
      { folder: office, notReached: null },
      { folder: usb, notReached: null },
    ]);

    // A restored backup knows only the office folder; the panel's list of folders survives it.
    await ok('host.restoreBackup', { path: first.path });
    const snapshot = await f.next('snapshot', () => true, 30_000);
    expect(snapshot.data.selection?.selection?.poolCopies.map((c) => c.folder)).toEqual([office, usb]);
    await drawPanel();

    const officeBackups = panelBackupsIn(office);
    const usbBackups = panelBackupsIn(usb);
    expect(officeBackups).toHaveLength(2);
    expect(usbBackups).toHaveLength(1);
    expect(copiesIn(office)).toHaveLength(3);
    expect(copiesIn(usb)).toHaveLength(1);

    const forgot = await http<ForgetPoolResult>('POST', '/api/selection/forget-pool');
    expect(forgot.status).toBe(200);
    // Three backup copies, and the recruitment file the restore set aside beside the panel.
    expect(forgot.body).toEqual({ removed: 4, notReached: [] });
    expect(existsSync(recruitmentPath(panelPath))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('recruitment'))).toEqual([]);
    expect(copiesIn(usb)).toEqual([]);
    expect(copiesIn(office)).toEqual(['toinen.20240101T000000Z.recruitment.puntari']);
    expect(readdirSync(office)).toContain('muistiinpanot.txt');
    expect(panelBackupsIn(office)).toEqual(officeBackups);
    expect(panelBackupsIn(usb)).toEqual(usbBackups);
    expect(view().poolCopies).toEqual([]);
    expect(db().prepare('SELECT count(*) AS n FROM recruitment_copy_folder').get()).toEqual({ n: 0 });
    // The audit says how much went, never whose.
    expect(forgetAudits()).toEqual([{ pool: 212, copiesRemoved: 4, foldersCleared: 2, foldersNotReached: 0 }]);
  }, 180_000);

  it('reports a folder it cannot reach, keeps it listed, and finishes the job when the folder is back', async () => {
    const office = join(dir, 'office');
    const usb = join(dir, 'usb');
    mkdirSync(office);
    mkdirSync(usb);
    await backupsInto(usb, 1);
    await backupsInto(office, 1);
    await drawPanel();

    // The stick is unplugged, and something else now answers to its path (tests may run as root,
    // where a folder without permissions would still be readable): a file, not a folder.
    const unplugged = join(dir, 'usb-away');
    renameSync(usb, unplugged);
    writeFileSync(usb, '');

    const first = await http<ForgetPoolResult>('POST', '/api/selection/forget-pool');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ removed: 1, notReached: [usb] });
    expect(copiesIn(office)).toEqual([]);
    expect(copiesIn(unplugged)).toHaveLength(1);
    expect(view().poolCopies).toEqual([{ folder: usb, notReached: 'missing' }]);
    expect(view().pool?.recruitmentFileFound).toBe(false);

    // Still unreachable: still listed.
    rmSync(usb);
    expect((await http<ForgetPoolResult>('POST', '/api/selection/forget-pool')).body).toEqual({ removed: 0, notReached: [usb] });
    expect(view().poolCopies).toEqual([{ folder: usb, notReached: 'missing' }]);

    // Plugged in again: forgetting again deletes what was left, and the list is cleared.
    renameSync(unplugged, usb);
    const again = await http<ForgetPoolResult>('POST', '/api/selection/forget-pool');
    expect(again.body).toEqual({ removed: 1, notReached: [] });
    expect(copiesIn(usb)).toEqual([]);
    expect(panelBackupsIn(usb)).toHaveLength(1);
    expect(panelBackupsIn(office)).toHaveLength(1);
    expect(view().poolCopies).toEqual([]);
    expect(forgetAudits()).toEqual([
      { pool: 212, copiesRemoved: 1, foldersCleared: 1, foldersNotReached: 1 },
      { pool: 212, copiesRemoved: 0, foldersCleared: 1, foldersNotReached: 1 },
      { pool: 212, copiesRemoved: 1, foldersCleared: 2, foldersNotReached: 0 },
    ]);
  }, 180_000);

  it('takes a folder gone for good off the list when asked, deleting nothing, with counts only in the audit', async () => {
    const office = join(dir, 'office');
    const stick1 = join(dir, 'stick1');
    const stick2 = join(dir, 'stick2');
    for (const folder of [office, stick1, stick2]) mkdirSync(folder);
    await backupsInto(stick1, 1);
    await backupsInto(stick2, 1);
    await backupsInto(office, 1);
    await drawPanel();

    // A folder that can still be reached is not taken off the list: its copies would be forgotten about.
    const reachable = await http<{ error: { code: string } }>('POST', '/api/selection/drop-copy-folder', { folder: stick1 });
    expect(reachable).toMatchObject({ status: 404, body: { error: { code: 'selection.copyFolderNotListed' } } });
    expect(view().poolCopies.map((c) => c.folder)).toEqual([stick1, stick2, office]);

    // Both sticks are gone (a file answers to each path, as in the test above).
    const wiped = join(dir, 'stick1-found-later');
    renameSync(stick1, wiped);
    writeFileSync(stick1, '');
    renameSync(stick2, join(dir, 'stick2-away'));
    writeFileSync(stick2, '');
    expect((await http<ForgetPoolResult>('POST', '/api/selection/forget-pool')).body).toEqual({ removed: 1, notReached: [stick1, stick2] });

    const dropped = await http<{ notReached: string[] }>('POST', '/api/selection/drop-copy-folder', { folder: stick1 });
    expect(dropped).toEqual({ status: 200, body: { notReached: [stick2] } });
    expect(view().poolCopies).toEqual([{ folder: stick2, notReached: 'missing' }]);
    // Puntari deleted nothing: the copy on the stick is still there if the stick turns up.
    expect(copiesIn(wiped)).toHaveLength(1);
    // Taken off once: a second request is refused and records nothing.
    expect((await http<{ error: { code: string } }>('POST', '/api/selection/drop-copy-folder', { folder: stick1 })).status).toBe(404);
    expect((await http<{ error: { code: string } }>('POST', '/api/selection/drop-copy-folder', { folder: office })).status).toBe(404);

    expect((await http<{ notReached: string[] }>('POST', '/api/selection/drop-copy-folder', { folder: stick2 })).body).toEqual({ notReached: [] });
    expect(view().poolCopies).toEqual([]);
    // The stick found later is not on the list: forgetting again does not look for it.
    rmSync(stick1);
    renameSync(wiped, stick1);
    expect((await http<ForgetPoolResult>('POST', '/api/selection/forget-pool')).body).toEqual({ removed: 0, notReached: [] });
    expect(copiesIn(stick1)).toHaveLength(1);

    const audits = (db().prepare("SELECT detail FROM audit_log WHERE command = 'selection.dropCopyFolder' ORDER BY id").all() as { detail: string }[]).map((r) => r.detail);
    expect(audits.map((d) => JSON.parse(d) as unknown)).toEqual([
      { foldersDropped: 1, foldersNotReached: 1 },
      { foldersDropped: 1, foldersNotReached: 0 },
    ]);
    expect(audits.join('')).not.toContain(dir);
  }, 180_000);
});

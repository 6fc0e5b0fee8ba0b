/**
 * Issue 7 on a real hub: importing sign-ups (refused with a report by row and column until clean),
 * quotas from population shares, the smallest relaxation when infeasible, LEXIMIN and LEGACY in a
 * worker, the draw by a public number (reproducible), a replacement that keeps the quotas, the
 * audit PDF — and the pool's personal data kept out of the panel file.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PoolOnRestore } from '../../shared/host.js';
import type { BackupFile } from '../../shared/panel.js';
import type { PoolMapping, PoolReport, SelectionView, UploadedTable } from '../../shared/recruitment.js';
import type { Feasibility } from '../../shared/selection.js';
import { signupCsv, signupRow, syntheticSignups } from '../../main/features/selection/demoPool.js';
import { drawPanel, roundToLottery } from '../../main/features/selection/engine/index.js';
import { recruitmentPath } from '../../main/features/selection/recruitmentFile.js';
import { panelAgainstQuotas } from '../../main/features/selection/runs.js';
import { readRun } from '../../main/features/selection/store.js';
import { startHub, type RunningHub } from '../../main/hub/server.js';
import { createFeaturePanel } from '../support/featurePanel.js';
import { backupCompanion } from '../../main/store/backups.js';
import { openPanelFile } from '../../main/store/panelFile.js';
import { facilitatorCookie, facilitatorRequest, Peer, sendCommand } from './hubClient.js';
import { SHARED_DATA } from '../support/sharedData.js';

let dir: string;
let panelPath: string;
let running: RunningHub;
let origin: string;
let cookie: string;
let f: Peer;

const db = () => running.hub.session!.db;

const ok = (name: string, input: unknown) => sendCommand(f, name, input);

const http = (method: 'GET' | 'POST', path: string, body?: unknown, raw?: Uint8Array) => facilitatorRequest(origin, cookie, method, path, body, raw);

function view(): SelectionView {
  // The feed's latest 'selection' record, as the facilitator's screen has it.
  const rows = db().prepare("SELECT value FROM change_log WHERE topic = 'selection' ORDER BY seq DESC LIMIT 1").get() as { value: string } | undefined;
  return JSON.parse(rows!.value) as SelectionView;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puntari-selection-'));
  panelPath = join(dir, 'keski.puntari');
  createFeaturePanel(panelPath, 'Valintatesti', 'salasana-123');
  running = await startHub({ port: 0, home: join(dir, 'home'), panelPath, passphrase: 'salasana-123', roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] });
  ({ origin, cookie } = await facilitatorCookie(running.facilitatorUrl()));
  f = await Peer.connect(origin, cookie);
  f.send({ t: 'hello', epoch: null, seq: null });
  await f.next('snapshot');
});

afterEach(async () => {
  await running.close();
});

const signups = syntheticSignups(212);

async function upload(rows: string[][]): Promise<UploadedTable> {
  const res = await http('POST', '/api/selection/upload?name=ilmoittautuneet.csv', undefined, signupCsv(rows));
  expect(res.status).toBe(200);
  return res.body as UploadedTable;
}

async function importClean(): Promise<PoolMapping> {
  const up = await upload(signups.map(signupRow));
  const res = await http('POST', '/api/selection/import', { uploadId: up.uploadId, mapping: up.suggested, excludeRows: [] });
  expect(res.status).toBe(200);
  expect(res.body.imported).toBe(212);
  return up.suggested;
}

async function waitForRun(algorithm: 'leximin' | 'legacy', before: number): Promise<SelectionView> {
  for (let i = 0; i < 600; i++) {
    const v = view();
    if (v.runs.filter((r) => r.algorithm === algorithm).length > before) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('run did not finish');
}

describe('selection', () => {
  it('reports every problem by row and column and imports nothing until the file is clean', async () => {
    const rows = signups.map(signupRow);
    rows[8]![0] = rows[7]![0]!; // file row 10: duplicate id
    rows[20]![7] = ''; // file row 22: empty age group
    rows[30]![6] = 'Pornainen'; // file row 32: not one of the municipalities
    rows[40]![0] = ''; // file row 42: no id
    const up = await upload(rows);
    // Windows-1252 and semicolons, as Excel writes them; the headers map to the panel's features.
    expect(up).toMatchObject({ encoding: 'windows-1252', delimiter: ';', rows: 212 });
    expect(up.suggested).toMatchObject({ id: 'Vastaajanumero', name: 'Nimi', email: 'Sähköposti', phone: 'Puhelin', address: ['Katuosoite'], postcode: 'Postinumero', language: 'Kieli' });
    expect(up.suggested.features.map((x) => x.feature)).toEqual(['municipality', 'ageGroup', 'gender', 'education']);

    const report = (await http('POST', '/api/selection/validate', { uploadId: up.uploadId, mapping: up.suggested })).body as PoolReport;
    expect(report.clean).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { code: 'duplicateId', row: 10, column: 'Vastaajanumero', value: rows[7]![0] },
        { code: 'emptyFeature', row: 22, column: 'Ikäryhmä' },
        { code: 'unknownValue', row: 32, column: 'Kotikunta', value: 'Pornainen' },
        { code: 'missingId', row: 42, column: 'Vastaajanumero' },
      ]),
    );
    expect(report.problemRows).toEqual([10, 22, 32, 42]);

    const refused = await http('POST', '/api/selection/import', { uploadId: up.uploadId, mapping: up.suggested, excludeRows: [10, 22] });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('selection.importInvalid');
    expect((db().prepare('SELECT count(*) AS n FROM selection_pool').get() as { n: number }).n).toBe(0);
    expect(existsSync(recruitmentPath(panelPath))).toBe(false);

    // Explicitly leaving the listed rows out is allowed.
    const excluded = await http('POST', '/api/selection/import', { uploadId: up.uploadId, mapping: up.suggested, excludeRows: [10, 22, 32, 42] });
    expect(excluded.status).toBe(200);
    expect(excluded.body.imported).toBe(208);
    expect(view().inputs[0]).toMatchObject({ kind: 'people', excludedRows: [10, 22, 32, 42], rows: 212 });

    // Fixed in the file and imported again: everyone.
    await importClean();
    expect(view().pool).toMatchObject({ n: 212, recruitmentFileFound: true });
  });

  it('computes quotas from shares, proposes the smallest relaxation, runs LEXIMIN and LEGACY, draws by number, replaces, reports', async () => {
    await importClean();
    await ok('selection.settings', { panelSize: 40, tolerance: 1, lotteryM: 1000, reserveCount: 30 });
    await ok('selection.setInvitations', { total: 5000, perValue: [{ feature: 'municipality', value: 'mantsala', invitations: 450 }] });
    const { quotas } = (await ok('selection.quotasFromShares', {})) as { quotas: number };
    expect(quotas).toBe(18);
    const mantsala = view().quotas.find((q) => q.value === 'mantsala')!;
    expect(mantsala).toMatchObject({ min: 2, max: 5 });

    // More people from Mäntsälä than signed up: infeasible, and the fix is named by feature value.
    const inPool = view().pool!.counts.municipality!.mantsala!;
    await ok('selection.setQuotas', { quotas: [{ feature: 'municipality', value: 'mantsala', min: inPool + 2, max: inPool + 3 }] });
    const bad = (await http('POST', '/api/selection/feasibility')).body as Feasibility;
    expect(bad.feasible).toBe(false);
    if (bad.feasible) return;
    expect(bad.relaxations).toContainEqual(expect.objectContaining({ feature: 'municipality', value: 'mantsala', min: inPool }));
    await ok('selection.setQuotas', {
      quotas: bad.relaxations.map((r) => ({ feature: r.feature, value: r.value, min: r.min ?? r.was.min, max: r.max ?? r.was.max })),
    });
    expect(((await http('POST', '/api/selection/feasibility')).body as Feasibility).feasible).toBe(true);
    await ok('selection.setQuotas', { quotas: [{ feature: 'municipality', value: 'mantsala', min: 2, max: 5 }] });

    // LEXIMIN in a worker; the hub answers meanwhile.
    const started = await http('POST', '/api/selection/run', { algorithm: 'leximin', seed: 'testi' });
    expect(started.status).toBe(202);
    const busy = await http('POST', '/api/selection/run', { algorithm: 'legacy' });
    expect([202, 409]).toContain(busy.status);
    let v = await waitForRun('leximin', 0);
    const lex = v.runs.find((r) => r.algorithm === 'leximin')!;
    expect(lex).toMatchObject({ final: true, k: 40, n: 212, stale: false });
    expect(lex.minProbability).toBeGreaterThan(0.05);
    expect(lex.histogram.reduce((a, b) => a + b, 0)).toBe(212);
    if (busy.status === 409) await http('POST', '/api/selection/run', { algorithm: 'legacy', draws: 200, seed: 'x' });
    v = await waitForRun('legacy', 0);
    const leg = v.runs.find((r) => r.algorithm === 'legacy')!;
    expect(leg.minProbability).toBeLessThanOrEqual(lex.minProbability + 1e-9);

    // The pool table lists everyone with their probabilities and names (from the recruitment file).
    const pool = (await http('GET', '/api/selection/pool')).body as { rows: { poolId: string; name: string; leximin: number }[] };
    expect(pool.rows).toHaveLength(212);
    expect(pool.rows[0]!.name).toBe(`${signups[0]!.first} ${signups[0]!.last}`);
    expect(pool.rows.reduce((a, r) => a + r.leximin, 0)).toBeCloseTo(40, 4);

    // The draw by a number drawn in public; anyone can reproduce it from the lottery's seed.
    const drawn = await http('POST', '/api/selection/draw', { runId: lex.id, number: 137 });
    expect(drawn.status).toBe(200);
    expect(drawn.body.participants).toHaveLength(40);
    const stored = readRun(db(), lex.id)!;
    const again = roundToLottery({ typeLottery: stored.typeLottery!, probabilities: stored.probabilities } as never, 1000, stored.lottery!.seed);
    expect(drawPanel(again, 137)).toEqual([...drawn.body.panel].sort());
    v = view();
    expect(v.outcome).toMatchObject({ method: 'number', draw: 137 });
    expect(v.outcome!.reserves).toHaveLength(30);
    expect((db().prepare("SELECT count(*) AS n FROM participant WHERE status = 'invited'").get() as { n: number }).n).toBe(40);
    const twice = await http('POST', '/api/selection/draw', { runId: lex.id, number: 1 });
    expect(twice.status).toBe(409);

    // A drop-out is replaced by a reserve and every quota still holds.
    const dropped = drawn.body.participants[3] as string;
    let rep = await http('POST', '/api/selection/replace', { participantId: dropped });
    // The first reserve who keeps every quota, or (none does, and the facilitator is told) a new draw from the pool.
    if (rep.status === 409) {
      expect(rep.body.error.code).toBe('selection.noReserveFits');
      rep = await http('POST', '/api/selection/replace', { participantId: dropped, newDraw: true });
    }
    expect(rep.status).toBe(200);
    const newcomer = db().prepare('SELECT full_name FROM participant_personal WHERE participant_id = ?').get(rep.body.participantId) as { full_name: string };
    expect(newcomer.full_name).toMatch(/^\S+ \S+$/);
    expect((db().prepare('SELECT status FROM participant WHERE id = ?').get(dropped) as { status: string }).status).toBe('replaced');
    const against = panelAgainstQuotas(db(), view().quotas);
    for (const q of against) expect(q.count >= q.min && q.count <= q.max, `${q.feature}=${q.value}`).toBe(true);
    expect(against.filter((q) => q.feature === 'gender').reduce((a, q) => a + q.count, 0)).toBe(40);

    // The audit report.
    const pdf = await http('GET', '/api/print/selection-audit.pdf?lang=fi');
    expect(pdf.status).toBe(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    // The pool's personal data is not in the panel file: only the drawn people and the reserves.
    await running.close();
    const panel = openPanelFile(panelPath, 'salasana-123');
    try {
      const members = panel.db.prepare('SELECT pool_id FROM selection_member').pluck().all() as string[];
      const onPanelOrReserve = new Set<string>([...drawn.body.panel, ...drawn.body.reserves, ...members]);
      const others = signups.filter((s) => !onPanelOrReserve.has(s.id));
      expect(others.length).toBeGreaterThan(130);
      const tables = (panel.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).filter((t) => !t.startsWith('sqlite_'));
      let text = '';
      for (const t of tables) for (const row of panel.db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]) text += `${row.map((c) => (typeof c === 'string' ? c : '')).join('\u0001')}\n`;
      const kept = signups.filter((s) => onPanelOrReserve.has(s.id)).map((s) => `${s.first} ${s.last}`);
      for (const s of others) {
        expect(text.includes(s.email), s.email).toBe(false);
        // (Synthetic names repeat: a namesake may be on the panel.)
        if (!kept.includes(`${s.first} ${s.last}`)) expect(text.includes(`${s.first} ${s.last}`), s.last).toBe(false);
        expect(text.includes(s.phone), s.phone).toBe(false);
      }
      // …while the audit data is there: features and probabilities of every sign-up.
      expect((panel.db.prepare('SELECT count(*) AS n FROM selection_pool').get() as { n: number }).n).toBe(212);
    } finally {
      panel.close();
    }
    // The recruitment file has the pool, and needs the same passphrase.
    expect(existsSync(recruitmentPath(panelPath))).toBe(true);
    running = await startHub({ port: 0, home: join(dir, 'home2'), roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] });
  }, 120_000);
});

describe('drop-outs', () => {
  it('says when no reserve keeps the quotas, and draws a replacement from the pool only when asked', async () => {
    await importClean();
    await ok('selection.settings', { panelSize: 40, tolerance: 1, lotteryM: 1000, reserveCount: 0 });
    await ok('selection.quotasFromShares', {});
    expect((await http('POST', '/api/selection/run', { algorithm: 'legacy', draws: 20, seed: 'd' })).status).toBe(202);
    const run = (await waitForRun('legacy', 0)).runs.find((r) => r.algorithm === 'legacy')!;
    const drawn = await http('POST', '/api/selection/draw', { runId: run.id });
    expect(drawn.status).toBe(200);
    const dropped = drawn.body.participants[0] as string;
    const refused = await http('POST', '/api/selection/replace', { participantId: dropped });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('selection.noReserveFits');
    expect((db().prepare('SELECT status FROM participant WHERE id = ?').get(dropped) as { status: string }).status).not.toBe('replaced');
    const rep = await http('POST', '/api/selection/replace', { participantId: dropped, newDraw: true });
    expect(rep.status).toBe(200);
    expect(rep.body.source).toBe('draw');
    expect(view().outcome!.replacements).toEqual([expect.objectContaining({ dropped, replacement: rep.body.participantId, source: 'draw' })]);
    for (const q of panelAgainstQuotas(db(), view().quotas)) expect(q.count >= q.min && q.count <= q.max, `${q.feature}=${q.value}`).toBe(true);
  }, 120_000);
});

describe('the sign-up pool and backups', () => {
  it('backs the recruitment file up beside the panel, prunes and restores them together, and forgets every copy', async () => {
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    await ok('host.setBackups', { folder: usb, intervalMinutes: 60, keep: 10 });
    // A backup from before the import: the panel has no pool yet.
    const empty = (await ok('host.backupNow', {})) as BackupFile;
    expect(empty.pool).toBe(false);
    renameSync(empty.path, join(usb, 'keski.20200101T000000Z.puntari'));

    await importClean();
    const made = (await ok('host.backupNow', {})) as BackupFile;
    expect(made.pool).toBe(true);
    const poolCopy = backupCompanion(made.path, 'recruitment');
    expect(existsSync(poolCopy)).toBe(true);
    // The copy is the recruitment file, still encrypted with the panel's passphrase.
    expect(readFileSync(poolCopy).subarray(0, 16).toString('latin1')).not.toContain('SQLite format');

    // The pool changes after the backup (imported again without its last 12 sign-ups)…
    const up = await upload(signups.slice(0, 200).map(signupRow));
    expect((await http('POST', '/api/selection/import', { uploadId: up.uploadId, mapping: up.suggested, excludeRows: [] })).body).toEqual({ imported: 200 });
    // …and restoring the backup brings the pool back with it; the replaced file is kept beside.
    const restored = (await ok('host.restoreBackup', { path: made.path })) as PoolOnRestore;
    expect(restored.pool).toBe('restored');
    expect(restored.setAside).toMatch(/^keski\.recruitment\.puntari\.before-restore-/);
    expect(existsSync(join(dir, restored.setAside!))).toBe(true);
    await f.next('snapshot', () => true, 30_000);
    const pool = (await http('GET', '/api/selection/pool')).body as { rows: { poolId: string; name: string | null }[] };
    expect(pool.rows).toHaveLength(212);
    expect(pool.rows.every((r) => r.name !== null)).toBe(true);
    expect(pool.rows[211]!.name).toBe(`${signups[211]!.first} ${signups[211]!.last}`);

    // A backup without a copy of the pool (as older versions made them) keeps the file that belongs to it.
    const again = (await ok('host.backupNow', {})) as BackupFile;
    rmSync(backupCompanion(again.path, 'recruitment'));
    expect(((await ok('host.restoreBackup', { path: again.path })) as PoolOnRestore).pool).toBe('kept');
    await f.next('snapshot', () => true, 30_000);
    expect(((await http('GET', '/api/selection/pool')).body as { rows: unknown[] }).rows).toHaveLength(212);

    // Restoring the backup from before the import sets the recruitment file aside (it is not the
    // restored panel's), and the pool can be imported again.
    const before = (await ok('host.restoreBackup', { path: join(usb, 'keski.20200101T000000Z.puntari') })) as PoolOnRestore;
    expect(before.pool).toBe('setAside');
    await f.next('snapshot', () => true, 30_000);
    expect(existsSync(recruitmentPath(panelPath))).toBe(false);
    expect(existsSync(join(dir, before.setAside!))).toBe(true);
    await importClean();

    // Retention: the oldest backups go with their pool copies.
    for (const name of readdirSync(usb)) rmSync(join(usb, name));
    await ok('host.setBackups', { folder: usb, intervalMinutes: 60, keep: 2 });
    for (const stamp of ['20210101T000000Z', '20220101T000000Z']) {
      const latest = (await ok('host.backupNow', {})) as BackupFile;
      renameSync(latest.path, join(usb, `keski.${stamp}.puntari`));
      renameSync(backupCompanion(latest.path, 'recruitment'), join(usb, `keski.${stamp}.recruitment.puntari`));
    }
    const last = (await ok('host.backupNow', {})) as BackupFile;
    const names = readdirSync(usb).sort();
    expect(names).toEqual([basename(backupCompanion(last.path, 'recruitment')), last.name, 'keski.20220101T000000Z.puntari', 'keski.20220101T000000Z.recruitment.puntari'].sort());
    expect(((await ok('host.listBackups', {})) as BackupFile[]).map((b) => b.pool)).toEqual([true, true]);

    // After the draw, forgetting the pool deletes every copy of it, not only the file beside the panel.
    await ok('selection.settings', { panelSize: 40, tolerance: 1, lotteryM: 1000, reserveCount: 10 });
    await ok('selection.quotasFromShares', {});
    expect((await http('POST', '/api/selection/run', { algorithm: 'legacy', draws: 20, seed: 'b' })).status).toBe(202);
    const run = (await waitForRun('legacy', 0)).runs.find((r) => r.algorithm === 'legacy')!;
    expect((await http('POST', '/api/selection/draw', { runId: run.id })).status).toBe(200);
    expect((await http('POST', '/api/selection/forget-pool')).status).toBe(200);
    expect(readdirSync(usb).filter((n) => n.includes('recruitment'))).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.includes('recruitment'))).toEqual([]);
    expect(((await ok('host.listBackups', {})) as BackupFile[]).map((b) => b.pool)).toEqual([false, false]);
  }, 180_000);
});

const SORTITION = join(SHARED_DATA, 'sortition');

describe('a quotas file in XLSX', () => {
  it('is read like the CSV, problems by row and column included', async () => {
    const csv = readFileSync(join(SORTITION, 'sf_example/features.csv'), 'utf8');
    const xlsx = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Kiintiöt');
      for (const r of rows) ws.addRow(r);
      return new Uint8Array(await wb.xlsx.writeBuffer());
    };
    const rows = csv.trim().split('\n').map((l) => l.split(','));
    const bad = rows.map((r) => [...r]);
    bad[3]![2] = 'kolme'; // sheet row 4: min is not a number
    const refused = await http('POST', '/api/selection/quotas?name=kiintiot.xlsx', undefined, await xlsx(bad));
    expect(refused.status).toBe(422);
    expect(refused.body.problems).toEqual([{ code: 'badNumber', row: 4, column: 'min', value: 'kolme' }]);
    const res = await http('POST', '/api/selection/quotas?name=kiintiot.xlsx', undefined, await xlsx(rows));
    expect(res.body).toEqual({ quotas: rows.length - 1, format: 'sortition-foundation' });
    expect(view().quotas).toContainEqual(expect.objectContaining({ min: Number(rows[1]![2]), max: Number(rows[1]![3]) }));
  });
});

describe('a large pool', () => {
  async function importFiE(): Promise<void> {
    const people = readFileSync(join(SORTITION, 'fi_e/people.csv'));
    const up = (await http('POST', '/api/selection/upload?name=people.csv', undefined, people)).body as UploadedTable;
    const features = ['kunta', 'ikä', 'sukupuoli', 'koulutus', 'asenne', 'työmarkkina-asema', 'kieli'];
    const mapping: PoolMapping = { id: 'id', name: null, email: null, phone: null, address: ['address'], postcode: 'postcode', language: null, features: features.map((x) => ({ column: x, feature: x })) };
    const imported = await http('POST', '/api/selection/import', { uploadId: up.uploadId, mapping, excludeRows: [] });
    expect(imported.body).toEqual({ imported: 1727 });
    const quotas = await http('POST', '/api/selection/quotas?name=features.csv', undefined, readFileSync(join(SORTITION, 'fi_e/features.csv')));
    expect(quotas.status).toBe(200);
    await ok('selection.settings', { panelSize: 110, tolerance: 1, lotteryM: 1000, reserveCount: 30 });
  }

  it('checks feasibility in a worker: the hub answers while the check of fi_e (n = 1,727, k = 110) runs', async () => {
    await importFiE();
    let finished = false;
    const check = http('POST', '/api/selection/feasibility').then((res) => {
      finished = true;
      return res;
    });
    // Once the check's job has started, the hub's thread is free: HTTP and the WebSocket both answer.
    await f.next('job', (m) => m.job.kind === 'selection.feasibility' && m.job.state === 'running', 60_000);
    const whoami = await http('GET', '/api/whoami');
    expect(whoami.body.principal).toMatchObject({ role: 'facilitator' });
    f.send({ t: 'ping' });
    await f.next('pong', () => true, 60_000);
    expect(finished).toBe(false);
    const res = await check;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ feasible: true });
  }, 180_000);

  it('cancels the check of fi_e by ending its worker, and the next check runs', async () => {
    await importFiE();
    const check = http('POST', '/api/selection/feasibility');
    // The check is one HiGHS call that cannot look at a flag: the cancel ends its worker at once.
    const started = await f.next('job', (m) => m.job.kind === 'selection.feasibility' && m.job.state === 'running', 60_000);
    const jobId = started.job.id;
    await ok('host.cancelJob', { jobId });
    // Asked again at once (its worker may still be exiting): a new check, not the cancelled one.
    const again = http('POST', '/api/selection/feasibility');
    const ended = await f.next('job', (m) => m.job.id === jobId && m.job.state !== 'running', 60_000);
    expect(ended).toMatchObject({ job: { state: 'cancelled', error: { code: 'job.cancelled' } } });
    expect(await check).toMatchObject({ status: 409, body: { error: { code: 'job.cancelled' } } });
    expect(running.hub.jobs.status(jobId)?.state).toBe('cancelled');
    expect(await again).toEqual({ status: 200, body: { feasible: true } });
  }, 180_000);
});

describe('the demo panel', () => {
  it('shows a realistic, reproducible selection whose drawn sign-ups are the 40 participants', async () => {
    const { writeDemoPanel } = await import('../../main/features/demo/demoPanel.js');
    const { readView } = await import('../../main/features/selection/store.js');
    const { openRecruitment, readSignups, closeRecruitment } = await import('../../main/features/selection/recruitmentFile.js');
    const demoPath = join(dir, 'demo.puntari');
    writeDemoPanel(demoPath, 'demo-salasana');
    expect(existsSync(recruitmentPath(demoPath))).toBe(true);
    const panel = openPanelFile(demoPath, 'demo-salasana');
    try {
      const v = readView(panel.db);
      expect(v.pool).toMatchObject({ n: 212, recruitmentFileFound: true });
      expect(v.outcome).toMatchObject({ method: 'number', draw: 314 });
      expect(v.outcome!.panel.every((p) => p.participantId !== null)).toBe(true);
      expect(v.outcome!.replacements).toHaveLength(1);
      const lex = v.runs.find((r) => r.algorithm === 'leximin')!;
      expect(lex).toMatchObject({ final: true, stale: false, k: 39, n: 212 });
      expect(lex.minProbability).toBeGreaterThan(0.11);
      expect(v.runs.some((r) => r.algorithm === 'legacy')).toBe(true);
      // The draw reproduces from the stored lottery.
      const run = readRun(panel.db, lex.id)!;
      expect(drawPanel(roundToLottery({ typeLottery: run.typeLottery!, probabilities: run.probabilities } as never, 1000, run.lottery!.seed), 314)).toEqual(v.outcome!.panel.map((p) => p.poolId).sort());
      // Participants carry their drawn sign-up's features, and the panel with the replacement keeps every quota.
      for (const q of panelAgainstQuotas(panel.db, v.quotas)) expect(q.count >= q.min && q.count <= q.max, `${q.feature}=${q.value}`).toBe(true);
      const members = panel.db.prepare('SELECT pool_id, participant_id FROM selection_member').all() as { pool_id: string; participant_id: string }[];
      expect(members).toHaveLength(40);
      const rec = openRecruitment(demoPath, 'demo-salasana', (panel.db.prepare('SELECT recruitment_link FROM selection_settings').get() as { recruitment_link: string }).recruitment_link, false)!;
      const signups = readSignups(rec);
      closeRecruitment();
      expect(signups.size).toBe(212);
      for (const m of members) {
        const full = (panel.db.prepare('SELECT full_name FROM participant_personal WHERE participant_id = ?').get(m.participant_id) as { full_name: string }).full_name;
        expect(signups.get(m.pool_id)!.fullName).toBe(full);
        const pf = Object.fromEntries((panel.db.prepare('SELECT feature_key, value FROM participant_feature WHERE participant_id = ?').all(m.participant_id) as { feature_key: string; value: string }[]).map((r) => [r.feature_key, r.value]));
        expect(pf).toEqual(JSON.parse((panel.db.prepare('SELECT features FROM selection_pool WHERE pool_id = ?').get(m.pool_id) as { features: string }).features));
      }
    } finally {
      panel.close();
    }
  });
});

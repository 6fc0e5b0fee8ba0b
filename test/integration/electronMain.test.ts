import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Electron cannot run on the build machine. This runs the real bundle of the shell
// (dist/electron/main.cjs) against a stand-in 'electron' module (electronMain.fake-electron.cjs)
// whose utilityProcess forks the real hub entry under Node. The harness drives a scenario:
// start, windows, security handlers, file dialogs, menu, a hub crash, the projector toggle, quit.

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'puntari-shell-'));
// The app folder: a bundle of our own (parallel test files would race on dist/) and the
// repo's node_modules linked in, as electron-builder lays an app out.
const appDir = path.join(dir, 'app');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const displays = [
  { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
  { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 }, workArea: { x: 1920, y: 0, width: 1280, height: 720 } },
];

interface Report {
  error?: string;
  windows: { url: string; bounds: { x: number }; fullScreen: boolean; webPreferences: Record<string, unknown> }[];
  fork: { modulePath: string; args: string[] };
  blockers: string[];
  cancel: Record<string, boolean>;
  permission: boolean;
  permissionCheck: boolean;
  fallbackCsp: string | null;
  navigateAwayPrevented: boolean;
  navigateHubPrevented: boolean;
  windowOpen: { action: string };
  choose: Record<string, { ok?: string; error?: string }>;
  saveDialog: { defaultPath: string };
  menuTop: string[];
  afterBackups: string;
  afterRestart: string[];
  restartArgs: string[][];
  projectorClosed: boolean;
  hubExit: number;
  blockersLeft: number[];
}

function run(): Report {
  const build = spawnSync(
    process.execPath,
    [
      path.join(root, 'scripts', 'build.mjs'),
      '--only=electron',
      '--quiet',
      `--electron-outdir=${path.join(appDir, 'dist', 'electron')}`,
    ],
    { cwd: root, encoding: 'utf8' },
  );
  expect(build.status, build.stderr).toBe(0);
  symlinkSync(path.join(root, 'node_modules'), path.join(appDir, 'node_modules'), 'junction');
  const result = spawnSync(process.execPath, [path.join(import.meta.dirname, 'electronMain.harness.cjs'), '--port', '0'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 25_000,
    env: {
      ...process.env,
      FAKE_APP_PATH: appDir,
      FAKE_USER_DATA: path.join(dir, 'userData'),
      FAKE_DISPLAYS: JSON.stringify(displays),
      PUNTARI_HOME: path.join(dir, 'home'),
      PUNTARI_SQLITE_BINDING: '',
    },
  });
  const line = result.stdout.split('\n').find((l) => l.startsWith('REPORT '));
  if (!line) throw new Error(`no report; stderr: ${result.stderr}`);
  return JSON.parse(line.slice('REPORT '.length)) as Report;
}

describe('Electron shell (against a stand-in electron module)', () => {
  it('runs the hub, opens its windows locked down, and survives a hub crash', () => {
    const r = run();
    expect(r.error).toBeUndefined();

    // The hub runs as a utility process from the bundle.
    expect(r.fork.modulePath).toBe(path.join(appDir, 'dist', 'electron', 'hubEntry.cjs'));
    expect(r.fork.args).toEqual(expect.arrayContaining(['--home', path.join(dir, 'home'), '--static']));

    // Facilitator window with the preload; projector full screen on the second display, no preload.
    const [fac, proj] = r.windows;
    expect(fac?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#code=[A-Z0-9]+$/);
    expect(proj?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/projector\?code=[A-Z0-9]+$/);
    expect(proj?.bounds.x).toBe(1920);
    expect(proj?.fullScreen).toBe(true);
    for (const w of r.windows) {
      expect(w.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    }
    expect(String(fac?.webPreferences.preload)).toMatch(/dist[\\/]electron[\\/]preload\.cjs$/);
    expect(proj?.webPreferences.preload).toBeUndefined();
    expect(r.blockers).toEqual(['prevent-app-suspension', 'prevent-display-sleep']);

    // Only the hub's origin is reachable; permissions denied; navigation locked.
    expect(r.cancel).toEqual({ hub: false, ws: false, internet: true, otherPort: true });
    expect(r.permission).toBe(false);
    expect(r.permissionCheck).toBe(false);
    expect(r.fallbackCsp).toContain("default-src 'self'");
    expect(r.navigateAwayPrevented).toBe(true);
    expect(r.navigateHubPrevented).toBe(false);
    expect(r.windowOpen).toEqual({ action: 'deny' });

    // File dialogs: facilitator windows only; only a file name is taken from the page.
    expect(r.choose.save).toEqual({ ok: '/chosen/by/user.docx' });
    expect(r.saveDialog.defaultPath).toBe(path.join(dir, 'userData', 'documents', 'Lausuma.docx'));
    expect(r.choose.projector?.error).toBeDefined();
    expect(r.choose.foreign?.error).toBeDefined();
    expect(r.choose.badKind?.error).toBeDefined();

    // Menu in the system language (sv-FI), navigating by hash route.
    expect(r.menuTop).toEqual(['Arkiv', 'Redigera', 'Visa', 'Fönster', 'Hjälp']);
    expect(r.afterBackups).toMatch(/\/#\/backups$/);

    // After the crash: restarted on the same port, windows reloaded with fresh codes.
    const port = new URL(fac!.url).port;
    expect(r.restartArgs[1]).toEqual(expect.arrayContaining(['--port', port]));
    expect(r.afterRestart[0]).toMatch(/#code=/);
    expect(r.afterRestart[0]).not.toBe(fac?.url);
    expect(r.afterRestart[1]).toMatch(/#\/projector\?code=/);

    expect(r.projectorClosed).toBe(true);
    // Quit closes the hub cleanly and releases the power-save blockers.
    expect(r.hubExit).toBe(0);
    expect(r.blockersLeft).toEqual([]);
  });
});

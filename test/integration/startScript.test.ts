import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm start` on a machine where Electron cannot run: one line saying why, then the headless
// hub's facilitator line; the demo panel is created on first start; signals reach the hub.

const root = path.resolve(import.meta.dirname, '../..');
const home = mkdtempSync(path.join(tmpdir(), 'puntari-start-'));

afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('npm start (browser fallback)', () => {
  it('explains the fallback, prints the facilitator address and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '--browser', '--port', '0'], {
      cwd: root,
      env: { ...process.env, PUNTARI_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no facilitator line; stdout: ${stdout}`)), 25_000);
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        const match = /Puntari facilitator: (http:\/\/127\.0\.0\.1:\d+\/#code=\S+)/.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', () => reject(new Error(`start.mjs exited early; stdout: ${stdout}`)));
    });

    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Electron is not available here \(.+\): starting the hub; open the facilitator address below in your browser\.$/);
    expect(lines[1]).toBe(`Puntari facilitator: ${url}`);
    expect(existsSync(path.join(home, 'Demo-paneeli.puntari'))).toBe(true);

    const origin = new URL(url).origin;
    expect((await fetch(`${origin}/api/whoami`)).status).toBe(200);

    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    // The hub went down with it.
    await expect(fetch(`${origin}/api/whoami`)).rejects.toThrow();
  });
});

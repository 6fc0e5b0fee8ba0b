import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Electron cannot run here, so the hub's utility-process entry (dist/electron/hubEntry.cjs,
// the bundle Electron would fork) runs under plain Node with a stand-in for
// `process.parentPort` that relays over Node's IPC channel.

const root = path.resolve(import.meta.dirname, '../..');
let bundle: string;

type Message = Record<string, unknown>;

let dir: string;
let child: ChildProcess;
const received: Message[] = [];

function waitFor(predicate: (m: Message) => boolean, timeoutMs = 15_000): Promise<Message> {
  return new Promise((resolve, reject) => {
    const found = received.find(predicate);
    if (found) return resolve(found);
    const timer = setTimeout(() => reject(new Error(`no such message; got ${JSON.stringify(received)}`)), timeoutMs);
    const onMessage = (m: Message) => {
      if (!predicate(m)) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
  });
}

beforeAll(() => {
  // A bundle of our own (parallel test files would race on dist/), finding npm packages
  // through a node_modules link as it would next to the app.
  dir = mkdtempSync(path.join(tmpdir(), 'puntari-hubentry-'));
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  const outdir = path.join(dir, 'dist', 'electron');
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'scripts', 'build.mjs'), '--only=electron', '--quiet', `--electron-outdir=${outdir}`],
    { cwd: root, encoding: 'utf8' },
  );
  expect(build.status, build.stderr).toBe(0);
  bundle = path.join(outdir, 'hubEntry.cjs');
  const harness = path.join(dir, 'harness.cjs');
  writeFileSync(
    harness,
    `process.parentPort = {
  on(event, listener) { process.on('message', (data) => listener({ data })); },
  postMessage(message) { process.send(message); },
};
require(${JSON.stringify(bundle)});
`,
  );
  child = spawn(process.execPath, [harness, '--home', path.join(dir, 'home'), '--port', '0', '--static', path.join(dir, 'static')], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.on('message', (m) => received.push(m as Message));
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('hub utility-process entry', () => {
  it('reports ready with its port and a facilitator URL', async () => {
    const ready = await waitFor((m) => m.type === 'ready');
    expect(ready.port).toEqual(expect.any(Number));
    expect(ready.facilitatorUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${String(ready.port)}/#code=[A-Z0-9]+$`));
    const res = await fetch(`http://127.0.0.1:${String(ready.port)}/api/whoami`);
    expect(res.status).toBe(200);
  });

  it('issues fresh facilitator URLs, also for the projector route', async () => {
    child.send({ type: 'facilitatorUrl', id: 7 });
    child.send({ type: 'facilitatorUrl', id: 8, route: '/projector' });
    child.send({ type: 'facilitatorUrl', id: 9, route: 'javascript:alert(1)' });
    const a = await waitFor((m) => m.type === 'facilitatorUrl' && m.id === 7);
    const b = await waitFor((m) => m.type === 'facilitatorUrl' && m.id === 8);
    const c = await waitFor((m) => m.type === 'facilitatorUrl' && m.id === 9);
    const ready = received.find((m) => m.type === 'ready')!;
    expect(a.url).toMatch(/\/#code=[A-Z0-9]+$/);
    expect(a.url).not.toBe(ready.facilitatorUrl);
    expect(b.url).toMatch(/\/#\/projector\?code=[A-Z0-9]+$/);
    // A route that is not a plain hash path is dropped.
    expect(c.url).toMatch(/\/#code=[A-Z0-9]+$/);
  });

  it('closes and exits on shutdown', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.send({ type: 'shutdown' });
    expect(await exited).toBe(0);
  });
});

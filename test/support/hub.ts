/**
 * Start `puntari host` as a child process, as a user would, and wait for its one line
 * `Puntari facilitator: http://127.0.0.1:PORT/#code=CODE`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOM_ADDRESS, ROOM_HOSTNAME } from './chromium.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PUNTARI_BIN = path.join(REPO_ROOT, 'bin', 'puntari.mjs');

export const FACILITATOR_LINE = /^Puntari facilitator: (http:\/\/127\.0\.0\.1:(\d+)\/#code=([A-Za-z0-9_-]+))\s*$/m;

export interface HostProcessOptions {
  /** panel file to open */
  panel?: string;
  /** host config directory (recent panels etc.): use a fresh temporary directory per test */
  home: string;
  /** 0 (default) = any free port */
  port?: number;
  /** LAN listener addresses when the room opens; tests use ['127.0.0.2'] */
  roomBind?: string[];
  /** extra Host names accepted; tests use ['room.test'] */
  roomHostnames?: string[];
  /** passed as PUNTARI_PASSPHRASE */
  passphrase?: string;
  env?: NodeJS.ProcessEnv;
  /** ms to wait for the facilitator line (default 20 s) */
  timeoutMs?: number;
  /** echo the child's stdout/stderr to ours (default: only when PUNTARI_TEST_VERBOSE is set) */
  verbose?: boolean;
}

export interface HostProcess {
  facilitatorUrl: string;
  /** the one-time code from the facilitator line */
  code: string;
  port: number;
  origin: string;
  process: ChildProcess;
  /** what the child wrote so far */
  output(): { stdout: string; stderr: string };
  /** SIGTERM, then SIGKILL after 5 s; resolves with the exit code */
  stop(): Promise<number | null>;
}

export function hostArgs(options: HostProcessOptions): string[] {
  const args = ['host', '--port', String(options.port ?? 0), '--home', options.home];
  if (options.panel) args.push('--panel', options.panel);
  for (const a of options.roomBind ?? ['127.0.0.2']) args.push('--room-bind', a);
  for (const h of options.roomHostnames ?? ['room.test']) args.push('--room-hostname', h);
  return args;
}

export function startHostProcess(options: HostProcessOptions): Promise<HostProcess> {
  const verbose = options.verbose ?? Boolean(process.env.PUNTARI_TEST_VERBOSE);
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (options.passphrase !== undefined) env.PUNTARI_PASSPHRASE = options.passphrase;
  const child = spawn(process.execPath, [PUNTARI_BIN, ...hostArgs(options)], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (s: string) => {
    stdout += s;
    if (verbose) process.stdout.write(`[host] ${s}`);
  });
  child.stderr.on('data', (s: string) => {
    stderr += s;
    if (verbose) process.stderr.write(`[host] ${s}`);
  });
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    }
    return child.exitCode;
  };

  return new Promise<HostProcess>((resolve, reject) => {
    const timeoutMs = options.timeoutMs ?? 20_000;
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`puntari host did not print its facilitator line within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    const onData = (): void => {
      const m = FACILITATOR_LINE.exec(stdout);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      const port = Number(m[2]);
      resolve({
        facilitatorUrl: m[1]!,
        code: m[3]!,
        port,
        origin: `http://127.0.0.1:${port}`,
        process: child,
        output: () => ({ stdout, stderr }),
        stop,
      });
    };
    child.stdout.on('data', onData);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`puntari host exited (${code}) before it was ready\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
}

/** Run a puntari CLI command to completion (e.g. ['demo', '--out', file]). */
export function runPuntari(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PUNTARI_BIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The code part of a facilitator URL (`…/#code=CODE`). */
export function codeFromUrl(facilitatorUrl: string): string {
  const m = /#code=([^&]+)/.exec(facilitatorUrl);
  if (!m) throw new Error(`no code in ${facilitatorUrl}`);
  return decodeURIComponent(m[1]!);
}

/**
 * Exchange a one-time facilitator code for the `puntari` session cookie, as the facilitator's
 * page does (POST /api/session/facilitator with the page's Origin). Returns `puntari=VALUE`.
 */
export async function facilitatorCookie(facilitatorUrl: string): Promise<string> {
  const url = new URL(facilitatorUrl);
  const res = await fetch(new URL('/api/session/facilitator', url.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url.origin },
    body: JSON.stringify({ code: codeFromUrl(facilitatorUrl) }),
  });
  if (!res.ok) throw new Error(`facilitator session: HTTP ${res.status} ${await res.text()}`);
  return sessionCookie(res.headers);
}

/** `puntari=VALUE` from a response's Set-Cookie headers. */
export function sessionCookie(headers: Headers): string {
  for (const line of headers.getSetCookie()) {
    const m = /^(puntari=[^;]*)/.exec(line);
    if (m) return m[1]!;
  }
  throw new Error('no puntari cookie in the response');
}

/** A fresh demo panel in a folder of its own, and `puntari host` on it with the room on room.test. */
export async function startDemoHost(tag: string): Promise<{ dir: string; host: HostProcess }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `puntari-${tag}-`));
  const panel = path.join(dir, 'demo.puntari');
  const made = await runPuntari(['demo', '--out', panel]);
  if (made.code !== 0) throw new Error(`puntari demo failed (${made.code}): ${made.stderr}`);
  const host = await startHostProcess({ home: path.join(dir, 'home'), panel, roomBind: [ROOM_ADDRESS], roomHostnames: [ROOM_HOSTNAME] });
  return { dir, host };
}

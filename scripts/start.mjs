#!/usr/bin/env node
/**
 * `npm start`: opens Puntari on the demo panel.
 *
 * 1. Makes sure the demo panel exists ($PUNTARI_HOME or ~/.puntari, Demo-paneeli.puntari).
 * 2. Makes sure the build exists (dist/renderer, dist/electron).
 * 3. Runs the Electron app when it can: the Electron binary (fetched once with electron's own
 *    install.js if missing) and the SQLite module built for Electron (native/electron/).
 * 4. Otherwise prints one line saying why and runs the hub headless (`puntari host`), which
 *    prints the facilitator address to open in a browser.
 *
 *   npm start [-- --browser] [-- --panel FILE] [-- --port N]
 *
 * --browser (or PUNTARI_BROWSER=1) skips Electron. --port and other options go to the hub.
 * Setup details (failed downloads, build output) go to $PUNTARI_HOME/logs/start.log.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const home = process.env.PUNTARI_HOME || path.join(homedir(), '.puntari');
const logFile = path.join(home, 'logs', 'start.log');
const node = process.execPath;
const cli = path.join(root, 'bin', 'puntari.mjs');
const electronDir = path.join(root, 'node_modules', 'electron');
const sqliteBinding = path.join(root, 'native', 'electron', 'better_sqlite3.node');
const sqliteStamp = path.join(root, 'native', 'electron', 'electron-version.txt');

// ------------------------------------------------------------------ arguments

const args = process.argv.slice(2);
let browserOnly = process.env.PUNTARI_BROWSER === '1' || process.env.PUNTARI_BROWSER === 'true';
let panel;
const passThrough = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--browser') browserOnly = true;
  else if (a === '--panel' && args[i + 1] !== undefined) panel = path.resolve(args[++i]);
  else if (a.startsWith('--panel=')) panel = path.resolve(a.slice('--panel='.length));
  else passThrough.push(a);
}

// ------------------------------------------------------------------ helpers

function log(text) {
  try {
    mkdirSync(path.dirname(logFile), { recursive: true });
    appendFileSync(logFile, `[${new Date().toISOString()}] ${text.trimEnd()}\n`);
  } catch {
    // logging is best effort
  }
}

/** Runs a setup step quietly; its output goes to the log. Returns true on exit code 0. */
function step(label, command, commandArgs, timeoutMs) {
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const timedOut = result.error?.code === 'ETIMEDOUT';
  log(`${label}: ${timedOut ? 'timed out' : `exit ${result.status}`}\n${output}${result.error && !timedOut ? String(result.error) : ''}`);
  return result.status === 0;
}

function electronBinary() {
  try {
    const rel = readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const bin = path.join(electronDir, 'dist', rel);
    return rel !== '' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

function sqliteForElectronReady(version) {
  if (!existsSync(sqliteBinding)) return false;
  try {
    return readFileSync(sqliteStamp, 'utf8').trim() === version;
  } catch {
    return false;
  }
}

/** Why Electron cannot run here, or null when it can. Tries the fixes that are cheap to try. */
function electronUnavailable() {
  if (browserOnly) return 'you asked for the browser (--browser)';
  const version = electronVersion();
  if (version === null) return 'the electron package is not installed';
  if (electronBinary() === null) {
    // npm ci skips electron's postinstall (allowScripts); fetch the binary now, once.
    step('electron install.js', node, [path.join(electronDir, 'install.js')], 60_000);
    if (electronBinary() === null) return 'its binary could not be downloaded';
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no graphical display';
  }
  if (!sqliteForElectronReady(version)) {
    console.log('Building the SQLite module for Electron (once; this can take a few minutes)…');
    step('build-electron-sqlite', node, [path.join(root, 'scripts', 'build-electron-sqlite.mjs'), '--quiet'], 15 * 60_000);
    if (!sqliteForElectronReady(version)) return 'SQLite could not be built for it (Electron headers could not be downloaded)';
  }
  return null;
}

/** Runs a child in the foreground: signals go to it, its exit code is ours. */
function foreground(command, commandArgs, env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, () => forward(s));
  child.on('error', (error) => {
    console.error(`Could not start ${path.basename(command)}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1));
  });
}

// ------------------------------------------------------------------ main

if (!existsSync(cli)) {
  console.error('bin/puntari.mjs is missing: this checkout is incomplete.');
  process.exit(1);
}

if (panel === undefined) {
  panel = path.join(home, 'Demo-paneeli.puntari');
  if (!existsSync(panel)) {
    mkdirSync(home, { recursive: true });
    if (!step('demo panel', node, [cli, 'demo', '--out', panel], 120_000) || !existsSync(panel)) {
      console.error(`Could not create the demo panel ${panel} (details: ${logFile}).`);
      process.exit(1);
    }
  }
}

if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html')) || !existsSync(path.join(root, 'dist', 'electron', 'main.cjs'))) {
  if (!step('build', node, [path.join(root, 'scripts', 'build.mjs'), '--quiet'], 300_000)) {
    console.error(`The build failed (details: ${logFile}); the app may be incomplete.`);
  }
}

const why = electronUnavailable();
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

if (why !== null) {
  log(`fallback to browser: ${why}`);
  console.log(`Electron is not available here (${why}): starting the hub; open the facilitator address below in your browser.`);
  foreground(node, [cli, 'host', '--panel', panel, ...passThrough], env);
} else {
  env.PUNTARI_SQLITE_BINDING = sqliteBinding;
  env.PUNTARI_HOME = home;
  foreground(electronBinary(), ['.', '--panel', panel, ...passThrough], env);
}

#!/usr/bin/env node
/**
 * Builds better-sqlite3-multiple-ciphers for Electron's ABI into native/electron/, leaving the
 * Node build in node_modules (tests, CLI) untouched. The Electron shell hands the result to the
 * hub as PUNTARI_SQLITE_BINDING. Packaged apps do not need this: electron-builder rebuilds the
 * module for Electron at packaging.
 *
 * It needs Electron's headers (or a prebuilt binary), both downloads: where they cannot be
 * fetched this script fails with a one-line reason and exit code 1.
 *
 *   node scripts/build-electron-sqlite.mjs [--quiet]
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODULE = 'better-sqlite3-multiple-ciphers';
const outDir = path.join(root, 'native', 'electron');
// Inside the repo, so the module's build tools (prebuild-install, node-gyp) resolve from the
// repo's node_modules by walking up the directories.
const staging = path.join(outDir, '.staging');
const quiet = process.argv.includes('--quiet');

export const BINDING = path.join(outDir, 'better_sqlite3.node');
export const STAMP = path.join(outDir, 'electron-version.txt');

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function fail(message) {
  console.error(`build-electron-sqlite: ${message}`);
  process.exit(1);
}

const electronPkg = path.join(root, 'node_modules', 'electron', 'package.json');
const modulePkg = path.join(root, 'node_modules', MODULE, 'package.json');
if (!existsSync(electronPkg)) fail('electron is not installed');
if (!existsSync(modulePkg)) fail(`${MODULE} is not installed`);
const electronVersion = readJson(electronPkg).version;
const moduleVersion = readJson(modulePkg).version;

let rebuild;
try {
  ({ rebuild } = await import('@electron/rebuild'));
} catch (error) {
  fail(`@electron/rebuild is not usable here (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
}

rmSync(staging, { recursive: true, force: true });
mkdirSync(path.join(staging, 'node_modules'), { recursive: true });
writeFileSync(
  path.join(staging, 'package.json'),
  JSON.stringify({ name: 'puntari-electron-sqlite', private: true, dependencies: { [MODULE]: moduleVersion } }, null, 2),
);
const source = path.join(root, 'node_modules', MODULE);
const target = path.join(staging, 'node_modules', MODULE);
cpSync(source, target, {
  recursive: true,
  // Leave the Node build behind, so nothing of it can end up in the Electron build.
  filter: (src) => path.relative(source, src).split(path.sep)[0] !== 'build',
});

try {
  if (!quiet) console.log(`build-electron-sqlite: building ${MODULE} ${moduleVersion} for Electron ${electronVersion} (${process.arch})…`);
  await rebuild({
    buildPath: staging,
    electronVersion,
    arch: process.arch,
    onlyModules: [MODULE],
    force: true,
    mode: 'sequential',
  });
  const built = path.join(target, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new Error('the rebuild produced no better_sqlite3.node');
  copyFileSync(built, BINDING);
  writeFileSync(STAMP, `${electronVersion}\n`);
  if (!quiet) console.log(`build-electron-sqlite: wrote ${path.relative(root, BINDING)}`);
} catch (error) {
  const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
  rmSync(staging, { recursive: true, force: true });
  fail(`could not build for Electron ${electronVersion}: ${first}`);
}
rmSync(staging, { recursive: true, force: true });

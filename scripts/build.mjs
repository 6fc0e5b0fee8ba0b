#!/usr/bin/env node
/**
 * `npm run build` (also `prepare`, so it runs at `npm ci`): builds the renderer with Vite into
 * dist/renderer, and bundles the Electron shell with esbuild into dist/electron:
 *   main.cjs      Electron main process         (electron external)
 *   preload.cjs   facilitator windows' preload  (sandboxed: only 'electron' may stay a require)
 *   hubEntry.cjs  the hub's utility process     (npm packages external, shipped in node_modules)
 *   worker.js     the hub's job worker: main/jobs/runner.ts starts './worker.js' next to itself,
 *                 which in the bundle is dist/electron/ (made CommonJS by dist/electron/package.json)
 *
 * Missing tools (an install without dev dependencies) or missing sources are skipped with a
 * message; real build errors fail the script.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quiet = process.argv.includes('--quiet');
const only = arg('only'); // renderer | electron
// Tests bundle the shell into their own folder, so parallel test files do not race on dist/.
const out = path.resolve(root, arg('electron-outdir') ?? path.join('dist', 'electron'));

function log(message) {
  if (!quiet) console.log(`build: ${message}`);
}

async function tryImport(name) {
  try {
    return await import(name);
  } catch (error) {
    if (error && (error.code === 'ERR_MODULE_NOT_FOUND' || error.code === 'MODULE_NOT_FOUND')) return null;
    throw error;
  }
}

async function buildRenderer() {
  const config = path.join(root, 'vite.config.ts');
  if (!existsSync(config)) {
    log('no vite.config.ts yet, renderer skipped');
    return;
  }
  const vite = await tryImport('vite');
  if (!vite) {
    log('vite is not installed (no dev dependencies?), renderer skipped');
    return;
  }
  const started = Date.now();
  await vite.build({ configFile: config, logLevel: quiet ? 'error' : 'warn' });
  log(`renderer built in ${Date.now() - started} ms`);
}

/** Sources under main/ that the bundles need; a bundle whose sources are not there yet is skipped. */
const bundles = [
  { entry: 'main/electron/main.ts', outfile: 'main.cjs', needs: [], node: true },
  // A sandboxed preload may require('electron') and nothing else: no Node built-ins here.
  { entry: 'main/electron/preload.ts', outfile: 'preload.cjs', needs: [], node: false },
  { entry: 'main/electron/hubEntry.ts', outfile: 'hubEntry.cjs', needs: ['main/hub/server.ts'], node: true },
  { entry: 'main/jobs/worker.ts', outfile: 'worker.js', needs: [], node: true },
];

async function buildElectron() {
  const esbuild = await tryImport('esbuild');
  if (!esbuild) {
    log('esbuild is not installed (no dev dependencies?), Electron shell skipped');
    return;
  }
  mkdirSync(out, { recursive: true });
  // The repo is "type": "module"; the bundles here are CommonJS, whatever their extension.
  writeFileSync(path.join(out, 'package.json'), '{ "type": "commonjs" }\n');
  const started = Date.now();
  const jobs = [];
  for (const b of bundles) {
    const missing = [b.entry, ...b.needs].filter((f) => !existsSync(path.join(root, f)));
    if (missing.length > 0) {
      log(`${b.outfile} skipped: ${missing.join(', ')} not written yet`);
      continue;
    }
    jobs.push(
      esbuild.build({
        absWorkingDir: root,
        entryPoints: [b.entry],
        outfile: path.join(out, b.outfile),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        // Electron 39 ships Node 22.
        target: 'node22',
        sourcemap: 'linked',
        logLevel: 'warning',
        // npm packages stay require()s: native SQLite must be, fastify and pino load files at
        // run time, and electron-builder ships (and rebuilds) node_modules anyway.
        packages: 'external',
        external: ['electron'],
        // Our sources are ESM; in the CJS bundle import.meta.url is the bundle's own file.
        ...(b.node
          ? {
              banner: { js: 'const __puntari_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
              define: { 'import.meta.url': '__puntari_import_meta_url' },
            }
          : {}),
      }),
    );
  }
  await Promise.all(jobs);
  if (jobs.length > 0) log(`Electron shell bundled in ${Date.now() - started} ms (${path.relative(root, out)})`);
}

// Both parts are attempted, so a broken renderer still leaves a fresh shell bundle and vice versa.
let failed = false;
for (const [name, step] of [
  ['renderer', buildRenderer],
  ['electron', buildElectron],
]) {
  if (only !== undefined && only !== name) continue;
  try {
    await step();
  } catch (error) {
    failed = true;
    console.error(`build: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
if (failed) process.exit(1);

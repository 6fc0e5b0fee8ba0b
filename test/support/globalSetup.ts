/**
 * Playwright global setup: the hub serves the built renderer from dist/renderer, so build it
 * once if it is missing (scripts/build.mjs). Set PUNTARI_REBUILD=1 to force a build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default function globalSetup(): void {
  const index = path.join(root, 'dist', 'renderer', 'index.html');
  if (existsSync(index) && !process.env.PUNTARI_REBUILD) return;
  const build = path.join(root, 'scripts', 'build.mjs');
  if (!existsSync(build)) {
    console.warn(`[e2e] warning: ${path.relative(root, index)} is missing and scripts/build.mjs does not exist; pages may not load`);
    return;
  }
  console.log('[e2e] building the renderer (node scripts/build.mjs)…');
  const result = spawnSync(process.execPath, [build], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`node scripts/build.mjs failed (exit ${result.status})`);
  if (!existsSync(index)) console.warn(`[e2e] warning: the build finished but ${index} is still missing`);
}

/**
 * The layering rules (.dependency-cruiser.cjs) are not vacuous: run depcruise with the project's
 * config on a small tree that breaks each rule once, and on one that breaks none.
 * (`npm run lint` applies the same config to the real tree.)
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const depcruise = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  rule: { name: string; severity: string };
  from: string;
  to: string;
}

let dir: string;

function write(rel: string, text: string): void {
  const p = path.join(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
}

async function cruise(...paths: string[]): Promise<Violation[]> {
  const args = [depcruise, '--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'json', ...paths];
  // depcruise exits non-zero when it finds errors; the JSON is on stdout either way.
  const out = await run(process.execPath, args, { cwd: dir, maxBuffer: 16 << 20 }).catch(
    (e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }),
  );
  const result = JSON.parse(out.stdout) as { summary: { violations: Violation[] } };
  return result.summary.violations;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'puntari-layering-'));
  cpSync(path.join(root, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // a clean tree
  write('shared/ok.ts', "import { z } from 'zod';\nimport { other } from './other.js';\nexport const ok = [z, other];\n");
  write('shared/other.ts', 'export const other = 1;\n');
  write('renderer/ok.ts', "import { ok } from '../shared/ok.js';\nimport { create } from 'zustand';\nexport const r = [ok, create];\n");
  write('main/features/ok.ts', "import { ok } from '../../shared/ok.js';\nimport { join } from 'node:path';\nexport const f = [ok, join];\n");
  write('main/hub/ok.ts', "import { f } from '../features/ok.js';\nexport const h = f;\n");
  write('main/electron/ok.ts', "import { app } from 'electron';\nimport { h } from '../hub/ok.js';\nexport const e = [app, h];\n");
  // one breach per rule
  write('shared/bad/ours.ts', "import { h } from '../../main/hub/ok.js';\nexport const x = h;\n");
  write('shared/bad/node.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
  write('shared/bad/npm.ts', "import WebSocket from 'ws';\nexport const x = WebSocket;\n");
  write('renderer/bad/main.ts', "import { f } from '../../main/features/ok.js';\nexport const x = f;\n");
  write('renderer/bad/node.ts', "import path from 'node:path';\nexport const x = path;\n");
  write('main/features/bad/hub.ts', "import { h } from '../../hub/ok.js';\nexport const x = h;\n");
  write('main/hub/bad/electron.ts', "import { app } from 'electron';\nexport const x = app;\n");
  write('main/hub/bad/shell.ts', "import { e } from '../../electron/ok.js';\nexport const x = e;\n");
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('layering rules', () => {
  it('pass a tree that keeps them', async () => {
    const violations = await cruise('shared/ok.ts', 'shared/other.ts', 'renderer/ok.ts', 'main/features/ok.ts', 'main/hub/ok.ts', 'main/electron/ok.ts');
    expect(violations.filter((v) => v.rule.severity === 'error')).toEqual([]);
  }, 30_000);

  it('catch each breach', async () => {
    const violations = await cruise('shared/bad', 'renderer/bad', 'main/features/bad', 'main/hub/bad');
    const found = violations.map((v) => `${v.rule.name}: ${v.from}`).sort();
    expect(found).toEqual(
      expect.arrayContaining([
        'shared-imports-only-shared: shared/bad/ours.ts',
        'shared-no-node-builtins: shared/bad/node.ts',
        'shared-only-zod: shared/bad/npm.ts',
        'renderer-imports-only-shared: renderer/bad/main.ts',
        'renderer-no-node-builtins: renderer/bad/node.ts',
        'features-not-hub-or-electron: main/features/bad/hub.ts',
        'only-shell-imports-electron: main/hub/bad/electron.ts',
        'nothing-imports-the-shell: main/hub/bad/shell.ts',
      ]),
    );
  }, 30_000);
});

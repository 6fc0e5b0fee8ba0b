#!/usr/bin/env node
// `npm run bench -- NAME [args…]` runs test/bench/NAME.bench.ts, which writes bench-results/NAME.json.
// `npm run bench` lists the benchmarks. `npm run bench -- all` runs each in turn.
// A benchmark is a plain script: add test/bench/NAME.bench.ts and it plugs in.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'test', 'bench');
const SUFFIX = '.bench.ts';

const available = readdirSync(benchDir)
  .filter((f) => f.endsWith(SUFFIX))
  .map((f) => f.slice(0, -SUFFIX.length))
  .sort();

const [name, ...rest] = process.argv.slice(2);

if (!name || name === '--help' || name === '-h' || name === '--list') {
  console.log('Usage: npm run bench -- NAME [args…]   (writes bench-results/NAME.json)');
  console.log('       npm run bench -- all');
  console.log(`Benchmarks: ${available.length ? available.join(', ') : '(none)'}`);
  process.exit(0);
}

const names = name === 'all' ? available : [name];
for (const n of names) {
  if (!available.includes(n)) {
    console.error(`No benchmark "${n}". Available: ${available.join(', ') || '(none)'}`);
    process.exit(2);
  }
}

for (const n of names) {
  console.log(`\n▶ bench ${n}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, n + SUFFIX), ...rest], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
  });
  if (result.status !== 0) {
    console.error(`bench ${n} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

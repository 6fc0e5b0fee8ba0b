/**
 * Helpers every benchmark uses. A benchmark is `test/bench/NAME.bench.ts`, run by
 * `npm run bench -- NAME`; it measures, prints a short summary and calls
 * writeResults(NAME, figures, meta), which writes bench-results/NAME.json with the machine facts
 * next to the figures so numbers from different machines are never compared blind.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench-results');

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(samples: readonly number[]): number {
  return samples.reduce((a, b) => a + b, 0) / samples.length;
}

/** Round to `digits` decimals (figures in ms are kept to 0.001 ms). */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function machineFacts(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory_gb: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    node: process.version,
    date: new Date().toISOString(),
  };
}

export type Figures = Record<string, number | string | boolean | null>;

/** Write bench-results/NAME.json: { bench, figures…, meta, machine } (figures at top level). */
export function writeResults(name: string, figures: Figures, meta: Record<string, unknown> = {}): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  const body = { bench: name, ...figures, meta, machine: machineFacts() };
  writeFileSync(file, JSON.stringify(body, null, 2) + '\n');
  console.log(`\n${name}:`);
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(24)} ${v}`);
  console.log(`→ ${path.relative(REPO_ROOT, file)}`);
  return file;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

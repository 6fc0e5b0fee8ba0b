/**
 * `npm run bench -- selection [--only NAME,NAME] [--time-limit SECONDS] [--draws N]`
 *
 * Every instance in ../shared/data/sortition, LEXIMIN and LEGACY: seconds, minimum selection
 * probability, Gini, and the reference minimum where reference.json gives one. LEXIMIN stops at
 * the time limit (default 600 s) with final: false rather than run for ever; `final` and
 * `levels_fixed` say how far it got. LEGACY's probabilities are estimated from `--draws` draws.
 * Writes bench-results/selection.json: one object per instance (figures) next to meta and machine.
 * Target (issue 7): each instance under 60 s, minimum within 1e-4 of the reference.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { legacy, leximin } from '../../main/features/selection/engine/index.js';
import { readSelectionFiles } from '../../main/features/selection/formats.js';
import { machineFacts, REPO_ROOT, RESULTS_DIR, round } from './support.js';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    'time-limit': { type: 'string', default: '600' },
    draws: { type: 'string', default: '2000' },
  },
});
const DATA = path.resolve(REPO_ROOT, '../shared/data/sortition');
const reference = JSON.parse(readFileSync(path.join(DATA, 'reference.json'), 'utf8')) as Record<
  string,
  { folder: string; k: number; min_probability?: number; id_column?: string; address_columns?: string[] }
>;
// Folders and their panel sizes (reference.json has every instance).
const INSTANCES = Object.entries(reference).filter(([name]) => !name.startsWith('_'));
const ADDRESS: Record<string, string[]> = { sf_example: ['primary_address1', 'primary_zip'] };

const only = args.only?.split(',');
const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
const results: Record<string, unknown> = {};
for (const [name, ref] of INSTANCES) {
  if (only && !only.includes(name)) continue;
  const dir = path.join(DATA, ref.folder);
  const replication = ref.folder.startsWith('replication/');
  const files = readSelectionFiles(
    readFileSync(path.join(dir, replication ? 'categories.csv' : 'features.csv')),
    readFileSync(path.join(dir, replication ? 'respondents.csv' : 'people.csv')),
    { idColumn: ref.id_column, addressColumns: ref.address_columns ?? ADDRESS[name] },
  );
  if (files.problems.length) throw new Error(`${name}: ${JSON.stringify(files.problems.slice(0, 3))}`);
  const instance = files.instance(ref.k);
  process.stdout.write(`${name} (n=${instance.people.length}, k=${ref.k}) LEXIMIN… `);
  // CPU seconds next to wall seconds: the machine may be shared, and CPU time shows progress anyway.
  const cpu = process.cpuUsage();
  const lex = await leximin(instance, {}, { timeLimitSeconds: Number(args['time-limit']), expandPanels: false });
  const lexCpu = process.cpuUsage(cpu);
  process.stdout.write(`${lex.seconds.toFixed(1)} s (CPU ${cpuSeconds(lexCpu).toFixed(1)} s), min ${lex.minProbability.toFixed(6)}, final ${lex.final}; LEGACY… `);
  const legCpu = process.cpuUsage();
  const leg = legacy(instance, { seed: `bench-${name}`, draws: Number(args.draws) });
  const legCpuSeconds = cpuSeconds(process.cpuUsage(legCpu));
  process.stdout.write(`${leg.seconds.toFixed(1)} s, min ${leg.minProbability.toFixed(4)}\n`);
  results[name] = {
    n: instance.people.length,
    k: ref.k,
    types: lex.stats.types,
    method: lex.stats.method,
    seconds: round(lex.seconds, 2),
    cpu_seconds: round(cpuSeconds(lexCpu), 2),
    min_probability: round(lex.minProbability, 9),
    reference: ref.min_probability ?? null,
    reference_diff: ref.min_probability === undefined ? null : round(Math.abs(lex.minProbability - ref.min_probability), 9),
    gini: round(lex.gini, 4),
    final: lex.final,
    levels_fixed: lex.levelsFixed,
    columns: lex.stats.columns,
    pricing_solves: lex.stats.pricingSolves,
    legacy: {
      seconds: round(leg.seconds, 2),
      cpu_seconds: round(legCpuSeconds, 2),
      min_probability: round(leg.minProbability, 4),
      gini: round(leg.gini, 4),
      draws: leg.draws,
      failed_draws: leg.failedDraws,
    },
  };
}

mkdirSync(RESULTS_DIR, { recursive: true });
const file = path.join(RESULTS_DIR, 'selection.json');
if (only && existsSync(file)) {
  // A partial run (--only) keeps the other instances' figures from the last run.
  const previous = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  for (const [name] of INSTANCES) if (!(name in results) && name in previous) results[name] = previous[name];
}
writeFileSync(
  file,
  JSON.stringify({ bench: 'selection', ...results, meta: { time_limit_s: Number(args['time-limit']), legacy_draws: Number(args.draws) }, machine: machineFacts() }, null, 2) + '\n',
);
console.log(`→ ${path.relative(REPO_ROOT, file)}`);

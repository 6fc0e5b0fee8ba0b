/**
 * `npm run bench -- reserves [--seeds N] [--count R]`
 *
 * How often a single drop-out can be replaced from the reserve list. On fi_a, fi_e and the demo
 * panel's pool: LEXIMIN, then `--seeds` panels drawn from its lottery; for each panel a list of
 * `--count` reserves, and for every member of the panel whether the panel without them and with
 * some reserve on the list meets every quota and the household rule. `before` is the earlier rule
 * (the rest of the pool in a seeded random order), `after` the quota-aware list (reserves.ts),
 * `anyone` the ceiling: members whom someone in the whole pool could replace (with tight quotas a
 * member of a rare type may have no stand-in at all). `panels_at_ceiling` counts the panels whose
 * list reaches that ceiling.
 * Writes bench-results/reserves.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Instance, LeximinResult } from '../../shared/selection.js';
import { compile, leximin, panelProblem, reserveList, samplePanel, seededRng } from '../../main/features/selection/engine/index.js';
import { demoInstance, loadDemoSelection } from '../../main/features/selection/demoSelection.js';
import { readSelectionFiles } from '../../main/features/selection/formats.js';
import { REPO_ROOT, round, writeResults, type Figures } from './support.js';

const { values: args } = parseArgs({ options: { seeds: { type: 'string', default: '10' }, count: { type: 'string', default: '10' } } });
const SEEDS = Number(args.seeds);
const COUNT = Number(args.count);
const DATA = path.resolve(REPO_ROOT, '../shared/data/sortition');
const reference = JSON.parse(readFileSync(path.join(DATA, 'reference.json'), 'utf8')) as Record<string, { folder: string; k: number }>;

function sortitionInstance(name: string): Instance {
  const { folder, k } = reference[name]!;
  const files = readSelectionFiles(readFileSync(path.join(DATA, folder, 'features.csv')), readFileSync(path.join(DATA, folder, 'people.csv')), {});
  if (files.problems.length) throw new Error(`${name}: ${JSON.stringify(files.problems.slice(0, 3))}`);
  return files.instance(k);
}

/** The rule before: everyone not on the panel nor in a panel member's household, in a seeded random order. */
function randomReserves(instance: Instance, panel: readonly string[], count: number, seed: string): string[] {
  const onPanel = new Set(panel);
  const homes = new Set(instance.people.filter((p) => onPanel.has(p.id) && p.household).map((p) => p.household));
  const pool = instance.people.filter((p) => !onPanel.has(p.id) && !(p.household && homes.has(p.household))).map((p) => p.id);
  const rng = seededRng(`${seed}/reserves`);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
const instances: [string, Instance, () => Promise<LeximinResult>][] = [
  ['fi_a', sortitionInstance('fi_a'), () => leximin(sortitionInstance('fi_a'), {}, { expandPanels: false })],
  ['fi_e', sortitionInstance('fi_e'), () => leximin(sortitionInstance('fi_e'), {}, { expandPanels: false })],
  ['demo', demoInstance(), () => Promise.resolve(loadDemoSelection().leximin)],
];

const figures: Figures = {};
for (const [name, instance, solve] of instances) {
  process.stdout.write(`${name} (n=${instance.people.length}, k=${instance.k}) LEXIMIN… `);
  const lex = await solve();
  const c = compile(instance);
  const tally = { before: 0, after: 0, anyone: 0, members: 0, panelsAtCeiling: { before: 0, after: 0 }, listLength: { before: 0, after: 0 } };
  let listCpu = 0;
  for (let s = 1; s <= SEEDS; s++) {
    const panel = samplePanel(lex, `bench-${name}-${s}`);
    const seed = `bench-${name}-${s}/draw`;
    const before = randomReserves(instance, panel, COUNT, seed);
    const cpu = process.cpuUsage();
    const after = reserveList(instance, panel, COUNT, seed);
    listCpu += cpuSeconds(process.cpuUsage(cpu));
    tally.listLength.before += before.length;
    tally.listLength.after += after.length;
    const replaceable = (list: readonly string[], member: string) => {
      const rest = panel.filter((id) => id !== member);
      return list.some((r) => panelProblem(c, [...rest, r]) === null);
    };
    const pool = instance.people.map((p) => p.id).filter((id) => !panel.includes(id));
    let allBefore = true;
    let allAfter = true;
    for (const member of panel) {
      tally.members++;
      const anyone = replaceable(pool, member);
      if (anyone) tally.anyone++;
      if (replaceable(before, member)) tally.before++;
      else if (anyone) allBefore = false;
      if (replaceable(after, member)) tally.after++;
      else if (anyone) allAfter = false;
    }
    if (allBefore) tally.panelsAtCeiling.before++;
    if (allAfter) tally.panelsAtCeiling.after++;
  }
  const own: Figures = {
    n: instance.people.length,
    k: instance.k,
    panels: SEEDS,
    reserves: COUNT,
    members: tally.members,
    replaceable_before: round(tally.before / tally.members, 4),
    replaceable_after: round(tally.after / tally.members, 4),
    replaceable_by_anyone: round(tally.anyone / tally.members, 4),
    panels_at_ceiling_before: tally.panelsAtCeiling.before,
    panels_at_ceiling_after: tally.panelsAtCeiling.after,
    mean_list_length_after: round(tally.listLength.after / SEEDS, 2),
    reserve_list_cpu_ms: round((listCpu / SEEDS) * 1000, 2),
  };
  for (const [key, value] of Object.entries(own)) figures[`${name}_${key}`] = value;
  console.log(
    `single drop-outs replaceable from ${COUNT} reserves: before ${(100 * tally.before / tally.members).toFixed(1)} %, after ${(100 * tally.after / tally.members).toFixed(1)} % (from the whole pool ${(100 * tally.anyone / tally.members).toFixed(1)} %); ` +
      `every member someone in the pool could replace is replaceable from the list in ${tally.panelsAtCeiling.before} → ${tally.panelsAtCeiling.after} of ${SEEDS} panels`,
  );
}

writeResults('reserves', figures, { seeds: SEEDS, reserves: COUNT });

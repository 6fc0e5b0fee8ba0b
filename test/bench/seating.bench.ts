/**
 * `npm run bench -- seating [--seeds 1,2,3] [--only NAME]`
 *
 * The seating optimiser on every scenario of ../shared/data/groups/reference.json (people from its
 * CSV, ceil(people / table_size) tables with sizes as even as possible, its rounds and diversified
 * features) and on a synthetic 200 people × 25 tables × 4 rounds. Per scenario: repeat_pairs,
 * distinct_pairs_met, diversity_deviation (README definitions, computed by shared/seating.ts's
 * scorePlan) and seconds (planSeating wall clock, construction + search), each the median over
 * the seeds (GroupSelect's reference figures are the median of seeds 1–3 too). Next to them:
 * GroupSelect's figures and the two floors (the reference's, or computed here the README's way
 * for the synthetic scenario: diversity by a min-cost flow per feature, repeats by pigeonhole).
 *
 * Writes bench-results/seating.json: { bench, <scenario>: {…}, …, meta, machine }.
 * Targets (issue 8): below GroupSelect on repeat pairs and diversity deviation in every scenario,
 * close to the floors, and the 200 × 25 × 4 case under 5 s.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { evenTableSizes, type SeatingInput, type SeatingPerson } from '../../shared/seating.js';
import { scenarioInput } from '../../main/features/seating/engine/cli.js';
import { readPeopleCsv } from '../../main/features/seating/engine/csv.js';
import { DEFAULT_DIVERSITY_WEIGHT, planSeating } from '../../main/features/seating/engine/optimise.js';
import { machineFacts, median, REPO_ROOT, RESULTS_DIR, round } from './support.js';
import { SHARED_DATA } from '../support/sharedData.js';

const { values: args } = parseArgs({ options: { seeds: { type: 'string', default: '1,2,3' }, only: { type: 'string' } } });
const SEEDS = args.seeds.split(',').map(Number);
const DATA = path.join(SHARED_DATA, 'groups');

interface Reference {
  people: string;
  id_column: string;
  table_size: number;
  rounds: number;
  diversify: string[];
  groupselect: { repeat_pairs: number; distinct_pairs_met: number; diversity_deviation: number };
  diversity_lower_bound: number;
  repeat_lower_bound: number;
}

// ------------------------------------------------------------------ floors (README definitions)

/** Fewest pairs among s people drawn from t groups (as even as possible). */
function pigeonPairs(s: number, t: number): number {
  const q = Math.floor(s / t);
  const rem = s % t;
  return rem * ((q + 1) * q) / 2 + (t - rem) * (q * (q - 1)) / 2;
}

function repeatFloor(sizes: number[], rounds: number): number {
  return (rounds - 1) * sizes.reduce((sum, s) => sum + pigeonPairs(s, sizes.length), 0);
}

/**
 * For one feature: the least Σ_t TVD_t over integer spreads of its values over tables of these sizes
 * (a transportation problem with convex separable costs: successive shortest paths, one person at a time).
 */
function featureFloor(counts: number[], sizes: number[]): number {
  const people = counts.reduce((a, b) => a + b, 0);
  const share = counts.map((c) => c / people);
  const V = counts.length;
  const T = sizes.length;
  const x = counts.map(() => sizes.map(() => 0));
  const f = (v: number, t: number, c: number) => 0.5 * Math.abs(c / sizes[t]! - share[v]!);
  const leftV = [...counts];
  const leftT = [...sizes];
  // nodes: 0 source, 1..V values, V+1..V+T tables, V+T+1 sink
  const S = 0;
  const K = V + T + 1;
  for (let unit = 0; unit < people; unit++) {
    const dist = new Array<number>(K + 1).fill(Infinity);
    const prev = new Array<number>(K + 1).fill(-1);
    dist[S] = 0;
    for (let iter = 0; iter <= K; iter++) {
      let changed = false;
      const relax = (a: number, b: number, w: number) => {
        if (dist[a]! + w < dist[b]! - 1e-12) {
          dist[b] = dist[a]! + w;
          prev[b] = a;
          changed = true;
        }
      };
      for (let v = 0; v < V; v++) {
        if (leftV[v]! > 0) relax(S, 1 + v, 0);
        for (let t = 0; t < T; t++) {
          relax(1 + v, 1 + V + t, f(v, t, x[v]![t]! + 1) - f(v, t, x[v]![t]!));
          if (x[v]![t]! > 0) relax(1 + V + t, 1 + v, f(v, t, x[v]![t]! - 1) - f(v, t, x[v]![t]!));
        }
      }
      for (let t = 0; t < T; t++) if (leftT[t]! > 0) relax(1 + V + t, K, 0);
      if (!changed) break;
    }
    // Walk the cheapest path back from the sink and apply it (residual paths never re-enter S or leave K).
    let node = K;
    while (node !== S) {
      const from = prev[node]!;
      if (from === S) leftV[node - 1]!--;
      else if (node === K) leftT[from - 1 - V]!--;
      else if (from <= V) x[from - 1]![node - 1 - V]!++;
      else x[node - 1]![from - 1 - V]!--;
      node = from;
    }
  }
  let total = 0;
  for (let v = 0; v < V; v++) for (let t = 0; t < T; t++) total += f(v, t, x[v]![t]!);
  return total;
}

function diversityFloor(people: SeatingPerson[], diversify: string[], sizes: number[]): number {
  let sum = 0;
  for (const feature of diversify) {
    const counts = new Map<string, number>();
    for (const p of people) counts.set(p.features[feature] ?? '', (counts.get(p.features[feature] ?? '') ?? 0) + 1);
    sum += featureFloor([...counts.values()], sizes);
  }
  return sum / (diversify.length * sizes.length);
}

// ------------------------------------------------------------------ scenarios

function synthetic(): SeatingPerson[] {
  let a = 12345;
  const rand = () => ((a = (a * 1103515245 + 12345) & 0x7fffffff), a / 0x80000000);
  const pick = (vals: string[], w: number[]) => {
    let r = rand() * w.reduce((s, v) => s + v, 0);
    for (let i = 0; i < vals.length; i++) if ((r -= w[i]!) < 0) return vals[i]!;
    return vals.at(-1)!;
  };
  return Array.from({ length: 200 }, (_, i) => ({
    id: `p${i + 1}`,
    features: {
      gender: pick(['f', 'm', 'x'], [49, 49, 2]),
      age: pick(['16-29', '30-44', '45-59', '60-74', '75+'], [20, 24, 25, 21, 10]),
      region: pick(['a', 'b', 'c', 'd', 'e', 'f'], [30, 20, 15, 15, 10, 10]),
      education: pick(['basic', 'secondary', 'higher'], [25, 40, 35]),
    },
  }));
}

const reference = JSON.parse(readFileSync(path.join(DATA, 'reference.json'), 'utf8')) as Record<string, Reference | string>;
const scenarios: { name: string; input: SeatingInput; ref: Reference | null }[] = [];
for (const [name, ref] of Object.entries(reference)) {
  if (typeof ref === 'string') continue;
  const people = readPeopleCsv(readFileSync(path.join(DATA, ref.people), 'utf8'), ref.id_column, ref.people);
  scenarios.push({ name, input: scenarioInput(people, ref.table_size, ref.rounds, ref.diversify), ref });
}
scenarios.push({ name: 'synthetic_200x25x4', input: scenarioInput(synthetic(), 8, 4, ['gender', 'age', 'region', 'education']), ref: null });

const out: Record<string, unknown> = { bench: 'seating' };
for (const { name, input, ref } of scenarios) {
  if (args.only && args.only !== name) continue;
  const sizes = evenTableSizes(input.people.length, input.tables[0]!.capacity);
  const runs = SEEDS.map((seed) => {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = planSeating(input, { seed });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (result.violations.length > 0) throw new Error(`${name}: violations ${JSON.stringify(result.violations)}`);
    return { seed, ...result.score, seconds, cpuSeconds, iterations: result.stats.iterations, stoppedBy: result.stats.stoppedBy };
  });
  const figures = {
    people: input.people.length,
    tables: input.tables.length,
    rounds: input.rounds,
    repeat_pairs: median(runs.map((r) => r.repeatPairs)),
    distinct_pairs_met: median(runs.map((r) => r.distinctPairsMet)),
    diversity_deviation: round(median(runs.map((r) => r.diversityDeviation)), 6),
    seconds: round(median(runs.map((r) => r.seconds)), 3),
    seconds_max: round(Math.max(...runs.map((r) => r.seconds)), 3),
    cpu_seconds: round(median(runs.map((r) => r.cpuSeconds)), 3),
    groupselect: ref?.groupselect ?? null,
    repeat_lower_bound: ref?.repeat_lower_bound ?? repeatFloor(sizes, input.rounds),
    diversity_lower_bound: ref?.diversity_lower_bound ?? round(diversityFloor(input.people, input.diversify, sizes), 6),
    computed_floors: { repeat: repeatFloor(sizes, input.rounds), diversity: round(diversityFloor(input.people, input.diversify, sizes), 6) },
    per_seed: runs.map((r) => ({
      seed: r.seed,
      repeat_pairs: r.repeatPairs,
      distinct_pairs_met: r.distinctPairsMet,
      diversity_deviation: round(r.diversityDeviation, 6),
      seconds: round(r.seconds, 3),
      cpu_seconds: round(r.cpuSeconds, 3),
      iterations: r.iterations,
      stopped_by: r.stoppedBy,
    })),
  };
  out[name] = figures;
  const gs = ref?.groupselect;
  console.log(
    `${name.padEnd(20)} repeat ${String(figures.repeat_pairs).padStart(4)} (GS ${gs?.repeat_pairs ?? '–'}, floor ${figures.repeat_lower_bound})` +
      `  distinct ${String(figures.distinct_pairs_met).padStart(5)} (GS ${gs?.distinct_pairs_met ?? '–'})` +
      `  diversity ${figures.diversity_deviation.toFixed(4)} (GS ${gs?.diversity_deviation ?? '–'}, floor ${figures.diversity_lower_bound})` +
      `  ${figures.seconds.toFixed(2)} s (cpu ${figures.cpu_seconds.toFixed(2)} s)`,
  );
}
out.meta = { seeds: SEEDS, diversity_weight: DEFAULT_DIVERSITY_WEIGHT, figures: 'median over seeds; seconds = planSeating wall clock; cpu_seconds = its CPU time (the search is single-threaded: what it takes on an idle core)', load_average: os.loadavg() };
out.machine = machineFacts();
mkdirSync(RESULTS_DIR, { recursive: true });
const file = path.join(RESULTS_DIR, 'seating.json');
writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
console.log(`→ ${path.relative(REPO_ROOT, file)}`);

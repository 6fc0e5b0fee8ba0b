/**
 * `puntari select --features F.csv|xlsx --people P.csv|xlsx --panel-size K [--algorithm leximin|legacy]
 *  [--seed S] [--lottery M --draw D] [--id-column id] [--address-columns a,b] [--draws N]
 *  [--time-limit SECONDS] --out DIR`
 * writes selected.csv and remaining.csv (the input columns of those people), probabilities.csv
 * (id,probability for everyone) and report.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PuntariError } from '../../../shared/errors.js';
import type { SelectionReport } from '../../../shared/selection.js';
import { drawPanel, legacy, leximin, randomSeed, roundToLottery, samplePanel } from './engine/index.js';
import { readSelectionFilesAnyFormat, toCsv } from './formats.js';

export interface SelectCliOptions {
  /** Where problem lines go (translated by the caller's translator). */
  reportProblem(line: { file: string; code: string; params: Record<string, string | number> }): void;
}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new PuntariError('selection.unreadableFile', { file, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
}

export async function selectCommand(args: string[], cli: SelectCliOptions): Promise<SelectionReport> {
  const { values } = parseArgs({
    args,
    options: {
      features: { type: 'string' },
      people: { type: 'string' },
      'panel-size': { type: 'string' },
      algorithm: { type: 'string', default: 'leximin' },
      seed: { type: 'string' },
      lottery: { type: 'string' },
      draw: { type: 'string' },
      'id-column': { type: 'string' },
      'address-columns': { type: 'string' },
      draws: { type: 'string' },
      'time-limit': { type: 'string' },
      out: { type: 'string' },
    },
  });
  for (const required of ['features', 'people', 'panel-size', 'out'] as const) {
    if (!values[required]) throw new PuntariError('protocol.badField', { field: `--${required}`, issue: 'required' });
  }
  const algorithm = values.algorithm;
  if (algorithm !== 'leximin' && algorithm !== 'legacy') throw new PuntariError('protocol.badField', { field: '--algorithm', issue: String(algorithm) });
  const k = Number(values['panel-size']);
  if (!Number.isInteger(k) || k < 1) throw new PuntariError('selection.badPanelSize', { k: String(values['panel-size']) });
  const m = values.lottery === undefined ? null : Number(values.lottery);
  if (m !== null && (!Number.isInteger(m) || m < 1)) throw new PuntariError('selection.badLotterySize', { m: String(values.lottery) });
  const draw = values.draw === undefined ? null : Number(values.draw);
  if (draw !== null && m === null) throw new PuntariError('protocol.badField', { field: '--draw', issue: '--lottery' });
  if (m !== null && algorithm === 'legacy') throw new PuntariError('protocol.badField', { field: '--lottery', issue: 'leximin' });
  const seed = values.seed ?? randomSeed();

  const featuresFile = path.resolve(values.features!);
  const peopleFile = path.resolve(values.people!);
  const files = await readSelectionFilesAnyFormat(readBytes(featuresFile), readBytes(peopleFile), {
    idColumn: values['id-column'],
    addressColumns: values['address-columns']?.split(',').map((s) => s.trim()).filter(Boolean),
  });
  if (files.problems.length > 0) {
    for (const { file, problem } of files.problems.slice(0, 50)) {
      cli.reportProblem({
        file: file === 'features' ? values.features! : values.people!,
        code: problem.code,
        params: { row: problem.row ?? '', column: problem.column ?? '', value: problem.value ?? '' },
      });
    }
    const first = files.problems[0]!;
    throw new PuntariError('selection.badFile', { file: first.file === 'features' ? values.features! : values.people!, count: files.problems.length });
  }
  const instance = files.instance(k);

  let selected: string[];
  let probabilities: Record<string, number>;
  let report: SelectionReport;
  if (algorithm === 'leximin') {
    const timeLimit = values['time-limit'] === undefined ? undefined : Number(values['time-limit']);
    const result = await leximin(instance, {}, { timeLimitSeconds: timeLimit, expandPanels: false });
    probabilities = result.probabilities;
    let maxDeviation: number | null = null;
    let drawn: number | null = null;
    if (m !== null) {
      const lottery = roundToLottery(result, m, seed);
      maxDeviation = lottery.maxDeviation;
      drawn = draw ?? 1 + (hash(seed) % m);
      selected = drawPanel(lottery, drawn);
    } else selected = samplePanel(result, seed);
    report = {
      algorithm,
      n: instance.people.length,
      k,
      min_probability: result.minProbability,
      gini: result.gini,
      seconds: result.seconds,
      levels_fixed: result.levelsFixed,
      final: result.final,
      seed,
      lottery_m: m,
      draw: drawn,
      lottery_max_deviation: maxDeviation,
      selected,
    };
  } else {
    const result = legacy(instance, { seed, draws: values.draws === undefined ? 1000 : Number(values.draws) });
    probabilities = result.probabilities;
    selected = result.panel;
    report = {
      algorithm,
      n: instance.people.length,
      k,
      min_probability: result.minProbability,
      gini: result.gini,
      seconds: result.seconds,
      levels_fixed: null,
      final: true,
      seed,
      lottery_m: null,
      draw: null,
      lottery_max_deviation: null,
      selected,
    };
  }

  const out = path.resolve(values.out!);
  mkdirSync(out, { recursive: true });
  const chosen = new Set(selected);
  const { peopleTable, people } = files;
  const selectedRows: string[][] = [];
  const remainingRows: string[][] = [];
  people.people.forEach((p, j) => {
    const row = peopleTable.rows[people.rowOf[j]!]!;
    (chosen.has(p.id) ? selectedRows : remainingRows).push(row);
  });
  writeFileSync(path.join(out, 'selected.csv'), toCsv(peopleTable.header, selectedRows));
  writeFileSync(path.join(out, 'remaining.csv'), toCsv(peopleTable.header, remainingRows));
  writeFileSync(
    path.join(out, 'probabilities.csv'),
    toCsv(['id', 'probability'], instance.people.map((p) => [p.id, (probabilities[p.id] ?? 0).toFixed(9)])),
  );
  writeFileSync(path.join(out, 'report.json'), JSON.stringify({ ...report, features_file: featuresFile, people_file: peopleFile }, null, 2) + '\n');
  return report;
}

/** When no number was drawn in public, the seed picks it (recorded in the report). */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

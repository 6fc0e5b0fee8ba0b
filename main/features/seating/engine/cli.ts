/**
 * `puntari seat --people PEOPLE.csv --id-column ID --table-size N --rounds R --diversify a,b,c
 *   [--seed S] [--iterations N] --out ALLOCATION.json`
 * writes {"rounds": [[[id, …], …], …]}: ceil(people / N) tables in every round, sizes as even as
 * possible. The score goes to stderr.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PuntariError } from '../../../../shared/errors.js';
import { evenTableSizes, planToLists, type SeatingInput } from '../../../../shared/seating.js';
import { readPeopleCsv } from './csv.js';
import { planSeating } from './optimise.js';

function required(name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new PuntariError('protocol.badField', { field: `--${name}`, issue: 'required' });
  return value;
}

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new PuntariError('protocol.badField', { field: `--${name}`, issue: value });
  return n;
}

/** Tables for a scenario: ceil(people / size) tables numbered from 1, sizes as even as possible. */
export function scenarioInput(people: SeatingInput['people'], tableSize: number, rounds: number, diversify: string[]): SeatingInput {
  const sizes = evenTableSizes(people.length, tableSize);
  return { people, tables: sizes.map((capacity, i) => ({ no: i + 1, capacity })), rounds, diversify };
}

export function seatCommand(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      people: { type: 'string' },
      'id-column': { type: 'string' },
      'table-size': { type: 'string' },
      rounds: { type: 'string' },
      diversify: { type: 'string', default: '' },
      seed: { type: 'string', default: '1' },
      iterations: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const peopleFile = resolve(required('people', values.people));
  const idColumn = required('id-column', values['id-column']);
  const tableSize = positiveInt('table-size', required('table-size', values['table-size']));
  const rounds = positiveInt('rounds', required('rounds', values.rounds));
  const out = resolve(required('out', values.out));
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new PuntariError('protocol.badField', { field: '--seed', issue: values.seed ?? '' });
  const iterations = values.iterations === undefined ? undefined : positiveInt('iterations', values.iterations);
  const diversify = values.diversify.split(',').map((s) => s.trim()).filter(Boolean);

  const people = readPeopleCsv(readFileSync(peopleFile, 'utf8'), idColumn, peopleFile);
  for (const f of diversify) {
    if (people.length > 0 && !(f in people[0]!.features)) {
      throw new PuntariError('protocol.badField', { field: `--diversify: no column "${f}" in ${peopleFile}`, issue: f });
    }
  }
  const input = scenarioInput(people, tableSize, rounds, diversify);
  const result = planSeating(input, { seed, iterations, timeLimitMs: 60_000 });
  writeFileSync(out, JSON.stringify({ rounds: planToLists(result.rounds, input.tables) }) + '\n');
  const s = result.score;
  process.stderr.write(
    `repeat_pairs ${s.repeatPairs}  distinct_pairs_met ${s.distinctPairsMet}  diversity_deviation ${s.diversityDeviation.toFixed(6)}  (${result.stats.ms} ms)\n`,
  );
  process.stdout.write(`${out}\n`);
}

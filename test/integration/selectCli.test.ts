/**
 * `puntari select` with XLSX as well as CSV (issue 7): the same reader as the sign-up import, the
 * same results as from the CSV files, and the same row/column messages for a bad file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { selectCommand } from '../../main/features/selection/selectCli.js';
import { SHARED_DATA } from '../support/sharedData.js';

const REPO = join(import.meta.dirname, '../..');
const SF = join(SHARED_DATA, 'sortition/sf_example');

/** An XLSX with the CSV's cells as text (as a survey tool's export has them), on a named sheet. */
async function xlsxFrom(csvFile: string, out: string, edit: (rows: string[][]) => void = () => {}): Promise<string> {
  const rows = Papa.parse<string[]>(readFileSync(csvFile, 'utf8'), { skipEmptyLines: 'greedy' }).data;
  edit(rows);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Vastaukset');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(out);
  return out;
}

async function select(args: string[]) {
  const problems: { file: string; code: string; params: Record<string, string | number> }[] = [];
  try {
    const report = await selectCommand(args, { reportProblem: (p) => problems.push(p) });
    return { report, problems, error: null };
  } catch (error) {
    return { report: null, problems, error: error as { code: string; params: Record<string, unknown> } };
  }
}

const common = ['--panel-size', '22', '--id-column', 'nationbuilder_id', '--address-columns', 'primary_address1,primary_zip', '--algorithm', 'legacy', '--draws', '50', '--seed', 'xlsx'];

describe('puntari select', () => {
  it('reads the features and the people from XLSX and selects as from the same CSV files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'puntari-select-'));
    const features = await xlsxFrom(join(SF, 'features.csv'), join(dir, 'features.xlsx'));
    const people = await xlsxFrom(join(SF, 'people.csv'), join(dir, 'people.xlsx'));
    const fromCsv = await select(['--features', join(SF, 'features.csv'), '--people', join(SF, 'people.csv'), ...common, '--out', join(dir, 'csv')]);
    const fromXlsx = await select(['--features', features, '--people', people, ...common, '--out', join(dir, 'xlsx')]);
    expect(fromCsv.error).toBeNull();
    expect(fromXlsx.error).toBeNull();
    expect(fromXlsx.report).toMatchObject({ algorithm: 'legacy', n: 150, k: 22 });
    expect(fromXlsx.report!.selected).toEqual(fromCsv.report!.selected);
    for (const file of ['selected.csv', 'remaining.csv', 'probabilities.csv']) {
      expect(readFileSync(join(dir, 'xlsx', file), 'utf8'), file).toBe(readFileSync(join(dir, 'csv', file), 'utf8'));
    }
  });

  it('names every problem of a bad XLSX by row and column, as for a CSV, and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'puntari-select-'));
    const features = await xlsxFrom(join(SF, 'features.csv'), join(dir, 'features.xlsx'));
    let header: string[] = [];
    const breakRows = (rows: string[][]) => {
      header = rows[0]!;
      const id = header.indexOf('nationbuilder_id');
      const gender = header.indexOf('Gender');
      rows[4]![id] = rows[3]![id]!; // sheet row 5: the id of row 4 again
      rows[9]![gender] = ''; // sheet row 10: no gender
      rows[14]![gender] = 'unknown'; // sheet row 15: not one of the quotas' values
    };
    const people = await xlsxFrom(join(SF, 'people.csv'), join(dir, 'people.xlsx'), breakRows);
    const badCsv = join(dir, 'people.csv');
    const rows = Papa.parse<string[]>(readFileSync(join(SF, 'people.csv'), 'utf8'), { skipEmptyLines: 'greedy' }).data;
    breakRows(rows);
    writeFileSync(badCsv, Papa.unparse(rows));

    const fromXlsx = await select(['--features', features, '--people', people, ...common, '--out', join(dir, 'out')]);
    expect(fromXlsx.error).toMatchObject({ code: 'selection.badFile', params: { file: people, count: 3 } });
    const where = (p: { code: string; params: Record<string, string | number> }) => ({ code: p.code, ...p.params });
    expect(fromXlsx.problems.map(where)).toEqual([
      { code: 'duplicateId', row: 5, column: 'nationbuilder_id', value: rows[3]![header.indexOf('nationbuilder_id')] },
      { code: 'emptyFeature', row: 10, column: 'Gender', value: '' },
      { code: 'unknownValue', row: 15, column: 'Gender', value: 'unknown' },
    ]);
    const fromCsv = await select(['--features', features, '--people', badCsv, ...common, '--out', join(dir, 'out')]);
    expect(fromCsv.problems.map(where)).toEqual(fromXlsx.problems.map(where));

    // From the command line: the messages on stderr, in the terminal's language, and exit status 1.
    const run = spawnSync(process.execPath, [join(REPO, 'bin/puntari.mjs'), 'select', '--features', features, '--people', people, ...common, '--out', join(dir, 'out')], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_GB.UTF-8', LC_ALL: 'en_GB.UTF-8' },
      timeout: 120_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${people}: row 15`);
    expect(run.stderr.split('\n').filter((l) => l.startsWith(`puntari: ${people}: row `))).toHaveLength(3);
    expect(run.stderr).toContain(`${people} has 3 problems`);
  }, 180_000);
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, readPeople, readQuotas, readSelectionFiles, readTable } from '../../main/features/selection/formats.js';
import { SHARED_DATA } from '../support/sharedData.js';

const enc = (s: string) => new TextEncoder().encode(s);
const QUOTAS = 'feature,value,min,max\nkunta,Hämeenlinna,1,2\nkunta,Espoo,0,2\nikä,18-34,0,3\nikä,35+,0,3\n';

describe('selection file formats', () => {
  it('reads UTF-8 with a BOM, and Windows-1252 from a file on disk', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('id,kunta\n1,Hämeenlinna\n')]);
    expect(decodeText(bom)).toEqual({ text: 'id,kunta\n1,Hämeenlinna\n', encoding: 'utf-8-bom' });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'puntari-sel-'));
    const file = path.join(dir, 'people-cp1252.csv');
    writeFileSync(file, iconv.encode('id;kunta;ikä\r\nA1;Hämeenlinna;18-34\r\n', 'win1252'));
    const bytes = readFileSync(file);
    expect(bytes.includes(0xe4)).toBe(true); // ä is one byte in cp1252
    const table = readTable(bytes);
    expect(table.encoding).toBe('windows-1252');
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual(['id', 'kunta', 'ikä']);
    expect(table.rows).toEqual([['A1', 'Hämeenlinna', '18-34']]);
  });

  it('detects semicolons and tabs, and reads min_flex/max_flex', () => {
    const q = readQuotas(readTable(enc('feature;value;min;max;min_flex;max_flex\nkunta;Espoo;1;2;0;3\n')));
    expect(q.problems).toEqual([]);
    expect(q.quotas).toEqual([{ feature: 'kunta', value: 'Espoo', min: 1, max: 2, minFlex: 0, maxFlex: 3 }]);
    const t = readTable(enc('id\tkunta\n1\tEspoo\n'));
    expect(t.delimiter).toBe('\t');
    expect(t.rows).toEqual([['1', 'Espoo']]);
  });

  it('reports a duplicate id, an empty feature and an unknown value with row and column', () => {
    const quotas = readQuotas(readTable(enc(QUOTAS))).quotas;
    const people = readPeople(
      readTable(enc('id,kunta,ikä,address\nA,Espoo,18-34,Katu 1\nB,,35+,Katu 2\nA,Espoo,35+,Katu 3\nC,Vantaa,35+,Katu 4\nD,Espoo,35+,katu  1\n')),
      quotas,
    );
    expect(people.problems).toEqual([
      { code: 'emptyFeature', row: 3, column: 'kunta' },
      { code: 'duplicateId', row: 4, column: 'id', value: 'A' },
      { code: 'unknownValue', row: 5, column: 'kunta', value: 'Vantaa' },
    ]);
    // The clean rows are kept; the address makes households (case and spacing normalised).
    expect(people.people.map((p) => p.id)).toEqual(['A', 'D']);
    expect(people.people[0]!.household).toBe(people.people[1]!.household);
  });

  it('reports bad quota rows with row and column', () => {
    const q = readQuotas(readTable(enc('feature,value,min,max\nkunta,Espoo,x,2\nkunta,Espoo,3,1\n')));
    expect(q.problems).toEqual([
      { code: 'badNumber', row: 2, column: 'min', value: 'x' },
      { code: 'minAboveMax', row: 3, column: 'min' },
      { code: 'duplicateQuota', row: 3, column: 'value', value: 'kunta=Espoo' },
    ]);
    const missing = readQuotas(readTable(enc('feature,value,min\nkunta,Espoo,1\n')));
    expect(missing.problems).toEqual([{ code: 'missingColumn', row: 1, column: 'max' }]);
  });

  it('reads the replication format, with row numbers as ids', () => {
    const dir = path.join(SHARED_DATA, 'sortition/replication/example_small_20');
    const files = readSelectionFiles(readFileSync(path.join(dir, 'categories.csv')), readFileSync(path.join(dir, 'respondents.csv')));
    expect(files.problems).toEqual([]);
    expect(files.quotas.format).toBe('replication');
    expect(files.quotas.quotas[0]).toEqual({ feature: 'gender', value: 'female', min: 9, max: 20 });
    expect(files.people.idColumn).toBeNull();
    expect(files.people.people[0]).toEqual({ id: '2', features: { gender: 'female', leaning: 'conservative' }, household: null });
    expect(files.people.people).toHaveLength(200);
  });

  it('reads the Sortition Foundation example with its id and address columns', () => {
    const dir = path.join(SHARED_DATA, 'sortition/sf_example');
    const files = readSelectionFiles(readFileSync(path.join(dir, 'features.csv')), readFileSync(path.join(dir, 'people.csv')), {
      idColumn: 'nationbuilder_id',
      addressColumns: ['primary_address1', 'primary_zip'],
    });
    expect(files.problems).toEqual([]);
    expect(files.quotas.format).toBe('sortition-foundation');
    expect(files.people.people[0]!.id).toBe('p0');
    expect(files.people.people[0]!.household).toBe('primary_address10 | primary_zip0');
  });
});

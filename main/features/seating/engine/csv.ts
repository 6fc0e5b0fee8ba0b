/**
 * People from a CSV file for `puntari seat` and the benchmark: one row per person, a header row,
 * the id column named by the caller, every other column a feature. Duplicated or missing ids are
 * refused with the row (1-based, the header is row 1) and the column.
 */
import Papa from 'papaparse';
import { PuntariError } from '../../../../shared/errors.js';
import type { SeatingPerson } from '../../../../shared/seating.js';

function refuse(detail: string): never {
  throw new PuntariError('protocol.badField', { field: detail, issue: detail });
}

export function readPeopleCsv(text: string, idColumn: string, source = 'CSV'): SeatingPerson[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { header: false, skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  const header = rows[0]?.map((h) => h.trim());
  if (!header) refuse(`${source}: empty file`);
  const idAt = header.indexOf(idColumn);
  if (idAt < 0) refuse(`${source}: no column "${idColumn}" in the header (${header.join(', ')})`);
  const seen = new Map<string, number>();
  const people: SeatingPerson[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    const rowNo = i + 1;
    if (row.length !== header.length) refuse(`${source} row ${rowNo}: ${row.length} columns, the header has ${header.length}`);
    const id = (row[idAt] ?? '').trim();
    if (id === '') refuse(`${source} row ${rowNo}, column "${idColumn}": missing id`);
    const first = seen.get(id);
    if (first !== undefined) refuse(`${source} row ${rowNo}, column "${idColumn}": duplicate id "${id}" (first on row ${first})`);
    seen.set(id, rowNo);
    const features: Record<string, string> = {};
    header.forEach((h, c) => {
      if (c !== idAt) features[h] = (row[c] ?? '').trim();
    });
    people.push({ id, features });
  }
  return people;
}

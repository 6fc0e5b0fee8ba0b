/**
 * Reading the files people already have for a selection:
 * - the Sortition Foundation's quotas `feature,value,min,max[,min_flex,max_flex]` with a people CSV
 *   that has an id column, and
 * - the replication format (Flanigan et al.) `category,feature,min,max` with respondents that have
 *   no id column: the file row number (the header is row 1) is the id.
 * CSV in UTF-8 with or without BOM, or Windows-1252; comma, semicolon or tab; or XLSX (the first
 * worksheet). Every problem names its row (as a spreadsheet numbers it, the header being row 1)
 * and column.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { PuntariError } from '../../../shared/errors.js';
import type { FormatProblem, Instance, Person, Quota } from '../../../shared/selection.js';

/** How the file was read: a text encoding, or 'xlsx' (then the delimiter is ''). */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'xlsx';
export type Delimiter = ',' | ';' | '\t' | '';

export interface Table {
  header: string[];
  /** Data rows (without the header); rows[i] is file row i + 2. */
  rows: string[][];
  encoding: TextEncoding;
  delimiter: Delimiter;
  problems: FormatProblem[];
}

/** Bytes to text: a UTF-8 BOM, else valid UTF-8, else Windows-1252 (what Excel writes on Windows). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'win1252'), encoding: 'windows-1252' };
  }
}

/** The delimiter that splits the header line into the most fields (quotes respected). */
export function detectDelimiter(text: string): Delimiter {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t'] as const) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === d) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export function readTable(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: 'greedy' });
  const problems: FormatProblem[] = [];
  for (const e of parsed.errors) {
    problems.push({ code: 'unparsable', row: e.row === undefined ? null : e.row + 1, column: null, value: e.message });
  }
  const [header = [], ...rows] = parsed.data;
  if (header.length === 0 || header.every((h) => h.trim() === '')) problems.push({ code: 'emptyFile', row: null, column: null });
  return { header: header.map((h) => h.trim()), rows, encoding, delimiter, problems };
}

function isXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The first worksheet of an XLSX as a table of strings (cells as Excel shows them); row numbers are the sheet's. */
export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new PuntariError('selection.unreadableFile', { file: 'xlsx', detail: String((error as Error).message).slice(0, 200) });
  }
  const ws = wb.worksheets[0];
  if (!ws) return { header: [], rows: [], encoding: 'xlsx', delimiter: '', problems: [{ code: 'emptyFile', row: null, column: null }] };
  const width = ws.columnCount;
  const all: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(row.getCell(c).text?.trim() ?? '');
    all.push(cells);
  }
  // Trailing empty rows are not rows.
  while (all.length > 0 && all[all.length - 1]!.every((c) => c === '')) all.pop();
  const [header = [], ...rows] = all;
  const problems: FormatProblem[] = [];
  if (header.length === 0 || header.every((h) => h === '')) problems.push({ code: 'emptyFile', row: null, column: null });
  return { header: header.map((h) => h.trim()), rows, encoding: 'xlsx', delimiter: '', problems };
}

/** An XLSX (told by its ZIP signature) or a CSV. */
export function readAnyTable(bytes: Uint8Array): Promise<Table> {
  return isXlsx(bytes) ? readXlsx(bytes) : Promise.resolve(readTable(bytes));
}

function columnIndex(header: readonly string[], name: string): number {
  const wanted = name.trim().toLowerCase();
  return header.findIndex((h) => h.trim().toLowerCase() === wanted);
}

export type QuotaFormat = 'sortition-foundation' | 'replication';

export interface QuotasRead {
  quotas: Quota[];
  format: QuotaFormat;
  problems: FormatProblem[];
}

/** Quotas in either format, told apart by the header (`feature,value,…` or `category,feature,…`). */
export function readQuotas(table: Table): QuotasRead {
  const problems: FormatProblem[] = [...table.problems];
  const h = table.header;
  const replication = columnIndex(h, 'category') >= 0;
  const format: QuotaFormat = replication ? 'replication' : 'sortition-foundation';
  const names = replication ? ['category', 'feature', 'min', 'max'] : ['feature', 'value', 'min', 'max'];
  const cols = names.map((n) => columnIndex(h, n));
  cols.forEach((ci, i) => {
    if (ci < 0) problems.push({ code: 'missingColumn', row: 1, column: names[i]! });
  });
  const minFlexCol = columnIndex(h, 'min_flex');
  const maxFlexCol = columnIndex(h, 'max_flex');
  const quotas: Quota[] = [];
  if (cols.some((ci) => ci < 0)) return { quotas, format, problems };
  const [fCol, vCol, minCol, maxCol] = cols as [number, number, number, number];
  const seen = new Set<string>();
  table.rows.forEach((row, i) => {
    const rowNo = i + 2;
    const feature = (row[fCol] ?? '').trim();
    const value = (row[vCol] ?? '').trim();
    if (!feature) problems.push({ code: 'emptyFeature', row: rowNo, column: h[fCol]! });
    if (!value) problems.push({ code: 'emptyFeature', row: rowNo, column: h[vCol]! });
    const num = (ci: number): number | null => {
      const raw = (row[ci] ?? '').trim();
      if (!/^\d+$/.test(raw)) {
        problems.push({ code: 'badNumber', row: rowNo, column: h[ci]!, value: raw });
        return null;
      }
      return Number(raw);
    };
    const min = num(minCol);
    const max = num(maxCol);
    const optional = (ci: number): number | undefined => {
      if (ci < 0 || (row[ci] ?? '').trim() === '') return undefined;
      return num(ci) ?? undefined;
    };
    const minFlex = optional(minFlexCol);
    const maxFlex = optional(maxFlexCol);
    if (min !== null && max !== null && min > max) problems.push({ code: 'minAboveMax', row: rowNo, column: h[minCol]! });
    const key = `${feature}\u0000${value}`;
    if (feature && value && seen.has(key)) problems.push({ code: 'duplicateQuota', row: rowNo, column: h[vCol]!, value: `${feature}=${value}` });
    seen.add(key);
    if (feature && value && min !== null && max !== null) {
      const q: Quota = { feature, value, min, max };
      if (minFlex !== undefined) q.minFlex = minFlex;
      if (maxFlex !== undefined) q.maxFlex = maxFlex;
      quotas.push(q);
    }
  });
  return { quotas, format, problems };
}

export interface PeopleOptions {
  /** Id column; null = row numbers. Default: `id` if present, else row numbers. */
  idColumn?: string | null;
  /** Columns that together form the household (address); default `address` if present. Empty = no households. */
  addressColumns?: string[];
}

export interface PeopleRead {
  people: Person[];
  /** Index of each person's row in table.rows (people may skip rows that have problems). */
  rowOf: number[];
  idColumn: string | null;
  addressColumns: string[];
  problems: FormatProblem[];
}

/** Household key: the address columns joined, case and spacing normalised; empty → no household. */
export function householdKey(parts: readonly string[]): string | null {
  const norm = parts.map((p) => p.trim().toLowerCase().replace(/\s+/g, ' '));
  return norm.every((p) => p === '') ? null : norm.join(' | ');
}

export function readPeople(table: Table, quotas: readonly Quota[], options: PeopleOptions = {}): PeopleRead {
  const problems: FormatProblem[] = [...table.problems];
  const h = table.header;
  let idColumn: string | null;
  if (options.idColumn === undefined) idColumn = columnIndex(h, 'id') >= 0 ? h[columnIndex(h, 'id')]! : null;
  else idColumn = options.idColumn;
  const idCol = idColumn === null ? -1 : columnIndex(h, idColumn);
  if (idColumn !== null && idCol < 0) problems.push({ code: 'missingColumn', row: 1, column: idColumn });
  const addressColumns = options.addressColumns ?? (columnIndex(h, 'address') >= 0 ? [h[columnIndex(h, 'address')]!] : []);
  const addressCols = addressColumns.map((name) => {
    const ci = columnIndex(h, name);
    if (ci < 0) problems.push({ code: 'missingColumn', row: 1, column: name });
    return ci;
  });
  const features = [...new Set(quotas.map((q) => q.feature))];
  const valuesOf = new Map<string, Set<string>>();
  for (const q of quotas) valuesOf.set(q.feature, (valuesOf.get(q.feature) ?? new Set()).add(q.value));
  const featureCols = features.map((f) => {
    const ci = columnIndex(h, f);
    if (ci < 0) problems.push({ code: 'missingColumn', row: 1, column: f });
    return ci;
  });
  const people: Person[] = [];
  const rowOf: number[] = [];
  if (problems.some((p) => p.code === 'missingColumn' || p.code === 'emptyFile')) return { people, rowOf, idColumn, addressColumns, problems };
  const seen = new Map<string, number>();
  table.rows.forEach((row, i) => {
    const rowNo = i + 2;
    let ok = true;
    const id = idCol < 0 ? String(rowNo) : (row[idCol] ?? '').trim();
    if (!id) {
      problems.push({ code: 'missingId', row: rowNo, column: h[idCol]! });
      ok = false;
    } else if (seen.has(id)) {
      problems.push({ code: 'duplicateId', row: rowNo, column: h[idCol]!, value: id });
      ok = false;
    }
    seen.set(id, rowNo);
    const feats: Record<string, string> = {};
    features.forEach((f, j) => {
      const ci = featureCols[j]!;
      const value = (row[ci] ?? '').trim();
      if (!value) {
        problems.push({ code: 'emptyFeature', row: rowNo, column: h[ci]! });
        ok = false;
      } else if (!valuesOf.get(f)!.has(value)) {
        problems.push({ code: 'unknownValue', row: rowNo, column: h[ci]!, value });
        ok = false;
      }
      feats[f] = value;
    });
    if (!ok) return;
    const household = addressCols.length === 0 ? null : householdKey(addressCols.map((ci) => row[ci] ?? ''));
    people.push({ id, features: feats, household });
    rowOf.push(i);
  });
  return { people, rowOf, idColumn, addressColumns, problems };
}

export interface SelectionFiles {
  quotasTable: Table;
  peopleTable: Table;
  quotas: QuotasRead;
  people: PeopleRead;
  /** Problems of both files, each with the file it came from. */
  problems: { file: 'features' | 'people'; problem: FormatProblem }[];
}

/** Both CSV files at once; `instance(k)` is only meaningful when `problems` is empty. */
export function readSelectionFiles(featuresBytes: Uint8Array, peopleBytes: Uint8Array, options: PeopleOptions = {}): SelectionFiles & { instance(k: number): Instance } {
  return readSelectionTables(readTable(featuresBytes), readTable(peopleBytes), options);
}

/** Both files, each CSV or XLSX. */
export async function readSelectionFilesAnyFormat(featuresBytes: Uint8Array, peopleBytes: Uint8Array, options: PeopleOptions = {}): Promise<SelectionFiles & { instance(k: number): Instance }> {
  return readSelectionTables(await readAnyTable(featuresBytes), await readAnyTable(peopleBytes), options);
}

function readSelectionTables(quotasTable: Table, peopleTable: Table, options: PeopleOptions): SelectionFiles & { instance(k: number): Instance } {
  const quotas = readQuotas(quotasTable);
  const people = readPeople(peopleTable, quotas.quotas, options);
  const problems = [
    ...quotas.problems.map((problem) => ({ file: 'features' as const, problem })),
    ...people.problems.map((problem) => ({ file: 'people' as const, problem })),
  ];
  return { quotasTable, peopleTable, quotas, people, problems, instance: (k) => ({ people: people.people, quotas: quotas.quotas, k }) };
}

/** CSV text (UTF-8, comma) of a header and rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return Papa.unparse({ fields: [...header], data: rows.map((r) => [...r]) }, { newline: '\n' }) + '\n';
}

/**
 * Importing sign-ups: an uploaded CSV (UTF-8 ± BOM or Windows-1252; comma, semicolon or tab) or
 * XLSX is staged in the hub's memory, its columns mapped by the user, validated row by row, and
 * imported only when clean (or when every row with a problem is explicitly left out).
 *
 * Personal columns (name, contacts, address, every original column) go to the recruitment file;
 * the panel gets each sign-up's id, features and a salted household hash.
 */
import { createHash, randomBytes } from 'node:crypto';
import { PuntariError } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import type { PoolMapping, PoolReport, UploadedTable } from '../../../shared/recruitment.js';
import type { FormatProblem, Person } from '../../../shared/selection.js';
import type { Db } from '../../store/sqlite.js';
import type { CommandContext } from '../context.js';
import { householdKey, readAnyTable, type Table } from './formats.js';
import type { SignupPersonal } from './recruitmentFile.js';
import { emitFeatures, emitSelection, ensureFeature, featureKeyOf, requireNotDrawn, valueMatcher } from './store.js';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_POOL_ROWS = 100_000;
const STAGE_TTL_MS = 60 * 60 * 1000;

interface Staged {
  name: string;
  bytes: Uint8Array;
  sha256: string;
  table: Table;
  format: 'csv' | 'xlsx';
  at: number;
}

const staged = new Map<string, Staged>();

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function parseUpload(bytes: Uint8Array): Promise<{ table: Table; format: 'csv' | 'xlsx' }> {
  if (bytes.byteLength === 0) throw new PuntariError('selection.unreadableFile', { file: '', detail: 'empty' });
  const table = await readAnyTable(bytes);
  return { table, format: table.encoding === 'xlsx' ? 'xlsx' : 'csv' };
}

function pruneStaged(now: number): void {
  for (const [id, s] of staged) if (now - s.at > STAGE_TTL_MS) staged.delete(id);
  while (staged.size > 8) staged.delete(staged.keys().next().value!);
}

const PATTERNS: [keyof Omit<PoolMapping, 'features' | 'address'> | 'address', RegExp][] = [
  ['id', /^(id|tunniste|tunnus|nro|numero|respondent|vastaaja|vastaajanumero|person_id|identifier)$/i],
  ['name', /^(nimi|koko nimi|name|full ?name|namn)$/i],
  ['email', /(s-?posti|e-?mail|sähköposti|epost)/i],
  ['phone', /(puhelin|phone|puh|mobile|telefon)/i],
  ['address', /(osoite|address|adress|katuosoite|street)/i],
  ['postcode', /(postinumero|postcode|post ?code|zip|postal)/i],
  ['language', /^(kieli|language|språk|asiointikieli)$/i],
];

/** A first guess at the mapping from the header (and the panel's features). */
export function suggestMapping(db: Db, table: Table): PoolMapping {
  const mapping: PoolMapping = { id: null, name: null, email: null, phone: null, address: [], postcode: null, language: null, features: [] };
  const used = new Set<string>();
  for (const h of table.header) {
    if (!h) continue;
    for (const [field, re] of PATTERNS) {
      if (!re.test(h)) continue;
      if (field === 'address') mapping.address.push(h);
      else if (mapping[field] === null) mapping[field] = h;
      else continue;
      used.add(h);
      break;
    }
  }
  const panelHasFeatures = (db.prepare('SELECT count(*) AS n FROM background_feature').get() as { n: number }).n > 0;
  table.header.forEach((h, ci) => {
    if (!h || used.has(h)) return;
    const key = featureKeyOf(db, h);
    if (key) {
      mapping.features.push({ column: h, feature: key });
      return;
    }
    if (panelHasFeatures) return;
    const distinct = new Set(table.rows.map((r) => (r[ci] ?? '').trim()).filter(Boolean));
    if (distinct.size >= 1 && distinct.size <= 20 && distinct.size < Math.max(2, table.rows.length / 2)) mapping.features.push({ column: h, feature: h });
  });
  return mapping;
}

export async function stageUpload(db: Db, name: string, bytes: Uint8Array, now = Date.now()): Promise<UploadedTable> {
  const { table, format } = await parseUpload(bytes);
  if (table.rows.length > MAX_POOL_ROWS) throw new PuntariError('selection.unreadableFile', { file: name, detail: `> ${MAX_POOL_ROWS} rows` });
  pruneStaged(now);
  const uploadId = uuidv7();
  const sha256 = sha256Hex(bytes);
  staged.set(uploadId, { name, bytes, sha256, table, format, at: now });
  return {
    uploadId,
    name,
    sha256,
    format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    header: table.header,
    rows: table.rows.length,
    preview: table.rows.slice(0, 5),
    suggested: suggestMapping(db, table),
  };
}

export function stagedUpload(uploadId: string): Staged {
  const s = staged.get(uploadId);
  if (!s) throw new PuntariError('selection.uploadNotFound');
  return s;
}

export function forgetUpload(uploadId: string): void {
  staged.delete(uploadId);
}

function normaliseLanguage(raw: string): 'fi' | 'sv' | 'en' {
  const v = raw.trim().toLowerCase();
  if (/^(sv|svenska|ruotsi|swedish|sve)/.test(v)) return 'sv';
  if (/^(en|english|englanti|eng)/.test(v)) return 'en';
  return 'fi';
}

export interface Validated {
  report: PoolReport;
  people: Person[];
  signups: SignupPersonal[];
  /** feature -> values found (for features the panel does not have yet). */
  newFeatures: Map<string, string[]>;
}

/** Checks every row against the mapping and the panel's features; nothing is written. */
export function validatePool(db: Db, table: Table, mapping: PoolMapping, excludeRows: readonly number[] = []): Validated {
  const problems: FormatProblem[] = [...table.problems];
  const col = (name: string | null): number => {
    if (name === null || name === '') return -1;
    const ci = table.header.findIndex((h) => h === name);
    if (ci < 0) problems.push({ code: 'missingColumn', row: 1, column: name });
    return ci;
  };
  const idCol = col(mapping.id);
  const nameCol = col(mapping.name);
  const emailCol = col(mapping.email);
  const phoneCol = col(mapping.phone);
  const postcodeCol = col(mapping.postcode);
  const languageCol = col(mapping.language);
  const addressCols = mapping.address.map((a) => col(a));
  const seenFeature = new Set<string>();
  const features = mapping.features
    .filter((f) => (seenFeature.has(f.feature) ? false : (seenFeature.add(f.feature), true)))
    .map((f) => ({ column: f.column, ci: col(f.column), key: featureKeyOf(db, f.feature) ?? f.feature }));
  for (const f of features) if (!f.key) problems.push({ code: 'missingColumn', row: 1, column: f.column });
  const fileLevel = problems.some((p) => p.row === null || p.row === 1);
  const matchers = new Map(features.map((f) => [f.key, valueMatcher(db, f.key)]));
  const newValues = new Map<string, Set<string>>();
  for (const f of features) if (!matchers.get(f.key)) newValues.set(f.key, new Set());
  const people: Person[] = [];
  const signups: SignupPersonal[] = [];
  const problemRows = new Set<number>();
  const excluded = new Set(excludeRows);
  const seen = new Map<string, number>();
  for (const p of table.problems) if (p.row !== null && p.row > 1) problemRows.add(p.row);
  const salt = randomBytes(16);
  if (!fileLevel) {
    table.rows.forEach((row, i) => {
      const rowNo = i + 2;
      let ok = true;
      const flag = (p: FormatProblem) => {
        problems.push(p);
        problemRows.add(rowNo);
        ok = false;
      };
      const cell = (ci: number) => (ci < 0 ? '' : (row[ci] ?? '').trim());
      const id = idCol < 0 ? String(rowNo) : cell(idCol);
      if (!id) flag({ code: 'missingId', row: rowNo, column: mapping.id });
      else if (seen.has(id)) flag({ code: 'duplicateId', row: rowNo, column: mapping.id, value: id });
      else seen.set(id, rowNo);
      const feats: Record<string, string> = {};
      for (const f of features) {
        const raw = cell(f.ci);
        if (!raw) {
          flag({ code: 'emptyFeature', row: rowNo, column: f.column });
          continue;
        }
        const match = matchers.get(f.key);
        if (match) {
          const v = match(raw);
          if (v === null) flag({ code: 'unknownValue', row: rowNo, column: f.column, value: raw });
          else feats[f.key] = v;
        } else {
          feats[f.key] = raw;
        }
      }
      if (problemRows.has(rowNo)) ok = false;
      if (!ok || excluded.has(rowNo)) return;
      for (const f of features) newValues.get(f.key)?.add(feats[f.key]!);
      const addressParts = addressCols.map((ci) => cell(ci));
      const home = addressCols.length === 0 ? null : householdKey(addressParts);
      people.push({
        id,
        features: feats,
        household: home === null ? null : createHash('sha256').update(salt).update(home).digest('hex').slice(0, 24),
      });
      const columns: Record<string, string> = {};
      table.header.forEach((h, ci) => {
        if (h) columns[h] = (row[ci] ?? '').trim();
      });
      signups.push({
        poolId: id,
        row: rowNo,
        fullName: cell(nameCol),
        email: cell(emailCol),
        phone: cell(phoneCol),
        address: addressParts.filter(Boolean).join(', '),
        postcode: cell(postcodeCol),
        language: languageCol < 0 ? 'fi' : normaliseLanguage(cell(languageCol)),
        columns,
      });
    });
  }
  const rowsWithProblems = [...problemRows].sort((a, b) => a - b);
  const clean = !fileLevel && table.rows.length > 0 && rowsWithProblems.every((r) => excluded.has(r)) && people.length > 0;
  return {
    report: {
      rows: table.rows.length,
      ok: people.length,
      problems,
      problemRows: rowsWithProblems,
      newFeatures: [...newValues].map(([feature, values]) => ({ feature, values: [...values].sort() })),
      clean,
    },
    people,
    signups,
    newFeatures: new Map([...newValues].map(([f, v]) => [f, [...v].sort()])),
  };
}

/** Writes the validated pool into the panel (inside the hub's transaction). */
export function writePool(
  ctx: Pick<CommandContext, 'db' | 'change'>,
  v: Validated,
  file: { name: string; sha256: string; encoding: string; delimiter: string; rows: number; excludedRows: number[] },
  link: string,
  now: Date,
): void {
  const { db } = ctx;
  requireNotDrawn(db);
  let featuresChanged = false;
  const featureKeys = new Set<string>();
  for (const p of v.people) for (const k of Object.keys(p.features)) featureKeys.add(k);
  for (const key of featureKeys) {
    const values = [...new Set(v.people.map((p) => p.features[key]!).filter(Boolean))];
    if (ensureFeature(db, key, v.newFeatures.has(key) ? values : [])) featuresChanged = true;
  }
  db.prepare('DELETE FROM selection_pool').run();
  db.prepare('DELETE FROM selection_run').run();
  db.prepare("DELETE FROM selection_input WHERE kind = 'people'").run();
  const ins = db.prepare('INSERT INTO selection_pool (pool_id, row_no, features, household) VALUES (?, ?, ?, ?)');
  v.people.forEach((p, i) => ins.run(p.id, v.signups[i]!.row, JSON.stringify(p.features), p.household));
  db.prepare(
    'INSERT INTO selection_input (id, kind, name, sha256, rows, encoding, delimiter, excluded_rows, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(uuidv7(), 'people', file.name, file.sha256, file.rows, file.encoding, file.delimiter, JSON.stringify(file.excludedRows), now.toISOString());
  db.prepare('UPDATE selection_settings SET recruitment_link = ? WHERE id = 1').run(link);
  if (featuresChanged) emitFeatures(ctx);
  emitSelection(ctx);
}

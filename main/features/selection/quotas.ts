/**
 * Quotas from a file: the Sortition Foundation's `feature,value,min,max[,min_flex,max_flex]` or the
 * replication format's `category,feature,min,max`, in CSV or XLSX. Features and values are matched to the panel's
 * (by key or label); ones the panel does not have are created. Nothing is applied when the file has
 * a problem; every problem names its row and column.
 */
import { uuidv7 } from '../../../shared/ids.js';
import type { FormatProblem, Quota } from '../../../shared/selection.js';
import type { CommandContext } from '../context.js';
import { readAnyTable, readQuotas as readQuotaFile } from './formats.js';
import { emitFeatures, emitSelection, ensureFeature, featureKeyOf, requireNotDrawn, valueMatcher, writeQuotas } from './store.js';
import type { Db } from '../../store/sqlite.js';

export interface QuotaFile {
  quotas: Quota[];
  format: string;
  encoding: string;
  delimiter: string;
  rows: number;
  problems: FormatProblem[];
}

/** A quotas file in CSV or XLSX. */
export async function parseQuotaFile(bytes: Uint8Array): Promise<QuotaFile> {
  const table = await readAnyTable(bytes);
  const read = readQuotaFile(table);
  return { quotas: read.quotas, format: read.format, encoding: table.encoding, delimiter: table.delimiter, rows: table.rows.length, problems: read.problems };
}

/** The file's quotas with the panel's feature and value keys where the panel has them. */
export function matchQuotas(db: Db, quotas: readonly Quota[]): Quota[] {
  return quotas.map((q) => {
    const feature = featureKeyOf(db, q.feature) ?? q.feature;
    const value = valueMatcher(db, feature)?.(q.value) ?? q.value;
    return { ...q, feature, value };
  });
}

export function applyQuotaFile(ctx: Pick<CommandContext, 'db' | 'change' | 'now'>, file: QuotaFile, meta: { name: string; sha256: string }): number {
  const { db } = ctx;
  requireNotDrawn(db);
  const quotas = matchQuotas(db, file.quotas);
  let featuresChanged = false;
  const byFeature = new Map<string, string[]>();
  for (const q of quotas) byFeature.set(q.feature, [...(byFeature.get(q.feature) ?? []), q.value]);
  for (const [feature, values] of byFeature) if (ensureFeature(db, feature, values)) featuresChanged = true;
  writeQuotas(db, quotas, true);
  db.prepare("DELETE FROM selection_input WHERE kind = 'quotas'").run();
  db.prepare(
    'INSERT INTO selection_input (id, kind, name, sha256, rows, encoding, delimiter, excluded_rows, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(uuidv7(), 'quotas', meta.name, meta.sha256, file.rows, file.encoding, file.delimiter, '[]', ctx.now.toISOString());
  if (featuresChanged) emitFeatures(ctx);
  emitSelection(ctx);
  return quotas.length;
}

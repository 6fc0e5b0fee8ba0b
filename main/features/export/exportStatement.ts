/**
 * Exporting the statement: one document model rendered to the format asked for, or the panel
 * archive, written atomically (a temporary file in the target folder, then a rename), so a target
 * is never left half written: it holds the old file or the new one.
 */
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fill, type DocumentLanguage, type PuntariDocument } from '../../../shared/document.js';
import { PuntariError } from '../../../shared/errors.js';
import type { StatementRecommendation } from '../../../shared/statement.js';
import { writeFileAtomic } from '../../store/atomicWrite.js';
import { applyPassphrase, openSqlite, type Db } from '../../store/sqlite.js';
import { readBasics } from '../panels/panels.js';
import { buildStatementDocument, type ExportWarning } from './buildDocument.js';
import { buildFollowUpDocument } from './followUpDocument.js';
import { buildOpenData, toCsv, toJson } from './openData.js';
import { readExportData } from './sources.js';
import { readStatementForExport } from './statementSource.js';
import { exportTexts, type ExportTexts } from './texts.js';

export const EXPORT_FORMATS = ['docx', 'pdf', 'md', 'html', 'csv', 'json', 'archive'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type DocumentFormat = Exclude<ExportFormat, 'archive'>;

/** Which document: the statement itself, or the follow-up report of the authority's answers to it. */
export const EXPORT_DOCUMENTS = ['statement', 'followup'] as const;
export type ExportDocument = (typeof EXPORT_DOCUMENTS)[number];
/** The formats each document comes in (the follow-up report has no open data or archive of its own). */
export const DOCUMENT_FORMATS: Record<ExportDocument, readonly ExportFormat[]> = {
  statement: EXPORT_FORMATS,
  followup: ['docx', 'pdf', 'md', 'html'],
};

export const MIME: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  archive: 'application/octet-stream',
};

export interface RenderOptions {
  language: DocumentLanguage;
  /** Default 'statement'. */
  document?: ExportDocument;
  annexes?: 'public' | 'all';
  now?: Date;
  fontDir?: string;
  timeZone?: string;
}

export interface Rendered {
  bytes: Buffer;
  warnings: ExportWarning[];
}

/**
 * A document model in one format. Each renderer is imported when first asked for: an export runs in
 * a fresh worker, and a DOCX need not load pdfkit and its fonts' shaping tables, nor a PDF the DOCX library.
 */
export async function renderDocument(doc: PuntariDocument, format: 'docx' | 'pdf' | 'md' | 'html', options: { fontDir?: string } = {}): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return (await import('./docx.js')).toDocx(doc);
    case 'pdf':
      return (await import('./pdf.js')).toPdf(doc, { fontDir: options.fontDir });
    case 'md':
      return Buffer.from((await import('./markdown.js')).toMarkdown(doc));
    case 'html':
      return Buffer.from((await import('./html.js')).toHtml(doc));
  }
}

/** The follow-up report in one format; the recommendations not yet answered are its warnings. */
async function renderFollowUp(db: Db, format: DocumentFormat, options: RenderOptions): Promise<Rendered> {
  if (format === 'csv' || format === 'json') throw new PuntariError('protocol.badField', { field: 'format', issue: format });
  const statement = readStatementForExport(db, options.language);
  const doc = buildFollowUpDocument({ basics: readBasics(db), statement }, options);
  const t = exportTexts(options.language);
  const warnings: ExportWarning[] = statement.sections
    .flatMap((s) => s.blocks)
    .filter((b): b is StatementRecommendation => b.kind === 'recommendation' && !b.followUp)
    .map((b) => ({ kind: 'noAnswer', where: `${fill(t.recommendation, { number: b.number })} (${b.title})` }));
  return { bytes: await renderDocument(doc, format, options), warnings };
}

/** The statement (or, with `document: 'followup'`, its follow-up report) in one format, in memory. */
export async function renderStatement(db: Db, format: DocumentFormat, options: RenderOptions): Promise<Rendered> {
  if (options.document === 'followup') return renderFollowUp(db, format, options);
  const data = readExportData(db, options.language);
  const built = buildStatementDocument(data, { language: options.language, annexes: options.annexes ?? 'public', now: options.now, timeZone: options.timeZone });
  const doc = built.document;
  let bytes: Buffer;
  switch (format) {
    case 'docx':
    case 'pdf':
    case 'md':
    case 'html':
      bytes = await renderDocument(doc, format, options);
      break;
    case 'csv':
      bytes = Buffer.from(toCsv(buildOpenData(data, options.language, options.now)));
      break;
    case 'json':
      bytes = Buffer.from(toJson(buildOpenData(data, options.language, options.now)));
      break;
  }
  return { bytes, warnings: built.warnings };
}

/** Refuses a target whose folder is missing or not writable, or (without force) an existing file. */
export function checkTarget(out: string, force: boolean): void {
  const dir = dirname(out);
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    accessSync(dir, constants.W_OK);
  } catch {
    throw new PuntariError('export.notWritable', { path: out });
  }
  if (existsSync(out)) {
    if (!force) throw new PuntariError('export.exists', { path: out });
    try {
      if (statSync(out).isDirectory()) throw new Error('directory');
      accessSync(out, constants.W_OK);
    } catch {
      throw new PuntariError('export.notWritable', { path: out });
    }
  }
}

function writeOut(out: string, bytes: Buffer): void {
  try {
    writeFileAtomic(out, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR'].includes(code)) throw new PuntariError('export.notWritable', { path: out });
    throw new PuntariError('export.failed', { path: out, detail: code || (error as Error).message });
  }
}

/**
 * The whole panel as one consistent file (VACUUM INTO, which keeps an encrypted panel encrypted
 * with the same passphrase), checked with PRAGMA integrity_check before it takes the target's name.
 */
export function exportArchive(db: Db, out: string, passphrase?: string): { bytes: number } {
  const tmp = join(dirname(out), `.${basename(out)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    try {
      db.prepare('VACUUM INTO ?').run(tmp);
    } catch (error) {
      throw new PuntariError('export.failed', { path: out, detail: (error as Error).message });
    }
    const copy = openSqlite(tmp, { readonly: true, fileMustExist: true });
    try {
      if (passphrase !== undefined) applyPassphrase(copy, passphrase);
      const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
      const verdict = rows.map((r) => r.integrity_check).join('; ');
      if (verdict !== 'ok') throw new PuntariError('export.integrity', { path: out, detail: verdict.slice(0, 200) });
    } catch (error) {
      if (error instanceof PuntariError) throw error;
      throw new PuntariError('export.integrity', { path: out, detail: (error as Error).message });
    } finally {
      copy.close();
    }
    try {
      renameSync(tmp, out);
    } catch {
      throw new PuntariError('export.notWritable', { path: out });
    }
    return { bytes: statSync(out).size };
  } finally {
    rmSync(tmp, { force: true });
  }
}

export interface ExportRequest extends RenderOptions {
  format: ExportFormat;
  out: string;
  /** Overwrite an existing file. */
  force?: boolean;
  /** Warnings (votes unfinished, parts untranslated) refuse the export instead. */
  strict?: boolean;
  /** The panel's passphrase, for checking an encrypted archive copy. */
  passphrase?: string;
}

export interface ExportOutcome {
  path: string;
  bytes: number;
  warnings: ExportWarning[];
}

/** Texts of the warnings in the given language, one line each. */
export function describeWarnings(warnings: readonly ExportWarning[], language: DocumentLanguage, t: ExportTexts = exportTexts(language)): string[] {
  return warnings.map((w) => t.warnings[w.kind]!.replace('{{where}}', w.where).replace('{{language}}', language));
}

export async function exportStatement(db: Db, request: ExportRequest): Promise<ExportOutcome> {
  checkTarget(request.out, request.force ?? false);
  if (request.format === 'archive') {
    if (request.document === 'followup') throw new PuntariError('protocol.badField', { field: 'format', issue: 'archive' });
    const { bytes } = exportArchive(db, request.out, request.passphrase);
    return { path: request.out, bytes, warnings: [] };
  }
  const rendered = await renderStatement(db, request.format, request);
  if (request.strict && rendered.warnings.length) {
    throw new PuntariError('export.incomplete', { count: rendered.warnings.length, first: rendered.warnings[0]?.where ?? '' });
  }
  writeOut(request.out, rendered.bytes);
  return { path: request.out, bytes: rendered.bytes.length, warnings: rendered.warnings };
}

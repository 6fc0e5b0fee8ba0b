/**
 * The 'statement.export' job: renders the statement (or its follow-up report) in a worker thread from its own read-only
 * connection to the panel and writes it (atomically) to `out`, a temporary file the hub streams.
 */
import { PuntariError } from '../../../shared/errors.js';
import type { DocumentLanguage } from '../../../shared/document.js';
import { writeFileAtomic } from '../../store/atomicWrite.js';
import { applyPassphrase, openSqlite } from '../../store/sqlite.js';
import type { ExportWarning } from './buildDocument.js';
import { renderStatement, type DocumentFormat, type ExportDocument } from './exportStatement.js';

export interface StatementExportInput {
  panelPath: string;
  passphrase?: string;
  format: DocumentFormat;
  document: ExportDocument;
  language: DocumentLanguage;
  annexes: 'public' | 'all';
  out: string;
}

export async function statementExportJob(
  input: StatementExportInput,
  io: { progress(fraction: number): void; cancelled(): boolean },
): Promise<{ path: string; bytes: number; warnings: ExportWarning[] }> {
  const db = openSqlite(input.panelPath, { readonly: true, fileMustExist: true });
  try {
    if (input.passphrase !== undefined) applyPassphrase(db, input.passphrase);
    io.progress(0.1);
    const rendered = await renderStatement(db, input.format, { language: input.language, annexes: input.annexes, document: input.document });
    if (io.cancelled()) throw new PuntariError('job.cancelled');
    writeFileAtomic(input.out, rendered.bytes);
    io.progress(1);
    return { path: input.out, bytes: rendered.bytes.length, warnings: rendered.warnings };
  } finally {
    db.close();
  }
}

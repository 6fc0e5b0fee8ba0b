/**
 * `puntari export --panel FILE --format docx|pdf|md|html|csv|json|archive --out PATH
 *   [--document statement|followup] [--lang fi|sv|en] [--annexes public|all] [--force] [--strict]`
 *
 * `--document followup` writes the follow-up report (docx, pdf, md or html) instead of the statement.
 *
 * Warnings (votes unfinished, parts untranslated) go to stderr in the terminal's language, naming
 * where; the export is written anyway unless --strict, which makes them an error. An existing
 * file is replaced only with --force.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PuntariError } from '../../../shared/errors.js';
import { isLang, terminalLanguage } from '../../messages.js';
import { openPanelFile } from '../../store/panelFile.js';
import { describeWarnings, DOCUMENT_FORMATS, EXPORT_DOCUMENTS, exportStatement, type ExportDocument, type ExportFormat } from './exportStatement.js';
import { exportTexts } from './texts.js';

export const EXPORT_USAGE =
  'puntari export --panel FILE --format docx|pdf|md|html|csv|json|archive --out PATH [--document statement|followup] [--lang fi|sv|en] [--annexes public|all] [--force] [--strict]';

export async function exportCommand(args: string[], io: { stdout: (s: string) => void; stderr: (s: string) => void } = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      panel: { type: 'string' },
      format: { type: 'string' },
      document: { type: 'string', default: 'statement' },
      out: { type: 'string' },
      lang: { type: 'string' },
      annexes: { type: 'string', default: 'public' },
      force: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
    },
  });
  if (!values.panel) throw new PuntariError('protocol.badField', { field: '--panel', issue: 'required' });
  if (!values.out) throw new PuntariError('protocol.badField', { field: '--out', issue: 'required' });
  const document = values.document as ExportDocument;
  if (!(EXPORT_DOCUMENTS as readonly string[]).includes(document)) throw new PuntariError('protocol.badField', { field: '--document', issue: document });
  const format = values.format as ExportFormat | undefined;
  if (!format || !(DOCUMENT_FORMATS[document] as readonly string[]).includes(format)) {
    throw new PuntariError('protocol.badField', { field: '--format', issue: values.format ?? 'required' });
  }
  const terminal = terminalLanguage();
  const lang = values.lang ?? terminal;
  if (!isLang(lang)) throw new PuntariError('protocol.badField', { field: '--lang', issue: lang });
  if (values.annexes !== 'public' && values.annexes !== 'all') throw new PuntariError('protocol.badField', { field: '--annexes', issue: values.annexes ?? '' });

  const passphrase = process.env.PUNTARI_PASSPHRASE || undefined;
  const panel = openPanelFile(resolve(values.panel), passphrase);
  const out = resolve(values.out);
  try {
    const outcome = await exportStatement(panel.db, {
      format,
      document,
      out,
      language: lang,
      annexes: values.annexes,
      force: values.force,
      strict: values.strict,
      passphrase,
    });
    const t = exportTexts(terminal);
    for (const line of describeWarnings(outcome.warnings, lang, t)) io.stderr(`puntari: ${line}\n`);
    io.stdout(`${outcome.path}\n`);
  } catch (error) {
    // --strict: name every warning before the refusal itself.
    if (error instanceof PuntariError && error.code === 'export.incomplete' && format !== 'archive') {
      const { renderStatement } = await import('./exportStatement.js');
      const { warnings } = await renderStatement(panel.db, format, { language: lang, document });
      for (const line of describeWarnings(warnings, lang, exportTexts(terminal))) io.stderr(`puntari: ${line}\n`);
      io.stderr(`puntari: ${exportTexts(terminal).warnings.strict}\n`);
    }
    throw error;
  } finally {
    panel.close();
  }
}

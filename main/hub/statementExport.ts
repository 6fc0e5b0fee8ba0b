/**
 * GET /api/export/statement.(docx|pdf|md|html|csv|json)?lang=fi|sv|en[&annexes=public|all] and
 * GET /api/export/followup.(docx|pdf|md|html)?lang=fi|sv|en
 * (facilitator and co-facilitators): the statement or its follow-up report rendered by the 'statement.export' job in a
 * worker thread into a temporary file, which is then streamed and removed. The hub thread stays
 * free for the room while a long statement renders. Warnings (unfinished votes, untranslated
 * parts) travel in the X-Puntari-Warnings header as JSON [{kind, where}].
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PuntariError, type WireError } from '../../shared/errors.js';
import { DOCUMENT_FORMATS, MIME, type DocumentFormat, type ExportDocument } from '../features/export/exportStatement.js';
import { exportTexts } from '../features/export/texts.js';
import { slug } from '../print/fileName.js';
import { readBasics } from '../features/panels/panels.js';
import type { Lang } from '../messages.js';
import type { Hub } from './hub.js';

/** Every document's downloadable formats (the archive is not a download). */
export const EXPORT_ROUTES: readonly { document: ExportDocument; format: DocumentFormat }[] = (['statement', 'followup'] as const).flatMap((document) =>
  DOCUMENT_FORMATS[document].filter((f): f is DocumentFormat => f !== 'archive').map((format) => ({ document, format })),
);

export function statementFileName(panelName: string, lang: Lang, format: DocumentFormat, now = new Date(), document: ExportDocument = 'statement'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const t = exportTexts(lang);
  return `${slug(panelName)}-${slug(document === 'followup' ? t.followUpReport.short : t.statement)}-${date}.${format}`;
}

export async function sendStatementExport(
  hub: Hub,
  req: FastifyRequest,
  reply: FastifyReply,
  format: DocumentFormat,
  lang: Lang,
  document: ExportDocument = 'statement',
): Promise<FastifyReply> {
  const session = hub.session;
  if (!session) throw new PuntariError('panel.none');
  const rawAnnexes = (req.query as { annexes?: unknown }).annexes;
  const annexes = rawAnnexes === 'all' ? 'all' : 'public';
  const dir = mkdtempSync(join(tmpdir(), 'puntari-export-'));
  const out = join(dir, `statement.${format}`);
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const id = hub.jobs.start('statement.export', {
      panelPath: session.panel.path,
      passphrase: session.panel.passphrase,
      format,
      document,
      language: lang,
      annexes,
      out,
    });
    const status = await hub.jobs.waitFor(id);
    if (status.state !== 'done') {
      cleanup();
      const error = (status.error ?? { code: 'job.failed', params: {} }) as WireError;
      return reply.code(500).header('Cache-Control', 'no-store').send({ error });
    }
    const result = status.result as { warnings: { kind: string; where: string }[] };
    const stream = createReadStream(out);
    stream.on('close', cleanup);
    return reply
      .code(200)
      .header('Content-Type', MIME[format])
      .header('Content-Disposition', `attachment; filename="${statementFileName(readBasics(session.db).name, lang, format, new Date(), document)}"`)
      .header('X-Puntari-Warnings', encodeURIComponent(JSON.stringify(result.warnings ?? [])))
      .header('Cache-Control', 'no-store')
      .send(stream);
  } catch (error) {
    cleanup();
    throw error;
  }
}

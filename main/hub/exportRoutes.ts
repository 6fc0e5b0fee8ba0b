/**
 * Files the hub makes for people to keep or print: the programme as PDF (room or one table) and
 * the planned-versus-actual log as CSV. Same cookie credentials as every other route.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ErrorCode } from '../../shared/errors.js';
import type { Role } from '../../shared/roles.js';
import { actualLogCsv, readActualLogData } from '../features/agenda/actualLog.js';
import { programmePdf, readProgrammeData } from '../features/agenda/print.js';
import { noteSheetsPdf, readSheetData, sheetFileName } from '../features/notes/sheets.js';
import { readBasics } from '../features/panels/panels.js';
import { translator, type Lang } from '../messages.js';
import { slug } from '../print/fileName.js';
import type { Hub } from './hub.js';
import { identify, type Identified } from './identify.js';
import { EXPORT_ROUTES, sendStatementExport } from './statementExport.js';
import { registerSeatingRoutes } from './seatingRoutes.js';
import { registerSelectionRoutes } from './selectionRoutes.js';

export interface ExportHelpers {
  /** Who a request is (server.ts's cookie logic), or null. */
  who(req: FastifyRequest): Identified;
}

const MANAGERS: readonly Role[] = ['facilitator', 'cofacilitator'];

const QuerySchema = z.object({
  lang: z.enum(['fi', 'sv', 'en']).default('fi'),
  table: z.coerce.number().int().min(1).max(999).optional(),
});

function refuse(reply: FastifyReply, status: number, code: ErrorCode, params?: Record<string, string | number>) {
  return reply.code(status).header('Cache-Control', 'no-store').send({ error: { code, params } });
}

/** The local date as YYYY-MM-DD, for file names. */
function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "keski-uudenmaan-asukaspaneeli-2026-ohjelma-poyta-3-2026-11-14.pdf" */
export function exportFileName(panelName: string, lang: Lang, kind: 'programme' | 'log', tableNo: number | null, ext: string, now = new Date()): string {
  const t = translator(lang);
  const parts = [slug(panelName), t(`print.file.${kind}`)];
  if (tableNo !== null) parts.push(t('print.file.table', { no: tableNo }));
  parts.push(today(now));
  return `${parts.map(slug).join('-')}.${ext}`;
}

function disposition(type: 'inline' | 'attachment', name: string): string {
  return `${type}; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function registerExportRoutes(app: FastifyInstance, hub: Hub, helpers: ExportHelpers = { who: (req) => identify(hub, req) }): void {
  /** The caller's principal when it has one of `roles`; otherwise the refusal has been sent. */
  function authorise(req: FastifyRequest, reply: FastifyReply, roles: readonly Role[]) {
    const w = helpers.who(req);
    if (!w) {
      refuse(reply, 401, 'auth.required');
      return null;
    }
    if ('error' in w) {
      refuse(reply, 403, w.error.code, w.error.params);
      return null;
    }
    if (w.resolved.pending) {
      refuse(reply, 403, 'auth.pending');
      return null;
    }
    if (!roles.includes(w.resolved.principal.role)) {
      refuse(reply, 403, 'scope.forbidden', { name: req.routeOptions.url ?? '' });
      return null;
    }
    if (!hub.session) {
      refuse(reply, 409, 'panel.none');
      return null;
    }
    return { principal: w.resolved.principal, db: hub.session.db };
  }

  function query(req: FastifyRequest, reply: FastifyReply) {
    const q = QuerySchema.safeParse(req.query);
    if (!q.success) {
      const issue = q.error.issues[0];
      refuse(reply, 400, 'protocol.badField', { field: issue?.path.join('.') || 'query', issue: issue?.code ?? 'invalid' });
      return null;
    }
    return q.data;
  }

  app.get('/api/print/programme.pdf', async (req, reply) => {
    const who = authorise(req, reply, [...MANAGERS, 'secretary']);
    if (!who) return reply;
    const q = query(req, reply);
    if (!q) return reply;
    const tableNo = q.table ?? null;
    // A table laptop prints the room's version or its own table's, never another table's.
    if (who.principal.role === 'secretary' && tableNo !== null && tableNo !== who.principal.tableNo) {
      return refuse(reply, 403, 'scope.forbidden', { name: 'print.programme' });
    }
    const data = readProgrammeData(who.db);
    if (tableNo !== null && !data.tables.some((t) => t.no === tableNo)) {
      return refuse(reply, 400, 'protocol.badField', { field: 'table', issue: 'unknown' });
    }
    const pdf = await programmePdf(data, { lang: q.lang, tableNo });
    return reply
      .code(200)
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', disposition('inline', exportFileName(data.panel.name, q.lang, 'programme', tableNo, 'pdf')))
      .header('Cache-Control', 'no-store')
      .send(pdf);
  });

  // Blank note sheets for the paper fallback: one page per table (or the given table) for an item
  // (default: the item on stage). A table laptop prints only its own table's sheet.
  app.get('/api/print/note-sheets.pdf', async (req, reply) => {
    const who = authorise(req, reply, [...MANAGERS, 'secretary']);
    if (!who) return reply;
    const q = query(req, reply);
    if (!q) return reply;
    const rawItem = (req.query as { item?: unknown }).item;
    if (rawItem !== undefined && (typeof rawItem !== 'string' || rawItem.length === 0 || rawItem.length > 64)) {
      return refuse(reply, 400, 'protocol.badField', { field: 'item', issue: 'invalid' });
    }
    let tableNo = q.table ?? null;
    if (who.principal.role === 'secretary') {
      if (tableNo !== null && tableNo !== who.principal.tableNo) return refuse(reply, 403, 'scope.forbidden', { name: 'print.noteSheets' });
      tableNo = who.principal.tableNo;
    }
    const data = readSheetData(who.db, typeof rawItem === 'string' ? rawItem : null);
    if (!data) return refuse(reply, 404, 'agenda.notFound', { id: String(rawItem) });
    if (tableNo !== null && !data.tables.some((t) => t.no === tableNo)) {
      return refuse(reply, 400, 'protocol.badField', { field: 'table', issue: 'unknown' });
    }
    const pdf = await noteSheetsPdf(data, { lang: q.lang, tableNo });
    return reply
      .code(200)
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', disposition('inline', sheetFileName(data.panel.name, q.lang, tableNo)))
      .header('Cache-Control', 'no-store')
      .send(pdf);
  });

  app.get('/api/export/actual-log.csv', async (req, reply) => {
    const who = authorise(req, reply, MANAGERS);
    if (!who) return reply;
    const q = query(req, reply);
    if (!q) return reply;
    const csv = actualLogCsv(readActualLogData(who.db), { lang: q.lang });
    return reply
      .code(200)
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', disposition('attachment', exportFileName(readBasics(who.db).name, q.lang, 'log', null, 'csv')))
      .header('Cache-Control', 'no-store')
      .send(csv);
  });

  // The statement and its follow-up report, rendered in a worker thread (statementExport.ts).
  for (const { document, format } of EXPORT_ROUTES) {
    app.get(`/api/export/${document}.${format}`, async (req, reply) => {
      const who = authorise(req, reply, MANAGERS);
      if (!who) return reply;
      const q = query(req, reply);
      if (!q) return reply;
      return sendStatementExport(hub, req, reply, format, q.lang, document);
    });
  }

  // Roster and seating: plan generation, table lists, name cards, overview, roster CSV, one person's data.
  registerSeatingRoutes(app, hub, authorise);
  registerSelectionRoutes(app, hub, authorise);
}

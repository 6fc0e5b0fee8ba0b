/**
 * Roster and seating over HTTP (registered from exportRoutes.ts, same credentials):
 *   POST /api/seating/generate {keepRounds, seed?, timeLimitMs, presentOn, roundLabel}  facilitator → { jobId }
 *        the optimiser runs in a worker (progress and cancel as job messages; host.cancelJob);
 *        the hub thread commits the plan to seating_round/seat in one transaction when it is done.
 *   GET  /api/print/seating-tables.pdf?round=ID[&table=N]&lang   table lists of a round (a secretary: own table)
 *   GET  /api/print/name-cards.pdf?lang                          name cards (folded A4)
 *   GET  /api/print/seating-overview.pdf?lang                    everyone's table in every round
 *   GET  /api/export/roster.csv[?personal=1]                     the roster; names and contacts only when asked (facilitator)
 *   GET  /api/roster/person/:id.json                             everything about one person (facilitator; audited)
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PuntariError, type ErrorCode } from '../../shared/errors.js';
import { SeatingGenerateSchema } from '../../shared/participants.js';
import type { Principal, Role } from '../../shared/roles.js';
import { personExport } from '../features/participants/roster.js';
import { rosterCsv } from '../features/participants/rosterCsv.js';
import { readBasics } from '../features/panels/panels.js';
import { startSeatingPlan } from '../features/seating/generate.js';
import { nameCardsPdf, readSeatingPrintData, seatingFileName, seatingOverviewPdf, tableListsPdf } from '../features/seating/print.js';
import { slug } from '../print/fileName.js';
import type { Db } from '../store/sqlite.js';
import type { Hub } from './hub.js';

type Authorise = (req: FastifyRequest, reply: FastifyReply, roles: readonly Role[]) => { principal: Principal; db: Db } | null;

const MANAGERS: readonly Role[] = ['facilitator', 'cofacilitator'];

function refuse(reply: FastifyReply, status: number, code: ErrorCode, params?: Record<string, string | number>) {
  return reply.code(status).header('Cache-Control', 'no-store').send({ error: { code, params } });
}

function lang(req: FastifyRequest): 'fi' | 'sv' | 'en' {
  const l = (req.query as { lang?: unknown }).lang;
  return l === 'sv' || l === 'en' ? l : 'fi';
}

function disposition(type: 'inline' | 'attachment', name: string): string {
  return `${type}; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function pdf(reply: FastifyReply, body: Buffer, name: string) {
  return reply.code(200).header('Content-Type', 'application/pdf').header('Content-Disposition', disposition('inline', name)).header('Cache-Control', 'no-store').send(body);
}

export function registerSeatingRoutes(app: FastifyInstance, hub: Hub, authorise: Authorise): void {
  app.post('/api/seating/generate', async (req, reply) => {
    const who = authorise(req, reply, ['facilitator']);
    if (!who) return reply;
    const body = SeatingGenerateSchema.safeParse(req.body ?? {});
    if (!body.success) {
      const issue = body.error.issues[0];
      return refuse(reply, 400, 'protocol.badField', { field: issue?.path.join('.') || 'body', issue: issue?.code ?? 'invalid' });
    }
    const session = hub.requireSession();
    try {
      const { jobId } = startSeatingPlan(
        {
          db: session.db,
          jobs: hub.jobs,
          record: (principal, action, detail, write) => {
            if (hub.session !== session) return false;
            hub.broadcast(session.record(principal, action, detail, write));
            return true;
          },
        },
        who.principal,
        body.data,
      );
      return reply.code(202).header('Cache-Control', 'no-store').send({ jobId });
    } catch (error) {
      if (error instanceof PuntariError) return refuse(reply, error.code === 'seating.busy' ? 409 : 422, error.code, error.params);
      throw error;
    }
  });

  app.get('/api/print/seating-tables.pdf', async (req, reply) => {
    const who = authorise(req, reply, [...MANAGERS, 'secretary']);
    if (!who) return reply;
    const q = req.query as { round?: unknown; table?: unknown };
    const data = readSeatingPrintData(who.db);
    const round = typeof q.round === 'string' ? data.rounds.find((r) => r.id === q.round) : data.rounds[0];
    if (!round) return refuse(reply, 404, 'seating.notFound', { id: String(q.round ?? '') });
    let tableNo = q.table === undefined ? null : Number(q.table);
    if (tableNo !== null && (!Number.isInteger(tableNo) || !data.tables.some((t) => t.no === tableNo))) {
      return refuse(reply, 400, 'protocol.badField', { field: 'table', issue: 'unknown' });
    }
    if (who.principal.role === 'secretary') {
      if (tableNo !== null && tableNo !== who.principal.tableNo) return refuse(reply, 403, 'scope.forbidden', { name: 'print.seatingTables' });
      tableNo = who.principal.tableNo;
    }
    const l = lang(req);
    return pdf(reply, await tableListsPdf(data, { lang: l, roundId: round.id, tableNo }), seatingFileName(data.panel.name, l, 'tables', round.name));
  });

  app.get('/api/print/name-cards.pdf', async (req, reply) => {
    const who = authorise(req, reply, MANAGERS);
    if (!who) return reply;
    const data = readSeatingPrintData(who.db);
    const l = lang(req);
    return pdf(reply, await nameCardsPdf(data, { lang: l }), seatingFileName(data.panel.name, l, 'cards', null));
  });

  app.get('/api/print/seating-overview.pdf', async (req, reply) => {
    const who = authorise(req, reply, MANAGERS);
    if (!who) return reply;
    const data = readSeatingPrintData(who.db);
    const l = lang(req);
    return pdf(reply, await seatingOverviewPdf(data, { lang: l }), seatingFileName(data.panel.name, l, 'overview', null));
  });

  app.get('/api/export/roster.csv', async (req, reply) => {
    const personal = (req.query as { personal?: unknown }).personal === '1';
    // Names and contacts never leave the host's own windows.
    const who = authorise(req, reply, personal ? ['facilitator'] : MANAGERS);
    if (!who) return reply;
    const name = `${slug(readBasics(who.db).name)}-${personal ? 'roster-personal' : 'roster'}.csv`;
    return reply
      .code(200)
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', disposition('attachment', name))
      .header('Cache-Control', 'no-store')
      .send(rosterCsv(who.db, { personal }));
  });

  app.get('/api/roster/person/:id', async (req, reply) => {
    const who = authorise(req, reply, ['facilitator']);
    if (!who) return reply;
    const raw = (req.params as { id: string }).id;
    const id = raw.endsWith('.json') ? raw.slice(0, -5) : raw;
    const data = personExport(who.db, id);
    if (!data) return refuse(reply, 404, 'roster.notFound', { id });
    const session = hub.requireSession();
    hub.broadcast(session.record(who.principal, 'roster.exportPerson', { participantId: id }, () => undefined));
    return reply
      .code(200)
      .header('Content-Type', 'application/json; charset=utf-8')
      .header('Content-Disposition', disposition('attachment', `${slug(data.participant.displayName) || 'person'}-${id.slice(0, 8)}.json`))
      .header('Cache-Control', 'no-store')
      .send(JSON.stringify(data, null, 2));
  });
}

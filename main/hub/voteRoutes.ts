/**
 * Votes over HTTP: the ballot page (no pairing: the one-time code is the credential), the code
 * slips, the anonymous ballots as CSV and the results sheet.
 *
 *   GET  /api/ballot?code=CODE                  → { vote: { id, title, method, subjects, dots, rankingCount } }
 *   POST /api/ballot { code, content }          → { cast: true }
 *        errors: ballot.mistyped (400), ballot.unknownCode (404), ballot.codeUsed (409),
 *        ballot.voteClosed (409), ballot.wrongMethod / unknownSubject / badAnswer / rankingTies /
 *        rankingGaps / tooManyDots (422), auth.rateLimited (429)
 *   POST /api/votes/:voteId/codes.pdf?count=N&lang=fi   managers: N new codes as slips (A4 PDF)
 *   GET  /api/votes/:voteId/ballots.csv                 managers: anonymous ballots + counts + hash
 *   GET  /api/votes/:voteId/results.pdf?lang=fi         managers, once closed: the results sheet
 *
 * Casting writes nothing to the audit log and sends the feed only the vote's new turnout; the
 * results follow a moment later (coalesced, see scheduleResults), so the feed never pairs one
 * ballot with a change of results. The plaintext codes are never stored or logged.
 */
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PuntariError, type ErrorCode } from '../../shared/errors.js';
import type { Principal } from '../../shared/roles.js';
import { BallotCastSchema } from '../../shared/votes.js';
import { readBasics } from '../features/panels/panels.js';
import { ballotView, castBallots, issueCodes, MAX_CODES_PER_SHEET, voteForCode, type CastOutcome } from '../features/votes/ballots.js';
import { ballotsCsv, codeSlipsPdf, resultsPdf, voteFileName } from '../features/votes/exports.js';
import { emitResults, readVote, requireVote, resultsOf } from '../features/votes/store.js';
import type { Hub } from './hub.js';
import { identify, isManagerPrincipal } from './identify.js';
import { lanAddresses } from './room.js';

/** Who a ballot's feed change is recorded under; never audited. */
const BALLOT_BOX: Principal = { role: 'viewer', deviceId: null, deviceName: 'ballot box', tableNo: null };

/** Per address, per route: enough for a kiosk used by one person after another, not for guessing codes. */
const BALLOT_LIMIT = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };

/** How long results wait after a ballot, so several ballots reach the feed's results together. */
const RESULTS_DELAY_MS = 400;

/**
 * How long a ballot waits for others before its batch is committed. A commit waits for the disk
 * (synchronous=FULL) and holds the hub's thread; without a window each ballot of a room voting
 * at once got a commit of its own (the benchmark: 200 commits for 200 ballots, ~2 ms each).
 */
const BATCH_WINDOW_MS = 5;

function status(code: ErrorCode): number {
  switch (code) {
    case 'ballot.mistyped':
    case 'protocol.badField':
      return 400;
    case 'ballot.unknownCode':
    case 'votes.notFound':
      return 404;
    case 'ballot.codeUsed':
    case 'ballot.voteClosed':
    case 'votes.notClosed':
    case 'votes.notOpen':
    case 'votes.modeNotAllowed':
    case 'panel.none':
      return 409;
    case 'auth.required':
      return 401;
    case 'auth.rateLimited':
      return 429;
    default:
      return code.startsWith('ballot.') ? 422 : code.startsWith('auth.') || code === 'scope.forbidden' ? 403 : 400;
  }
}

function fail(reply: FastifyReply, code: ErrorCode, params?: Record<string, string | number>) {
  return reply.code(status(code)).header('Cache-Control', 'no-store').send({ error: { code, params } });
}

function disposition(type: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const LangQuery = z.object({ lang: z.enum(['fi', 'sv', 'en']).default('fi') });

export function registerVoteRoutes(app: FastifyInstance, hub: Hub): void {
  const pending = new Map<string, NodeJS.Timeout>();

  /** Sends a vote's results to the feed a moment after its latest ballot. */
  function scheduleResults(voteId: string): void {
    if (pending.has(voteId)) return;
    const timer = setTimeout(() => {
      pending.delete(voteId);
      const session = hub.session;
      if (!session) return;
      try {
        hub.broadcast(
          session.record(
            BALLOT_BOX,
            'votes.results',
            null,
            (ctx) => {
              const vote = readVote(ctx.db, voteId);
              if (vote) emitResults(ctx, vote);
            },
            false,
          ),
        );
      } catch {
        // The panel closed meanwhile: its next snapshot computes the results afresh.
      }
    }, RESULTS_DELAY_MS);
    timer.unref();
    pending.set(voteId, timer);
  }

  /**
   * Group commit: ballots that arrive within BATCH_WINDOW_MS of the first are cast in one
   * transaction (see castBallots), so a room voting at once waits for one disk sync per batch
   * rather than one per ballot. A reply is sent only after its batch has committed.
   */
  let queue: { code: string; content: unknown; done: (o: CastOutcome) => void }[] = [];
  function cast(code: string, content: unknown): Promise<CastOutcome> {
    return new Promise((done) => {
      queue.push({ code, content, done });
      if (queue.length === 1) setTimeout(flush, BATCH_WINDOW_MS);
    });
  }
  function flush(): void {
    const batch = queue;
    queue = [];
    const session = hub.session;
    if (!session) {
      for (const b of batch) b.done({ ok: false, error: new PuntariError('ballot.voteClosed') });
      return;
    }
    let outcomes: CastOutcome[] = [];
    try {
      hub.broadcast(session.record(BALLOT_BOX, 'ballot', null, (ctx) => (outcomes = castBallots(ctx, batch)), false));
    } catch {
      outcomes = batch.map(() => ({ ok: false, error: new PuntariError('internal') }));
    }
    batch.forEach((b, i) => b.done(outcomes[i] ?? { ok: false, error: new PuntariError('internal') }));
  }

  /** The ballot page works on the room's network while the room is open, and on this computer. */
  function ballotAllowed(req: FastifyRequest, reply: FastifyReply): boolean {
    const lan = hub.room.isLan(req.raw.socket as Socket);
    if (lan && !hub.isRoomOpen) {
      fail(reply, 'auth.roomClosed');
      return false;
    }
    if (!hub.session) {
      fail(reply, 'ballot.voteClosed');
      return false;
    }
    return true;
  }

  app.get('/api/ballot', BALLOT_LIMIT, async (req, reply) => {
    if (!ballotAllowed(req, reply)) return reply;
    const q = z.object({ code: z.string().min(1).max(32) }).safeParse(req.query);
    if (!q.success) return fail(reply, 'ballot.mistyped');
    try {
      const { vote } = voteForCode(hub.session!.db, q.data.code);
      return { vote: ballotView(vote) };
    } catch (error) {
      if (error instanceof PuntariError) return fail(reply, error.code, error.params);
      throw error;
    }
  });

  app.post('/api/ballot', BALLOT_LIMIT, async (req, reply) => {
    if (!ballotAllowed(req, reply)) return reply;
    const body = BallotCastSchema.safeParse(req.body);
    if (!body.success) return fail(reply, body.error.issues[0]?.path[0] === 'code' ? 'ballot.mistyped' : 'ballot.wrongMethod');
    const outcome = await cast(body.data.code, body.data.content);
    if (!outcome.ok) return fail(reply, outcome.error.code, outcome.error.params);
    scheduleResults(outcome.voteId);
    return { cast: true };
  });

  /** The caller when a manager with an open panel; otherwise the refusal has been sent. */
  function manager(req: FastifyRequest, reply: FastifyReply) {
    const w = identify(hub, req);
    if (!w) {
      fail(reply, 'auth.required');
      return null;
    }
    if ('error' in w) {
      fail(reply, w.error.code, w.error.params);
      return null;
    }
    if (!isManagerPrincipal(w.resolved)) {
      fail(reply, 'scope.forbidden', { name: req.routeOptions.url ?? '' });
      return null;
    }
    if (!hub.session) {
      fail(reply, 'panel.none');
      return null;
    }
    return { principal: w.resolved.principal, session: hub.session };
  }

  /** The ballot page's address on the room's network (or this computer's when the room is closed). */
  function ballotUrl(): string {
    const join = hub.status().room.joinUrls[0] ?? `http://${lanAddresses()[0] ?? '127.0.0.1'}:${hub.port}/`;
    return `${join}#/ballot`;
  }

  app.post<{ Params: { voteId: string } }>('/api/votes/:voteId/codes.pdf', async (req, reply) => {
    const who = manager(req, reply);
    if (!who) return reply;
    const q = LangQuery.extend({ count: z.coerce.number().int().min(1).max(MAX_CODES_PER_SHEET) }).safeParse(req.query);
    if (!q.success) return fail(reply, 'votes.noCodes', { max: MAX_CODES_PER_SHEET });
    const { voteId } = req.params;
    let codes: string[] = [];
    try {
      // Audited as the number of codes issued; the codes themselves go only into the PDF.
      hub.broadcast(
        who.session.record(who.principal, 'votes.codes', { voteId, count: q.data.count }, (ctx) => {
          codes = issueCodes(ctx, voteId, q.data.count);
        }),
      );
    } catch (error) {
      if (error instanceof PuntariError) return fail(reply, error.code, error.params);
      throw error;
    }
    const db = who.session.db;
    const vote = requireVote(db, voteId);
    const panel = readBasics(db);
    const pdf = await codeSlipsPdf({ lang: q.data.lang, panel, vote, codes, ballotUrl: ballotUrl() });
    codes = [];
    return reply
      .code(200)
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', disposition('inline', voteFileName(panel.name, vote, q.data.lang, 'slips', 'pdf')))
      .header('Cache-Control', 'no-store')
      .send(pdf);
  });

  app.get<{ Params: { voteId: string } }>('/api/votes/:voteId/ballots.csv', async (req, reply) => {
    const who = manager(req, reply);
    if (!who) return reply;
    const q = LangQuery.safeParse(req.query);
    const vote = readVote(who.session.db, req.params.voteId);
    if (!vote) return fail(reply, 'votes.notFound', { id: req.params.voteId });
    const name = voteFileName(readBasics(who.session.db).name, vote, q.success ? q.data.lang : 'fi', 'ballots', 'csv');
    return reply
      .code(200)
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', disposition('attachment', name))
      .header('Cache-Control', 'no-store')
      .send(ballotsCsv(who.session.db, vote));
  });

  app.get<{ Params: { voteId: string } }>('/api/votes/:voteId/results.pdf', async (req, reply) => {
    const who = manager(req, reply);
    if (!who) return reply;
    const q = LangQuery.safeParse(req.query);
    if (!q.success) return fail(reply, 'protocol.badField', { field: 'lang', issue: 'invalid' });
    const db = who.session.db;
    const vote = readVote(db, req.params.voteId);
    if (!vote) return fail(reply, 'votes.notFound', { id: req.params.voteId });
    if (vote.status !== 'closed') return fail(reply, 'votes.notClosed', { id: vote.id });
    const panel = readBasics(db);
    const pdf = await resultsPdf({ lang: q.data.lang, panel, vote, result: resultsOf(db, vote) });
    return reply
      .code(200)
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', disposition('inline', voteFileName(panel.name, vote, q.data.lang, 'results', 'pdf')))
      .header('Cache-Control', 'no-store')
      .send(pdf);
  });
}

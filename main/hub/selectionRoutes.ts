/**
 * Recruitment and selection over HTTP (registered from exportRoutes.ts; facilitator only: the
 * pool's personal data never reaches another screen):
 *   POST /api/selection/upload?name=F          body = the sign-up file (CSV or XLSX) → UploadedTable (staged in memory)
 *   POST /api/selection/validate {uploadId, mapping}            → PoolReport (row/column problems)
 *   POST /api/selection/import {uploadId, mapping, excludeRows} → { imported } or 422 with the report
 *   POST /api/selection/quotas?name=F          body = a quotas file, CSV or XLSX (Sortition Foundation or replication format)
 *   GET  /api/selection/pool                   every sign-up: id, name (from the recruitment file), features, probabilities
 *   POST /api/selection/feasibility            → Feasibility (with the smallest relaxations; computed in a worker; host.cancelJob ends it: 409 job.cancelled)
 *   POST /api/selection/run {algorithm, seed?, timeLimitSeconds?, draws?} → { jobId } (worker; progress and cancel)
 *   POST /api/selection/draw {runId, number? | seed?, status}  → { participants }
 *   POST /api/selection/replace {participantId, newDraw?}      → { participantId, source } (409 selection.noReserveFits: ask for a new draw)
 *   POST /api/selection/forget-pool                            deletes the recruitment file and its copies in every backup folder (after the draw) → ForgetPoolResult
 *   POST /api/selection/drop-copy-folder {folder}              takes an unreached folder off that list (a drive gone for good); deletes nothing
 *   GET  /api/print/selection-audit.pdf?lang                   the audit report
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { PuntariError, type ErrorCode } from '../../shared/errors.js';
import {
  PoolCopyFolderDropSchema,
  PoolImportSchema,
  PoolValidateSchema,
  SelectionDrawSchema,
  SelectionReplaceSchema,
  SelectionRunSchema,
  type ForgetPoolResult,
  type PoolRow,
} from '../../shared/recruitment.js';
import type { Principal, Role } from '../../shared/roles.js';
import type { Feasibility, Instance } from '../../shared/selection.js';
import { slug } from '../print/fileName.js';
import { readBasics } from '../features/panels/panels.js';
import { dropUnreachedCopyFolder, notReachedFolders, readCopyFolders, settleCopyFolders } from '../features/selection/poolCopies.js';
import { forgetUpload, MAX_UPLOAD_BYTES, sha256Hex, stagedUpload, stageUpload, validatePool, writePool } from '../features/selection/pool.js';
import { applyQuotaFile, parseQuotaFile } from '../features/selection/quotas.js';
import {
  closeRecruitment,
  deleteRecruitment,
  keepUpload,
  newLink,
  openRecruitment,
  readSignups,
  replaceSignups,
  signupNames,
} from '../features/selection/recruitmentFile.js';
import { selectionAuditPdf, readAuditData } from '../features/selection/report.js';
import { checkInstance, commitDraw, commitReplacement, planDraw, planReplacement, startRun } from '../features/selection/runs.js';
import { emitSelection, instanceHash, latestRun, readInstance, readOutcome, readPool, readSettings } from '../features/selection/store.js';
import type { Db } from '../store/sqlite.js';
import type { Hub } from './hub.js';

type Authorise = (req: FastifyRequest, reply: FastifyReply, roles: readonly Role[]) => { principal: Principal; db: Db } | null;

const HOST: readonly Role[] = ['facilitator'];

function refuse(reply: FastifyReply, status: number, code: ErrorCode, params?: Record<string, string | number>) {
  return reply.code(status).header('Cache-Control', 'no-store').send({ error: { code, params } });
}

function statusOf(code: ErrorCode): number {
  if (code === 'selection.busy' || code === 'selection.alreadyDrawn' || code === 'selection.noReserveFits' || code === 'job.cancelled') return 409;
  if (code === 'selection.uploadNotFound' || code === 'selection.runNotFound' || code === 'selection.copyFolderNotListed') return 404;
  if (code === 'job.failed') return 500;
  return 422;
}

function body<T extends z.ZodType>(schema: T, req: FastifyRequest, reply: FastifyReply): z.infer<T> | null {
  const parsed = schema.safeParse(req.body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuse(reply, 400, 'protocol.badField', { field: issue?.path.join('.') || 'body', issue: issue?.code ?? 'invalid' });
    return null;
  }
  return parsed.data as z.infer<T>;
}

function disposition(type: 'inline' | 'attachment', name: string): string {
  return `${type}; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function fileName(req: FastifyRequest): string {
  const raw = (req.query as { name?: unknown }).name;
  return typeof raw === 'string' && raw.trim() ? raw.trim().slice(0, 200) : 'upload';
}

export function registerSelectionRoutes(app: FastifyInstance, hub: Hub, authorise: Authorise): void {
  app.addHook('onClose', async () => closeRecruitment());

  /** The open panel's recruitment file (created when `create`), or null when it is not there. */
  function recruitment(create: boolean): { db: Db; link: string } | null {
    const session = hub.requireSession();
    const settings = readSettings(session.db);
    const link = settings.link ?? newLink();
    const db = openRecruitment(session.panel.path, session.panel.passphrase, link, create);
    return db ? { db, link } : null;
  }

  function record(principal: Principal, action: string, detail: unknown, write: Parameters<ReturnType<Hub['requireSession']>['record']>[3]) {
    const session = hub.requireSession();
    hub.broadcast(session.record(principal, action, detail, write));
  }

  /** Runs `fn`, turning a PuntariError into a refusal. */
  async function guarded(reply: FastifyReply, fn: () => unknown): Promise<unknown> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof PuntariError) return refuse(reply, statusOf(error.code), error.code, error.params);
      throw error;
    }
  }

  app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, data, done) => done(null, data));

    scope.post('/api/selection/upload', { bodyLimit: MAX_UPLOAD_BYTES }, async (req, reply) => {
      const who = authorise(req, reply, HOST);
      if (!who) return reply;
      const data = req.body as Buffer;
      if (!Buffer.isBuffer(data) || data.length === 0) return refuse(reply, 400, 'protocol.badField', { field: 'file', issue: 'empty' });
      return guarded(reply, () => stageUpload(who.db, fileName(req), new Uint8Array(data)));
    });

    scope.post('/api/selection/quotas', { bodyLimit: MAX_UPLOAD_BYTES }, async (req, reply) => {
      const who = authorise(req, reply, HOST);
      if (!who) return reply;
      const data = req.body as Buffer;
      if (!Buffer.isBuffer(data) || data.length === 0) return refuse(reply, 400, 'protocol.badField', { field: 'file', issue: 'empty' });
      const bytes = new Uint8Array(data);
      const file = await parseQuotaFile(bytes);
      if (file.problems.length > 0) return reply.code(422).send({ problems: file.problems, format: file.format });
      const name = fileName(req);
      const sha256 = sha256Hex(bytes);
      return guarded(reply, () => {
        let count = 0;
        record(who.principal, 'selection.importQuotas', { name, sha256, quotas: file.quotas.length, format: file.format }, (ctx) => {
          count = applyQuotaFile(ctx, file, { name, sha256 });
        });
        const rec = recruitment(false);
        if (rec) keepUpload(rec.db, 'quotas', { sha256, name, bytes }, new Date().toISOString());
        return { quotas: count, format: file.format };
      });
    });
  });

  app.post('/api/selection/validate', async (req, reply) => {
    const who = authorise(req, reply, HOST);
    if (!who) return reply;
    const b = body(PoolValidateSchema, req, reply);
    if (!b) return reply;
    return guarded(reply, () => validatePool(who.db, stagedUpload(b.uploadId).table, b.mapping).report);
  });

  app.post('/api/selection/import', async (req, reply) => {
    const who = authorise(req, reply, HOST);
    if (!who) return reply;
    const b = body(PoolImportSchema, req, reply);
    if (!b) return reply;
    return guarded(reply, () => {
      const upload = stagedUpload(b.uploadId);
      const v = validatePool(who.db, upload.table, b.mapping, b.excludeRows);
      if (!v.report.clean) return reply.code(422).send({ error: { code: 'selection.importInvalid', params: { count: v.report.problems.length } }, report: v.report });
      if (readOutcome(who.db)) throw new PuntariError('selection.alreadyDrawn');
      const rec = recruitment(true)!;
      const now = new Date();
      replaceSignups(rec.db, v.signups, { sha256: upload.sha256, name: upload.name, bytes: upload.bytes }, now.toISOString());
      const excludedRows = [...b.excludeRows].sort((x, y) => x - y);
      record(
        who.principal,
        'selection.importPool',
        { name: upload.name, sha256: upload.sha256, rows: upload.table.rows.length, imported: v.people.length, excludedRows },
        (ctx) =>
          writePool(
            ctx,
            v,
            { name: upload.name, sha256: upload.sha256, encoding: upload.table.encoding, delimiter: upload.table.delimiter, rows: upload.table.rows.length, excludedRows },
            rec.link,
            now,
          ),
      );
      forgetUpload(b.uploadId);
      return { imported: v.people.length };
    });
  });

  app.get('/api/selection/pool', async (req, reply) => {
    const who = authorise(req, reply, HOST);
    if (!who) return reply;
    return guarded(reply, () => {
      let names = new Map<string, string>();
      try {
        const rec = recruitment(false);
        if (rec) names = signupNames(rec.db);
      } catch {
        // A mismatched or unreadable recruitment file: the pool without names.
      }
      for (const r of who.db.prepare('SELECT pool_id, full_name FROM selection_reserve').all() as { pool_id: string; full_name: string }[]) {
        if (!names.has(r.pool_id)) names.set(r.pool_id, r.full_name);
      }
      const lex = latestRun(who.db, 'leximin');
      const leg = latestRun(who.db, 'legacy');
      const outcome = readOutcome(who.db);
      const onPanel = new Set(outcome?.panel.map((p) => p.poolId) ?? []);
      const reserve = new Set(outcome?.reserves.map((r) => r.poolId) ?? []);
      const rows: PoolRow[] = (who.db.prepare('SELECT pool_id, row_no, features FROM selection_pool ORDER BY row_no').all() as { pool_id: string; row_no: number; features: string }[]).map((r) => ({
        poolId: r.pool_id,
        row: r.row_no,
        name: names.get(r.pool_id) ?? null,
        features: JSON.parse(r.features) as Record<string, string>,
        leximin: lex?.probabilities[r.pool_id] ?? null,
        legacy: leg?.probabilities[r.pool_id] ?? null,
        outcome: onPanel.has(r.pool_id) ? 'panel' : reserve.has(r.pool_id) ? 'reserve' : null,
      }));
      return { rows };
    });
  });

  /** The check under way, shared by every request for the same quotas and pool (a second click starts no second MIP). */
  let checking: { hash: string; result: Promise<Feasibility> } | null = null;

  async function feasibilityInWorker(instance: Instance): Promise<Feasibility> {
    const status = await hub.jobs.waitFor(hub.jobs.start('selection.feasibility', { instance }));
    if (status.state === 'done') return status.result as Feasibility;
    const error = status.error ?? { code: 'job.failed', params: {} };
    throw new PuntariError(error.code as ErrorCode, error.params);
  }

  app.post('/api/selection/feasibility', async (req, reply) => {
    const who = authorise(req, reply, HOST);
    if (!who) return reply;
    return guarded(reply, async () => {
      const instance = readInstance(who.db);
      checkInstance(instance);
      const hash = instanceHash(instance);
      if (checking?.hash !== hash) {
        const mine = { hash, result: feasibilityInWorker(instance) };
        checking = mine;
        void mine.result.catch(() => undefined).finally(() => {
          if (checking === mine) checking = null;
        });
      }
      return await checking.result;
    });
  });

  app.post('/api/selection/run', async (req, reply) => {
    const who = authorise(req, reply, HOST);
    if (!who) return reply;
    const b = body(SelectionRunSchema, req, reply);
    if (!b) return reply;
    const session = hub.requireSession();
    return guarded(reply, () => {
      const { jobId } = startRun(
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
        b,
      );
      return reply.code(202).send({ jobId });
    });
  });

  app.post('/api/selection/draw', async (req, reply) => {
    const who = authorise(req, reply, HOST);
    if (!who) return reply;
    const b = body(SelectionDrawSchema, req, reply);
    if (!b) return reply;
    return guarded(reply, () => {
      const plan = planDraw(who.db, b);
      const rec = recruitment(false);
      if (!rec) throw new PuntariError('selection.noRecruitmentFile');
      const signups = readSignups(rec.db, [...plan.panel, ...plan.reserves]);
      let ids: string[] = [];
      record(
        who.principal,
        'selection.draw',
        { runId: plan.run.id, method: plan.method, draw: plan.draw, seed: plan.seed, panel: plan.panel.length, reserves: plan.reserves.length },
        (ctx) => {
          ids = commitDraw(ctx, plan, signups, b.status);
        },
      );
      return { participants: ids, panel: plan.panel, reserves: plan.reserves };
    });
  });

  app.post('/api/selection/replace', async (req, reply) => {
    const who = authorise(req, reply, HOST);
    if (!who) return reply;
    const b = body(SelectionReplaceSchema, req, reply);
    if (!b) return reply;
    return guarded(reply, () => {
      let rec: { db: Db } | null = null;
      try {
        rec = recruitment(false);
      } catch {
        rec = null;
      }
      const plan = planReplacement(who.db, b.participantId, rec !== null, b.newDraw);
      const signup = rec ? readSignups(rec.db, [plan.replacement]).get(plan.replacement) : undefined;
      let id = '';
      record(who.principal, 'selection.replace', { dropped: b.participantId, replacement: plan.replacement, source: plan.source }, (ctx) => {
        id = commitReplacement(ctx, plan, signup);
      });
      return { participantId: id, source: plan.source };
    });
  });

  app.post('/api/selection/forget-pool', async (req, reply) => {
    const who = authorise(req, reply, HOST);
    if (!who) return reply;
    return guarded(reply, (): ForgetPoolResult => {
      if (!readOutcome(who.db)) throw new PuntariError('selection.notDrawn');
      const session = hub.requireSession();
      deleteRecruitment(session.panel.path);
      const outcome = hub.forgetPoolCopies();
      const notReached = notReachedFolders(outcome);
      const cleared = outcome.folders.filter((f) => f.problem === null).length;
      // The audit keeps counts only: copies deleted, folders cleared, folders not reached.
      record(who.principal, 'selection.forgetPool', { pool: readPool(who.db).length, copiesRemoved: outcome.removed, foldersCleared: cleared, foldersNotReached: notReached.length }, (ctx) => {
        settleCopyFolders(ctx.db, outcome, ctx.now);
        emitSelection(ctx);
      });
      return { removed: outcome.removed, notReached };
    });
  });

  app.post('/api/selection/drop-copy-folder', async (req, reply) => {
    const who = authorise(req, reply, HOST);
    if (!who) return reply;
    const b = body(PoolCopyFolderDropSchema, req, reply);
    if (!b) return reply;
    return guarded(reply, () => {
      const unreached = () => readCopyFolders(who.db).filter((c) => c.notReached !== null).map((c) => c.folder);
      // The audit keeps counts only: a folder's path may name a person (a user's home, a stick's label).
      // Refused (nothing recorded) when the folder is not an unreached one on the list.
      record(who.principal, 'selection.dropCopyFolder', { foldersDropped: 1, foldersNotReached: unreached().length - 1 }, (ctx) => {
        dropUnreachedCopyFolder(ctx.db, b.folder);
        emitSelection(ctx);
      });
      return { notReached: unreached() };
    });
  });

  app.get('/api/print/selection-audit.pdf', async (req, reply) => {
    const who = authorise(req, reply, HOST);
    if (!who) return reply;
    const l = (req.query as { lang?: unknown }).lang;
    const lang = l === 'sv' || l === 'en' ? l : 'fi';
    const data = readAuditData(who.db);
    const pdf = await selectionAuditPdf(data, { lang });
    const name = `${slug(readBasics(who.db).name)}-selection-audit.pdf`;
    return reply.code(200).header('Content-Type', 'application/pdf').header('Content-Disposition', disposition('inline', name)).header('Cache-Control', 'no-store').send(pdf);
  });
}

/**
 * Selection runs, the draw and replacements, on top of the engine:
 * - a run (LEXIMIN or LEGACY) goes to a worker ('selection.run' job: progress and cancel); the
 *   hub thread stores its result (summary in the feed; probabilities and the lottery in the panel);
 * - the draw picks the panel (a number 1..M drawn in public, or a recorded seed), orders the
 *   reserves, and makes the drawn people participants with the personal data from the
 *   recruitment file; the reserves' contacts are copied into the panel (for drop-outs at the venue);
 * - a drop-out is replaced by the first reserve that keeps every quota (engine.replace); when none
 *   does, the facilitator is told and may ask for a new draw from the pool (recruitment file at hand).
 */
import { PuntariError } from '../../../shared/errors.js';
import type { JobStatus } from '../../../shared/host.js';
import { uuidv7 } from '../../../shared/ids.js';
import { displayNameOf, type RunSummary } from '../../../shared/recruitment.js';
import type { Instance, LeximinResult, Quota, SelectionJobInput } from '../../../shared/selection.js';
import type { Principal } from '../../../shared/roles.js';
import type { Db } from '../../store/sqlite.js';
import type { CommandContext } from '../context.js';
import { emitParticipant } from '../participants/roster.js';
import { drawPanel, replace, reserveList, samplePanel } from './engine/index.js';
import type { SelectionJobResult } from './engine/job.js';
import type { SignupPersonal } from './recruitmentFile.js';
import { emitSelection, instanceHash, readInstance, readRun, readSettings, requireNotDrawn, type StoredRun } from './store.js';

export const ENGINE_VERSION = 'puntari-selection 2 (LEXIMIN over the LP relaxation split into panels, column generation as fallback; HiGHS 1.15 WASM)';

export interface SelectionJobRunner {
  start(kind: 'selection.run', input: SelectionJobInput): string;
  waitFor(id: string): Promise<JobStatus>;
}

export interface SelectionDeps {
  db: Db;
  jobs: SelectionJobRunner;
  /** Runs `write` in one transaction on the panel the job started from; false when that panel is closed. */
  record(principal: Principal, action: string, detail: unknown, write: (ctx: CommandContext) => void): boolean;
}

let running: string | null = null;

export function runningJob(): string | null {
  return running;
}

/** 20 bins over [0, 1]. */
export function histogram(values: readonly number[], bins = 20): number[] {
  const out = new Array<number>(bins).fill(0);
  for (const v of values) out[Math.min(bins - 1, Math.max(0, Math.floor(v * bins)))]!++;
  return out;
}

/** Sorted ascending, sampled at ≤ points. */
export function curve(values: readonly number[], points = 100): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length <= points) return sorted.map((v) => Number(v.toFixed(5)));
  return Array.from({ length: points }, (_, i) => Number(sorted[Math.round((i * (sorted.length - 1)) / (points - 1))]!.toFixed(5)));
}

export function checkInstance(instance: Instance): void {
  if (instance.people.length === 0) throw new PuntariError('selection.noPool');
  if (instance.quotas.length === 0) throw new PuntariError('selection.noQuotas');
}

/** Starts a run; resolves at once with the job id. The result is stored when the worker is done. */
export function startRun(
  deps: SelectionDeps,
  principal: Principal,
  request: { algorithm: 'leximin' | 'legacy'; seed?: string; timeLimitSeconds?: number; draws?: number },
): { jobId: string; done: Promise<void> } {
  if (running) throw new PuntariError('selection.busy', { jobId: running });
  requireNotDrawn(deps.db);
  const instance = readInstance(deps.db);
  checkInstance(instance);
  const settings = readSettings(deps.db);
  const hash = instanceHash(instance);
  const input: SelectionJobInput = { instance, algorithm: request.algorithm };
  if (request.seed) input.seed = request.seed;
  if (request.timeLimitSeconds) input.timeLimitSeconds = request.timeLimitSeconds;
  if (request.draws) input.draws = request.draws;
  if (request.algorithm === 'leximin') input.lottery = { m: settings.lotteryM };
  const jobId = deps.jobs.start('selection.run', input);
  running = jobId;
  const done = deps.jobs
    .waitFor(jobId)
    .then((status) => {
      if (status.state !== 'done') return;
      const out = status.result as SelectionJobResult;
      const run = storedRunFrom(out, hash, new Date());
      deps.record(
        principal,
        'selection.run',
        { runId: run.id, algorithm: run.algorithm, n: run.summary.n, k: run.summary.k, minProbability: run.summary.minProbability, final: run.summary.final, seed: run.summary.seed },
        (ctx) => {
          insertRun(ctx.db, run);
          emitSelection(ctx);
        },
      );
    })
    .finally(() => {
      if (running === jobId) running = null;
    });
  return { jobId, done };
}

export function storedRunFrom(out: SelectionJobResult, hash: string, now: Date): StoredRun {
  const r = out.result;
  const probs = Object.values(r.probabilities);
  const summary: StoredRun['summary'] = {
    n: probs.length,
    k: Math.round(probs.reduce((a, b) => a + b, 0)),
    seconds: r.seconds,
    minProbability: r.minProbability,
    gini: r.gini,
    levelsFixed: r.algorithm === 'leximin' ? r.levelsFixed : null,
    final: r.algorithm === 'leximin' ? r.final : false,
    seed: out.seed,
    draws: r.algorithm === 'legacy' ? r.draws : null,
    histogram: histogram(probs),
    curve: curve(probs),
    lottery: out.lottery ? { m: out.lottery.m, seed: out.lottery.seed, maxDeviation: out.lottery.maxDeviation } : null,
    engineVersion: ENGINE_VERSION,
  };
  return {
    id: uuidv7(),
    algorithm: r.algorithm,
    finishedAt: now.toISOString(),
    instanceHash: hash,
    summary,
    probabilities: r.probabilities,
    typeLottery: r.algorithm === 'leximin' ? r.typeLottery : null,
    lottery: out.lottery,
    panel: r.algorithm === 'legacy' ? out.selected : null,
  };
}

export function insertRun(db: Db, run: StoredRun): void {
  db.prepare(
    'INSERT INTO selection_run (id, algorithm, finished_at, instance_hash, summary, probabilities, type_lottery, lottery, panel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    run.id,
    run.algorithm,
    run.finishedAt,
    run.instanceHash,
    JSON.stringify(run.summary),
    JSON.stringify(run.probabilities),
    run.typeLottery ? JSON.stringify(run.typeLottery) : null,
    run.lottery ? JSON.stringify(run.lottery) : null,
    run.panel ? JSON.stringify(run.panel) : null,
  );
  // Keep the latest few runs of each algorithm.
  db.prepare(
    `DELETE FROM selection_run WHERE algorithm = ? AND id NOT IN (SELECT id FROM selection_run WHERE algorithm = ? ORDER BY finished_at DESC, id DESC LIMIT 5)`,
  ).run(run.algorithm, run.algorithm);
}

export interface DrawPlan {
  run: StoredRun;
  method: 'number' | 'seed' | 'legacy';
  draw: number | null;
  seed: string;
  panel: string[];
  reserves: string[];
  instance: Instance;
}

/** Which panel a draw picks (pure; nothing is written). */
export function planDraw(db: Db, request: { runId: string; number?: number; seed?: string }): DrawPlan {
  requireNotDrawn(db);
  const run = readRun(db, request.runId);
  if (!run) throw new PuntariError('selection.runNotFound', { id: request.runId });
  const instance = readInstance(db);
  if (run.instanceHash !== instanceHash(instance)) throw new PuntariError('selection.staleRun');
  const settings = readSettings(db);
  let method: DrawPlan['method'];
  let panel: string[];
  let seed: string;
  let draw: number | null = null;
  if (run.algorithm === 'legacy') {
    method = 'legacy';
    panel = run.panel ?? [];
    seed = run.summary.seed;
  } else {
    if (!run.summary.final) throw new PuntariError('selection.notFinal', { levels: run.summary.levelsFixed ?? 0 });
    if (request.number !== undefined) {
      if (!run.lottery) throw new PuntariError('selection.runNotFound', { id: request.runId });
      method = 'number';
      draw = request.number;
      panel = drawPanel(run.lottery, request.number);
      seed = `${run.lottery.seed}/${request.number}`;
    } else {
      if (!request.seed) throw new PuntariError('protocol.badField', { field: 'number', issue: 'required' });
      method = 'seed';
      seed = request.seed;
      panel = samplePanel({ typeLottery: run.typeLottery! } as LeximinResult, seed);
    }
  }
  const reserves = reserveList(instance, panel, settings.reserveCount, seed);
  return { run, method, draw, seed, panel: [...panel], reserves, instance };
}

function insertParticipant(db: Db, signup: SignupPersonal | undefined, poolId: string, features: Record<string, string>, status: 'invited' | 'confirmed', now: Date): string {
  const id = uuidv7();
  const full = signup?.fullName ?? '';
  db.prepare('INSERT INTO participant (id, display_name, language, status, created_at) VALUES (?, ?, ?, ?, ?)').run(
    id,
    displayNameOf(full, poolId),
    signup?.language ?? 'fi',
    status,
    now.toISOString(),
  );
  db.prepare(
    'INSERT INTO participant_personal (participant_id, full_name, email, phone, address, postcode, accessibility_needs, dietary_needs) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, full || poolId, signup?.email ?? '', signup?.phone ?? '', signup?.address ?? '', signup?.postcode ?? '', '', '');
  const ins = db.prepare('INSERT INTO participant_feature (participant_id, feature_key, value) VALUES (?, ?, ?)');
  for (const [k, v] of Object.entries(features)) ins.run(id, k, v);
  return id;
}

/** Writes the draw: participants for the panel, the reserves with their contacts, the outcome. */
export function commitDraw(ctx: CommandContext, plan: DrawPlan, signups: Map<string, SignupPersonal>, status: 'invited' | 'confirmed'): string[] {
  const { db, now } = ctx;
  requireNotDrawn(db);
  const features = new Map(readInstance(db).people.map((p) => [p.id, p.features]));
  const poolFeatures = new Map(
    (db.prepare('SELECT pool_id, features FROM selection_pool').all() as { pool_id: string; features: string }[]).map((r) => [r.pool_id, JSON.parse(r.features) as Record<string, string>]),
  );
  const ids: string[] = [];
  const member = db.prepare("INSERT INTO selection_member (pool_id, participant_id, source, replaced, at) VALUES (?, ?, 'draw', NULL, ?)");
  for (const poolId of plan.panel) {
    const id = insertParticipant(db, signups.get(poolId), poolId, poolFeatures.get(poolId) ?? features.get(poolId) ?? {}, status, now);
    member.run(poolId, id, now.toISOString());
    ids.push(id);
  }
  const res = db.prepare('INSERT INTO selection_reserve (rank, pool_id, full_name, email, phone, address, postcode, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  plan.reserves.forEach((poolId, i) => {
    const s = signups.get(poolId);
    res.run(i + 1, poolId, s?.fullName ?? '', s?.email ?? '', s?.phone ?? '', s?.address ?? '', s?.postcode ?? '', s?.language ?? 'fi');
  });
  db.prepare('INSERT INTO selection_outcome (id, run_id, method, draw, seed, drawn_at, panel) VALUES (1, ?, ?, ?, ?, ?, ?)').run(
    plan.run.id,
    plan.method,
    plan.draw,
    plan.seed,
    now.toISOString(),
    JSON.stringify([...plan.panel].sort()),
  );
  for (const id of ids) emitParticipant(ctx, id);
  emitSelection(ctx);
  return ids;
}

/** The panel as drawn with its replacements: selected people not (yet) replaced by someone else. */
export function currentPanel(db: Db): { poolId: string; participantId: string }[] {
  return db
    .prepare(
      `SELECT m.pool_id AS poolId, m.participant_id AS participantId FROM selection_member m
       JOIN participant p ON p.id = m.participant_id
       WHERE p.status <> 'replaced'`,
    )
    .all() as { poolId: string; participantId: string }[];
}

export interface ReplacePlan {
  dropped: { participantId: string; poolId: string };
  replacement: string;
  source: 'reserve' | 'draw';
}

/**
 * Who replaces a participant: the first unused reserve (in the list's order) that keeps the
 * quotas; when none does, a new draw from the pool, but only when asked for (`newDraw`) and the
 * recruitment file is at hand. Without it (at the venue) only the reserves can stand in.
 */
export function planReplacement(db: Db, participantId: string, poolAvailable: boolean, newDraw: boolean): ReplacePlan {
  const outcome = db.prepare('SELECT seed FROM selection_outcome WHERE id = 1').get() as { seed: string } | undefined;
  if (!outcome) throw new PuntariError('selection.notDrawn');
  const m = db.prepare('SELECT pool_id FROM selection_member WHERE participant_id = ?').get(participantId) as { pool_id: string } | undefined;
  if (!m) throw new PuntariError('selection.notOnPanel', { id: participantId });
  const panel = currentPanel(db).map((x) => x.poolId);
  if (!panel.includes(m.pool_id)) panel.push(m.pool_id);
  const used = new Set((db.prepare('SELECT pool_id FROM selection_member').all() as { pool_id: string }[]).map((r) => r.pool_id));
  const reserves = (db.prepare('SELECT pool_id FROM selection_reserve ORDER BY rank').all() as { pool_id: string }[]).map((r) => r.pool_id).filter((id) => !used.has(id));
  const instance = readInstance(db);
  const inst: Instance = poolAvailable
    ? { ...instance, people: instance.people.filter((p) => !used.has(p.id) || panel.includes(p.id)) }
    : { ...instance, people: instance.people.filter((p) => panel.includes(p.id) || reserves.includes(p.id)) };
  const r = replace(inst, panel, m.pool_id, reserves, { seed: `${outcome.seed}/replace`, newDraw });
  return { dropped: { participantId, poolId: m.pool_id }, replacement: r.replacement, source: r.source };
}

export function commitReplacement(ctx: CommandContext, plan: ReplacePlan, signup: SignupPersonal | undefined): string {
  const { db, now } = ctx;
  const features = (db.prepare('SELECT features FROM selection_pool WHERE pool_id = ?').get(plan.replacement) as { features: string } | undefined)?.features;
  let person = signup;
  if (!person) {
    const r = db.prepare('SELECT * FROM selection_reserve WHERE pool_id = ?').get(plan.replacement) as Record<string, string> | undefined;
    if (r)
      person = {
        poolId: plan.replacement,
        row: 0,
        fullName: r.full_name!,
        email: r.email!,
        phone: r.phone!,
        address: r.address!,
        postcode: r.postcode!,
        language: (r.language as 'fi' | 'sv' | 'en') ?? 'fi',
        columns: {},
      };
  }
  const id = insertParticipant(db, person, plan.replacement, features ? (JSON.parse(features) as Record<string, string>) : {}, 'invited', now);
  db.prepare('INSERT INTO selection_member (pool_id, participant_id, source, replaced, at) VALUES (?, ?, ?, ?, ?)').run(
    plan.replacement,
    id,
    plan.source === 'reserve' ? 'reserve' : 'redraw',
    plan.dropped.participantId,
    now.toISOString(),
  );
  db.prepare("UPDATE participant SET status = 'replaced' WHERE id = ?").run(plan.dropped.participantId);
  db.prepare(
    `INSERT INTO participant_roster (participant_id, replaced_by, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (participant_id) DO UPDATE SET replaced_by = excluded.replaced_by, updated_at = excluded.updated_at`,
  ).run(plan.dropped.participantId, id, now.toISOString());
  emitParticipant(ctx, plan.dropped.participantId);
  emitParticipant(ctx, id);
  emitSelection(ctx);
  return id;
}

/** Quotas as they stand against the current panel (for the report and the check after a replacement). */
export function panelAgainstQuotas(db: Db, quotas: readonly Quota[]): { feature: string; value: string; min: number; max: number; count: number }[] {
  const pool = new Map(readInstance(db).people.map((p) => [p.id, p.features]));
  const panel = currentPanel(db).map((x) => pool.get(x.poolId) ?? {});
  return quotas.map((q) => ({ ...q, count: panel.filter((f) => f[q.feature] === q.value).length }));
}

export function runSummaryOf(run: StoredRun): RunSummary {
  return { ...run.summary, id: run.id, algorithm: run.algorithm, finishedAt: run.finishedAt, stale: false };
}

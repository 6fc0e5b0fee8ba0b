/**
 * Generating a seating plan: the hub thread reads the panel into a SeatingInput, the optimiser
 * runs in a worker (job 'seating.plan', progress and cancel through the JobRunner), and when it
 * is done the hub thread writes the plan into seating_round/seat in one transaction.
 *
 * The hub's route (POST /api/seating/generate) passes in its job runner and a way to record a
 * change; this module never touches the hub itself.
 */
import { PuntariError } from '../../../shared/errors.js';
import type { JobStatus } from '../../../shared/host.js';
import { uuidv7 } from '../../../shared/ids.js';
import { seatsToRound, type RoundPlan, type SeatingInput, type SeatingPerson } from '../../../shared/seating.js';
import type { SeatingGenerateRequest } from '../../../shared/participants.js';
import type { Principal } from '../../../shared/roles.js';
import type { Db } from '../../store/sqlite.js';
import type { CommandContext } from '../context.js';
import type { PlanResult } from './engine/optimise.js';
import { emitPersonScope } from './commands.js';
import { emitRound, emitSettings, listRounds, readSettings, readTables } from './store.js';

export interface SeatingJobRunner {
  start(kind: 'seating.plan', input: { seating: SeatingInput; options?: { seed?: number; timeLimitMs?: number } }): string;
  waitFor(id: string): Promise<JobStatus>;
}

export interface GenerateDeps {
  db: Db;
  jobs: SeatingJobRunner;
  /** Runs `write` in one transaction on the panel the job started from; false when that panel is closed. */
  record(principal: Principal, action: string, detail: unknown, write: (ctx: CommandContext) => void): boolean;
}

/** Who sits: confirmed participants (or those checked in on `presentOn`). */
export function seatingPeople(db: Db, presentOn: string | null): SeatingPerson[] {
  const rows = (
    presentOn
      ? db.prepare('SELECT p.id, p.language FROM participant p JOIN attendance a ON a.participant_id = p.id AND a.day_id = ? ORDER BY p.created_at, p.id').all(presentOn)
      : db.prepare("SELECT id, language FROM participant WHERE status = 'confirmed' ORDER BY created_at, id").all()
  ) as { id: string; language: SeatingPerson['language'] }[];
  const features = new Map<string, Record<string, string>>();
  for (const f of db.prepare('SELECT participant_id, feature_key, value FROM participant_feature').all() as { participant_id: string; feature_key: string; value: string }[]) {
    const m = features.get(f.participant_id) ?? {};
    m[f.feature_key] = f.value;
    features.set(f.participant_id, m);
  }
  return rows.map((r) => ({ id: r.id, language: r.language, features: features.get(r.id) ?? {} }));
}

/** The optimiser's input from the panel: people, tables, rounds, features, pins, pairs kept apart, accessibility. */
export function buildSeatingInput(db: Db, request: Pick<SeatingGenerateRequest, 'keepRounds' | 'presentOn'>): { input: SeatingInput; keep: number } {
  const settings = readSettings(db);
  const tables = readTables(db);
  if (tables.length === 0) throw new PuntariError('seating.noTables');
  const people = seatingPeople(db, request.presentOn);
  if (people.length === 0) throw new PuntariError('seating.noPeople');
  const ids = new Set(people.map((p) => p.id));
  const rounds = listRounds(db);
  const keep = Math.max(0, Math.min(request.keepRounds, rounds.length, settings.rounds - 1));
  const needsAccessible = (db.prepare('SELECT participant_id FROM participant_roster WHERE needs_accessible_table = 1').all() as { participant_id: string }[])
    .map((r) => r.participant_id)
    .filter((id) => ids.has(id));
  return {
    keep,
    input: {
      people,
      tables: tables.map((t) => ({ no: t.no, capacity: t.capacity, language: t.language, accessible: t.accessible })),
      rounds: settings.rounds,
      diversify: settings.diversify,
      pins: settings.pins.filter((p) => ids.has(p.personId)),
      keepApart: settings.keepApart.filter(([a, b]) => ids.has(a) && ids.has(b)),
      needsAccessible,
      fixedRounds: rounds.slice(0, keep).map((r) => seatsToRound(r.seats, tables)),
    },
  };
}

/**
 * Writes a computed plan: rounds 0..R-1 exist (new ones are named "<label> n"), rounds from
 * `keep` on get the plan's seats, rounds beyond R go. People or tables gone since the job
 * started are skipped.
 */
export function commitPlan(ctx: CommandContext, plan: readonly RoundPlan[], keep: number, roundLabel: string): string[] {
  const { db } = ctx;
  const rounds = listRounds(db);
  const touched = new Set<string>();
  for (const r of rounds) for (const id of Object.keys(r.seats)) touched.add(id);
  const ids: string[] = [];
  for (let i = 0; i < plan.length; i++) {
    let round = rounds[i];
    if (!round) {
      const id = uuidv7();
      const position = (db.prepare('SELECT COALESCE(MAX(position) + 1, 0) AS n FROM seating_round').get() as { n: number }).n;
      db.prepare('INSERT INTO seating_round (id, name, position) VALUES (?, ?, ?)').run(id, `${roundLabel} ${i + 1}`, position);
      round = { id, name: `${roundLabel} ${i + 1}`, position, seats: {} };
    }
    ids.push(round.id);
    if (i < keep) continue;
    db.prepare('DELETE FROM seat WHERE round_id = ?').run(round.id);
    const insert = db.prepare(
      'INSERT INTO seat (round_id, participant_id, table_no) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM participant WHERE id = ?) AND EXISTS (SELECT 1 FROM panel_table WHERE no = ?)',
    );
    for (const [no, people] of Object.entries(plan[i]!)) {
      for (const id of people) {
        insert.run(round.id, id, Number(no), id, Number(no));
        touched.add(id);
      }
    }
    emitRound(ctx, round.id);
  }
  for (const extra of rounds.slice(plan.length)) {
    db.prepare('DELETE FROM seating_round WHERE id = ?').run(extra.id);
    ctx.change('seatingRounds', extra.id, null);
  }
  for (const id of touched) emitPersonScope(ctx, id);
  emitSettings(ctx);
  return ids;
}

let running: string | null = null;

/** Starts a plan; resolves at once with the job id. The commit follows when the worker is done. */
export function startSeatingPlan(deps: GenerateDeps, principal: Principal, request: SeatingGenerateRequest): { jobId: string; done: Promise<void> } {
  if (running) throw new PuntariError('seating.busy', { jobId: running });
  const { input, keep } = buildSeatingInput(deps.db, request);
  const jobId = deps.jobs.start('seating.plan', { seating: input, options: { seed: request.seed, timeLimitMs: request.timeLimitMs } });
  running = jobId;
  const done = deps.jobs
    .waitFor(jobId)
    .then((status) => {
      if (status.state !== 'done') return;
      const result = status.result as PlanResult;
      deps.record(
        principal,
        'seating.generate',
        {
          rounds: input.rounds,
          kept: keep,
          people: input.people.length,
          tables: input.tables.length,
          seed: result.stats.seed,
          repeatPairs: result.score.repeatPairs,
          diversityDeviation: Number(result.score.diversityDeviation.toFixed(4)),
          violations: result.violations.map((v) => v.reason),
        },
        (ctx) => void commitPlan(ctx, result.rounds, keep, request.roundLabel),
      );
    })
    .finally(() => {
      if (running === jobId) running = null;
    });
  return { jobId, done };
}

/**
 * The selection's records in the panel file: settings, quotas, recruitment figures, the imported
 * pool (pseudonymous), runs, the draw and the reserves; the 'selection' topic (facilitator only)
 * and the WebSocket commands that edit settings, quotas, shares and figures.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { PuntariError } from '../../../shared/errors.js';
import {
  quotaFromShare,
  type RunSummary,
  type SelectionInputFile,
  type SelectionOutcome,
  type SelectionReserve,
  type SelectionSettings,
  type SelectionView,
} from '../../../shared/recruitment.js';
import type { Instance, Lottery, Person, Quota, TypeLottery } from '../../../shared/selection.js';
import type { Db } from '../../store/sqlite.js';
import type { CommandContext, CommandHandler, TopicReader } from '../context.js';
import { featuresTopic } from '../participants/participants.js';
import { readCopyFolders } from './poolCopies.js';
import { recruitmentPath } from './recruitmentFile.js';

export function readSettings(db: Db): SelectionSettings & { invitations: number | null; link: string | null } {
  const r = db.prepare('SELECT * FROM selection_settings WHERE id = 1').get() as {
    panel_size: number;
    tolerance: number;
    lottery_m: number;
    reserve_count: number;
    invitations: number | null;
    recruitment_link: string | null;
  };
  return {
    panelSize: r.panel_size,
    tolerance: r.tolerance,
    lotteryM: r.lottery_m,
    reserveCount: r.reserve_count,
    invitations: r.invitations,
    link: r.recruitment_link,
  };
}

export function readQuotas(db: Db): Quota[] {
  return (
    db
      .prepare(
        `SELECT q.* FROM selection_quota q
         JOIN background_feature f ON f.key = q.feature_key
         JOIN background_value v ON v.feature_key = q.feature_key AND v.value = q.value
         ORDER BY f.position, v.position`,
      )
      .all() as { feature_key: string; value: string; min: number; max: number; min_flex: number | null; max_flex: number | null }[]
  ).map((r) => {
    const q: Quota = { feature: r.feature_key, value: r.value, min: r.min, max: r.max };
    if (r.min_flex !== null) q.minFlex = r.min_flex;
    if (r.max_flex !== null) q.maxFlex = r.max_flex;
    return q;
  });
}

export function readPool(db: Db): Person[] {
  return (db.prepare('SELECT pool_id, features, household FROM selection_pool ORDER BY row_no, pool_id').all() as { pool_id: string; features: string; household: string | null }[]).map(
    (r) => ({ id: r.pool_id, features: JSON.parse(r.features) as Record<string, string>, household: r.household }),
  );
}

/** The engine's instance from the panel: the pool restricted to the features that have quotas. */
export function readInstance(db: Db): Instance {
  const quotas = readQuotas(db);
  const features = [...new Set(quotas.map((q) => q.feature))];
  const people = readPool(db).map((p) => ({
    id: p.id,
    household: p.household,
    features: Object.fromEntries(features.map((f) => [f, p.features[f] ?? ''])),
  }));
  return { people, quotas, k: readSettings(db).panelSize };
}

/** A stable hash of what a run depends on (pool, quotas, k). */
export function instanceHash(instance: Instance): string {
  const h = createHash('sha256');
  h.update(String(instance.k));
  for (const q of instance.quotas) h.update(`\u0001${q.feature}\u0000${q.value}\u0000${q.min}\u0000${q.max}\u0000${q.minFlex ?? ''}\u0000${q.maxFlex ?? ''}`);
  for (const p of instance.people) {
    h.update(`\u0002${p.id}\u0000${p.household ?? ''}`);
    for (const f of Object.keys(p.features).sort()) h.update(`\u0000${f}=${p.features[f]}`);
  }
  return h.digest('hex');
}

export function readInputs(db: Db): SelectionInputFile[] {
  return (db.prepare('SELECT * FROM selection_input ORDER BY imported_at, id').all() as Record<string, string | number>[]).map((r) => ({
    id: String(r.id),
    kind: r.kind as 'people' | 'quotas',
    name: String(r.name),
    sha256: String(r.sha256),
    rows: Number(r.rows),
    encoding: String(r.encoding),
    delimiter: String(r.delimiter),
    excludedRows: JSON.parse(String(r.excluded_rows)) as number[],
    importedAt: String(r.imported_at),
  }));
}

export interface StoredRun {
  id: string;
  algorithm: 'leximin' | 'legacy';
  finishedAt: string;
  instanceHash: string;
  summary: Omit<RunSummary, 'stale' | 'id' | 'algorithm' | 'finishedAt'>;
  probabilities: Record<string, number>;
  typeLottery: TypeLottery | null;
  lottery: Lottery | null;
  panel: string[] | null;
}

interface RunRow {
  id: string;
  algorithm: 'leximin' | 'legacy';
  finished_at: string;
  instance_hash: string;
  summary: string;
  probabilities: string;
  type_lottery: string | null;
  lottery: string | null;
  panel: string | null;
}

function toRun(r: RunRow): StoredRun {
  return {
    id: r.id,
    algorithm: r.algorithm,
    finishedAt: r.finished_at,
    instanceHash: r.instance_hash,
    summary: JSON.parse(r.summary) as StoredRun['summary'],
    probabilities: JSON.parse(r.probabilities) as Record<string, number>,
    typeLottery: r.type_lottery ? (JSON.parse(r.type_lottery) as TypeLottery) : null,
    lottery: r.lottery ? (JSON.parse(r.lottery) as StoredRun['lottery']) : null,
    panel: r.panel ? (JSON.parse(r.panel) as string[]) : null,
  };
}

export function readRun(db: Db, id: string): StoredRun | null {
  const r = db.prepare('SELECT * FROM selection_run WHERE id = ?').get(id) as RunRow | undefined;
  return r ? toRun(r) : null;
}

/** The latest run of an algorithm on the current instance (not stale), if any. */
export function latestRun(db: Db, algorithm: 'leximin' | 'legacy', hash?: string): StoredRun | null {
  const r = db.prepare('SELECT * FROM selection_run WHERE algorithm = ? ORDER BY finished_at DESC, id DESC LIMIT 1').get(algorithm) as RunRow | undefined;
  if (!r) return null;
  if (hash !== undefined && r.instance_hash !== hash) return null;
  return toRun(r);
}

function runSummaries(db: Db, currentHash: string): RunSummary[] {
  return (db.prepare('SELECT id, algorithm, finished_at, instance_hash, summary FROM selection_run ORDER BY finished_at DESC, id DESC').all() as RunRow[]).map((r) => ({
    ...(JSON.parse(r.summary) as StoredRun['summary']),
    id: r.id,
    algorithm: r.algorithm,
    finishedAt: r.finished_at,
    stale: r.instance_hash !== currentHash,
  }));
}

export function readOutcome(db: Db): SelectionOutcome | null {
  const o = db.prepare('SELECT * FROM selection_outcome WHERE id = 1').get() as
    | { run_id: string; method: SelectionOutcome['method']; draw: number | null; seed: string; drawn_at: string; panel: string }
    | undefined;
  if (!o) return null;
  const pool = new Map(readPool(db).map((p) => [p.id, p]));
  const members = db.prepare('SELECT * FROM selection_member ORDER BY at, pool_id').all() as {
    pool_id: string;
    participant_id: string | null;
    source: 'draw' | 'reserve' | 'redraw';
    replaced: string | null;
    at: string;
  }[];
  const memberOf = new Map(members.map((m) => [m.pool_id, m]));
  const reserves: SelectionReserve[] = (
    db.prepare('SELECT rank, pool_id, full_name FROM selection_reserve ORDER BY rank').all() as { rank: number; pool_id: string; full_name: string }[]
  ).map((r) => {
    const m = memberOf.get(r.pool_id);
    const parts = r.full_name.trim().split(/\s+/).filter(Boolean);
    const displayName = parts.length > 1 ? `${parts[0]} ${parts[parts.length - 1]![0]}.` : (parts[0] ?? r.pool_id);
    return {
      rank: r.rank,
      poolId: r.pool_id,
      displayName,
      features: pool.get(r.pool_id)?.features ?? {},
      participantId: m?.participant_id ?? null,
      replaced: m?.replaced ?? null,
    };
  });
  const drawn = JSON.parse(o.panel) as string[];
  return {
    runId: o.run_id,
    method: o.method,
    draw: o.draw,
    seed: o.seed,
    drawnAt: o.drawn_at,
    panel: drawn.map((poolId) => ({ poolId, participantId: memberOf.get(poolId)?.participant_id ?? null })),
    reserves,
    replacements: members
      .filter((m) => m.source !== 'draw' && m.replaced !== null && m.participant_id !== null)
      .map((m) => ({ dropped: m.replaced!, replacement: m.participant_id!, source: m.source === 'reserve' ? ('reserve' as const) : ('draw' as const), at: m.at })),
  };
}

export function readView(db: Db): SelectionView {
  const s = readSettings(db);
  const pool = readPool(db);
  const counts: Record<string, Record<string, number>> = {};
  const homes = new Set<string>();
  let singles = 0;
  for (const p of pool) {
    for (const [f, v] of Object.entries(p.features)) {
      const byValue = (counts[f] ??= {});
      byValue[v] = (byValue[v] ?? 0) + 1;
    }
    if (p.household) homes.add(p.household);
    else singles++;
  }
  // better-sqlite3 keeps the path the file was opened with.
  const recruitmentFile = db.name && db.name !== ':memory:' ? recruitmentPath(db.name) : null;
  return {
    settings: { panelSize: s.panelSize, tolerance: s.tolerance, lotteryM: s.lotteryM, reserveCount: s.reserveCount },
    invitations: {
      total: s.invitations,
      perValue: (db.prepare('SELECT feature_key, value, invitations FROM recruitment_figure ORDER BY feature_key, value').all() as {
        feature_key: string;
        value: string;
        invitations: number;
      }[]).map((r) => ({ feature: r.feature_key, value: r.value, invitations: r.invitations })),
    },
    inputs: readInputs(db),
    pool:
      pool.length === 0
        ? null
        : {
            n: pool.length,
            households: homes.size + singles,
            counts,
            recruitmentFile: recruitmentFile ? recruitmentFile.split(/[\\/]/).pop()! : null,
            recruitmentFileFound: recruitmentFile !== null && existsSync(recruitmentFile),
          },
    quotas: readQuotas(db),
    runs: runSummaries(db, instanceHash(readInstance(db))),
    outcome: readOutcome(db),
    poolCopies: readCopyFolders(db),
  };
}

export const selectionTopic: TopicReader<'selection'> = ({ db }) => [{ key: 'selection', value: readView(db), scope: null }];

export function emitSelection(ctx: Pick<CommandContext, 'db' | 'change'>): void {
  ctx.change('selection', 'selection', readView(ctx.db));
}

export function emitFeatures(ctx: Pick<CommandContext, 'db' | 'change'>): void {
  for (const entry of featuresTopic({ db: ctx.db, isConnected: () => false })) ctx.change('features', entry.key, entry.value);
}

function hasDrawn(db: Db): boolean {
  return db.prepare('SELECT 1 FROM selection_outcome WHERE id = 1').get() !== undefined;
}

export function requireNotDrawn(db: Db): void {
  if (hasDrawn(db)) throw new PuntariError('selection.alreadyDrawn');
}

/** Makes sure a feature and its values exist in the panel (background_feature/background_value). */
export function ensureFeature(db: Db, feature: string, values: readonly string[]): boolean {
  let changed = false;
  if (!db.prepare('SELECT 1 FROM background_feature WHERE key = ?').get(feature)) {
    const pos = (db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS n FROM background_feature').get() as { n: number }).n;
    db.prepare('INSERT INTO background_feature (key, label, position) VALUES (?, ?, ?)').run(feature, feature, pos);
    changed = true;
  }
  const has = db.prepare('SELECT 1 FROM background_value WHERE feature_key = ? AND value = ?');
  const ins = db.prepare(
    'INSERT INTO background_value (feature_key, value, label, position, population_share) VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM background_value WHERE feature_key = ?), NULL)',
  );
  for (const v of values) {
    if (!has.get(feature, v)) {
      ins.run(feature, v, v, feature);
      changed = true;
    }
  }
  return changed;
}

/** Matches a value as written in a file to the feature's value key (by key or label, case-insensitive). */
export function valueMatcher(db: Db, feature: string): ((raw: string) => string | null) | null {
  const rows = db.prepare('SELECT value, label FROM background_value WHERE feature_key = ?').all(feature) as { value: string; label: string }[];
  if (rows.length === 0) return null;
  const map = new Map<string, string>();
  for (const r of rows) {
    map.set(r.label.trim().toLowerCase(), r.value);
    map.set(r.value.trim().toLowerCase(), r.value);
  }
  return (raw) => map.get(raw.trim().toLowerCase()) ?? null;
}

/** Which feature key a name refers to (key or label, case-insensitive), or null. */
export function featureKeyOf(db: Db, name: string): string | null {
  const rows = db.prepare('SELECT key, label FROM background_feature').all() as { key: string; label: string }[];
  const want = name.trim().toLowerCase();
  return rows.find((r) => r.key.toLowerCase() === want)?.key ?? rows.find((r) => r.label.trim().toLowerCase() === want)?.key ?? null;
}

export function writeQuotas(db: Db, quotas: readonly Quota[], replaceAll: boolean): void {
  for (const q of quotas) {
    if (q.min > q.max) throw new PuntariError('selection.minAboveMax', { feature: q.feature, value: q.value, min: q.min, max: q.max });
  }
  if (replaceAll) db.prepare('DELETE FROM selection_quota').run();
  const ins = db.prepare(
    `INSERT INTO selection_quota (feature_key, value, min, max, min_flex, max_flex) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (feature_key, value) DO UPDATE SET min = excluded.min, max = excluded.max, min_flex = excluded.min_flex, max_flex = excluded.max_flex`,
  );
  for (const q of quotas) ins.run(q.feature, q.value, q.min, q.max, q.minFlex ?? null, q.maxFlex ?? null);
}

// ------------------------------------------------------------------ commands

export const updateSettings: CommandHandler<'selection.settings'> = (input, ctx) => {
  const sets: string[] = [];
  const params: number[] = [];
  const cols = { panelSize: 'panel_size', tolerance: 'tolerance', lotteryM: 'lottery_m', reserveCount: 'reserve_count' } as const;
  for (const [k, col] of Object.entries(cols) as [keyof typeof cols, string][]) {
    const v = input[k];
    if (v !== undefined) {
      sets.push(`${col} = ?`);
      params.push(v);
    }
  }
  if (input.panelSize !== undefined && input.panelSize !== readSettings(ctx.db).panelSize) requireNotDrawn(ctx.db);
  if (sets.length > 0) ctx.db.prepare(`UPDATE selection_settings SET ${sets.join(', ')} WHERE id = 1`).run(...params);
  emitSelection(ctx);
  return null;
};

export const setQuotas: CommandHandler<'selection.setQuotas'> = (input, ctx) => {
  requireNotDrawn(ctx.db);
  for (const q of input.quotas) {
    if (!ctx.db.prepare('SELECT 1 FROM background_value WHERE feature_key = ? AND value = ?').get(q.feature, q.value)) {
      throw new PuntariError('selection.unknownValue', { feature: q.feature, value: q.value });
    }
  }
  const del = ctx.db.prepare('DELETE FROM selection_quota WHERE feature_key = ? AND value = ?');
  for (const r of input.remove ?? []) del.run(r.feature, r.value);
  writeQuotas(ctx.db, input.quotas, false);
  emitSelection(ctx);
  return null;
};

export const quotasFromShares: CommandHandler<'selection.quotasFromShares'> = (_input, ctx) => {
  requireNotDrawn(ctx.db);
  const s = readSettings(ctx.db);
  const rows = ctx.db.prepare('SELECT feature_key, value, population_share FROM background_value WHERE population_share IS NOT NULL').all() as {
    feature_key: string;
    value: string;
    population_share: number;
  }[];
  const quotas: Quota[] = rows.map((r) => ({ feature: r.feature_key, value: r.value, ...quotaFromShare(r.population_share, s.panelSize, s.tolerance) }));
  writeQuotas(ctx.db, quotas, false);
  emitSelection(ctx);
  return { quotas: quotas.length };
};

export const setShares: CommandHandler<'selection.setShares'> = (input, ctx) => {
  if (!ctx.db.prepare('SELECT 1 FROM background_feature WHERE key = ?').get(input.feature)) {
    throw new PuntariError('selection.unknownValue', { feature: input.feature, value: '' });
  }
  const upd = ctx.db.prepare('UPDATE background_value SET population_share = ? WHERE feature_key = ? AND value = ?');
  for (const s of input.shares) {
    if (upd.run(s.share, input.feature, s.value).changes === 0) throw new PuntariError('selection.unknownValue', { feature: input.feature, value: s.value });
  }
  emitFeatures(ctx);
  emitSelection(ctx);
  return null;
};

export const setInvitations: CommandHandler<'selection.setInvitations'> = (input, ctx) => {
  if (input.total !== undefined) ctx.db.prepare('UPDATE selection_settings SET invitations = ? WHERE id = 1').run(input.total);
  for (const r of input.perValue ?? []) {
    if (!ctx.db.prepare('SELECT 1 FROM background_value WHERE feature_key = ? AND value = ?').get(r.feature, r.value)) {
      throw new PuntariError('selection.unknownValue', { feature: r.feature, value: r.value });
    }
    if (r.invitations === null) ctx.db.prepare('DELETE FROM recruitment_figure WHERE feature_key = ? AND value = ?').run(r.feature, r.value);
    else
      ctx.db
        .prepare('INSERT INTO recruitment_figure (feature_key, value, invitations) VALUES (?, ?, ?) ON CONFLICT (feature_key, value) DO UPDATE SET invitations = excluded.invitations')
        .run(r.feature, r.value, r.invitations);
  }
  emitSelection(ctx);
  return null;
};

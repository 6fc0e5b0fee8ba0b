import { PuntariError, type WireError } from '../../shared/errors.js';
import {
  canSee,
  commands,
  type Change,
  type ChangeScope,
  type CommandName,
  type Snapshot,
  type TopicName,
  isQuery,
  TOPIC_ACCESS,
} from '../../shared/protocol.js';
import type { Principal } from '../../shared/roles.js';
import { recordAudit } from '../features/audit/audit.js';
import type { CommandContext, PanelCommandName, TopicReader } from '../features/context.js';
import { handlers, topicReaders } from '../features/index.js';
import { panelEpoch, type OpenPanel } from '../store/panelFile.js';

export interface LoggedChange extends Change {
  scope: ChangeScope;
}

export type DispatchOutcome =
  | { ok: true; result: unknown; changes: LoggedChange[]; duplicate: boolean }
  | { ok: false; error: WireError };

/** Beyond this many missed changes, a reconnecting client gets a fresh snapshot instead. */
const MAX_REPLAY = 5000;

/**
 * The open panel as the hub uses it: applies commands in one transaction each (effect,
 * change log, receipt and audit entry together), and reads snapshots and changes per role.
 */
export class PanelSession {
  readonly panel: OpenPanel;
  epoch: string;

  constructor(
    panel: OpenPanel,
    private readonly isConnected: (deviceId: string) => boolean,
  ) {
    this.panel = panel;
    this.epoch = panelEpoch(panel.db);
  }

  get db() {
    return this.panel.db;
  }

  lastSeq(): number {
    const row = this.db.prepare('SELECT MAX(seq) AS seq FROM change_log').get() as { seq: number | null };
    return row.seq ?? 0;
  }

  snapshot(principal: Principal): { seq: number; data: Snapshot } {
    return this.db.transaction(() => {
      const data: Snapshot = {};
      for (const topic of Object.keys(topicReaders) as TopicName[]) {
        if (!TOPIC_ACCESS[topic].includes(principal.role)) continue;
        const read = topicReaders[topic] as TopicReader<TopicName>;
        const visible = read({ db: this.db, isConnected: this.isConnected }).filter((e) => canSee(principal, topic, e.scope));
        (data as Record<string, Record<string, unknown>>)[topic] = Object.fromEntries(visible.map((e) => [e.key, e.value]));
      }
      return { seq: this.lastSeq(), data };
    })();
  }

  /** Changes after `seq` that the principal may see, or null when a snapshot is the better answer. */
  changesSince(principal: Principal, seq: number): Change[] | null {
    const last = this.lastSeq();
    if (seq > last || last - seq > MAX_REPLAY) return null;
    const rows = this.db.prepare('SELECT seq, topic, key, value, scope FROM change_log WHERE seq > ? ORDER BY seq').all(seq) as {
      seq: number;
      topic: TopicName;
      key: string;
      value: string | null;
      scope: ChangeScope;
    }[];
    return rows
      .filter((r) => canSee(principal, r.topic, r.scope))
      .map((r) => ({ seq: r.seq, topic: r.topic, key: r.key, value: r.value === null ? null : JSON.parse(r.value) }));
  }

  /**
   * Applies a panel command once. A resent command (same id) gets its stored result and
   * changes nothing; the same id for another command or device is refused.
   */
  dispatch(id: string, name: PanelCommandName, input: unknown, principal: Principal, now = new Date()): DispatchOutcome {
    const changes: LoggedChange[] = [];
    if (isQuery(name)) return this.query(name, input, principal, now);
    const insertChange = this.db.prepare('INSERT INTO change_log (topic, key, value, scope) VALUES (?, ?, ?, ?)');
    try {
      return this.db.transaction((): DispatchOutcome => {
        const receipt = this.db.prepare('SELECT name, device_id, result FROM command_receipt WHERE id = ?').get(id) as
          | { name: string; device_id: string | null; result: string }
          | undefined;
        if (receipt) {
          if (receipt.name !== name || receipt.device_id !== principal.deviceId) throw new PuntariError('protocol.idReused', { id });
          return { ok: true, result: JSON.parse(receipt.result), changes: [], duplicate: true };
        }
        const ctx: CommandContext = {
          db: this.db,
          principal,
          now,
          isConnected: this.isConnected,
          change: (topic, key, value, scope = null) => {
            const info = insertChange.run(topic, key, value === null ? null : JSON.stringify(value), scope);
            changes.push({ seq: Number(info.lastInsertRowid), topic, key, value, scope });
          },
        };
        const handler = handlers[name] as (input: unknown, ctx: CommandContext) => unknown;
        const result = handler(input, ctx) ?? null;
        this.db
          .prepare('INSERT INTO command_receipt (id, name, device_id, result, at) VALUES (?, ?, ?, ?, ?)')
          .run(id, name, principal.deviceId, JSON.stringify(result), now.toISOString());
        if (commandAudited(name)) recordAudit(this.db, principal, name, auditDetail(name, input), now);
        return { ok: true, result, changes, duplicate: false };
      })();
    } catch (error) {
      if (error instanceof PuntariError) return { ok: false, error: error.toWire() };
      throw error;
    }
  }

  /** A read: runs in a read transaction, stores no receipt and no audit row, changes nothing. */
  private query(name: PanelCommandName, input: unknown, principal: Principal, now: Date): DispatchOutcome {
    try {
      return this.db.transaction((): DispatchOutcome => {
        const ctx: CommandContext = {
          db: this.db,
          principal,
          now,
          isConnected: this.isConnected,
          change: () => {
            throw new Error(`query ${name} tried to change the panel`);
          },
        };
        const handler = handlers[name] as (input: unknown, ctx: CommandContext) => unknown;
        return { ok: true, result: handler(input, ctx) ?? null, changes: [], duplicate: false };
      })();
    } catch (error) {
      if (error instanceof PuntariError) return { ok: false, error: error.toWire() };
      throw error;
    }
  }

  /**
   * A change the hub itself makes (a device pairing, a device seen), logged like a command's
   * change so every client's feed sees it, and audited under the acting principal.
   */
  record(principal: Principal, action: string, detail: unknown, write: (ctx: CommandContext) => void, audit = true): LoggedChange[] {
    const changes: LoggedChange[] = [];
    const insertChange = this.db.prepare('INSERT INTO change_log (topic, key, value, scope) VALUES (?, ?, ?, ?)');
    const now = new Date();
    this.db.transaction(() => {
      write({
        db: this.db,
        principal,
        now,
        isConnected: this.isConnected,
        change: (topic, key, value, scope = null) => {
          const info = insertChange.run(topic, key, value === null ? null : JSON.stringify(value), scope);
          changes.push({ seq: Number(info.lastInsertRowid), topic, key, value, scope });
        },
      });
      if (audit) recordAudit(this.db, principal, action, detail, now);
    })();
    return changes;
  }
}

/** Every command is audited unless its definition says otherwise (a secret ballot leaves no trace). */
function commandAudited(name: CommandName): boolean {
  const def = commands[name] as { audit?: boolean };
  return def.audit !== false;
}

/** What the audit log keeps of a command's input: all of it, or only the fields its definition names. */
function auditDetail(name: CommandName, input: unknown): unknown {
  const fields = (commands[name] as { auditFields?: readonly string[] }).auditFields;
  if (!fields || typeof input !== 'object' || input === null) return input;
  return Object.fromEntries(fields.filter((f) => f in input).map((f) => [f, (input as Record<string, unknown>)[f]]));
}

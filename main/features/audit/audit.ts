import type { Principal } from '../../../shared/roles.js';
import type { Db } from '../../store/sqlite.js';

/** Who did what, when: one row per command that changed the panel. */
export function recordAudit(db: Db, principal: Principal, command: string, detail: unknown, now: Date): void {
  db.prepare(
    'INSERT INTO audit_log (at, device_id, device_name, role, command, detail) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(now.toISOString(), principal.deviceId, principal.deviceName, principal.role, command, JSON.stringify(detail ?? null));
}

export interface AuditEntry {
  id: number;
  at: string;
  deviceId: string | null;
  deviceName: string;
  role: string;
  command: string;
  detail: string;
}

function csvCell(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The audit log as CSV, read in pages so a worker can report progress and stop when cancelled. */
export function* auditCsvChunks(db: Db, pageSize = 1000): Generator<{ text: string; done: number; total: number }> {
  const total = (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
  yield { text: 'id,at,device_id,device_name,role,command,detail\r\n', done: 0, total };
  const page = db.prepare('SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?');
  let last = 0;
  let done = 0;
  for (;;) {
    const rows = page.all(last, pageSize) as {
      id: number;
      at: string;
      device_id: string | null;
      device_name: string;
      role: string;
      command: string;
      detail: string;
    }[];
    if (rows.length === 0) return;
    done += rows.length;
    last = rows[rows.length - 1]!.id;
    const text = rows
      .map((r) => [r.id, r.at, r.device_id, r.device_name, r.role, r.command, r.detail].map(csvCell).join(','))
      .join('\r\n');
    yield { text: `${text}\r\n`, done, total };
  }
}

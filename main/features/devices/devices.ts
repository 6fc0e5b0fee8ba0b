import { PuntariError } from '../../../shared/errors.js';
import { needsTable, type Device, type DeviceStatus, type PairRequest } from '../../../shared/devices.js';
import type { DeviceRole } from '../../../shared/roles.js';
import type { CommandContext, CommandHandler, TopicReader } from '../context.js';
import type { Db } from '../../store/sqlite.js';

interface DeviceRow {
  id: string;
  name: string;
  role: DeviceRole;
  table_no: number | null;
  status: DeviceStatus;
  requested_at: string;
  last_seen_at: string | null;
}

function toDevice(row: DeviceRow, isConnected: (id: string) => boolean): Device {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    tableNo: row.table_no,
    status: row.status,
    requestedAt: row.requested_at,
    lastSeenAt: row.last_seen_at,
    connected: isConnected(row.id),
  };
}

export function readDevice(db: Db, id: string, isConnected: (id: string) => boolean): Device | null {
  const row = db.prepare('SELECT * FROM device WHERE id = ?').get(id) as DeviceRow | undefined;
  return row ? toDevice(row, isConnected) : null;
}

export function findDeviceByTokenHash(db: Db, tokenHash: string, isConnected: (id: string) => boolean): Device | null {
  const row = db.prepare('SELECT * FROM device WHERE token_hash = ?').get(tokenHash) as DeviceRow | undefined;
  return row ? toDevice(row, isConnected) : null;
}

export function insertPairingRequest(
  db: Db,
  request: Omit<PairRequest, 'pairingCode'> & { id: string; tokenHash: string; userAgent: string; now: Date },
): void {
  db.prepare(
    `INSERT INTO device (id, name, role, table_no, status, token_hash, requested_at, user_agent)
     VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`,
  ).run(
    request.id,
    request.name,
    request.role,
    needsTable(request.role) ? request.tableNo : null,
    request.tokenHash,
    request.now.toISOString(),
    request.userAgent.slice(0, 300),
  );
}

export function touchDevice(db: Db, id: string, now: Date): void {
  db.prepare('UPDATE device SET last_seen_at = ? WHERE id = ?').run(now.toISOString(), id);
}

/** Devices whose access is live: closing the room ends them. */
export function liveDeviceIds(db: Db): string[] {
  return (db.prepare("SELECT id FROM device WHERE status IN ('pending','approved')").all() as { id: string }[]).map(
    (r) => r.id,
  );
}

export function setDeviceStatus(db: Db, id: string, status: DeviceStatus, now: Date): void {
  db.prepare('UPDATE device SET status = ?, decided_at = ? WHERE id = ?').run(status, now.toISOString(), id);
}

function existing(ctx: CommandContext, id: string): Device {
  const device = readDevice(ctx.db, id, ctx.isConnected);
  if (!device) throw new PuntariError('device.notFound', { deviceId: id });
  return device;
}

function emit(ctx: CommandContext, id: string): null {
  ctx.change('devices', id, readDevice(ctx.db, id, ctx.isConnected));
  return null;
}

export const approveDevice: CommandHandler<'device.approve'> = ({ deviceId }, ctx) => {
  const device = existing(ctx, deviceId);
  if (device.status === 'pending') setDeviceStatus(ctx.db, deviceId, 'approved', ctx.now);
  return emit(ctx, deviceId);
};

export const rejectDevice: CommandHandler<'device.reject'> = ({ deviceId }, ctx) => {
  const device = existing(ctx, deviceId);
  if (device.status === 'pending') setDeviceStatus(ctx.db, deviceId, 'rejected', ctx.now);
  return emit(ctx, deviceId);
};

export const revokeDevice: CommandHandler<'device.revoke'> = ({ deviceId }, ctx) => {
  const device = existing(ctx, deviceId);
  if (device.status === 'pending' || device.status === 'approved') setDeviceStatus(ctx.db, deviceId, 'revoked', ctx.now);
  return emit(ctx, deviceId);
};

export const renameDevice: CommandHandler<'device.rename'> = ({ deviceId, name }, ctx) => {
  existing(ctx, deviceId);
  ctx.db.prepare('UPDATE device SET name = ? WHERE id = ?').run(name, deviceId);
  return emit(ctx, deviceId);
};

export const assignDevice: CommandHandler<'device.assign'> = ({ deviceId, role, tableNo }, ctx) => {
  existing(ctx, deviceId);
  if (needsTable(role) && tableNo === null) throw new PuntariError('device.tableRequired', { deviceId });
  ctx.db
    .prepare('UPDATE device SET role = ?, table_no = ? WHERE id = ?')
    .run(role, needsTable(role) ? tableNo : null, deviceId);
  return emit(ctx, deviceId);
};

export const devicesTopic: TopicReader<'devices'> = ({ db, isConnected }) =>
  (db.prepare('SELECT * FROM device ORDER BY requested_at').all() as DeviceRow[]).map((row) => ({
    key: row.id,
    value: toDevice(row, isConnected),
    scope: null,
  }));

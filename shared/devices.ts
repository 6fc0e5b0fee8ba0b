import { z } from 'zod';
import { DEVICE_ROLES, type DeviceRole } from './roles.js';

export const DEVICE_STATUSES = ['pending', 'approved', 'rejected', 'revoked', 'ended'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** A paired laptop, as the facilitator's room screen sees it. */
export interface Device {
  id: string;
  name: string;
  role: DeviceRole;
  tableNo: number | null;
  status: DeviceStatus;
  requestedAt: string;
  lastSeenAt: string | null;
  connected: boolean;
}

export const deviceName = z.string().trim().min(1).max(60);
export const tableNo = z.number().int().min(1).max(200);

export const PairRequestSchema = z
  .object({
    pairingCode: z.string().min(4).max(16),
    role: z.enum(DEVICE_ROLES),
    tableNo: tableNo.nullable(),
    name: deviceName,
  })
  .refine((r) => r.role !== 'secretary' || r.tableNo !== null, { path: ['tableNo'], message: 'required' });
export type PairRequest = z.infer<typeof PairRequestSchema>;

const id = z.string().min(1).max(64);

export const deviceCommands = {
  'device.approve': { input: z.object({ deviceId: id }), roles: ['facilitator', 'cofacilitator'] },
  'device.reject': { input: z.object({ deviceId: id }), roles: ['facilitator', 'cofacilitator'] },
  'device.revoke': { input: z.object({ deviceId: id }), roles: ['facilitator', 'cofacilitator'] },
  'device.rename': { input: z.object({ deviceId: id, name: deviceName }), roles: ['facilitator', 'cofacilitator'] },
  'device.assign': {
    input: z.object({ deviceId: id, role: z.enum(DEVICE_ROLES), tableNo: tableNo.nullable() }),
    roles: ['facilitator'],
  },
} as const;

export function needsTable(role: DeviceRole): boolean {
  return role === 'secretary';
}

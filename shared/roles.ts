/** Who a connected screen is. The hub checks every command against the sender's role. */
export const DEVICE_ROLES = ['cofacilitator', 'secretary', 'projector', 'checkin'] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

/** `facilitator`: the host's own windows on loopback. `viewer`: a read-only view opened with the view code. */
export type Role = 'facilitator' | DeviceRole | 'viewer';

export interface Principal {
  role: Role;
  /** Paired device id; null for the facilitator's own windows and for viewers. */
  deviceId: string | null;
  deviceName: string;
  /** The table a secretary records for. */
  tableNo: number | null;
}

export const MANAGERS: readonly Role[] = ['facilitator', 'cofacilitator'];
export const HOST_ONLY: readonly Role[] = ['facilitator'];

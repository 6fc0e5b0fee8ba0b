import { create } from 'zustand';
import type { CommandName } from '../../shared/protocol.js';
import type { WireError } from '../../shared/errors.js';
import type { HostStatus } from '../../shared/panel.js';
import type { Principal } from '../../shared/roles.js';

export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'ended';
export type EndReason = 'revoked' | 'rejected' | 'unauthenticated' | 'roomClosed' | 'panelClosed';

/** A queued command the hub refused. Screens show these until dismissed; nothing is dropped silently. */
export interface RejectedCommand {
  id: string;
  name: CommandName;
  error: WireError;
  at: number;
}

export interface ConnectionState {
  status: ConnectionStatus;
  principal: Principal | null;
  deviceStatus: 'pending' | 'approved' | null;
  /** The hub has no panel open (the facilitator sees the start screen). */
  noPanel: boolean;
  /** True once a snapshot arrived on the current socket (the topics are live). */
  synced: boolean;
  host: HostStatus | null;
  /** Commands in the outbox, not yet acknowledged by the hub. */
  waiting: number;
  rejected: RejectedCommand[];
  lastError: WireError | null;
  /**
   * Why the hub closed the socket on purpose. 'revoked', 'rejected' and 'unauthenticated' are
   * final (status 'ended'); 'roomClosed' and 'panelClosed' keep reconnecting and clear on success.
   */
  ended: EndReason | null;
  dismissRejected(id: string): void;
}

const initial = () => ({
  status: 'idle' as ConnectionStatus,
  principal: null,
  deviceStatus: null,
  noPanel: false,
  synced: false,
  host: null,
  waiting: 0,
  rejected: [] as RejectedCommand[],
  lastError: null,
  ended: null,
});

export const useConnection = create<ConnectionState>()((set) => ({
  ...initial(),
  dismissRejected: (id) => set((s) => ({ rejected: s.rejected.filter((r) => r.id !== id) })),
}));

export function resetConnection(): void {
  useConnection.setState(initial());
}

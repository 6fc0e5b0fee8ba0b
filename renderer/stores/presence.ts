import { create } from 'zustand';
import type { DevicePresence } from '../../shared/protocol.js';

/** What each paired device last said of itself (outbox size, round trip), for the room screens. */
export const usePresence = create<Record<string, DevicePresence>>(() => ({}));

export function updatePresence(presence: DevicePresence): void {
  usePresence.setState({ [presence.deviceId]: presence });
}

export function resetPresence(): void {
  usePresence.setState(() => ({}), true);
}

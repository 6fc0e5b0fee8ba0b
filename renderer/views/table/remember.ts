/**
 * A table laptop reopened while the Wi-Fi is down cannot ask the hub who it is. It remembers
 * who it was (role, table, device name: no token, the session stays in its HttpOnly cookie) so
 * the secretary's screen comes back with its queued notes and keeps trying to reconnect; the hub
 * decides again when the connection returns. "End of day" forgets it.
 */
import type { Principal } from '../../../shared/roles.js';

const KEY = 'puntari.table';

export function rememberTable(principal: Principal): void {
  if (principal.role !== 'secretary') return;
  try {
    localStorage.setItem(KEY, JSON.stringify(principal));
  } catch {
    // storage disabled: the page simply needs the hub to reopen
  }
}

export function rememberedTable(): Principal | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Principal> | null;
    if (!value || value.role !== 'secretary' || typeof value.tableNo !== 'number' || typeof value.deviceName !== 'string') return null;
    return value as Principal;
  } catch {
    return null;
  }
}

export function forgetTable(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}

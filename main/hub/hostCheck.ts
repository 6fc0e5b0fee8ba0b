import { isIP } from 'node:net';

/**
 * DNS rebinding defence: a page may only reach the hub under an IP literal, localhost, or a
 * name the host was told about. A rebinding attack needs a hostname of the attacker's.
 */
export function hostnameOf(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(hostHeader.trim());
  if (!m) return null;
  return m[1]!.toLowerCase().replace(/^\[|\]$/g, '');
}

export function isAllowedHost(hostHeader: string | undefined, extraNames: readonly string[]): boolean {
  const name = hostnameOf(hostHeader);
  if (name === null) return false;
  return isIP(name) !== 0 || name === 'localhost' || extraNames.includes(name);
}

export function isLoopbackHostname(hostHeader: string | undefined): boolean {
  const name = hostnameOf(hostHeader);
  return name === 'localhost' || name === '::1' || (name !== null && /^127\.\d+\.\d+\.\d+$/.test(name));
}

/** Cross-site request and WebSocket hijacking defence: the Origin must be the page's own. */
export function isSameOrigin(origin: string | undefined, hostHeader: string | undefined): boolean {
  if (!origin || !hostHeader) return false;
  return origin === `http://${hostHeader}` || origin === `https://${hostHeader}`;
}

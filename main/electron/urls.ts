/**
 * Pure helpers of the Electron shell: the hub's origin, the routes the menus navigate to,
 * the projector's URL, and reading a panel path from the command line. No 'electron' import
 * here, so unit tests can load this file under plain Node.
 */

export type Language = 'fi' | 'sv' | 'en';
export const LANGUAGES: readonly Language[] = ['fi', 'sv', 'en'];

/** The origin of the hub's loopback listener, e.g. http://127.0.0.1:4700 */
export function hubOrigin(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/** True when `url` is on the hub's loopback origin (http or its WebSocket twin). */
export function isOnHubOrigin(url: string, port: number | null): boolean {
  if (port === null) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'ws:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return parsed.hostname === '127.0.0.1' && parsed.port === String(port);
}

/** External links the shell hands to the system browser: https only, no credentials. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** The hash route of the projector window; the hub adds its one-time code to it. */
export const PROJECTOR_ROUTE = '/projector';

/** Hash routes the menus send the focused facilitator window to. */
export type MenuAction =
  | { kind: 'newPanel' }
  | { kind: 'openPanel'; path?: string }
  | { kind: 'recentPanels' }
  | { kind: 'backups' }
  | { kind: 'export' }
  | { kind: 'language'; language: Language }
  | { kind: 'help' };

export function routeFor(action: MenuAction): string {
  switch (action.kind) {
    case 'newPanel':
      return '#/start?action=new';
    case 'openPanel':
      return action.path === undefined
        ? '#/start?action=open'
        : `#/start?action=open&path=${encodeURIComponent(action.path)}`;
    case 'recentPanels':
      return '#/start?action=recent';
    case 'backups':
      return '#/backups';
    case 'export':
      return '#/export';
    case 'language':
      return `#/settings?lang=${action.language}`;
    case 'help':
      return '#/help';
  }
}

export const PANEL_EXTENSION = '.puntari';

/**
 * The panel to open at start: `--panel FILE`, `--panel=FILE`, or a bare `*.puntari` argument
 * (what the OS passes when a panel file is double-clicked).
 */
export function panelPathFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === undefined) continue;
    if (arg === '--panel') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) return next;
    } else if (arg.startsWith('--panel=')) {
      const value = arg.slice('--panel='.length);
      if (value !== '') return value;
    }
  }
  for (const arg of argv.slice(1)) {
    if (!arg.startsWith('-') && arg.toLowerCase().endsWith(PANEL_EXTENSION)) return arg;
  }
  return undefined;
}

/** `--port N` or `--port=N` on the command line (npm start -- --port N). */
export function portFromArgv(argv: readonly string[]): number | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') value = argv[i + 1];
    else if (arg?.startsWith('--port=')) value = arg.slice('--port='.length);
  }
  if (value === undefined) return undefined;
  const port = Number(value);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : undefined;
}

export function languageFromLocales(locales: readonly string[]): Language {
  for (const locale of locales) {
    const base = locale.toLowerCase().split(/[-_]/)[0];
    if (base === 'fi' || base === 'sv' || base === 'en') return base;
  }
  return 'fi';
}

/**
 * Restart policy for the hub's utility process: a growing delay, and at most `max` restarts
 * within `windowMs`; past that the shell asks the user instead of looping.
 */
export class RestartPolicy {
  private readonly restarts: number[] = [];

  constructor(
    private readonly max = 3,
    private readonly windowMs = 60_000,
    private readonly delaysMs: readonly number[] = [500, 2_000, 5_000],
  ) {}

  /** Delay before the next restart, or null when the budget for this window is spent. */
  next(now: number): number | null {
    while (this.restarts.length > 0 && now - (this.restarts[0] ?? 0) > this.windowMs) this.restarts.shift();
    if (this.restarts.length >= this.max) return null;
    const delay = this.delaysMs[Math.min(this.restarts.length, this.delaysMs.length - 1)] ?? 1_000;
    this.restarts.push(now);
    return delay;
  }

  reset(): void {
    this.restarts.length = 0;
  }
}

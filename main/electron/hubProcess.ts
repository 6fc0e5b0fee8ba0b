/**
 * Runs the hub as an Electron utility process (dist/electron/hubEntry.cjs) and restarts it
 * when it dies unexpectedly: a growing delay, at most a few times a minute (RestartPolicy).
 */
import { EventEmitter } from 'node:events';
import { utilityProcess, type UtilityProcess } from 'electron';
import { RestartPolicy } from './urls.js';

export interface HubInfo {
  port: number;
  facilitatorUrl: string;
}

export interface HubProcessOptions {
  entry: string;
  home: string;
  /** Omitted: the hub takes 4700 or the next free port. */
  port?: number;
  panelPath?: string;
  staticDir?: string;
  /** Path of the SQLite module built for Electron's ABI (dev builds); packaged apps leave it unset. */
  sqliteBinding?: string;
}

type HubMessage =
  | { type: 'ready'; port: number; facilitatorUrl: string }
  | { type: 'facilitatorUrl'; id: number; url: string }
  | { type: 'fatal'; message: string };

function asHubMessage(value: unknown): HubMessage | null {
  if (!value || typeof value !== 'object') return null;
  const m = value as Record<string, unknown>;
  if (m.type === 'ready' && typeof m.port === 'number' && typeof m.facilitatorUrl === 'string') {
    return { type: 'ready', port: m.port, facilitatorUrl: m.facilitatorUrl };
  }
  if (m.type === 'facilitatorUrl' && typeof m.id === 'number' && typeof m.url === 'string') {
    return { type: 'facilitatorUrl', id: m.id, url: m.url };
  }
  if (m.type === 'fatal' && typeof m.message === 'string') return { type: 'fatal', message: m.message };
  return null;
}

/**
 * Events: 'ready' (HubInfo) after every (re)start; 'restarting' (delayMs) when the process died
 * and a restart is scheduled; 'gaveUp' (lastError: string) when restarts are exhausted.
 */
export class HubProcess extends EventEmitter {
  private child: UtilityProcess | null = null;
  private info: HubInfo | null = null;
  private stopping = false;
  private nextId = 1;
  private lastError = '';
  private readonly pending = new Map<number, { resolve: (url: string) => void; reject: (e: Error) => void }>();
  private readonly policy = new RestartPolicy();
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: HubProcessOptions) {
    super();
  }

  get current(): HubInfo | null {
    return this.info;
  }

  /** Starts the process; resolves when the hub listens, rejects when it could not start. */
  start(): Promise<HubInfo> {
    this.stopping = false;
    return new Promise<HubInfo>((resolve, reject) => {
      const onReady = (info: HubInfo): void => {
        this.off('startFailed', onFailed);
        resolve(info);
      };
      const onFailed = (message: string): void => {
        this.off('ready', onReady);
        reject(new Error(message));
      };
      this.once('ready', onReady);
      this.once('startFailed', onFailed);
      this.spawn();
    });
  }

  /** A fresh one-time facilitator URL (each window needs its own), opening on `route` (e.g. '/projector'). */
  facilitatorUrl(route?: string): Promise<string> {
    const child = this.child;
    if (!child || !this.info) return Promise.reject(new Error('hub is not running'));
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error('hub did not answer'));
      }, 5_000);
      this.pending.set(id, {
        resolve: (url) => {
          clearTimeout(timer);
          resolve(url);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      child.postMessage({ type: 'facilitatorUrl', id, ...(route !== undefined ? { route } : {}) });
    });
  }

  /** Asks the hub to close (so the panel file is checkpointed and unlocked), then kills it. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve();
      }, 5_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.postMessage({ type: 'shutdown' });
    });
  }

  /** After the user chose "try again" once restarts were exhausted. */
  retry(): void {
    this.policy.reset();
    this.stopping = false;
    this.spawn();
  }

  private spawn(): void {
    const o = this.options;
    // A restart keeps the port the room's devices already use.
    const port = this.info?.port ?? o.port;
    const args = ['--home', o.home, ...(port !== undefined ? ['--port', String(port)] : [])];
    if (o.panelPath) args.push('--panel', o.panelPath);
    if (o.staticDir) args.push('--static', o.staticDir);
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
    if (o.sqliteBinding) env.PUNTARI_SQLITE_BINDING = o.sqliteBinding;
    env.PUNTARI_HOME = o.home;

    const child = utilityProcess.fork(o.entry, args, { serviceName: 'Puntari hub', env, stdio: 'inherit' });
    this.child = child;
    let ready = false;

    child.on('message', (raw: unknown) => {
      const message = asHubMessage(raw);
      if (!message) return;
      if (message.type === 'ready') {
        ready = true;
        this.info = { port: message.port, facilitatorUrl: message.facilitatorUrl };
        this.emit('ready', this.info);
      } else if (message.type === 'facilitatorUrl') {
        this.pending.get(message.id)?.resolve(message.url);
        this.pending.delete(message.id);
      } else {
        this.lastError = message.message;
      }
    });

    child.once('exit', (code: number) => {
      if (this.child === child) this.child = null;
      for (const p of this.pending.values()) p.reject(new Error('hub exited'));
      this.pending.clear();
      if (this.stopping) return;
      if (!ready && this.info === null) {
        // Never came up at all: nothing to restart into, report to whoever is starting.
        this.emit('startFailed', this.lastError || `hub exited with code ${code}`);
        return;
      }
      const delay = this.policy.next(Date.now());
      if (delay === null) {
        this.emit('gaveUp', this.lastError || `hub exited with code ${code}`);
        return;
      }
      this.emit('restarting', delay);
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        if (!this.stopping) this.spawn();
      }, delay);
    });
  }
}

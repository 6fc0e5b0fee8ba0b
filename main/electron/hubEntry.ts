/**
 * Entry of the hub's process. The Electron shell runs this file as a `utilityProcess`
 * (bundled to dist/electron/hubEntry.cjs); it must not import 'electron'. It starts the hub
 * and talks to the shell over `process.parentPort`:
 *
 *   hub → shell  { type: 'ready', port, facilitatorUrl }
 *                { type: 'facilitatorUrl', id, url }      answer to a request
 *                { type: 'fatal', message }               could not start; the process exits
 *   shell → hub  { type: 'facilitatorUrl', id, route? }   a fresh one-time facilitator URL, opening
 *                                                         on a hash route (e.g. '/projector')
 *                { type: 'shutdown' }                     close the hub and exit
 *
 * Run under plain Node (no parentPort) it prints the facilitator line like `puntari host`,
 * which is how the bundle is checked on machines without Electron.
 *
 * Arguments: --home DIR [--port N] [--panel FILE] [--static DIR]
 * Without --port the hub takes 4700 or the next free port after it; with --port (a restart
 * keeping its address) it falls back to that search when the port is taken.
 */
import { parseArgs } from 'node:util';
import { startHub } from '../hub/server.js';

interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

type Hub = Awaited<ReturnType<typeof startHub>>;

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;

function send(message: Record<string, unknown>): void {
  if (parentPort) parentPort.postMessage(message);
}

function readOptions(): { home: string; port?: number; panelPath?: string; staticDir?: string } {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      home: { type: 'string' },
      port: { type: 'string' },
      panel: { type: 'string' },
      static: { type: 'string' },
    },
    strict: false,
    allowPositionals: true,
  });
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const home = str(values.home) ?? process.env.PUNTARI_HOME;
  if (!home) throw new Error('hub entry: --home is required');
  const portArg = str(values.port);
  const port = portArg === undefined ? undefined : Number(portArg);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new Error(`hub entry: bad --port ${String(portArg)}`);
  }
  const panelPath = str(values.panel);
  const staticDir = str(values.static);
  return {
    home,
    ...(port !== undefined ? { port } : {}),
    ...(panelPath !== undefined ? { panelPath } : {}),
    ...(staticDir !== undefined ? { staticDir } : {}),
  };
}

function isAddressInUse(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'EADDRINUSE' || code === 'room.portInUse';
}

/** Routes the shell may ask a facilitator URL for: a hash path and query, nothing else. */
function safeRoute(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= 2048 && /^\/[A-Za-z0-9/_\-?=&%.~+]*$/.test(value) ? value : undefined;
}

async function main(): Promise<void> {
  const options = readOptions();
  const passphrase = process.env.PUNTARI_PASSPHRASE || undefined;
  const base = { ...options, ...(passphrase !== undefined ? { passphrase } : {}) };
  let hub: Hub;
  try {
    hub = await startHub(base);
  } catch (error) {
    // Another program holds the port we asked for again: let the hub search from 4700.
    if (!isAddressInUse(error) || options.port === undefined) throw error;
    const { port: _taken, ...rest } = base;
    hub = await startHub(rest);
  }

  let closing = false;
  const shutdown = async (code: number): Promise<void> => {
    if (closing) return;
    closing = true;
    try {
      await hub.close();
    } finally {
      process.exit(code);
    }
  };

  if (parentPort) {
    parentPort.on('message', (event) => {
      const message = event.data as { type?: unknown; id?: unknown; route?: unknown } | null;
      if (!message || typeof message !== 'object') return;
      if (message.type === 'facilitatorUrl') {
        send({ type: 'facilitatorUrl', id: message.id, url: hub.facilitatorUrl(safeRoute(message.route)) });
      } else if (message.type === 'shutdown') {
        void shutdown(0);
      }
    });
    send({ type: 'ready', port: hub.port, facilitatorUrl: hub.facilitatorUrl() });
  } else {
    process.stdout.write(`Puntari facilitator: ${hub.facilitatorUrl()}\n`);
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  send({ type: 'fatal', message });
  process.stderr.write(`Puntari hub failed to start: ${message}\n`);
  // Let the message reach the shell before the process goes away.
  setTimeout(() => process.exit(1), 100);
});

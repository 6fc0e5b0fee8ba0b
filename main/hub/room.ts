import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { PuntariError } from '../../shared/errors.js';

/** Addresses the room listens on when none are given: every non-internal IPv4 address. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

/**
 * The room's network listener. It hands requests and upgrades to the hub's own server, and
 * remembers its sockets so the hub can tell a LAN request from a loopback one and end them all.
 */
export class RoomListener {
  private servers: Server[] = [];
  private readonly sockets = new Set<Socket>();
  readonly lanSockets = new WeakSet<Socket>();

  async open(addresses: string[], port: number, target: Server): Promise<void> {
    for (const address of addresses) {
      const server = createServer();
      server.on('connection', (socket) => {
        this.sockets.add(socket);
        this.lanSockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
      });
      server.on('request', (req, res) => target.emit('request', req, res));
      server.on('upgrade', (req, socket, head) => target.emit('upgrade', req, socket, head));
      await new Promise<void>((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) => {
          reject(error.code === 'EADDRINUSE' ? new PuntariError('room.portInUse', { port, address }) : new PuntariError('room.noNetwork', { address }));
        });
        server.listen(port, address, () => resolve());
      }).catch(async (error) => {
        await this.close();
        throw error;
      });
      this.servers.push(server);
    }
  }

  isLan(socket: Socket): boolean {
    return this.lanSockets.has(socket);
  }

  async close(): Promise<void> {
    const servers = this.servers;
    this.servers = [];
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

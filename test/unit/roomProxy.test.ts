import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLoopback, startRoomProxy, type RoomProxy } from '../support/roomProxy.js';

/** A target that echoes and lets the test reach its side of each connection. */
interface Target {
  port: number;
  sockets: net.Socket[];
  received: Buffer[];
  close(): Promise<void>;
}

async function startTarget(echo = true): Promise<Target> {
  const sockets: net.Socket[] = [];
  const received: Buffer[] = [];
  const server = net.createServer((s) => {
    sockets.push(s);
    s.on('error', () => {});
    s.on('data', (b: Buffer) => {
      received.push(b);
      if (echo) s.write(b);
    });
  });
  await new Promise<void>((r) => server.listen({ host: '127.0.0.1', port: 0 }, r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    sockets,
    received,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

interface Client {
  socket: net.Socket;
  data: Buffer[];
  text(): string;
  closed: boolean;
  ended: boolean;
  error: NodeJS.ErrnoException | null;
  closedP: Promise<void>;
}

async function connect(port: number, host = '127.0.0.2'): Promise<Client> {
  const socket = net.connect({ host, port });
  const c: Client = {
    socket,
    data: [],
    text: () => Buffer.concat(c.data).toString(),
    closed: false,
    ended: false,
    error: null,
    closedP: new Promise((r) => socket.once('close', () => r())),
  };
  socket.on('data', (b: Buffer) => c.data.push(b));
  socket.on('end', () => (c.ended = true));
  socket.on('close', () => (c.closed = true));
  socket.on('error', (e) => (c.error = e));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return c;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(5);
  }
}

describe('room proxy', () => {
  let target: Target;
  let proxy: RoomProxy;

  beforeEach(async () => {
    target = await startTarget();
    proxy = await startRoomProxy({ listenHost: '127.0.0.2', targetHost: '127.0.0.1', targetPort: target.port });
  });
  afterEach(async () => {
    await proxy.close();
    await target.close();
  });

  it('refuses non-loopback addresses', async () => {
    expect(isLoopback('127.0.0.2')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('192.168.1.10')).toBe(false);
    expect(isLoopback('10.0.0.1')).toBe(false);
    await expect(startRoomProxy({ targetHost: '192.168.1.10', targetPort: 80 })).rejects.toThrow(/loopback/);
    await expect(startRoomProxy({ listenHost: '0.0.0.0', targetHost: '127.0.0.1', targetPort: 80 })).rejects.toThrow(
      /loopback/,
    );
  });

  it('forwards bytes both ways and counts connections', async () => {
    expect(proxy.host).toBe('127.0.0.2');
    expect(proxy.port).toBeGreaterThan(0);
    const c = await connect(proxy.port);
    c.socket.write('hello');
    await until(() => c.text() === 'hello');
    expect(proxy.connections).toBe(1);
    const big = Buffer.alloc(1 << 20, 7);
    c.socket.write(big);
    await until(() => Buffer.concat(c.data).length === 5 + big.length);
    c.socket.end();
    await c.closedP;
    await until(() => proxy.connections === 0);
  });

  it('cut() resets open connections and refuses new ones until restore()', async () => {
    const c = await connect(proxy.port);
    c.socket.write('a');
    await until(() => c.text() === 'a');
    await until(() => target.sockets.length === 1);
    const upstreamClosed = new Promise<void>((r) => target.sockets[0]!.once('close', () => r()));

    proxy.cut();
    expect(proxy.state).toBe('cut');
    await c.closedP;
    await upstreamClosed; // the hub's side sees the connection go too
    expect(proxy.connections).toBe(0);

    // a new connection is accepted by the kernel, then reset at once without reaching the target
    const late = net.connect({ host: '127.0.0.2', port: proxy.port });
    late.on('error', () => {});
    await new Promise<void>((r) => late.once('close', () => r()));
    expect(target.sockets.length).toBe(1);

    proxy.restore();
    const again = await connect(proxy.port);
    again.socket.write('back');
    await until(() => again.text() === 'back');
    again.socket.destroy();
  });

  it('blackhole() keeps sockets open but delivers nothing either way, without FIN or RST', async () => {
    const c = await connect(proxy.port);
    c.socket.write('before');
    await until(() => c.text() === 'before');
    await until(() => target.sockets.length === 1);
    const hubSide = target.sockets[0]!;
    const receivedBefore = target.received.length;

    proxy.blackhole();
    expect(proxy.state).toBe('blackhole');
    c.socket.write('lost-up');
    hubSide.write('lost-down');
    await sleep(200);
    expect(target.received.length).toBe(receivedBefore);
    expect(c.text()).toBe('before');
    expect(c.closed).toBe(false);
    expect(c.ended).toBe(false);
    expect(hubSide.destroyed).toBe(false);
    expect(proxy.connections).toBe(1);

    // the hub gives up on the half-open socket: the client is not told while the hole is open
    hubSide.destroy();
    await sleep(100);
    expect(c.closed).toBe(false);
    expect(c.ended).toBe(false);

    // a new connection during the blackhole is accepted but never reaches the hub
    const late = await connect(proxy.port);
    late.socket.write('knock');
    await sleep(100);
    expect(target.sockets.length).toBe(1);
    expect(late.closed).toBe(false);

    // the network comes back: the client whose peer went away learns it now (the held FIN),
    // and the connection made during the blackhole is reset so its client retries
    proxy.restore();
    await c.closedP;
    await late.closedP;
    await until(() => proxy.connections === 0);

    const fresh = await connect(proxy.port);
    fresh.socket.write('fresh');
    await until(() => fresh.text() === 'fresh');
    fresh.socket.destroy();
  });

  it('after restore() from a drop blackhole, an intact connection carries new bytes', async () => {
    const c = await connect(proxy.port);
    c.socket.write('1');
    await until(() => c.text() === '1');
    proxy.blackhole();
    c.socket.write('2');
    await sleep(100);
    proxy.restore();
    c.socket.write('3');
    await until(() => c.text() === '13');
    expect(c.closed).toBe(false);
    c.socket.destroy();
  });

  it("blackhole({ mode: 'hold' }) delivers the held bytes on restore, like TCP retransmission", async () => {
    const c = await connect(proxy.port);
    c.socket.write('1');
    await until(() => c.text() === '1');
    proxy.blackhole({ mode: 'hold' });
    c.socket.write('2');
    await sleep(100);
    expect(c.text()).toBe('1');
    const late = await connect(proxy.port);
    late.socket.write('L');
    await sleep(50);
    expect(target.sockets.length).toBe(1);

    proxy.restore();
    await until(() => c.text() === '12');
    await until(() => late.text() === 'L');
    expect(target.sockets.length).toBe(2);
    c.socket.destroy();
    late.socket.destroy();
  });

  it('close() ends every connection and stops listening', async () => {
    const c = await connect(proxy.port);
    c.socket.write('x');
    await until(() => c.text() === 'x');
    await proxy.close();
    await c.closedP;
    await expect(connect(proxy.port)).rejects.toThrow();
    await proxy.close(); // a second close is harmless (afterEach closes again)
  });
});

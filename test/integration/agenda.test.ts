import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../shared/agenda.js';
import type { ClockState } from '../../shared/clock.js';
import { remainingMs } from '../../shared/clock.js';
import { uuidv7 } from '../../shared/ids.js';
import type { HubMessage } from '../../shared/protocol.js';
import { writeDemoPanel } from '../../main/features/demo/demoPanel.js';
import { startHub, type RunningHub } from '../../main/hub/server.js';
import { facilitatorCookie, Peer } from './hubClient.js';

let dir: string;
let panelPath: string;
let running: RunningHub;

async function facilitator(): Promise<Peer> {
  const { origin, cookie } = await facilitatorCookie(running.facilitatorUrl());
  const peer = await Peer.connect(origin, cookie);
  peer.send({ t: 'hello', epoch: null, seq: null });
  await peer.next('snapshot');
  return peer;
}

async function cmd(peer: Peer, name: string, input: unknown): Promise<Extract<HubMessage, { t: 'ack' | 'reject' }>> {
  const id = uuidv7();
  peer.send({ t: 'cmd', id, name, input });
  return Promise.race([peer.next('ack', (m) => m.id === id), peer.next('reject', (m) => m.id === id)]);
}

function clock(): ClockState {
  return running.hub.session!.snapshot({ role: 'facilitator', deviceId: null, deviceName: 'f', tableNo: null }).data.clock!.clock!;
}

function order(): AgendaItem[] {
  const data = running.hub.session!.snapshot({ role: 'facilitator', deviceId: null, deviceName: 'f', tableNo: null }).data;
  const days = Object.values(data.agendaDays!).sort((a, b) => a.position - b.position);
  return days.flatMap((d) => Object.values(data.agendaItems!).filter((i) => i.dayId === d.id).sort((a, b) => a.position - b.position));
}

/** The programme from the given item on (the demo's clock stands ready at day 2's first item). */
function following(itemId: string | null): AgendaItem[] {
  const all = order();
  return all.slice(Math.max(0, all.findIndex((i) => i.id === itemId)));
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puntari-agenda-'));
  panelPath = join(dir, 'demo.puntari');
  writeDemoPanel(panelPath);
  running = await startHub({ port: 0, home: join(dir, 'home'), panelPath });
});

afterEach(async () => {
  await running.close();
});

describe('the programme and the clock', () => {
  it('runs the programme: start, pause, extend, next, with planned-versus-actual kept', async () => {
    const f = await facilitator();
    const [first, second] = following(clock().itemId);
    expect((await cmd(f, 'clock.start', {})).t).toBe('ack');
    expect(clock()).toMatchObject({ itemId: first!.id, pausedAt: null });
    await cmd(f, 'clock.pause', {});
    await cmd(f, 'clock.adjust', { deltaSeconds: 300 });
    const c = clock();
    expect(remainingMs(c, first!.plannedMinutes, Date.now())).toBeGreaterThan((first!.plannedMinutes + 4.9) * 60_000);
    await cmd(f, 'clock.resume', {});
    const next = await cmd(f, 'clock.next', { fromItemId: first!.id });
    expect(next.t).toBe('ack');
    expect(clock()).toMatchObject({ itemId: second!.id, addedMs: 0 });
    const runs = running.hub.session!.db
      .prepare('SELECT item_id, ended_at IS NOT NULL AS ended, added_ms FROM item_run WHERE item_id IN (?, ?) ORDER BY rowid')
      .all(first!.id, second!.id);
    expect(runs).toEqual([
      { item_id: first!.id, ended: 1, added_ms: 300_000 },
      { item_id: second!.id, ended: 0, added_ms: 0 },
    ]);
  });

  it('moves one step when two windows press next at once, and tells the second', async () => {
    const a = await facilitator();
    const b = await facilitator();
    const [first, second] = following(clock().itemId);
    await cmd(a, 'clock.start', {});
    const [ra, rb] = await Promise.all([cmd(a, 'clock.next', { fromItemId: first!.id }), cmd(b, 'clock.next', { fromItemId: first!.id })]);
    const results = [ra, rb].map((r) => r.t).sort();
    expect(results).toEqual(['ack', 'reject']);
    const rejected = [ra, rb].find((r) => r.t === 'reject') as Extract<HubMessage, { t: 'reject' }>;
    expect(rejected.error).toEqual({ code: 'clock.stale', params: { current: second!.title } });
    expect(clock().itemId).toBe(second!.id);
  });

  it('refuses zero, negative and absurd durations, overlapping days and deleting the running item', async () => {
    const f = await facilitator();
    const [first] = following(clock().itemId);
    const day = Object.values(running.hub.session!.snapshot({ role: 'facilitator', deviceId: null, deviceName: 'f', tableNo: null }).data.agendaDays!)[0]!;
    for (const plannedMinutes of [0, -5, 100000, 1.5]) {
      const r = await cmd(f, 'agenda.updateItem', { itemId: first!.id, plannedMinutes });
      expect(r).toMatchObject({ t: 'reject', error: { code: 'protocol.badField', params: { field: 'plannedMinutes' } } });
    }
    const clash = await cmd(f, 'agenda.addDay', { date: day.date, startsAt: '09:00', title: 'Toinen' });
    expect(clash).toMatchObject({ t: 'reject', error: { code: 'agenda.dayOverlaps', params: { date: day.date } } });
    await cmd(f, 'clock.start', {});
    const del = await cmd(f, 'agenda.removeItem', { itemId: first!.id });
    expect(del).toMatchObject({ t: 'reject', error: { code: 'agenda.itemRunning' } });
    expect(order().some((i) => i.id === first!.id)).toBe(true);
    const zero = await cmd(f, 'clock.adjust', { deltaSeconds: 0 });
    expect(zero).toMatchObject({ t: 'reject', error: { code: 'protocol.badField' } });
  });

  it('reorders and edits the running programme consistently', async () => {
    const f = await facilitator();
    const dayId = order()[0]!.dayId;
    const day1 = order().filter((i) => i.dayId === dayId);
    await cmd(f, 'agenda.moveItem', { itemId: day1[0]!.id, dayId, position: 2 });
    const after = order();
    expect(after.slice(0, 3).map((i) => i.id)).toEqual([day1[1]!.id, day1[2]!.id, day1[0]!.id]);
    const positions = after.filter((i) => i.dayId === dayId).map((i) => i.position);
    expect(positions).toEqual(positions.map((_, i) => i));
    await cmd(f, 'clock.start', {});
    await cmd(f, 'agenda.updateItem', { itemId: after[0]!.id, plannedMinutes: 45 });
    expect(remainingMs(clock(), 45, Date.now())).toBeGreaterThan(44 * 60_000);
  });

  it('starts a new programme from a template in the chosen language', async () => {
    const f = await facilitator();
    const r = await cmd(f, 'agenda.applyTemplate', { template: 'residentEvening', firstDate: '2027-02-10', language: 'sv' });
    expect(r.t).toBe('ack');
    const dayIds = (r as Extract<HubMessage, { t: 'ack' }>).result as { dayIds: string[] };
    const data = running.hub.session!.snapshot({ role: 'facilitator', deviceId: null, deviceName: 'f', tableNo: null }).data;
    const evening = data.agendaDays![dayIds.dayIds[0]!]!;
    expect(evening).toMatchObject({ date: '2027-02-10', startsAt: '17:30', title: 'Invånarkväll' });
    expect(Object.values(data.agendaItems!).filter((i) => i.dayId === evening.id)).toHaveLength(8);
  });

  it('keeps the running clock across a hub restart', async () => {
    const f = await facilitator();
    await cmd(f, 'clock.start', {});
    const before = clock();
    await running.close();
    running = await startHub({ port: 0, home: join(dir, 'home'), panelPath });
    expect(clock()).toEqual(before);
  });
});

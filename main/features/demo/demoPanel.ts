import { rmSync } from 'node:fs';
import { createPanelFile } from '../../store/panelFile.js';
import type { Db } from '../../store/sqlite.js';
import { fillDemoStatement } from '../statement/demoStatement.js';
import { fillDemoVote } from '../votes/demoVote.js';
import { fillDemoSelection, writeDemoRecruitment } from '../selection/demoSelection.js';
import { recruitmentPath } from '../selection/recruitmentFile.js';
import {
  DEMO_DAYS,
  DEMO_EXPERTS,
  DEMO_FEATURES,
  DEMO_PANEL,
  DEMO_PEOPLE,
  DEMO_RECOMMENDATIONS,
  DEMO_ROUNDS,
  DEMO_STREETS,
  DEMO_TABLES,
  type DemoPerson,
} from './demoData.js';

/** A small seeded PRNG (mulberry32): the demo is the same, byte for byte in its rows, every time. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  const item = list[Math.floor(rand() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function int(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

function shuffle<T>(rand: () => number, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const participantId = (index: number) => `p-${pad(index + 1)}`;

function emailLocal(person: DemoPerson): string {
  const ascii = (s: string) =>
    s
      .toLowerCase()
      .replace(/[äå]/g, 'a')
      .replace(/ö/g, 'o')
      .replace(/[^a-z-]/g, '');
  return `${ascii(person.first)}.${ascii(person.last)}`;
}

interface Seated {
  id: string;
  person: DemoPerson;
}

/**
 * Seats every confirmed participant in both rounds. Speakers of a table language other than
 * Finnish sit at that language's table. The Finnish speakers fill the Finnish tables as a
 * grid: seat i sits at table floor(i / capacity) in the first round and at i mod tables in the
 * second, so no more pairs meet twice than the table sizes force. Those who need the accessible
 * table get the seats that map to it in both rounds.
 */
function planSeating(people: Seated[], rand: () => number): Map<string, [number, number]> {
  const result = new Map<string, [number, number]>();
  const fiTables = DEMO_TABLES.filter((t) => t.language === 'fi').sort(
    (a, b) => Number(b.accessible) - Number(a.accessible) || a.no - b.no,
  );
  const capacity = fiTables[0]!.capacity;
  const tableCount = fiTables.length;

  for (const seated of people.filter((s) => s.person.language !== 'fi')) {
    const table = DEMO_TABLES.find((t) => t.language === seated.person.language);
    if (!table) throw new Error(`no table for language ${seated.person.language}`);
    result.set(seated.id, [table.no, table.no]);
  }

  const fi = people.filter((s) => s.person.language === 'fi');
  if (fi.length > capacity * tableCount) throw new Error('the demo has more Finnish speakers than seats');
  const pinned = fi.filter((s) => s.person.needsAccessibleTable);
  // Seats of the accessible table (grid row 0) that stay at table 0 in the second round.
  const pinnedSeats = Array.from({ length: capacity }, (_, c) => c).filter((c) => c % tableCount === 0);
  if (pinned.length > pinnedSeats.length) throw new Error('too many participants need the accessible table');

  // Try some deals and seat orders; keep the one whose tables mix backgrounds best in both rounds.
  const others = fi.filter((s) => !s.person.needsAccessibleTable);
  const free = fiTables.map((_, t) => capacity - (t === 0 ? pinned.length : 0));
  const mix = (group: DemoPerson[]) =>
    new Set(group.map((g) => g.municipality)).size +
    new Set(group.map((g) => g.ageGroup)).size +
    new Set(group.map((g) => g.education)).size +
    Math.min(...['nainen', 'mies'].map((gender) => group.filter((g) => g.gender === gender).length));
  let best: { score: number; grid: (Seated | null)[] } | null = null;
  for (let attempt = 0; attempt < 400; attempt++) {
    const rows: Seated[][] = fiTables.map(() => []);
    let cursor = 1 % tableCount;
    for (const seated of shuffle(rand, others)) {
      while (rows[cursor]!.length >= free[cursor]!) cursor = (cursor + 1) % tableCount;
      rows[cursor]!.push(seated);
      cursor = (cursor + 1) % tableCount;
    }
    const grid: (Seated | null)[] = new Array<Seated | null>(capacity * tableCount).fill(null);
    const pinnedUsed = pinnedSeats.slice(0, pinned.length);
    pinned.forEach((s, k) => (grid[pinnedUsed[k]!] = s));
    rows.forEach((row, t) => {
      const seats = Array.from({ length: capacity }, (_, c) => c).filter((c) => t !== 0 || !pinnedUsed.includes(c));
      row.forEach((s, k) => (grid[t * capacity + seats[k]!] = s));
    });
    const first = fiTables.map(() => [] as DemoPerson[]);
    const second = fiTables.map(() => [] as DemoPerson[]);
    grid.forEach((s, i) => {
      if (!s) return;
      first[Math.floor(i / capacity)]!.push(s.person);
      second[i % tableCount]!.push(s.person);
    });
    // The least mixed table counts most: no table should be all young or all from one town.
    const tables = [...first, ...second].map(mix);
    const score = Math.min(...tables) * 100 + tables.reduce((a, b) => a + b, 0);
    if (!best || score > best.score) best = { score, grid };
  }
  best!.grid.forEach((s, i) => {
    if (!s) return;
    result.set(s.id, [fiTables[Math.floor(i / capacity)]!.no, fiTables[i % tableCount]!.no]);
  });
  return result;
}

function fill(db: Db): void {
  const rand = mulberry32(20261114);

  db.prepare(
    `UPDATE panel SET name = ?, mandate = ?, organiser = ?, area = ?, municipalities = ?, languages = ?,
       starts_on = ?, ends_on = ?, venue = ?, record_number = ?, updated_at = ? WHERE id = 1`,
  ).run(
    DEMO_PANEL.name,
    DEMO_PANEL.mandate,
    DEMO_PANEL.organiser,
    DEMO_PANEL.area,
    JSON.stringify(DEMO_PANEL.municipalities),
    JSON.stringify(DEMO_PANEL.languages),
    DEMO_PANEL.startsOn,
    DEMO_PANEL.endsOn,
    DEMO_PANEL.venue,
    DEMO_PANEL.recordNumber,
    DEMO_PANEL.updatedAt,
  );

  const insFeature = db.prepare('INSERT INTO background_feature (key, label, position) VALUES (?, ?, ?)');
  const insValue = db.prepare(
    'INSERT INTO background_value (feature_key, value, label, position, population_share) VALUES (?, ?, ?, ?, ?)',
  );
  DEMO_FEATURES.forEach((feature, f) => {
    insFeature.run(feature.key, feature.label, f + 1);
    feature.values.forEach((v, i) => insValue.run(feature.key, v.value, v.label, i + 1, v.share));
  });

  const insParticipant = db.prepare(
    'INSERT INTO participant (id, display_name, language, status, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insPersonal = db.prepare(
    `INSERT INTO participant_personal
       (participant_id, full_name, email, phone, address, postcode, accessibility_needs, dietary_needs)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insPFeature = db.prepare('INSERT INTO participant_feature (participant_id, feature_key, value) VALUES (?, ?, ?)');
  const people: Seated[] = DEMO_PEOPLE.map((person, i) => ({ id: participantId(i), person }));
  for (const [i, { id, person }] of people.entries()) {
    // Recruited in October; the last one replaced a participant who could not come.
    const created =
      i === people.length - 1
        ? new Date(Date.UTC(2026, 10, 3, 11, 20, 0))
        : new Date(Date.UTC(2026, 9, 1 + Math.floor(i / 3), int(rand, 6, 14), int(rand, 0, 59), 0));
    insParticipant.run(id, `${person.first} ${person.last[0]}.`, person.language, person.status, created.toISOString());

    const place = DEMO_STREETS[person.municipality];
    const [postcode, town] = pick(rand, place.postcodes);
    const house = int(rand, 1, 48);
    const flat = rand() < 0.55 ? ` ${pick(rand, ['A', 'B', 'C', 'D'])} ${int(rand, 1, 24)}` : '';
    const phone = `+358 40 ${pad(int(rand, 100, 999), 3)} ${pad(int(rand, 0, 9999), 4)}`;
    insPersonal.run(
      id,
      `${person.first} ${person.last}`,
      `${emailLocal(person)}@example.fi`,
      phone,
      `${pick(rand, place.streets)} ${house}${flat}, ${town}`,
      postcode,
      person.accessibility ?? '',
      person.dietary ?? '',
    );
    insPFeature.run(id, 'municipality', person.municipality);
    insPFeature.run(id, 'ageGroup', person.ageGroup);
    insPFeature.run(id, 'gender', person.gender);
    insPFeature.run(id, 'education', person.education);
  }

  const insTable = db.prepare('INSERT INTO panel_table (no, name, capacity, language, accessible) VALUES (?, ?, ?, ?, ?)');
  for (const t of DEMO_TABLES) insTable.run(t.no, t.name, t.capacity, t.language, t.accessible ? 1 : 0);
  const insRound = db.prepare('INSERT INTO seating_round (id, name, position) VALUES (?, ?, ?)');
  for (const r of DEMO_ROUNDS) insRound.run(r.id, r.name, r.position);

  const confirmed = people.filter((s) => s.person.status === 'confirmed');
  const seating = planSeating(confirmed, rand);
  const insSeat = db.prepare('INSERT INTO seat (round_id, participant_id, table_no) VALUES (?, ?, ?)');
  for (const { id } of confirmed) {
    const [first, second] = seating.get(id)!;
    insSeat.run(DEMO_ROUNDS[0].id, id, first);
    insSeat.run(DEMO_ROUNDS[1].id, id, second);
  }

  const insExpert = db.prepare('INSERT INTO expert (id, name, title, organisation, topic) VALUES (?, ?, ?, ?, ?)');
  for (const e of DEMO_EXPERTS) insExpert.run(e.id, e.name, e.title, e.organisation, e.topic);

  const insDay = db.prepare('INSERT INTO agenda_day (id, date, starts_at, title, position) VALUES (?, ?, ?, ?, ?)');
  const insItem = db.prepare(
    `INSERT INTO agenda_item (id, day_id, position, kind, title, planned_minutes, question, facilitator_notes, seating_round_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insItemExpert = db.prepare('INSERT INTO agenda_item_expert (item_id, expert_id) VALUES (?, ?)');
  DEMO_DAYS.forEach((day, d) => {
    insDay.run(day.id, day.date, day.startsAt, day.title, d + 1);
    day.items.forEach((item, i) => {
      const id = `item-${d + 1}-${pad(i + 1)}`;
      insItem.run(id, day.id, i + 1, item.kind, item.title, item.minutes, item.question ?? '', item.notes ?? '', item.round ?? null);
      for (const expert of item.experts ?? []) insItemExpert.run(id, expert);
    });
  });

  // Day 1 check-in: every confirmed participant arrived between 08:45 and 09:25 Finnish time (UTC+2 in November).
  const insAttendance = db.prepare('INSERT INTO attendance (day_id, participant_id, present_at) VALUES (?, ?, ?)');
  const doorsOpen = Date.UTC(2026, 10, 14, 6, 45, 0);
  for (const { id } of confirmed) {
    const at = new Date(doorsOpen + int(rand, 0, 40 * 60) * 1000);
    insAttendance.run(DEMO_DAYS[0]!.id, id, at.toISOString());
  }

  // Day 1 as it was actually run: the welcome two minutes over, an expert hearing extended,
  // a break cut short; the log the statement's process description is written from.
  const deviations = [2, 0, 3, 1, -3, 4, 0, -2, 2, 0, 1, 0, 0];
  const insRun = db.prepare(
    `INSERT INTO item_run (id, item_id, day_id, title, planned_minutes, started_at, ended_at, paused_ms, added_ms, skipped)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
  );
  const day1 = DEMO_DAYS[0]!;
  let at = Date.UTC(2026, 10, 14, 7, 31, 0);
  day1.items.forEach((item, i) => {
    const deviation = deviations[i % deviations.length]!;
    const pausedMs = i === 5 ? 3 * 60_000 : 0;
    const addedMs = deviation > 2 ? deviation * 60_000 : 0;
    const ended = at + (item.minutes + deviation) * 60_000 + pausedMs;
    insRun.run(`run-1-${pad(i + 1)}`, `item-1-${pad(i + 1)}`, day1.id, item.title, item.minutes, at, ended, pausedMs, addedMs);
    at = ended;
  });
  // The second day is ready to begin on the facilitator's clock.
  db.prepare("UPDATE clock SET item_id = 'item-2-01' WHERE id = 1").run();

  const insRecommendation = db.prepare(
    'INSERT INTO draft_recommendation (id, title, text, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  DEMO_RECOMMENDATIONS.forEach((r, i) => {
    const created = new Date(Date.UTC(2026, 10, 16, 8, 10 + i * 7, 0)).toISOString();
    const updated = new Date(Date.UTC(2026, 10, 18, 13, 5 + i * 4, 0)).toISOString();
    insRecommendation.run(`rec-${i + 1}`, r.title, r.text, i + 1, created, updated);
  });

  // Day 2's check-in and the closed vote on the draft recommendations, with its results.
  fillDemoVote(db);

  // The draft statement built from them, with a saved version and part of it in Swedish.
  fillDemoStatement(db);

  // How the panel was chosen: 212 sign-ups, quotas, the LEXIMIN lottery and the public draw.
  fillDemoSelection(db);
}

/**
 * Writes the demo panel, a fictional resident panel of the Keski-Uudenmaan hyvinvointialue,
 * to a new panel file. Everything is written in one transaction; if it fails, no file is left.
 */
export function writeDemoPanel(path: string, passphrase?: string): void {
  const panel = createPanelFile(path, DEMO_PANEL.name, passphrase);
  try {
    panel.db.transaction(() => fill(panel.db))();
    // The sign-ups' personal data, in the recruitment file next to the panel.
    writeDemoRecruitment(panel.db, path, passphrase);
  } catch (error) {
    panel.close();
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
    rmSync(recruitmentPath(path), { force: true });
    throw error;
  }
  panel.close();
}

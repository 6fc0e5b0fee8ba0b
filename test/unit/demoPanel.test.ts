import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDemoPanel } from '../../main/features/demo/demoPanel.js';
import { openPanelFile } from '../../main/store/panelFile.js';
import type { Db } from '../../main/store/sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'puntari-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TABLES = [
  'panel',
  'background_feature',
  'background_value',
  'participant',
  'participant_personal',
  'participant_feature',
  'panel_table',
  'seating_round',
  'seat',
  'expert',
  'agenda_day',
  'agenda_item',
  'agenda_item_expert',
  'attendance',
  'draft_recommendation',
];

function dump(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const columns = (db.pragma(`table_info(${table})`) as { cid: number }[]).map((c) => c.cid + 1);
    out[table] = db.prepare(`SELECT * FROM ${table} ORDER BY ${columns.join(', ')}`).all();
  }
  return out;
}

function withDemo<T>(name: string, read: (db: Db) => T, passphrase?: string): T {
  const path = join(dir, `${name}.puntari`);
  writeDemoPanel(path, passphrase);
  const panel = openPanelFile(path, passphrase);
  try {
    return read(panel.db);
  } finally {
    panel.close();
  }
}

const count = (db: Db, sql: string, ...params: unknown[]) =>
  (db.prepare(sql).get(...params) as { n: number }).n;

describe('demo panel', () => {
  it('is a complete, consistent panel', () => {
    withDemo('demo', (db) => {
      expect(db.pragma('foreign_key_check')).toEqual([]);

      const panel = db.prepare('SELECT * FROM panel WHERE id = 1').get() as Record<string, string>;
      const municipalities = JSON.parse(panel.municipalities!) as string[];
      expect(municipalities).toHaveLength(6);
      expect(municipalities).toEqual(['Hyvinkää', 'Järvenpää', 'Kerava', 'Mäntsälä', 'Nurmijärvi', 'Tuusula']);
      expect(JSON.parse(panel.languages!)).toEqual(['fi', 'sv']);
      expect(panel.name).toContain('Keski-Uudenmaan');
      expect(panel.mandate).not.toBe('');
      expect(panel.organiser).toBe('Keski-Uudenmaan hyvinvointialue');
      expect(panel.starts_on).toBe('2026-11-14');
      expect(panel.ends_on).toBe('2026-11-21');

      expect(count(db, 'SELECT count(*) AS n FROM participant')).toBe(40);
      const confirmed = count(db, "SELECT count(*) AS n FROM participant WHERE status = 'confirmed'");
      expect(confirmed).toBeGreaterThanOrEqual(38);
      const displayNames = db.prepare('SELECT display_name AS d FROM participant').pluck().all() as string[];
      expect(new Set(displayNames).size).toBe(40);
      for (const name of displayNames) expect(name).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\.$/u);

      // Every participant has personal data and all four background features.
      expect(
        count(db, 'SELECT count(*) AS n FROM participant p JOIN participant_personal pp ON pp.participant_id = p.id'),
      ).toBe(40);
      const features = db
        .prepare('SELECT participant_id, count(*) AS n FROM participant_feature GROUP BY participant_id')
        .all() as { participant_id: string; n: number }[];
      expect(features).toHaveLength(40);
      for (const f of features) expect(f.n).toBe(4);
      expect(db.prepare('SELECT key FROM background_feature ORDER BY position').pluck().all()).toEqual([
        'municipality',
        'ageGroup',
        'gender',
        'education',
      ]);
      const shares = db
        .prepare('SELECT feature_key AS k, sum(population_share) AS s FROM background_value GROUP BY feature_key')
        .all() as { k: string; s: number }[];
      for (const s of shares) expect(s.s).toBeCloseTo(1, 2);
      for (const email of db.prepare('SELECT email FROM participant_personal').pluck().all() as string[]) {
        expect(email).toMatch(/^[a-z-]+\.[a-z-]+@example\.fi$/);
      }

      expect(count(db, 'SELECT count(*) AS n FROM panel_table')).toBe(6);
      expect(count(db, 'SELECT count(*) AS n FROM panel_table WHERE accessible = 1')).toBe(1);
      expect(count(db, 'SELECT count(*) AS n FROM expert')).toBe(3);
      expect(count(db, 'SELECT count(*) AS n FROM agenda_day')).toBe(2);
      expect(count(db, 'SELECT count(*) AS n FROM draft_recommendation')).toBeGreaterThanOrEqual(4);

      // Seating: every confirmed participant once per round, nobody else seated.
      const rounds = db.prepare('SELECT id FROM seating_round ORDER BY position').pluck().all() as string[];
      expect(rounds).toHaveLength(2);
      for (const round of rounds) {
        expect(
          count(
            db,
            `SELECT count(*) AS n FROM participant p JOIN seat s ON s.participant_id = p.id AND s.round_id = ?
             WHERE p.status = 'confirmed'`,
            round,
          ),
        ).toBe(confirmed);
        expect(count(db, 'SELECT count(*) AS n FROM seat WHERE round_id = ?', round)).toBe(confirmed);
      }
      const overCapacity = db
        .prepare(
          `SELECT s.round_id, s.table_no, count(*) AS n, t.capacity FROM seat s JOIN panel_table t ON t.no = s.table_no
           GROUP BY s.round_id, s.table_no HAVING count(*) > t.capacity`,
        )
        .all();
      expect(overCapacity).toEqual([]);
      // A table in a language seats only its speakers.
      expect(
        count(
          db,
          `SELECT count(*) AS n FROM seat s JOIN panel_table t ON t.no = s.table_no JOIN participant p ON p.id = s.participant_id
           WHERE t.language <> p.language`,
        ),
      ).toBe(0);
      expect(count(db, "SELECT count(*) AS n FROM panel_table WHERE language = 'sv'")).toBe(1);
      expect(count(db, "SELECT count(*) AS n FROM participant WHERE language = 'sv'")).toBeGreaterThanOrEqual(2);
      // Those with accessibility needs that call for it sit at the accessible table in both rounds.
      const leena = db
        .prepare(
          `SELECT t.accessible FROM seat s JOIN panel_table t ON t.no = s.table_no
           JOIN participant_personal pp ON pp.participant_id = s.participant_id WHERE pp.accessibility_needs LIKE '%pyörätuoli%'`,
        )
        .pluck()
        .all();
      expect(leena).toEqual([1, 1]);
      // The rounds mix people: few pairs share a table twice.
      const repeats = count(
        db,
        `SELECT count(*) AS n FROM seat a1 JOIN seat b1 ON a1.round_id = 'round-1' AND b1.round_id = 'round-1'
           AND a1.table_no = b1.table_no AND a1.participant_id < b1.participant_id
         JOIN seat a2 ON a2.round_id = 'round-2' AND a2.participant_id = a1.participant_id
         JOIN seat b2 ON b2.round_id = 'round-2' AND b2.participant_id = b1.participant_id AND b2.table_no = a2.table_no`,
      );
      expect(repeats).toBeLessThanOrEqual(15);

      // Agenda: about six and a half hours a day, experts linked, table discussions seated.
      const minutes = db
        .prepare('SELECT day_id AS d, sum(planned_minutes) AS m FROM agenda_item GROUP BY day_id ORDER BY day_id')
        .all() as { d: string; m: number }[];
      expect(minutes).toHaveLength(2);
      for (const m of minutes) {
        expect(m.m).toBeGreaterThanOrEqual(360);
        expect(m.m).toBeLessThanOrEqual(420);
      }
      expect(count(db, "SELECT count(*) AS n FROM agenda_item WHERE kind = 'vote' AND day_id = 'day-2'")).toBe(1);
      expect(
        count(db, "SELECT count(*) AS n FROM agenda_item WHERE kind = 'tableDiscussion' AND seating_round_id IS NULL"),
      ).toBe(0);
      expect(
        count(
          db,
          `SELECT count(*) AS n FROM agenda_item i WHERE i.kind IN ('expertHearing', 'expertQuestions')
           AND NOT EXISTS (SELECT 1 FROM agenda_item_expert e WHERE e.item_id = i.id)`,
        ),
      ).toBe(0);
      expect(count(db, 'SELECT count(DISTINCT expert_id) AS n FROM agenda_item_expert')).toBe(3);

      // Day 1 check-in: 38 present, between 08:45 and 09:25 Finnish time.
      const present = db.prepare("SELECT present_at FROM attendance WHERE day_id = 'day-1'").pluck().all() as string[];
      expect(present).toHaveLength(38);
      for (const at of present) {
        expect(at >= '2026-11-14T06:45:00.000Z' && at <= '2026-11-14T07:25:00.000Z').toBe(true);
      }
      expect(
        count(
          db,
          `SELECT count(*) AS n FROM attendance a JOIN participant p ON p.id = a.participant_id WHERE p.status <> 'confirmed'`,
        ),
      ).toBe(0);
    });
  });

  it('writes the same rows every time', () => {
    const first = withDemo('first', dump);
    const second = withDemo('second', dump);
    expect(second).toEqual(first);
  });

  it('writes an encrypted demo with a passphrase', () => {
    const n = withDemo('secret', (db) => count(db, 'SELECT count(*) AS n FROM participant'), 'demo-salasana');
    expect(n).toBe(40);
  });

  it('refuses to overwrite an existing file', () => {
    const path = join(dir, 'twice.puntari');
    writeDemoPanel(path);
    expect(() => writeDemoPanel(path)).toThrow();
    const panel = openPanelFile(path);
    try {
      expect(count(panel.db, 'SELECT count(*) AS n FROM participant')).toBe(40);
    } finally {
      panel.close();
    }
  });
});

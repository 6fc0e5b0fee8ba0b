/**
 * The demo panel's selection: 212 synthetic sign-ups (5,000 invitations), quotas from population
 * shares (municipalities exactly as drawn), a LEXIMIN run (precomputed in demoSelection.json by
 * precomputeDemo.ts: the demo is written synchronously), the LEGACY comparison, the public draw
 * with the number 314 of 1,000, ten reserves and the replacement of Sami H. by the first fitting
 * reserve. The drawn sign-ups are the demo's participants p-01…p-39 (and p-40, the replacement):
 * their background features are the drawn sign-ups' features.
 *
 * The pool's personal data goes to the demo's recruitment file next to the panel file.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Instance, LegacyResult, LeximinResult, Quota } from '../../../shared/selection.js';
import { quotaFromShare } from '../../../shared/recruitment.js';
import type { Db } from '../../store/sqlite.js';
import precomputed from './demoSelection.json' with { type: 'json' };
import { DEMO_FEATURES, DEMO_PEOPLE } from '../demo/demoData.js';
import { POOL_HEADER, syntheticSignups, signupCsv, signupRow, type SyntheticSignup } from './demoPool.js';
import { drawPanel, replace, reserveList, roundToLottery } from './engine/index.js';
import { openRecruitment, recruitmentPath, replaceSignups, closeRecruitment, type SignupPersonal } from './recruitmentFile.js';
import { ENGINE_VERSION, storedRunFrom, insertRun } from './runs.js';
import { instanceHash } from './store.js';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';

export const DEMO_POOL_SIZE = 212;
export const DEMO_K = 39;
export const DEMO_DRAW = 314;
export const DEMO_M = 1000;
export const DEMO_SEED = 'keski-uusimaa-2026-09-24';
export const DEMO_LINK = '0192a3b4-c5d6-7e8f-9a0b-1c2d3e4f5a6b';
const DEMO_RESERVES = 10;
const DEMO_TOLERANCE = 1;
const DEMO_INVITATIONS = 5000;
const FILE_NAME = 'ilmoittautuneet-2026-09-22.csv';

export interface DemoSelectionData {
  instanceHash: string;
  leximin: LeximinResult;
  legacy: LegacyResult;
}

/** The demo's sign-ups (synthetic, deterministic). */
export function demoSignups(): SyntheticSignup[] {
  return syntheticSignups(DEMO_POOL_SIZE, 20260922);
}

/** The sign-up file as the survey tool exported it (with the drawn people's own details). */
function demoPoolBytes(personal: Map<string, SignupPersonal>): Uint8Array {
  return signupCsv([...personal.values()].map((s) => POOL_HEADER.map((h) => s.columns[h] ?? '')));
}

function householdHash(s: SyntheticSignup): string {
  return createHash('sha256').update(`demo|${s.street.toLowerCase()}|${s.postcode}`).digest('hex').slice(0, 24);
}

/** The instance the demo's run was computed on. */
export function demoInstance(): Instance {
  const signups = demoSignups();
  const people = signups.map((s) => ({
    id: s.id,
    features: { municipality: s.municipality, ageGroup: s.ageGroup, gender: s.gender, education: s.education },
    household: householdHash(s),
  }));
  // Homes shared by one person only are no household tie.
  const count = new Map<string, number>();
  for (const p of people) count.set(p.household, (count.get(p.household) ?? 0) + 1);
  const instance: Instance = { people: people.map((p) => ({ ...p, household: (count.get(p.household) ?? 0) > 1 ? p.household : null })), quotas: demoQuotas(), k: DEMO_K };
  return instance;
}

/** Municipalities exactly as the panel has them (the region's decision); the rest from shares ± 1. */
export function demoQuotas(): Quota[] {
  const drawn = DEMO_PEOPLE.slice(0, DEMO_K);
  const quotas: Quota[] = [];
  for (const f of DEMO_FEATURES) {
    for (const v of f.values) {
      if (f.key === 'municipality') {
        const n = drawn.filter((p) => p.municipality === v.value).length;
        quotas.push({ feature: f.key, value: v.value, min: n, max: n });
      } else quotas.push({ feature: f.key, value: v.value, ...quotaFromShare(v.share, DEMO_K, DEMO_TOLERANCE) });
    }
  }
  return quotas;
}

const here = dirname(fileURLToPath(import.meta.url));
/** Where precomputeDemo.ts writes the results (from the sources). */
export const DEMO_SELECTION_JSON = resolve(here, 'demoSelection.json');

export function loadDemoSelection(): DemoSelectionData {
  const data = precomputed as unknown as DemoSelectionData;
  if (data.instanceHash !== instanceHash(demoInstance())) throw new Error('demoSelection.json is stale: run `npx tsx main/features/selection/precomputeDemo.ts`');
  return data;
}

interface DemoPlan {
  instance: Instance;
  data: DemoSelectionData;
  panel: string[];
  reserves: string[];
  /** participant index (0..38) -> pool id */
  assignment: string[];
  replacement: string;
  lotterySeed: string;
}

function plan(): DemoPlan {
  const instance = demoInstance();
  const data = loadDemoSelection();
  const lottery = roundToLottery(data.leximin, DEMO_M, DEMO_SEED);
  const panel = drawPanel(lottery, DEMO_DRAW);
  const seed = `${DEMO_SEED}/${DEMO_DRAW}`;
  const reserves = reserveList(instance, panel, DEMO_RESERVES, seed);
  const byId = new Map(instance.people.map((p) => [p.id, p.features]));
  // Drawn sign-ups to demo participants: same municipality (the quotas make the counts equal),
  // then as many of gender, age group and education in common as possible.
  const free = new Set(panel);
  const assignment: string[] = [];
  DEMO_PEOPLE.slice(0, DEMO_K).forEach((person) => {
    let best: string | null = null;
    let bestScore = -1;
    for (const id of free) {
      const f = byId.get(id)!;
      if (f.municipality !== person.municipality) continue;
      const score = (f.gender === person.gender ? 4 : 0) + (f.ageGroup === person.ageGroup ? 2 : 0) + (f.education === person.education ? 1 : 0);
      if (score > bestScore) {
        best = id;
        bestScore = score;
      }
    }
    if (best === null) throw new Error(`no drawn sign-up in ${person.municipality}`);
    free.delete(best);
    assignment.push(best);
  });
  // Sami H. (p-30) could not come: the first reserve who keeps every quota took his place (p-40).
  const sami = assignment[29]!;
  const r = replace(instance, panel, sami, reserves, { seed: `${seed}/replace`, newDraw: true });
  return { instance, data, panel, reserves, assignment, replacement: r.replacement, lotterySeed: DEMO_SEED };
}

/** Writes the selection's records into the demo panel (inside its transaction). */
export function fillDemoSelection(db: Db): void {
  const p = plan();
  const signups = demoSignups();
  const personal = personalOf(db, p);
  const bytes = demoPoolBytes(personal);
  const sha = createHash('sha256').update(bytes).digest('hex');
  db.prepare('UPDATE selection_settings SET panel_size = ?, tolerance = ?, lottery_m = ?, reserve_count = ?, invitations = ?, recruitment_link = ? WHERE id = 1').run(
    DEMO_K,
    DEMO_TOLERANCE,
    DEMO_M,
    DEMO_RESERVES,
    DEMO_INVITATIONS,
    DEMO_LINK,
  );
  const municipality = DEMO_FEATURES.find((f) => f.key === 'municipality')!;
  const fig = db.prepare('INSERT INTO recruitment_figure (feature_key, value, invitations) VALUES (?, ?, ?)');
  for (const v of municipality.values) fig.run('municipality', v.value, Math.round(v.share * DEMO_INVITATIONS));
  db.prepare(
    "INSERT INTO selection_input (id, kind, name, sha256, rows, encoding, delimiter, excluded_rows, imported_at) VALUES ('demo-input-1', 'people', ?, ?, ?, 'windows-1252', ';', '[]', '2026-09-22T09:14:00.000Z')",
  ).run(FILE_NAME, sha, signups.length);
  const pool = db.prepare('INSERT INTO selection_pool (pool_id, row_no, features, household) VALUES (?, ?, ?, ?)');
  p.instance.people.forEach((person, i) => pool.run(person.id, i + 2, JSON.stringify(person.features), person.household));
  const quota = db.prepare('INSERT INTO selection_quota (feature_key, value, min, max) VALUES (?, ?, ?, ?)');
  for (const q of p.instance.quotas) quota.run(q.feature, q.value, q.min, q.max);
  const hash = instanceHash(p.instance);
  const lottery = roundToLottery(p.data.leximin, DEMO_M, DEMO_SEED);
  const lexRun = storedRunFrom({ result: p.data.leximin, selected: [], seed: DEMO_SEED, lottery, draw: null }, hash, new Date('2026-09-24T10:02:00.000Z'));
  lexRun.id = 'demo-run-leximin';
  lexRun.summary.engineVersion = ENGINE_VERSION;
  const legRun = storedRunFrom({ result: p.data.legacy, selected: p.data.legacy.panel, seed: p.data.legacy.seed, lottery: null, draw: null }, hash, new Date('2026-09-24T10:05:00.000Z'));
  legRun.id = 'demo-run-legacy';
  insertRun(db, lexRun);
  insertRun(db, legRun);
  db.prepare("INSERT INTO selection_outcome (id, run_id, method, draw, seed, drawn_at, panel) VALUES (1, 'demo-run-leximin', 'number', ?, ?, '2026-09-29T15:40:00.000Z', ?)").run(
    DEMO_DRAW,
    `${DEMO_SEED}/${DEMO_DRAW}`,
    JSON.stringify([...p.panel].sort()),
  );
  const features = new Map(p.instance.people.map((x) => [x.id, x.features]));
  const member = db.prepare('INSERT INTO selection_member (pool_id, participant_id, source, replaced, at) VALUES (?, ?, ?, ?, ?)');
  const setFeature = db.prepare('UPDATE participant_feature SET value = ? WHERE participant_id = ? AND feature_key = ?');
  const pid = (i: number) => `p-${String(i + 1).padStart(2, '0')}`;
  p.assignment.forEach((poolId, i) => {
    member.run(poolId, pid(i), 'draw', null, '2026-09-29T15:40:00.000Z');
    for (const [k, v] of Object.entries(features.get(poolId)!)) setFeature.run(v, pid(i), k);
  });
  member.run(p.replacement, pid(DEMO_K), 'reserve', pid(29), '2026-11-03T11:20:00.000Z');
  for (const [k, v] of Object.entries(features.get(p.replacement)!)) setFeature.run(v, pid(DEMO_K), k);
  const res = db.prepare('INSERT INTO selection_reserve (rank, pool_id, full_name, email, phone, address, postcode, language) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  p.reserves.forEach((id, i) => {
    const s = personal.get(id)!;
    res.run(i + 1, id, s.fullName, s.email, s.phone, s.address, s.postcode, s.language);
  });
}

/** Every sign-up's personal data: the drawn ones are the demo's participants. */
function personalOf(db: Db, p: DemoPlan): Map<string, SignupPersonal> {
  const out = new Map<string, SignupPersonal>();
  demoSignups().forEach((s, i) => {
    const row = signupRow(s);
    out.set(s.id, {
      poolId: s.id,
      row: i + 2,
      fullName: `${s.first} ${s.last}`,
      email: s.email,
      phone: s.phone,
      address: s.street,
      postcode: s.postcode,
      language: s.language,
      columns: Object.fromEntries(row.map((c, j) => [POOL_HEADER[j]!, c])),
    });
  });
  const people = [...p.assignment, p.replacement];
  people.forEach((poolId, i) => {
    const r = db.prepare('SELECT * FROM participant_personal WHERE participant_id = ?').get(`p-${String(i + 1).padStart(2, '0')}`) as Record<string, string> | undefined;
    const lang = db.prepare('SELECT language FROM participant WHERE id = ?').get(`p-${String(i + 1).padStart(2, '0')}`) as { language: 'fi' | 'sv' | 'en' } | undefined;
    const s = out.get(poolId)!;
    if (r) {
      s.fullName = r.full_name!;
      s.email = r.email!;
      s.phone = r.phone!;
      s.address = r.address!;
      s.postcode = r.postcode!;
      s.language = lang?.language ?? 'fi';
      s.columns = { ...s.columns, Nimi: s.fullName, Sähköposti: s.email, Puhelin: s.phone, Katuosoite: s.address, Postinumero: s.postcode, Kieli: s.language === 'sv' ? 'ruotsi' : 'suomi' };
    }
  });
  return out;
}

/** The demo's recruitment file next to the panel (same passphrase): the 212 sign-ups' personal data. */
export function writeDemoRecruitment(db: Db, panelPath: string, passphrase?: string): void {
  const path = recruitmentPath(panelPath);
  for (const suffix of ['', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  const p = plan();
  const rec = openRecruitment(panelPath, passphrase, DEMO_LINK, true)!;
  try {
    const personal = personalOf(db, p);
    const bytes = demoPoolBytes(personal);
    replaceSignups(rec, [...personal.values()], { sha256: createHash('sha256').update(bytes).digest('hex'), name: FILE_NAME, bytes }, '2026-09-22T09:14:00.000Z');
  } finally {
    closeRecruitment();
  }
}

/** Computes the demo's LEXIMIN and LEGACY results (precomputeDemo.ts writes them to demoSelection.json). */
export async function computeDemoSelection(): Promise<DemoSelectionData> {
  const { leximin, legacy } = await import('./engine/index.js');
  const instance = demoInstance();
  const lex = await leximin(instance, {}, { expandPanels: false });
  if (!lex.final) throw new Error('demo LEXIMIN did not finish');
  const leg = legacy(instance, { seed: `${DEMO_SEED}/legacy`, draws: 1000 });
  return { instanceHash: instanceHash(instance), leximin: lex, legacy: leg };
}

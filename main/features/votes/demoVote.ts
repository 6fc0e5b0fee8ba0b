import { BALLOT_CODE_ALPHABET, BALLOT_CODE_BODY, ballotCheckCharacter } from '../../../shared/ballotCode.js';
import type { BallotContent } from '../../../shared/votes.js';
import type { Db } from '../../store/sqlite.js';
import { codeHash } from './ballots.js';
import { readVote, resultHashOf } from './store.js';
import { insertVote } from './votes.js';

/** A small seeded PRNG (mulberry32), so the demo's ballots are the same every time. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How the 38 present answered on the four-point scale (levels 1…4; null: left blank), per draft
 * recommendation: three strongly supported, one supported, one short of the 50 % threshold.
 */
const ANSWERS: Record<string, [number, number, number, number, number]> = {
  // [level 1, level 2, level 3, level 4, blank]
  'rec-1': [1, 4, 11, 22, 0], // 33/38 = 86.8 % → Vahvasti tuettu
  'rec-2': [1, 3, 9, 25, 0], // 34/38 = 89.5 % → Vahvasti tuettu
  'rec-3': [3, 7, 15, 12, 1], // 27/38 = 71.1 % → Tuettu
  'rec-4': [8, 13, 10, 7, 0], // 17/38 = 44.7 % → no verdict
  'rec-5': [2, 6, 13, 17, 0], // 30/38 = 78.9 % → Vahvasti tuettu
};

/**
 * Day 2 of the demo: everyone confirmed checked in, and the closed vote on the five draft
 * recommendations (4-point scale, "Vahvasti tuettu" > 75 %, "Tuettu" > 50 % of those present),
 * 38 secret ballots cast with codes, 40 codes printed, its hash computed as at a real close.
 */
export function fillDemoVote(db: Db): void {
  const rand = seeded(20261121);
  const confirmed = db.prepare("SELECT id FROM participant WHERE status = 'confirmed' ORDER BY id").pluck().all() as string[];
  const checkIn = db.prepare('INSERT INTO attendance (day_id, participant_id, present_at) VALUES (?, ?, ?)');
  const doorsOpen = Date.UTC(2026, 10, 21, 7, 0, 0); // 09:00 Finnish time
  for (const id of confirmed) checkIn.run('day-2', id, new Date(doorsOpen + Math.floor(rand() * 30 * 60) * 1000).toISOString());

  const recs = db.prepare('SELECT id, title FROM draft_recommendation ORDER BY position').all() as { id: string; title: string }[];
  const voteId = 'vote-1';
  insertVote(
    db,
    {
      title: 'Suositusluonnosten kannatus',
      method: 'scale4',
      subjects: recs.map((r, i) => ({ id: `s${i + 1}`, label: r.title, recommendationId: r.id })),
      dots: null,
      rankingCount: null,
      thresholds: [
        { label: 'Vahvasti tuettu', percent: 75 },
        { label: 'Tuettu', percent: 50 },
      ],
      base: 'present',
      dayId: 'day-2',
      modes: ['ballot', 'paper'],
      liveResults: false,
    },
    new Date(Date.UTC(2026, 10, 18, 14, 0, 0)),
    voteId,
  );

  // Each recommendation's answers, shuffled on their own, then dealt out ballot by ballot.
  const people = 38;
  const columns = recs.map((r) => {
    const [l1, l2, l3, l4, blank] = ANSWERS[r.id] ?? [0, 0, 0, people, 0];
    const list: (number | null)[] = [...Array(l1).fill(1), ...Array(l2).fill(2), ...Array(l3).fill(3), ...Array(l4).fill(4), ...Array(blank).fill(null)];
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  });
  const insBallot = db.prepare("INSERT INTO ballot (vote_id, key, content, source) VALUES (?, ?, ?, 'code')");
  const hex = () => Math.floor(rand() * 2 ** 32).toString(16).padStart(8, '0');
  for (let b = 0; b < people; b++) {
    const content: BallotContent = { method: 'scale4', answers: Object.fromEntries(recs.map((_, i) => [`s${i + 1}`, columns[i]![b] ?? null])) };
    insBallot.run(voteId, hex() + hex() + hex() + hex(), JSON.stringify(content));
  }
  // 40 slips printed, 38 used. The codes themselves were never kept; these stand in for them.
  const insCode = db.prepare('INSERT INTO ballot_code (code_hash, vote_id, used) VALUES (?, ?, ?)');
  for (let c = 0; c < 40; c++) {
    let body = '';
    for (let i = 0; i < BALLOT_CODE_BODY; i++) body += BALLOT_CODE_ALPHABET[Math.floor(rand() * BALLOT_CODE_ALPHABET.length)];
    insCode.run(codeHash(body + ballotCheckCharacter(body)), voteId, c < people ? 1 : 0);
  }

  db.prepare("UPDATE vote SET status = 'open', opened_at = ? WHERE id = ?").run('2026-11-21T12:40:00.000Z', voteId);
  const hash = resultHashOf(db, readVote(db, voteId)!);
  db.prepare("UPDATE vote SET status = 'closed', closed_at = ?, result_hash = ? WHERE id = ?").run('2026-11-21T12:58:00.000Z', hash, voteId);
}

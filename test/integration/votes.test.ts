import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ballotCheckCharacter } from '../../shared/ballotCode.js';
import { uuidv7 } from '../../shared/ids.js';
import type { HubMessage } from '../../shared/protocol.js';
import { hashMaterial } from '../../shared/voteCounting.js';
import type { Vote, VoteDefinition, VoteResult } from '../../shared/votes.js';
import { writeDemoPanel } from '../../main/features/demo/demoPanel.js';
import { issueCodes } from '../../main/features/votes/ballots.js';
import { parseBallotsCsv } from '../../main/features/votes/exports.js';
import { readVote, resultHashOf } from '../../main/features/votes/store.js';
import { FACILITATOR } from '../../main/hub/hub.js';
import { startHub, type RunningHub } from '../../main/hub/server.js';
import { facilitatorCookie, Peer, post } from './hubClient.js';

let dir: string;
let running: RunningHub;
let origin: string;
let managerCookie: string;
let lanOrigin: string;
let pairingCode: string;
let f: Peer;

async function cmd(peer: Peer, name: string, input: unknown, id = uuidv7()): Promise<Extract<HubMessage, { t: 'ack' | 'reject' }>> {
  peer.send({ t: 'cmd', id, name, input });
  return Promise.race([peer.next('ack', (m) => m.id === id), peer.next('reject', (m) => m.id === id)]);
}

async function ok(peer: Peer, name: string, input: unknown): Promise<unknown> {
  const m = await cmd(peer, name, input);
  if (m.t !== 'ack') throw new Error(`${name} refused: ${JSON.stringify(m.error)}`);
  return m.result;
}

async function pair(role: string, tableNo: number | null): Promise<Peer> {
  const res = await post(lanOrigin, '/api/pair', { pairingCode, role, tableNo, name: `${role} ${tableNo ?? ''}` });
  await ok(f, 'device.approve', { deviceId: res.body.deviceId });
  const peer = await Peer.connect(lanOrigin, res.cookie);
  peer.send({ t: 'hello', epoch: null, seq: null });
  await peer.next('snapshot');
  return peer;
}

const DEFINITION: VoteDefinition = {
  title: 'Suositukset',
  method: 'yesNoAbstain',
  subjects: [
    { id: 's1', label: 'Liikkuvat palvelut', recommendationId: 'rec-1' },
    { id: 's2', label: 'Digipalvelut', recommendationId: 'rec-2' },
  ],
  dots: null,
  rankingCount: null,
  thresholds: [
    { label: 'Vahvasti tuettu', percent: 75 },
    { label: 'Tuettu', percent: 50 },
  ],
  base: 'cast',
  dayId: 'day-2',
  modes: ['ballot', 'tally', 'paper'],
  liveResults: false,
};

async function createVote(def: Partial<VoteDefinition> = {}, open = true): Promise<string> {
  const { id } = (await ok(f, 'votes.create', { ...DEFINITION, ...def })) as { id: string };
  if (open) await ok(f, 'votes.open', { voteId: id });
  return id;
}

/** Codes as the slips would carry them (the PDF is for people; tests take them straight from the hub). */
function codesFor(voteId: string, count: number): string[] {
  let codes: string[] = [];
  running.hub.broadcast(running.hub.session!.record(FACILITATOR, 'votes.codes', { voteId, count }, (ctx) => (codes = issueCodes(ctx, voteId, count))));
  return codes;
}

async function ballotGet(code: string, base = lanOrigin) {
  const res = await fetch(`${base}/api/ballot?code=${encodeURIComponent(code)}`);
  return { status: res.status, body: (await res.json()) as { vote?: { id: string; method: string }; error?: { code: string; params?: Record<string, unknown> } } };
}

async function ballotPost(code: string, content: unknown, base = lanOrigin) {
  return post(base, '/api/ballot', { code, content }) as Promise<{ status: number; body: { cast?: boolean; error?: { code: string; params?: Record<string, unknown> } } }>;
}

const yes = (s1: string | null, s2: string | null = null) => ({ method: 'yesNoAbstain', answers: { s1, s2 } });

async function get(path: string, cookie = managerCookie) {
  return fetch(`${origin}${path}`, { headers: { cookie } });
}

function db() {
  return running.hub.session!.db;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puntari-votes-'));
  const panelPath = join(dir, 'demo.puntari');
  writeDemoPanel(panelPath);
  running = await startHub({ port: 0, home: join(dir, 'home'), panelPath, roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] });
  const session = await facilitatorCookie(running.facilitatorUrl());
  origin = session.origin;
  managerCookie = session.cookie;
  f = await Peer.connect(origin, managerCookie);
  f.send({ t: 'hello', epoch: null, seq: null });
  await f.next('snapshot');
  await cmd(f, 'host.openRoom', {});
  const host = await f.next('host', (m) => m.status.room.open);
  pairingCode = host.status.room.pairingCode!;
  lanOrigin = `http://127.0.0.2:${running.port}`;
});

afterEach(async () => {
  await running.close();
});

describe('secret ballots with one-time codes', () => {
  it('casts over HTTP on the room network; tells mistyped, unknown, used and closed codes apart', async () => {
    const voteId = await createVote();
    const [a, b, c] = codesFor(voteId, 3) as [string, string, string];
    expect(readVote(db(), voteId)!.codesIssued).toBe(3);

    const view = await ballotGet(a.toLowerCase().replace(/(.{4})/, '$1-'));
    expect(view.status).toBe(200);
    expect(view.body.vote).toMatchObject({ id: voteId, title: 'Suositukset', method: 'yesNoAbstain', dots: null, rankingCount: null });

    expect(await ballotPost(a, yes('yes', 'no'))).toMatchObject({ status: 200, body: { cast: true } });
    expect((await ballotGet(a)).body.error?.code).toBe('ballot.codeUsed');
    expect((await ballotPost(a, yes('no'))).body.error?.code).toBe('ballot.codeUsed');

    // One wrong character: the check character says it is a typing error.
    const typo = a.slice(0, 3) + (a[3] === 'A' ? 'B' : 'A') + a.slice(4);
    expect(await ballotGet(typo)).toMatchObject({ status: 400, body: { error: { code: 'ballot.mistyped' } } });
    // A well-formed code nobody issued.
    const body = 'ZZZZ2222';
    expect(await ballotGet(body + ballotCheckCharacter(body))).toMatchObject({ status: 404, body: { error: { code: 'ballot.unknownCode' } } });

    // Bad content: refused and the code stays unused.
    expect((await ballotPost(b, { method: 'yesNoAbstain', answers: { s9: 'yes' } })).body.error?.code).toBe('ballot.unknownSubject');
    expect((await ballotPost(b, { method: 'ranking', ranking: ['s1'] })).body.error?.code).toBe('ballot.wrongMethod');
    expect((await ballotGet(b)).status).toBe(200);

    await ok(f, 'votes.close', { voteId });
    expect((await ballotGet(b)).body.error?.code).toBe('ballot.voteClosed');
    expect((await ballotPost(c, yes('yes'))).body.error?.code).toBe('ballot.voteClosed');

    const stored = db().prepare('SELECT * FROM ballot WHERE vote_id = ?').all(voteId) as Record<string, unknown>[];
    expect(stored).toHaveLength(1);
    // Nothing on the ballot but its vote, a random key, the content and the source.
    expect(Object.keys(stored[0]!).sort()).toEqual(['content', 'key', 'source', 'vote_id']);
    expect(stored[0]!.key).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.parse(stored[0]!.content as string)).toEqual({ method: 'yesNoAbstain', answers: { s1: 'yes', s2: 'no' } });
    // Only hashes of codes are kept.
    const hashes = db().prepare('SELECT code_hash FROM ballot_code').pluck().all() as string[];
    for (const code of [a, b, c]) expect(hashes.some((h) => h.includes(code))).toBe(false);
    // The audit log has the vote's commands and the codes issued, nothing of a ballot.
    const audit = db().prepare('SELECT command, detail FROM audit_log').all() as { command: string; detail: string }[];
    expect(audit.map((r) => r.command)).toEqual(expect.arrayContaining(['votes.create', 'votes.open', 'votes.codes', 'votes.close']));
    expect(audit.some((r) => r.command.includes('ballot') || r.command === 'votes.results')).toBe(false);
    for (const code of [a, b, c]) expect(audit.some((r) => r.detail.includes(code))).toBe(false);
  });

  it('counts a code submitted twice at once exactly once', async () => {
    const voteId = await createVote();
    const codes = codesFor(voteId, 5);
    const tries = await Promise.all(codes.flatMap((code) => Array.from({ length: 4 }, (_, i) => ballotPost(code, yes(i % 2 ? 'yes' : 'no')))));
    expect(tries.filter((r) => r.body.cast === true)).toHaveLength(5);
    expect(tries.filter((r) => r.body.error?.code === 'ballot.codeUsed')).toHaveLength(15);
    expect((db().prepare('SELECT COUNT(*) AS n FROM ballot WHERE vote_id = ?').get(voteId) as { n: number }).n).toBe(5);
    expect(readVote(db(), voteId)!.turnout).toBe(5);
  });

  it('sends the feed only the turnout for a ballot; results follow, and the log keeps only the latest', async () => {
    const voteId = await createVote();
    const [a, b] = codesFor(voteId, 2) as [string, string];
    const seqBefore = (db().prepare('SELECT MAX(seq) AS s FROM change_log').get() as { s: number }).s;
    await ballotPost(a, yes('yes'));
    const turnout = await f.next('changes', (m) => m.changes.some((c) => c.topic === 'votes' && (c.value as Vote).turnout === 1));
    expect(turnout.changes.map((c) => c.topic)).toEqual(['votes']);
    await ballotPost(b, yes('no'));
    const results = await f.next('changes', (m) => m.changes.some((c) => c.topic === 'voteResults' && (c.value as VoteResult).ballots === 2), 3000);
    expect((results.changes.find((c) => c.topic === 'voteResults')!.value as VoteResult).subjects[0]!.counts).toEqual({ yes: 1, no: 1, abstain: 0 });
    const logged = db().prepare('SELECT topic FROM change_log WHERE seq > ? ORDER BY seq').pluck().all(seqBefore) as string[];
    expect(logged.filter((t) => t === 'voteResults')).toHaveLength(1);
    expect(logged.filter((t) => t === 'publishedResults')).toHaveLength(0);
  });

  it('issues slips as a PDF to managers only', async () => {
    const voteId = await createVote();
    const res = await fetch(`${origin}/api/votes/${voteId}/codes.pdf?count=10&lang=sv`, { method: 'POST', headers: { cookie: managerCookie, origin } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/Lang (sv)');
    expect(readVote(db(), voteId)!.codesIssued).toBe(10);
    const secretary = await post(lanOrigin, '/api/pair', { pairingCode, role: 'secretary', tableNo: 2, name: 't2' });
    await ok(f, 'device.approve', { deviceId: secretary.body.deviceId });
    const refused = await fetch(`${lanOrigin}/api/votes/${voteId}/codes.pdf?count=10`, { method: 'POST', headers: { cookie: secretary.cookie, origin: lanOrigin } });
    expect(refused.status).toBe(403);
    expect(readVote(db(), voteId)!.codesIssued).toBe(10);
  });
});

describe('table tallies', () => {
  it('a secretary enters only their own table, no more than are seated there, and replaces it', async () => {
    const voteId = await createVote();
    const t3 = await pair('secretary', 3);
    const t4 = await pair('secretary', 4);
    const seated = (db().prepare("SELECT COUNT(*) AS n FROM seat WHERE round_id = (SELECT id FROM seating_round ORDER BY position DESC LIMIT 1) AND table_no = 3").get() as { n: number }).n;
    expect(seated).toBeGreaterThan(3);

    expect(await cmd(t3, 'votes.tally', { voteId, tableNo: 4, counts: { s1: { yes: 1 } } })).toMatchObject({ t: 'reject', error: { code: 'scope.forbidden' } });
    expect(await cmd(t3, 'votes.tally', { voteId, tableNo: 3, counts: { s1: { yes: seated, no: 1 } } })).toMatchObject({
      t: 'reject',
      error: { code: 'votes.tallyTooLarge', params: { tableNo: 3, count: seated + 1, max: seated } },
    });
    expect(await cmd(t3, 'votes.tally', { voteId, tableNo: 3, counts: { s1: { yes: -1 } } })).toMatchObject({ t: 'reject', error: { code: 'protocol.badField' } });
    expect(await cmd(t3, 'votes.tally', { voteId, tableNo: 3, counts: { s1: { maybe: 1 } } })).toMatchObject({ t: 'reject', error: { code: 'votes.unknownAnswer' } });

    await ok(t3, 'votes.tally', { voteId, tableNo: 3, counts: { s1: { yes: 2, no: 1 }, s2: { yes: 3 } } });
    expect(readVote(db(), voteId)!.turnout).toBe(3);
    await ok(t3, 'votes.tally', { voteId, tableNo: 3, counts: { s1: { yes: 1, no: 1 } } });
    expect(readVote(db(), voteId)!.turnout).toBe(2);
    const own = await t3.next('changes', (m) => m.changes.some((c) => c.topic === 'tallies'));
    expect(own.changes.find((c) => c.topic === 'tallies')!.key).toBe(`${voteId}:3`);
    await new Promise((r) => setTimeout(r, 150));
    expect(t4.messages.some((m) => m.t === 'changes' && m.changes.some((c) => c.topic === 'tallies'))).toBe(false);
    // The secretaries never see the managers' live results.
    expect([t3, t4].some((p) => p.messages.some((m) => m.t === 'changes' && m.changes.some((c) => c.topic === 'voteResults')))).toBe(false);

    const facilitatorView = await cmd(f, 'votes.tally', { voteId, tableNo: 4, counts: { s1: { abstain: 2 } } });
    expect(facilitatorView.t).toBe('ack');
    expect(readVote(db(), voteId)!.turnout).toBe(4);
  });

  it('refuses a tally for a vote without tallies, or not open', async () => {
    const noTally = await createVote({ modes: ['ballot'] });
    expect(await cmd(f, 'votes.tally', { voteId: noTally, tableNo: 1, counts: {} })).toMatchObject({ t: 'reject', error: { code: 'votes.modeNotAllowed' } });
    const draft = await createVote({}, false);
    expect(await cmd(f, 'votes.tally', { voteId: draft, tableNo: 1, counts: {} })).toMatchObject({ t: 'reject', error: { code: 'votes.notOpen' } });
  });
});

describe('results', () => {
  it('reach the room only when allowed: live results or once closed; a secretary never reads the live ones', async () => {
    const hidden = await createVote({ liveResults: false });
    const live = await createVote({ liveResults: true, title: 'Live' });
    const [h1] = codesFor(hidden, 1) as [string];
    const [l1] = codesFor(live, 1) as [string];
    await ballotPost(h1, yes('yes'));
    await ballotPost(l1, yes('yes'));
    await new Promise((r) => setTimeout(r, 600));

    const secretary = await pair('secretary', 2);
    const projector = await pair('projector', null);
    for (const peer of [secretary, projector]) {
      peer.send({ t: 'hello', epoch: null, seq: null });
      const snap = await peer.next('snapshot');
      expect(snap.data.voteResults).toBeUndefined();
      // The demo's closed vote and the live one; not the open vote without live results.
      expect(Object.keys(snap.data.publishedResults ?? {}).sort()).toEqual([live, 'vote-1'].sort());
      expect(snap.data.votes?.[hidden]).toMatchObject({ turnout: 1, status: 'open' });
    }

    await ok(f, 'votes.close', { voteId: hidden });
    const published = await projector.next('changes', (m) => m.changes.some((c) => c.topic === 'publishedResults' && c.key === hidden));
    const result = published.changes.find((c) => c.topic === 'publishedResults')!.value as VoteResult;
    expect(result).toMatchObject({ ballots: 1, resultHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(result.subjects[0]).toMatchObject({ supportPercent: 100, verdict: 'Vahvasti tuettu' });

    // Re-opening needs a reason, is recorded, and withdraws the room's copy of the results.
    expect(await cmd(f, 'votes.reopen', { voteId: hidden, reason: '' })).toMatchObject({ t: 'reject' });
    await ok(f, 'votes.reopen', { voteId: hidden, reason: 'Yksi pöytä ei ehtinyt äänestää' });
    const withdrawn = await projector.next('changes', (m) => m.changes.some((c) => c.topic === 'publishedResults' && c.key === hidden && c.value === null));
    expect(withdrawn).toBeTruthy();
    expect(readVote(db(), hidden)).toMatchObject({ status: 'open', resultHash: null, reopenings: [{ reason: 'Yksi pöytä ei ehtinyt äänestää', by: 'facilitator' }] });

    await ok(f, 'votes.showResults', { voteId: live });
    await projector.next('changes', (m) => m.changes.some((c) => c.topic === 'shownResults' && (c.value as { voteId: string }).voteId === live));
  });

  it('keeps the paper count for the managers to correct; the room sees only the turnout', async () => {
    const voteId = await createVote();
    const counts = { s1: { yes: 5, no: 2, abstain: 1 }, s2: { yes: 3, no: 4, abstain: 1 } };
    await ok(f, 'votes.paperCounts', { voteId, counts });
    const secretary = await pair('secretary', 2);
    secretary.send({ t: 'hello', epoch: null, seq: null });
    expect((await secretary.next('snapshot')).data.paperCounts).toBeUndefined();
    f.send({ t: 'hello', epoch: null, seq: null });
    expect((await f.next('snapshot')).data.paperCounts?.[voteId]).toEqual({ voteId, counts });
    expect(readVote(db(), voteId)!.turnout).toBe(8);
  });

  it('fixes a hash at close that anyone can recompute from the CSV; a changed, added or deleted ballot shows', async () => {
    const voteId = await createVote();
    const codes = codesFor(voteId, 6);
    const answers = ['yes', 'yes', 'no', 'abstain', 'yes', null] as const;
    for (const [i, code] of codes.entries()) await ballotPost(code, yes(answers[i]!, i % 2 ? 'yes' : 'no'));
    await ok(f, 'votes.tally', { voteId, tableNo: 2, counts: { s1: { yes: 2, no: 1 } } });
    await ok(f, 'votes.paperCounts', { voteId, counts: { s2: { yes: 1 } } });

    expect((await get(`/api/votes/${voteId}/results.pdf`)).status).toBe(409);
    await ok(f, 'votes.close', { voteId });
    const vote = readVote(db(), voteId)!;
    expect(vote.resultHash).toMatch(/^[0-9a-f]{64}$/);

    const res = await get(`/api/votes/${voteId}/ballots.csv`);
    expect(res.status).toBe(200);
    const raw = Buffer.from(await res.arrayBuffer());
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = raw.toString('utf8');
    const { rows, hash } = parseBallotsCsv(csv);
    expect(hash).toBe(vote.resultHash);
    expect(rows.filter((r) => r.record === 'ballot')).toHaveLength(6);
    expect(rows.map((r) => r.record)).toEqual(['vote', 'method', ...Array(6).fill('ballot'), 'tally', 'paper']);
    const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    expect(sha(hashMaterial(rows))).toBe(vote.resultHash);

    // Tampering with the export: each kind of change gives another hash.
    const ballots = rows.filter((r) => r.record === 'ballot');
    const changed = rows.map((r) => (r === ballots[0] ? { ...r, content: r.content.replace(/"s1":"(yes|no|abstain)"/, '"s1":"no"').replace('"s1":null', '"s1":"yes"') } : r));
    expect(changed).not.toEqual(rows);
    const added = [...rows.slice(0, 2), ballots[0]!, ...rows.slice(2)];
    const deleted = rows.filter((r) => r !== ballots[1]);
    for (const tampered of [changed, added, deleted]) expect(sha(hashMaterial(tampered))).not.toBe(vote.resultHash);

    // Tampering with the panel file: recounting the stored ballots no longer reproduces the hash.
    db().prepare("UPDATE ballot SET content = replace(content, '\"s2\":\"no\"', '\"s2\":\"yes\"') WHERE vote_id = ? AND content LIKE '%\"s2\":\"no\"%'").run(voteId);
    expect(resultHashOf(db(), vote)).not.toBe(vote.resultHash);

    const pdf = await get(`/api/votes/${voteId}/results.pdf?lang=en`);
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('/Lang (en)');
  });

  it('ranking votes take paper ballots one by one and count them by instant runoff', async () => {
    const voteId = await createVote({
      title: 'Tärkeysjärjestys',
      method: 'ranking',
      rankingCount: 'irv',
      subjects: ['A', 'B', 'C'].map((id) => ({ id, label: id, recommendationId: null })),
      modes: ['ballot', 'paper'],
      thresholds: [],
    });
    const codes = codesFor(voteId, 3);
    await ballotPost(codes[0]!, { method: 'ranking', ranking: ['A', 'B'] });
    expect((await ballotPost(codes[1]!, { method: 'ranking', ranking: ['A', 'A'] })).body.error?.code).toBe('ballot.rankingTies');
    await ballotPost(codes[1]!, { method: 'ranking', ranking: ['B', 'A'] });
    await ballotPost(codes[2]!, { method: 'ranking', ranking: ['C', 'B'] });
    const paper = uuidv7();
    await ok(f, 'votes.paperRanking', { voteId, ballotId: paper, ranking: ['B'] });
    await ok(f, 'votes.paperRanking', { voteId, ballotId: paper, ranking: ['C', 'B'] });
    expect(await cmd(f, 'votes.paperCounts', { voteId, counts: {} })).toMatchObject({ t: 'reject', error: { code: 'votes.modeNotAllowed' } });
    await ok(f, 'votes.close', { voteId });
    const snap = await (async () => {
      f.send({ t: 'hello', epoch: null, seq: null });
      return f.next('snapshot');
    })();
    const result = snap.data.voteResults![voteId]!;
    // Round 1: A1 B1 C2 of 4 — no majority; A and B tie, no earlier round, Borda (n = 3): A 2+1 = 3 <
    // B 1+2+1+1 = 5 → A out. Round 2: A's ballot goes to B: B2 C2; in round 1 B had fewer → B out.
    // Round 3: the A and B ballots are exhausted; C has 2 of 2 → C wins.
    expect(result.rounds).toEqual([
      { counts: { A: 1, B: 1, C: 2 }, eliminated: ['A'] },
      { counts: { B: 2, C: 2 }, eliminated: ['B'] },
      { counts: { C: 2 }, eliminated: [] },
    ]);
    expect(result.winner).toBe('C');
    expect(readVote(db(), voteId)!.turnout).toBe(4);
  });

  it('audits a paper ballot only as an entry for its vote: no ranking, no ballot id', async () => {
    const options = ['option-kirjasto', 'option-uimahalli', 'option-nuorisotila'];
    const voteId = await createVote({
      title: 'Paperiäänet',
      method: 'ranking',
      rankingCount: 'irv',
      subjects: options.map((id) => ({ id, label: id, recommendationId: null })),
      modes: ['paper'],
      thresholds: [],
    });
    const before = db().prepare('SELECT MAX(id) FROM audit_log').pluck().get() as number;
    const ballotIds = [uuidv7(), uuidv7()];
    await ok(f, 'votes.paperRanking', { voteId, ballotId: ballotIds[0], ranking: [options[1], options[0], options[2]] });
    await ok(f, 'votes.paperRanking', { voteId, ballotId: ballotIds[1], ranking: [options[2]] });
    expect(await cmd(f, 'votes.paperRanking', { voteId, ballotId: uuidv7(), ranking: [options[0], options[0]] })).toMatchObject({
      t: 'reject',
      error: { code: 'ballot.rankingTies' },
    });
    expect(readVote(db(), voteId)!.turnout).toBe(2);

    // The vote's definition names its options; nothing logged after it does.
    const audit = db().prepare('SELECT command, detail FROM audit_log WHERE id > ?').all(before) as { command: string; detail: string }[];
    expect(audit.map((r) => [r.command, JSON.parse(r.detail)])).toEqual([
      ['votes.paperRanking', { voteId }],
      ['votes.paperRanking', { voteId }],
    ]);
    const everything = (db().prepare('SELECT detail FROM audit_log').pluck().all() as string[]).join('\n');
    for (const ballotId of ballotIds) expect(everything).not.toContain(ballotId);
    // The ballots themselves are stored, and counted.
    expect(db().prepare("SELECT COUNT(*) AS n FROM ballot WHERE vote_id = ? AND source = 'paper'").pluck().get(voteId)).toBe(2);
  });

  it('guards the definition: drafts only for edits, rules per method', async () => {
    expect(await cmd(f, 'votes.create', { ...DEFINITION, method: 'dots', dots: null })).toMatchObject({ t: 'reject', error: { code: 'votes.badDefinition', params: { reason: 'dots' } } });
    expect(await cmd(f, 'votes.create', { ...DEFINITION, method: 'ranking', rankingCount: 'borda' })).toMatchObject({
      t: 'reject',
      error: { code: 'votes.badDefinition', params: { reason: 'tallyRanking' } },
    });
    const draft = await createVote({}, false);
    await ok(f, 'votes.update', { voteId: draft, title: 'Uusi otsikko', liveResults: true });
    expect(readVote(db(), draft)).toMatchObject({ title: 'Uusi otsikko', liveResults: true, method: 'yesNoAbstain' });
    await ok(f, 'votes.open', { voteId: draft });
    expect(await cmd(f, 'votes.update', { voteId: draft, title: 'x' })).toMatchObject({ t: 'reject', error: { code: 'votes.notDraft' } });
    expect(await cmd(f, 'votes.remove', { voteId: draft })).toMatchObject({ t: 'reject', error: { code: 'votes.notDraft' } });
    const other = await createVote({}, false);
    await ok(f, 'votes.remove', { voteId: other });
    expect(readVote(db(), other)).toBeNull();
  });
});

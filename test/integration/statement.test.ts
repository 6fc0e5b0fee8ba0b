import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.js';
import type { HubMessage } from '../../shared/protocol.js';
import type { StatementAmendment, StatementBlockRecord, StatementSnapshot } from '../../shared/statement.js';
import { canonicalJson } from '../../shared/statement.js';
import { diffSnapshots } from '../../shared/statementDiff.js';
import { writeDemoPanel } from '../../main/features/demo/demoPanel.js';
import { readStatement, sha256Hex } from '../../main/features/statement/statement.js';
import { startHub, type RunningHub } from '../../main/hub/server.js';
import { facilitatorCookie, Peer, post } from './hubClient.js';

let dir: string;
let running: RunningHub;
let lanOrigin: string;
let pairingCode: string;
let f: Peer;

type Reply = Extract<HubMessage, { t: 'ack' | 'reject' }>;

async function cmd(peer: Peer, name: string, input: unknown, id = uuidv7()): Promise<Reply> {
  peer.send({ t: 'cmd', id, name, input });
  return Promise.race([peer.next('ack', (m) => m.id === id), peer.next('reject', (m) => m.id === id)]);
}

async function ok<T = unknown>(peer: Peer, name: string, input: unknown): Promise<T> {
  const reply = await cmd(peer, name, input);
  if (reply.t !== 'ack') throw new Error(`${name} refused: ${JSON.stringify(reply.error)}`);
  return reply.result as T;
}

async function pair(role: string, tableNo: number | null): Promise<Peer> {
  const res = await post(lanOrigin, '/api/pair', { pairingCode, role, tableNo, name: `${role} ${tableNo ?? ''}`.trim() });
  expect((await cmd(f, 'device.approve', { deviceId: res.body.deviceId as string })).t).toBe('ack');
  const peer = await Peer.connect(lanOrigin, res.cookie);
  peer.send({ t: 'hello', epoch: null, seq: null });
  await peer.next('snapshot');
  return peer;
}

const db = () => running.hub.session!.db;
function block(id: string): StatementBlockRecord {
  const row = db().prepare('SELECT id, text, title, version FROM statement_block WHERE id = ?').get(id) as StatementBlockRecord;
  return row;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'puntari-statement-'));
  const panelPath = join(dir, 'demo.puntari');
  writeDemoPanel(panelPath);
  running = await startHub({ port: 0, home: join(dir, 'home'), panelPath, roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] });
  const { origin, cookie } = await facilitatorCookie(running.facilitatorUrl());
  f = await Peer.connect(origin, cookie);
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

describe('the statement', () => {
  it('reads the demo draft: eight recommendations in three sections, a minority opinion, part in Swedish', () => {
    const s = readStatement(db());
    expect(s.sections.map((x) => x.title)).toEqual(['Lähipalvelut ja palveluverkko', 'Saavutettavuus ja liikkuminen', 'Osallisuus ja tiedottaminen']);
    const recs = s.sections.flatMap((x) => x.blocks).filter((b) => b.kind === 'recommendation');
    expect(recs.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(s.sections.flatMap((x) => x.blocks).filter((b) => b.kind === 'minority')).toHaveLength(1);
    expect(s.registerNumber).toBe('KEUSOTE/2318/00.01.02/2026');
    const sv = readStatement(db(), 'sv');
    expect(sv.sections[0]!.title).toBe('Närservice och servicenätet');
    expect(sv.sections[0]!.blocks.map((b) => b.translation)).toEqual(['current', 'outdated', 'missing', 'missing']);
    expect(sv.untranslated.length).toBeGreaterThan(5);
    const versions = db().prepare('SELECT name FROM statement_version').pluck().all();
    expect(versions).toEqual(['Luonnos 1. päivän jälkeen']);
  });

  it('drafts from the grouped recommendations, keeping their notes, and reorders', async () => {
    const noteId = uuidv7();
    await ok(f, 'notes.add', { noteId, tableNo: 2, itemId: null, kind: 'proposal', text: 'Lisää iltavastaanottoja' });
    const { id: draftId } = await ok<{ id: string }>(f, 'recommendations.create', { title: 'Iltavastaanotot', text: 'Vastaanottoja myös iltaisin.', noteIds: [noteId] });
    const { id: sectionId } = await ok<{ id: string }>(f, 'statement.addSection', { title: 'Uusi teema', position: 0 });
    const { ids } = await ok<{ ids: string[] }>(f, 'statement.fromDrafts', { sectionId, recommendationIds: [draftId, 'rec-2'] });
    const s = readStatement(db());
    expect(s.sections[0]!.title).toBe('Uusi teema');
    const first = s.sections[0]!.blocks[0]!;
    expect(first).toMatchObject({ kind: 'recommendation', id: ids[0], number: '1', title: 'Iltavastaanotot', sourceNoteIds: [noteId], draftRecommendationId: draftId });
    await ok(f, 'statement.moveBlock', { blockId: ids[1], sectionId, position: 0 });
    expect(readStatement(db()).sections[0]!.blocks.map((b) => b.id)).toEqual([ids[1], ids[0]]);
    await ok(f, 'statement.moveSection', { sectionId, position: 3 });
    expect(readStatement(db()).sections.map((x) => x.id).at(-1)).toBe(sectionId);
    expect((await cmd(f, 'statement.removeSection', { sectionId })).t).toBe('reject');
  });

  it('locks a recommendation for others and refuses a stale save with both texts', async () => {
    const co = await pair('cofacilitator', null);
    const lock = await ok<{ expiresAt: string }>(f, 'statement.lock', { blockId: 'st-rec-7' });
    expect(Date.parse(lock.expiresAt) - Date.now()).toBeGreaterThan(100_000);
    const refused = await cmd(co, 'statement.lock', { blockId: 'st-rec-7' });
    expect(refused).toMatchObject({ t: 'reject', error: { code: 'statement.locked', params: { holderName: expect.any(String) } } });
    const coSave = await cmd(co, 'statement.saveBlock', { blockId: 'st-rec-7', baseVersion: 1, text: 'toisen teksti' });
    expect(coSave).toMatchObject({ t: 'reject', error: { code: 'statement.locked' } });

    // The facilitator saves (and so releases); the co-facilitator's edit based on version 1 is now stale.
    expect(await ok(f, 'statement.saveBlock', { blockId: 'st-rec-7', baseVersion: 1, text: 'Fasilitaattorin uusi teksti.' })).toEqual({ version: 2 });
    expect(db().prepare('SELECT count(*) FROM statement_lock').pluck().get()).toBe(0);
    await ok(co, 'statement.lock', { blockId: 'st-rec-7' });
    const stale = await cmd(co, 'statement.saveBlock', { blockId: 'st-rec-7', baseVersion: 1, text: 'Toisen teksti.' });
    expect(stale).toMatchObject({
      t: 'reject',
      error: { code: 'statement.stale', params: { currentVersion: 2, currentText: 'Fasilitaattorin uusi teksti.', yourText: 'Toisen teksti.' } },
    });
    expect(block('st-rec-7').text).toBe('Fasilitaattorin uusi teksti.');
    // Based on the current version it goes through; history keeps every version.
    expect(await ok(co, 'statement.saveBlock', { blockId: 'st-rec-7', baseVersion: 2, text: 'Toisen teksti.' })).toEqual({ version: 3 });
    expect(db().prepare('SELECT version, reason FROM statement_block_version WHERE block_id = ? ORDER BY version').all('st-rec-7')).toEqual([
      { version: 1, reason: 'create' },
      { version: 2, reason: 'edit' },
      { version: 3, reason: 'edit' },
    ]);
    // An expired lock is free.
    await ok(co, 'statement.lock', { blockId: 'st-rec-1' });
    db().prepare("UPDATE statement_lock SET expires_at = '2000-01-01T00:00:00.000Z' WHERE block_id = 'st-rec-1'").run();
    await ok(f, 'statement.lock', { blockId: 'st-rec-1' });
    co.close();
  });

  it('saves versions, compares them and restores one (the restore is itself recorded)', async () => {
    const { id: v2 } = await ok<{ id: string }>(f, 'statement.saveVersion', { name: 'Ennen muutoksia' });
    await ok(f, 'statement.saveBlock', { blockId: 'st-rec-2', baseVersion: 2, text: 'Kokonaan uusi teksti digipalveluista.' });
    await ok(f, 'statement.removeBlock', { blockId: 'st-rec-8' });
    const before = await ok<StatementSnapshot>(f, 'statement.version', { versionId: v2 });
    const now = await ok<StatementSnapshot>(f, 'statement.version', { versionId: 'current' });
    const d = diffSnapshots(before, now);
    expect(d.counts).toMatchObject({ changed: 1, removed: 1, added: 0 });
    const changed = d.sections.flatMap((s) => s.blocks).find((b) => b.id === 'st-rec-2')!;
    expect(changed.fields[0]!.parts.some((p) => p.op === 'added' && p.text.includes('Kokonaan'))).toBe(true);

    const { id: restored } = await ok<{ id: string }>(f, 'statement.restoreVersion', { versionId: v2 });
    expect(block('st-rec-8')).toBeTruthy();
    expect(block('st-rec-2').text).toBe(before.blocks.find((b) => b.id === 'st-rec-2')!.text);
    expect(block('st-rec-2').version).toBe(4);
    const kinds = db().prepare('SELECT kind, name FROM statement_version ORDER BY created_at, id').all();
    expect(kinds).toEqual([
      { kind: 'named', name: 'Luonnos 1. päivän jälkeen' },
      { kind: 'named', name: 'Ennen muutoksia' },
      { kind: 'beforeRestore', name: 'Ennen muutoksia' },
      { kind: 'restored', name: 'Ennen muutoksia' },
    ]);
    expect(restored).toBeTruthy();
    // The state replaced by the restore can itself be restored.
    const replaced = db().prepare("SELECT snapshot FROM statement_version WHERE kind = 'beforeRestore'").pluck().get() as string;
    expect((JSON.parse(replaced) as StatementSnapshot).blocks.some((b) => b.id === 'st-rec-8')).toBe(false);
    // A Swedish translation that was current in the version is current again.
    expect(readStatement(db(), 'sv').sections[0]!.blocks[0]!.translation).toBe('current');
  });

  it('takes amendments from a table: scoped to that table, accepted or declined by the facilitator', async () => {
    const t2 = await pair('secretary', 2);
    const t3 = await pair('secretary', 3);
    const amendmentId = uuidv7();
    await ok(t2, 'statement.proposeAmendment', { amendmentId, blockId: 'st-rec-1', text: 'Liikkuvat palvelut myös iltaisin.', reason: 'Työssäkäyvät' });
    // Sent again from the outbox: nothing new.
    await ok(t2, 'statement.proposeAmendment', { amendmentId, blockId: 'st-rec-1', text: 'Liikkuvat palvelut myös iltaisin.', reason: 'Työssäkäyvät' });
    const seen = await t2.next('changes', (m) => m.changes.some((c) => c.topic === 'statementAmendments'));
    expect(seen.changes.find((c) => c.topic === 'statementAmendments')!.value).toMatchObject({ tableNo: 2, status: 'pending' });
    const second = uuidv7();
    await ok(t3, 'statement.proposeAmendment', { amendmentId: second, blockId: 'st-rec-2', text: 'Toinen ehdotus.', reason: '' });
    // Table 2 does not see table 3's proposals, in the feed or a snapshot.
    t2.send({ t: 'hello', epoch: null, seq: null });
    const snap = await t2.next('snapshot');
    expect(Object.values(snap.data.statementAmendments ?? {}).map((a) => (a as StatementAmendment).id)).toEqual([amendmentId]);
    expect(Object.keys(snap.data.statementBlocks ?? {})).toContain('st-rec-1');
    expect(snap.data.statementLocks).toBeUndefined();
    // A secretary may not edit or decide.
    expect((await cmd(t2, 'statement.saveBlock', { blockId: 'st-rec-1', baseVersion: 2, text: 'x' })).t).toBe('reject');
    expect((await cmd(t2, 'statement.decideAmendment', { amendmentId, decision: 'accept' })).t).toBe('reject');

    await ok(f, 'statement.decideAmendment', { amendmentId, decision: 'accept', note: '' });
    expect(block('st-rec-1')).toMatchObject({ text: 'Liikkuvat palvelut myös iltaisin.', version: 3 });
    await ok(f, 'statement.decideAmendment', { amendmentId: second, decision: 'decline', note: 'Sisältyy jo suositukseen 4.' });
    const decided = await t2.next('changes', (m) => m.changes.some((c) => c.topic === 'statementAmendments' && (c.value as StatementAmendment | null)?.status === 'accepted'));
    expect(decided).toBeTruthy();
    expect((await cmd(f, 'statement.decideAmendment', { amendmentId, decision: 'decline' })).t).toBe('reject');
    expect(db().prepare('SELECT status, decision_note FROM statement_amendment ORDER BY created_at').all()).toEqual([
      { status: 'accepted', decision_note: '' },
      { status: 'declined', decision_note: 'Sisältyy jo suositukseen 4.' },
    ]);
    // The Swedish translation of recommendation 1 is now outdated.
    expect(readStatement(db(), 'sv').sections[0]!.blocks[0]!.translation).toBe('outdated');
    t2.close();
    t3.close();
  });

  it('locks a final version: approval first, then a stable SHA-256, no edits, only follow-up', async () => {
    expect(await cmd(f, 'statement.finalize', {})).toMatchObject({ t: 'reject', error: { code: 'statement.approvalMissing' } });
    await ok(f, 'statement.setApproval', { method: 'decision', decisionText: 'Hyväksytty yksimielisesti täysistunnossa.', approvedOn: '2026-11-21', approvedBy: 'Paneelin täysistunto' });
    const participant = db().prepare('SELECT id, display_name FROM participant LIMIT 1').get() as { id: string; display_name: string };
    await ok(f, 'statement.setConsent', { participantId: participant.id, named: true });
    await ok(f, 'statement.addAnnex', { visibility: 'confidential', title: 'Yhteystiedot', text: 'Ei julkinen.' });
    const { sha256 } = await ok<{ sha256: string }>(f, 'statement.finalize', {});
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    const stored = db().prepare("SELECT canonical_json, sha256 FROM statement_final WHERE id = 'final'").get() as { canonical_json: string; sha256: string };
    expect(stored.sha256).toBe(sha256);
    expect(sha256Hex(stored.canonical_json)).toBe(sha256);
    const s = readStatement(db());
    expect(s.final?.sha256).toBe(sha256);
    expect(s.namedParticipants).toEqual([participant.display_name]);
    expect(s.annexes.confidential.map((a) => a.title)).toEqual(['Yhteystiedot']);
    expect(s.annexes.public).toEqual([]);

    for (const [name, input] of [
      ['statement.saveBlock', { blockId: 'st-rec-1', baseVersion: 2, text: 'muutos' }],
      ['statement.lock', { blockId: 'st-rec-1' }],
      ['statement.addSection', { title: 'x' }],
      ['statement.saveVersion', { name: 'x' }],
      ['statement.saveTranslation', { targetId: 'st-rec-2', language: 'sv', title: 'x', text: 'y' }],
      ['statement.proposeAmendment', { amendmentId: uuidv7(), blockId: 'st-rec-1', text: 'x' }],
    ] as const) {
      expect(await cmd(f, name, input)).toMatchObject({ t: 'reject', error: { code: 'statement.final' } });
    }
    await ok(f, 'statement.setFollowUp', { blockId: 'st-rec-1', status: 'planned', reasons: 'Terveysbussi aloittaa 2027.', answeredOn: '2027-11-30' });
    const after = readStatement(db());
    expect(after.sections[0]!.blocks[0]).toMatchObject({ followUp: { status: 'planned', answeredOn: '2027-11-30' } });
    // Follow-up is not part of the checksum: the final content hashes the same.
    const { finalContent } = await import('../../main/features/statement/statement.js');
    expect(sha256Hex(canonicalJson(finalContent(db())))).toBe(sha256);
  });

  it('puts the draft on the projector for the read-through: the projector sees it, the last shown wins', async () => {
    const projector = await pair('projector', null);
    const table = await pair('secretary', 2);
    const demoVote = (db().prepare('SELECT id FROM vote LIMIT 1').get() as { id: string }).id;
    await ok(f, 'votes.showResults', { voteId: demoVote });
    await ok(f, 'statement.showOnProjector', { mode: 'one', blockId: 'st-rec-4' });
    projector.send({ t: 'hello', epoch: null, seq: null });
    const seen = await projector.next('snapshot');
    expect(seen.data.statementShown!.shown).toEqual({ mode: 'one', blockId: 'st-rec-4', language: null });
    expect(seen.data.statementBlocks!['st-rec-4']).toMatchObject({ kind: 'recommendation' });
    // The statement took the results down; results shown again take the statement down.
    expect(seen.data.shownResults!.shown).toEqual({ voteId: null });
    await ok(f, 'statement.showOnProjector', { mode: 'scroll', blockId: 'st-min-1' });
    await ok(f, 'votes.showResults', { voteId: demoVote });
    f.send({ t: 'hello', epoch: null, seq: null });
    const after = await f.next('snapshot');
    expect(after.data.statementShown!.shown).toEqual({ mode: null, blockId: null, language: null });
    expect(after.data.shownResults!.shown).toEqual({ voteId: demoVote });
    // A seating round ("find your table") also takes it down.
    await ok(f, 'statement.showOnProjector', { mode: 'one', blockId: null });
    const round = (db().prepare('SELECT id FROM seating_round LIMIT 1').get() as { id: string }).id;
    await ok(f, 'seating.show', { roundId: round });
    f.send({ t: 'hello', epoch: null, seq: null });
    expect((await f.next('snapshot')).data.statementShown!.shown).toEqual({ mode: null, blockId: null, language: null });
    expect(await cmd(f, 'statement.showOnProjector', { mode: 'one', blockId: 'no-such-block' })).toMatchObject({ t: 'reject', error: { code: 'statement.notFound' } });
    expect(await cmd(table, 'statement.showOnProjector', { mode: 'one', blockId: null })).toMatchObject({ t: 'reject', error: { code: 'scope.forbidden' } });
    projector.close();
    table.close();
  });

  it('shows the draft on the projector in the translation: only a language the statement has, kept while it is taken down', async () => {
    const projector = await pair('projector', null);
    const table = await pair('secretary', 2);
    await ok(f, 'statement.showOnProjector', { mode: 'one', blockId: 'st-rec-1' });
    // The demo statement is in Finnish with a Swedish translation: English is not one of its languages.
    expect(await cmd(f, 'statement.setProjectorLanguage', { language: 'en' })).toMatchObject({ t: 'reject', error: { code: 'statement.noSuchLanguage', params: { language: 'en' } } });
    expect(await cmd(f, 'statement.setProjectorLanguage', { language: 'de' })).toMatchObject({ t: 'reject', error: { code: 'protocol.badField' } });
    expect(await cmd(table, 'statement.setProjectorLanguage', { language: 'sv' })).toMatchObject({ t: 'reject', error: { code: 'scope.forbidden' } });
    await ok(f, 'statement.setProjectorLanguage', { language: 'sv' });
    projector.send({ t: 'hello', epoch: null, seq: null });
    expect((await projector.next('snapshot')).data.statementShown!.shown).toEqual({ mode: 'one', blockId: 'st-rec-1', language: 'sv' });
    // Stepping keeps the language; a vote's results take the draft down but not the choice.
    await ok(f, 'statement.showOnProjector', { mode: 'scroll', blockId: 'st-rec-2' });
    const demoVote = (db().prepare('SELECT id FROM vote LIMIT 1').get() as { id: string }).id;
    await ok(f, 'votes.showResults', { voteId: demoVote });
    f.send({ t: 'hello', epoch: null, seq: null });
    expect((await f.next('snapshot')).data.statementShown!.shown).toEqual({ mode: null, blockId: null, language: 'sv' });
    // The main language is kept as null; a statement without its translation refuses Swedish.
    await ok(f, 'statement.setProjectorLanguage', { language: 'fi' });
    await ok(f, 'statement.update', { secondLanguage: null });
    expect(await cmd(f, 'statement.setProjectorLanguage', { language: 'sv' })).toMatchObject({ t: 'reject', error: { code: 'statement.noSuchLanguage' } });
    f.send({ t: 'hello', epoch: null, seq: null });
    expect((await f.next('snapshot')).data.statementShown!.shown).toEqual({ mode: null, blockId: null, language: null });
    projector.close();
    table.close();
  });
});

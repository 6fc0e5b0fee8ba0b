/**
 * The facilitator's side of the room: two table laptops pair on http://room.test:PORT and send
 * notes and questions (over the protocol, with the tables' own session cookies); the facilitator's
 * wall shows them live under the right tables, filters by kind, marks a note, groups three notes
 * from two tables into a draft recommendation (its sources shown), transcribes a paper note; the
 * question queue merges the two tables' questions and puts the merged one on the projector.
 * Materials get a link and a file; the room check lists the devices. Screenshots go to
 * .tmp/screens/wall-*.png, questions-*.png, materials-*.png, roomcheck-*.png.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Device } from '../../shared/devices.js';
import { uuidv7 } from '../../shared/ids.js';
import type { HostStatus } from '../../shared/panel.js';
import { ROOM_ADDRESS, ROOM_HOSTNAME, sessionCookie } from '../support/browser.js';
import { type HostProcess, startDemoHost } from '../support/hub.js';
import { connectClient, type TestClient } from '../support/wsClient.js';
import { expectAccessible } from '../support/axe.js';

const SCREENS = path.resolve('.tmp/screens');
/** The demo's clock has day 2's first item ready on stage. */
const ITEM = 'item-2-01';

let dir: string;
let host: HostProcess;

test.beforeEach(async () => {
  ({ dir, host } = await startDemoHost('wall'));
});

test.afterEach(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A protocol peer: sends commands and waits for their acknowledgement. */
class Peer {
  constructor(public client: TestClient) {}

  static async open(origin: string, cookie: string, address?: string): Promise<Peer> {
    const client = await connectClient({ origin, cookie, address });
    client.send({ t: 'hello', epoch: null, seq: null });
    await client.next('snapshot', undefined, 10_000);
    return new Peer(client);
  }

  async cmd(name: string, input: unknown): Promise<unknown> {
    const id = uuidv7();
    this.client.send({ t: 'cmd', id, name, input });
    const reply = await Promise.race([this.client.next('ack', (m) => m.id === id, 10_000), this.client.next('reject', (m) => m.id === id, 10_000)]);
    if (reply.t === 'reject') throw new Error(`${name} refused: ${JSON.stringify(reply.error)}`);
    return reply.result;
  }

  hostStatus(): HostStatus | null {
    const last = [...this.client.messages].reverse().find((m) => m.t === 'host');
    return last && last.t === 'host' ? last.status : null;
  }

  devices(): Device[] {
    const map = new Map<string, Device>();
    for (const m of this.client.messages) {
      if (m.t === 'snapshot') for (const [k, v] of Object.entries(m.data.devices ?? {})) map.set(k, v as Device);
      if (m.t !== 'changes') continue;
      for (const c of m.changes) {
        if (c.topic !== 'devices') continue;
        if (c.value === null) map.delete(c.key);
        else map.set(c.key, c.value as Device);
      }
    }
    return [...map.values()];
  }
}

/** A table laptop pairs through the join page; the facilitator approves it over the protocol. */
async function pairTable(fac: Peer, page: Page, roomOrigin: string, tableNo: number): Promise<void> {
  const pairingCode = fac.hostStatus()!.room.pairingCode!;
  const name = `Pöydän ${tableNo} kone`;
  await page.goto(`${roomOrigin}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Liity paneeliin' })).toBeVisible();
  await page.getByLabel('Parituskoodi').fill(pairingCode);
  await page.getByLabel('Tämän laitteen nimi').fill(name);
  await page.getByLabel('Pöydän numero').fill(String(tableNo));
  await page.getByRole('button', { name: 'Liity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Odotetaan hyväksyntää' })).toBeVisible();
  await expect.poll(() => fac.devices().find((d) => d.name === name && d.status === 'pending')?.id ?? null).not.toBeNull();
  await fac.cmd('device.approve', { deviceId: fac.devices().find((d) => d.name === name)!.id });
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Pöytä ${tableNo}`) })).toBeVisible();
}

const note = (tableNo: number, kind: string, text: string) => ({ noteId: uuidv7(), tableNo, itemId: ITEM, kind, text });

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

test('the wall, grouping into a draft, the question queue, the projector, transcription, materials and the room check', async ({ browser }) => {
  test.setTimeout(180_000);
  const facContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const facPage = await facContext.newPage();
  await facPage.goto(host.facilitatorUrl);
  await expect(facPage.locator('h1')).toBeVisible();
  const fac = await Peer.open(host.origin, await sessionCookie(facContext, host.origin));
  await fac.cmd('host.openRoom', {});
  await expect.poll(() => fac.hostStatus()?.room.open ?? false).toBe(true);
  const roomOrigin = `http://${ROOM_HOSTNAME}:${new URL(fac.hostStatus()!.room.joinUrls[0]!).port}`;

  // ---- two table laptops join; each also speaks the protocol with its own session
  const contexts: BrowserContext[] = [facContext];
  const tables: Peer[] = [];
  for (const no of [1, 2]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    await pairTable(fac, await context.newPage(), roomOrigin, no);
    tables.push(await Peer.open(roomOrigin, await sessionCookie(context, roomOrigin), ROOM_ADDRESS));
  }
  const [t1, t2] = tables as [Peer, Peer];

  await t1.cmd('notes.add', note(1, 'keyPoint', 'Lähipalvelut ovat tärkeitä ikäihmisille.'));
  await t2.cmd('notes.add', note(2, 'argumentAgainst', 'Etäpalvelut eivät sovi kaikille.'));

  // ---- the wall shows them under the right tables, and new ones live
  await facPage.goto(`${host.origin}/#/wall`);
  await expect(facPage.getByRole('heading', { level: 1, name: 'Pöytien muistiinpanot' })).toBeVisible();
  const column = (no: number) => facPage.locator(`.wall-column[data-table="${no}"]`);
  await expect(column(1).getByText('Lähipalvelut ovat tärkeitä ikäihmisille.')).toBeVisible();
  await expect(column(2).getByText('Etäpalvelut eivät sovi kaikille.')).toBeVisible();
  await expect(column(1).getByText('Etäpalvelut eivät sovi kaikille.')).toHaveCount(0);
  await expect(facPage.locator('.wall-waiting')).toContainText('Pöytä 1:');
  await expect(facPage.locator('.wall-waiting')).toContainText('Pöytä 2:');

  const p1 = 'Terveysasema auki myös iltaisin.';
  const p2 = 'Liikkuva palvelubussi kyliin.';
  const p3 = 'Iltavastaanotto terveysasemalle.';
  await t1.cmd('notes.add', note(1, 'proposal', p1));
  await t1.cmd('notes.add', note(1, 'proposal', p2));
  await t2.cmd('notes.add', note(2, 'proposal', p3));
  await t2.cmd('notes.add', note(2, 'argumentFor', 'Bussi tavoittaa ne, joilla ei ole autoa.'));
  await expect(column(1).locator('.wall-note')).toHaveCount(3);
  await expect(column(2).locator('.wall-note')).toHaveCount(3);
  await expect(column(2).getByText(p3)).toBeVisible();
  await shot(facPage, 'wall-live');

  // ---- filter by kind: proposals only
  await facPage.getByRole('checkbox', { name: 'Kaikki lajit' }).uncheck();
  await facPage.locator('.wall-kinds').getByRole('checkbox', { name: 'Ehdotus' }).check();
  await expect(facPage.locator('.wall-note')).toHaveCount(3);
  await expect(facPage.getByText('Lähipalvelut ovat tärkeitä ikäihmisille.')).toHaveCount(0);
  await expect(facPage.locator('.wall-note.wn-proposal')).toHaveCount(3);

  // ---- mark one
  await facPage.getByRole('button', { name: `Merkitse tähdellä: ${p1}` }).click();
  await expect(facPage.getByRole('button', { name: `Poista tähti: ${p1}` })).toHaveAttribute('aria-pressed', 'true');

  // ---- select three proposals from two tables (keyboard for one) and group them
  await facPage.getByRole('checkbox', { name: `Valitse muistiinpano: Ehdotus: ${p1}` }).check();
  await facPage.getByRole('checkbox', { name: `Valitse muistiinpano: Ehdotus: ${p2}` }).focus();
  await facPage.keyboard.press('Space');
  await facPage.getByRole('checkbox', { name: `Valitse muistiinpano: Ehdotus: ${p3}` }).check();
  await expect(facPage.locator('.wall-selection-count')).toHaveText('3 muistiinpanoa valittu pöydiltä 1, 2');
  await shot(facPage, 'wall-selected');
  await facPage.getByRole('button', { name: 'Ryhmittele suositusluonnokseksi' }).click();
  const dialog = facPage.getByRole('dialog', { name: 'Ryhmittele suositusluonnokseksi' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Luonnoksen otsikko').fill('Terveyspalvelut lähelle myös iltaisin');
  await dialog.getByLabel('Suosituksen teksti').fill('Terveysasema palvelee iltaisin, ja palvelubussi kiertää kylissä.');
  await shot(facPage, 'wall-group-dialog');
  await dialog.getByRole('button', { name: 'Tee luonnos' }).click();
  await expect(dialog).toBeHidden();
  const draft = facPage.locator('.draft', { hasText: 'Terveyspalvelut lähelle myös iltaisin' });
  await expect(draft.locator('.draft-meta')).toHaveText('3 muistiinpanoa pöydiltä 1, 2');
  await draft.getByRole('button', { name: 'Näytä lähteet' }).click();
  for (const text of [p1, p2, p3]) await expect(draft.locator('.draft-sources')).toContainText(text);
  await expect(facPage.locator('.wall-selection-count')).toHaveText(/^Valitse samankaltaisia/);
  await expect(column(1).locator('.wall-note', { hasText: p1 }).locator('.wall-note-drafts')).toContainText('Terveyspalvelut lähelle myös iltaisin');
  await shot(facPage, 'wall-draft');
  await expectAccessible(facPage, 'wall with notes and a draft');

  // ---- a paper note, transcribed
  await facPage.getByRole('checkbox', { name: 'Kaikki lajit' }).check();
  await facPage.getByText('Kirjoita paperimuistiinpanoja').click();
  const form = facPage.locator('.transcribe-form');
  await form.getByLabel('Pöytä').selectOption('2');
  await form.getByLabel('Laji').selectOption('disagreement');
  await form.getByLabel('Muistiinpano').fill('Pöytä oli eri mieltä siitä, kuka maksaa bussin.');
  await form.getByRole('button', { name: 'Tallenna muistiinpano' }).click();
  await expect(form.getByRole('status')).toHaveText('Tallennettu pöydän 2 muistiinpanoksi.');
  const paper = column(2).locator('.wall-note', { hasText: 'Pöytä oli eri mieltä siitä, kuka maksaa bussin.' });
  await expect(paper).toBeVisible();
  await expect(paper.locator('.wall-transcribed')).toContainText('puhtaaksikirjoittanut:');
  await expect(form.getByLabel('Muistiinpano')).toHaveValue('');
  await shot(facPage, 'wall-transcribed');

  // ---- a question from each table; the facilitator merges them and projects the merged one
  const q1 = 'Miten iltavastaanotto rahoitetaan?';
  const q2 = 'Kuka maksaa terveysaseman iltavastaanoton?';
  await t1.cmd('questions.ask', { questionId: uuidv7(), tableNo: 1, itemId: ITEM, expertId: 'expert-1', text: q1 });
  await t2.cmd('questions.ask', { questionId: uuidv7(), tableNo: 2, itemId: ITEM, expertId: 'expert-1', text: q2 });
  await t1.cmd('questions.ask', { questionId: uuidv7(), tableNo: 1, itemId: ITEM, expertId: null, text: 'Voiko palvelubussiin varata ajan?' });
  await facPage.goto(`${host.origin}/#/questions`);
  await expect(facPage.getByRole('heading', { level: 1, name: 'Kysymykset asiantuntijoille' })).toBeVisible();
  await expect(facPage.locator('.qq-item')).toHaveCount(3);
  await shot(facPage, 'questions-queue');
  // Move the third up with the keyboard-reachable button: it lands second.
  await facPage.getByRole('button', { name: 'Siirrä ylös: Voiko palvelubussiin varata ajan?' }).click();
  await expect(facPage.locator('.qq-item').nth(1)).toContainText('Voiko palvelubussiin varata ajan?');
  await facPage.getByRole('checkbox', { name: `Valitse kysymys: ${q1}` }).check();
  await facPage.getByRole('checkbox', { name: `Valitse kysymys: ${q2}` }).check();
  await facPage.getByRole('button', { name: 'Yhdistä', exact: true }).click();
  const merge = facPage.getByRole('dialog');
  await expect(merge).toBeVisible();
  await merge.getByRole('radio', { name: new RegExp(q2) }).check();
  await shot(facPage, 'questions-merge-dialog');
  await merge.getByRole('button', { name: 'Yhdistä' }).click();
  await expect(merge).toBeHidden();
  await expect(facPage.locator('.qq-item')).toHaveCount(2);
  const merged = facPage.locator('.qq-item', { hasText: q2 });
  await expect(merged.locator('.qq-meta')).toContainText('Pöydiltä 1, 2');
  await expect(merged).toContainText('Mukana 1 samanlainen kysymys');
  await merged.getByRole('button', { name: `Näytä valkokankaalla: ${q2}` }).click();
  await expect(merged).toHaveClass(/is-projected/);
  await expect(facPage.locator('.on-projector-text')).toHaveText(q2);
  await merged.getByRole('button', { name: `Kirjaa vastaus kysymykseen: ${q2}` }).click();
  await merged.getByLabel('Vastauksen ydin').fill('Hyvinvointialue rahoittaa kokeilun vuoden ajan.');
  await merged.getByRole('button', { name: 'Tallenna vastaus' }).click();
  await expect(merged.locator('.qq-answer')).toContainText('Hyvinvointialue rahoittaa kokeilun vuoden ajan.');
  await shot(facPage, 'questions-projected');
  await expectAccessible(facPage, 'question queue');

  // A vote's results on the projector take the whole screen; the demo may show some: take them off.
  await fac.cmd('votes.showResults', { voteId: null }).catch(() => undefined);
  const projector = await facContext.newPage();
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.goto(`${host.origin}/#/projector`);
  await expect(projector.locator('.projector-asked-text')).toHaveText(q2);
  await expect(projector.locator('.projector-asked-tables')).toHaveText('Pöydiltä 1, 2');
  await projector.screenshot({ path: path.join(SCREENS, 'questions-projector.png') });
  await merged.getByRole('button', { name: `Poista valkokankaalta: ${q2}` }).click();
  await expect(projector.locator('.projector-asked')).toHaveCount(0);
  await projector.close();

  // ---- materials: a link and a file for an expert
  await facPage.goto(`${host.origin}/#/materials`);
  await expect(facPage.getByRole('heading', { level: 1, name: 'Asiantuntijoiden materiaalit' })).toBeVisible();
  const expert = facPage.locator('.expert-materials').first();
  await expert.locator('.mat-add summary').click();
  const link = expert.getByRole('form', { name: /^Lisää linkki:/ });
  await link.getByLabel('Otsikko').fill('Palveluverkkoselvitys');
  await link.getByLabel('Osoite').fill('https://example.org/selvitys');
  await link.getByRole('button', { name: 'Lisää linkki' }).click();
  await expect(expert.getByRole('link', { name: /Palveluverkkoselvitys/ })).toHaveAttribute('href', 'https://example.org/selvitys');
  const upload = expert.getByRole('form', { name: /^Lisää tiedosto:/ });
  await upload.getByLabel('Tiedosto', { exact: true }).setInputFiles({ name: 'diat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await upload.getByRole('button', { name: 'Lisää tiedosto' }).click();
  await expect(upload.getByRole('status')).toHaveText('Tiedosto diat lisättiin.');
  await expect(expert.getByRole('link', { name: /^diat/ })).toBeVisible();
  await shot(facPage, 'materials');
  await expectAccessible(facPage, 'materials');

  // ---- the room check
  await facPage.goto(`${host.origin}/#/roomcheck`);
  await expect(facPage.getByRole('heading', { level: 1, name: 'Salin tarkistus' })).toBeVisible();
  await expect(facPage.locator('.rc-state')).toContainText('Sali on auki');
  await expect(facPage.locator('.rc-table tbody tr')).toHaveCount(2);
  await expect(facPage.locator('.rc-table')).toContainText('Pöydän 1 kone');
  await expect(facPage.getByRole('heading', { name: 'Jos laitteet eivät saa yhteyttä' })).toBeVisible();
  await shot(facPage, 'roomcheck');

  // ---- the blank sheets for the item on stage
  const sheets = await facPage.request.get(`${host.origin}/api/print/note-sheets.pdf?lang=fi&table=2`);
  expect(sheets.status()).toBe(200);
  expect((await sheets.body()).subarray(0, 5).toString()).toBe('%PDF-');

  for (const p of tables) p.client.close();
  fac.client.close();
  await Promise.all(contexts.map((c) => c.close()));
});

/**
 * Every screen, scanned with axe (WCAG 2.0/2.1 A and AA) on the demo panel, with a screenshot of
 * each in .tmp/screens/ for a person to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { type HostProcess, startDemoHost } from '../support/hub.js';
import { ROOM_HOSTNAME, sessionCookie } from '../support/browser.js';
import { connectClient } from '../support/wsClient.js';
import { uuidv7 } from '../../shared/ids.js';

const SCREENS = path.resolve('.tmp/screens');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let dir: string;
let host: HostProcess;
const violations: string[] = [];

async function scan(page: Page, name: string): Promise<void> {
  // Let fonts, the QR image and live regions settle before looking.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.screenshot({ path: path.join(SCREENS, `axe-${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  for (const v of results.violations) {
    violations.push(`${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  }
  expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1);
}

async function phone(context: BrowserContext, url: string, name: string): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url);
  await expect(page.locator('h1')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS, `phone-${name}.png`), fullPage: true });
  await page.close();
}

test.beforeEach(async () => {
  violations.length = 0;
  ({ dir, host } = await startDemoHost('axe'));
});

test.afterEach(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('every screen passes an axe WCAG 2.1 AA scan', async ({ browser }) => {
  test.setTimeout(240_000);
  const facContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const fac = await facContext.newPage();

  // ---- the facilitator's screens on the demo panel
  await fac.goto(host.facilitatorUrl);
  await expect(fac.getByRole('heading', { level: 2, name: 'Ohjelma' })).toBeVisible();
  await expect(fac.locator('.agenda-item').first()).toBeVisible();
  await scan(fac, 'overview');

  await fac.goto(`${host.origin}/#/panel`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Paneelin perustiedot' })).toBeVisible();
  await fac.getByLabel('Nimi', { exact: true }).fill('');
  await fac.getByRole('button', { name: 'Tallenna' }).click();
  await expect(fac.getByText('Pakollinen tieto.')).toBeVisible();
  await scan(fac, 'panel-basics-invalid');
  await fac.getByRole('button', { name: 'Hylkää muutokset' }).click();

  await fac.goto(`${host.origin}/#/backups`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Varmuuskopiot' })).toBeVisible();
  await scan(fac, 'backups');

  await fac.goto(`${host.origin}/#/programme`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Ohjelma' })).toBeVisible();
  await expect(fac.locator('.pe-item').first()).toBeVisible();
  await scan(fac, 'programme');
  await fac.getByRole('button', { name: /^Muokkaa kohtaa / }).first().click();
  await fac.getByLabel('Kesto (min)').fill('0');
  await fac.getByRole('button', { name: 'Tallenna kohta' }).click();
  await expect(fac.getByText('Keston pitää olla kokonainen määrä minuutteja väliltä 1–600.')).toBeVisible();
  await scan(fac, 'programme-item-invalid');

  await fac.goto(`${host.origin}/#/run`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Kello' })).toBeVisible();
  await expect(fac.getByTestId('run-remaining')).toBeVisible();
  await scan(fac, 'run');

  await fac.goto(`${host.origin}/#/start`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Avaa tai luo paneeli' })).toBeVisible();
  await expect(fac.locator('.recent-item').first()).toBeVisible();
  await scan(fac, 'start');

  await fac.goto(`${host.origin}/#/room`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Sali' })).toBeVisible();
  await scan(fac, 'room-closed');
  await fac.getByRole('button', { name: 'Avaa sali' }).click();
  await expect(fac.getByRole('img', { name: /QR-koodi/ })).toBeVisible();
  await scan(fac, 'room-open');
  const pairingCode = (await fac.locator('.big-code').innerText()).trim();
  const viewCode = (await fac.locator('.medium-code').innerText()).trim();
  const roomPort = new URL((await fac.locator('.join-url').first().innerText()).trim()).port;
  const roomOrigin = `http://${ROOM_HOSTNAME}:${roomPort}`;

  // ---- a table laptop: join, waiting, table, no access
  const tableContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const table = await tableContext.newPage();
  await table.goto(`${roomOrigin}/`);
  await expect(table.getByRole('heading', { level: 1, name: 'Liity paneeliin' })).toBeVisible();
  await table.getByRole('button', { name: 'Liity' }).click();
  await expect(table.getByText('Tarkista koodi')).toBeVisible();
  await scan(table, 'join-invalid');
  await table.getByLabel('Parituskoodi').fill(pairingCode);
  await table.getByLabel('Tämän laitteen nimi').fill('Pöydän 2 kone');
  await table.getByLabel('Pöydän numero').fill('2');
  await table.getByRole('button', { name: 'Liity' }).click();
  await expect(table.getByRole('heading', { level: 1, name: 'Odotetaan hyväksyntää' })).toBeVisible();
  await scan(table, 'waiting');

  await expect(fac.getByRole('button', { name: 'Hyväksy Pöydän 2 kone' })).toBeVisible();
  await scan(fac, 'room-pending-device');
  await fac.getByRole('button', { name: 'Hyväksy Pöydän 2 kone' }).click();
  await expect(table.getByRole('heading', { level: 1, name: 'Pöytä 2' })).toBeVisible();
  await expect(table.locator('.clock-strip [data-remaining-seconds]')).toBeVisible();
  await scan(table, 'table');

  // ---- the facilitator's room screens: wall, question queue, materials, room check
  await fac.goto(`${host.origin}/#/wall`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Pöytien muistiinpanot' })).toBeVisible();
  await expect(fac.locator('.wall-waiting')).toContainText('Pöytä 2:');
  await scan(fac, 'wall');
  await fac.locator('.transcribe summary').click();
  await fac.locator('.transcribe-form').getByRole('button', { name: 'Tallenna muistiinpano' }).click();
  await expect(fac.getByText('Valitse pöytä.')).toBeVisible();
  await scan(fac, 'wall-transcribe-invalid');
  await fac.goto(`${host.origin}/#/questions`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Kysymykset asiantuntijoille' })).toBeVisible();
  await scan(fac, 'questions');
  await fac.goto(`${host.origin}/#/materials`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Asiantuntijoiden materiaalit' })).toBeVisible();
  await fac.locator('.mat-add summary').first().click();
  await scan(fac, 'materials');
  await fac.goto(`${host.origin}/#/roomcheck`);
  await expect(fac.locator('.rc-table tbody tr')).toHaveCount(1);
  await scan(fac, 'roomcheck');
  // ---- the statement: the editor's views, and the table's read-only draft with its amendment form
  await fac.goto(`${host.origin}/#/statement`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Lausuma' })).toBeVisible();
  await scan(fac, 'statement-draft');
  await fac.getByRole('button', { name: 'Versiot', exact: true }).click();
  await scan(fac, 'statement-versions');
  await fac.getByRole('button', { name: 'Hyväksyntä ja seuranta' }).click();
  for (const summary of await fac.locator('.record-tab details > summary').all()) await summary.click();
  await scan(fac, 'statement-record');
  await table.goto(`${table.url().split('#')[0]}#/statement`);
  await table.getByRole('button', { name: 'Ehdota muutosta suositukseen 1', exact: true }).click();
  await scan(table, 'statement-table-amendment');
  await table.getByRole('link', { name: 'Muistiinpanot' }).click();
  await fac.goto(`${host.origin}/#/room`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Sali' })).toBeVisible();
  await fac.getByRole('button', { name: 'Vaihda laitteen Pöydän 2 kone rooli tai pöytä' }).click();
  await scan(fac, 'room-device-assign');
  await fac.getByRole('button', { name: 'Peruuta' }).click();
  await fac.getByRole('button', { name: 'Poista laitteen Pöydän 2 kone pääsy' }).click();
  await expect(fac.getByRole('dialog')).toBeVisible();
  await scan(fac, 'room-revoke-dialog');
  await fac.getByRole('dialog').getByRole('button', { name: 'Poista pääsy' }).click();
  await expect(table.getByRole('heading', { level: 1, name: 'Tällä laitteella ei ole enää pääsyä' })).toBeVisible();
  await scan(table, 'no-access');
  await scan(fac, 'room-revoked-device');

  // ---- the read-only view with the view code
  const viewContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const viewer = await viewContext.newPage();
  await viewer.goto(`${roomOrigin}/#/view`);
  await expect(viewer.getByRole('heading', { level: 1, name: 'Seuraa paneelia' })).toBeVisible();
  await scan(viewer, 'view-code');
  await viewer.getByLabel('Katselukoodi').fill(viewCode);
  await viewer.getByRole('button', { name: 'Näytä' }).click();
  await expect(viewer.locator('.agenda-item').first()).toBeVisible();
  await expect(viewer.locator('.now-box [data-remaining-seconds]')).toBeVisible();
  await scan(viewer, 'viewer');
  await viewer.goto(`${roomOrigin}/#/speaker`);
  await expect(viewer.locator('.speaker [data-remaining-seconds]')).toBeVisible();
  await scan(viewer, 'speaker');

  // ---- votes: the list, a new vote's form, the demo's closed vote and its results on the projector
  await fac.goto(`${host.origin}/#/votes`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Äänestykset' })).toBeVisible();
  await expect(fac.locator('.vote-row').first()).toBeVisible();
  await scan(fac, 'votes');
  await fac.getByRole('link', { name: 'Uusi äänestys' }).click();
  await expect(fac.getByRole('heading', { level: 1, name: 'Uusi äänestys' })).toBeVisible();
  await scan(fac, 'vote-form');
  await fac.getByRole('link', { name: '← Kaikki äänestykset' }).click();
  await fac.locator('.vote-row a').first().click();
  await expect(fac.locator('.results-table')).toBeVisible();
  const showResults = fac.getByRole('button', { name: 'Näytä valkokankaalla' });
  if (await showResults.isVisible()) await showResults.click();
  await expect(fac.getByRole('button', { name: 'Poista valkokankaalta' })).toBeVisible();
  await scan(fac, 'vote-detail');
  await fac.goto(`${host.origin}/#/projector`);
  await expect(fac.locator('.projected-results .pr-row').first()).toBeVisible();
  await scan(fac, 'projector-results');
  await fac.goBack();
  await fac.getByRole('button', { name: 'Poista valkokankaalta' }).click();
  await expect(fac.getByRole('button', { name: 'Näytä valkokankaalla' })).toBeVisible();

  // ---- the facilitator's windows on the other screens
  await fac.goto(`${host.origin}/#/projector`);
  await expect(fac.locator('.projector-live [data-remaining-seconds]')).toBeVisible();
  await scan(fac, 'projector-clock');
  await fac.goto(`${host.origin}/#/checkin`);
  await expect(fac.locator('.checkin-list li').first()).toBeVisible();
  await scan(fac, 'checkin');
  await fac.getByLabel('Hae nimellä').fill('zzzz');
  await expect(fac.getByText('Kukaan ei vastaa hakua.')).toBeVisible();
  // The roster and seating (issue 8).
  await fac.goto(`${host.origin}/#/people`);
  await expect(fac.locator('.people-table tbody tr').first()).toBeVisible();
  await scan(fac, 'people');
  await fac.goto(`${host.origin}/#/seating`);
  await expect(fac.locator('.seat-table').first()).toBeVisible();
  await scan(fac, 'seating');
  // Recruitment and the fair lottery (issue 7): the demo's drawn panel.
  await fac.goto(`${host.origin}/#/selection`);
  await expect(fac.getByText('LEXIMIN, valmis')).toBeVisible();
  await scan(fac, 'selection');

  // ---- no session, ballot, Swedish and English
  const strangerContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const stranger = await strangerContext.newPage();
  await stranger.goto(`${host.origin}/`);
  await expect(stranger.getByRole('heading', { level: 1, name: 'Avaa Puntari sen käynnistyskomennolla' })).toBeVisible();
  await scan(stranger, 'no-session');
  await stranger.goto(`${host.origin}/#/ballot`);
  await expect(stranger.getByRole('heading', { level: 1, name: 'Äänestä' })).toBeVisible();
  await stranger.getByLabel('Äänestyskoodi').fill('ABCD2345');
  await stranger.getByRole('button', { name: 'Jatka' }).click();
  await expect(stranger.getByText('Koodissa on kirjoitusvirhe.')).toBeVisible();
  await scan(stranger, 'ballot');

  await fac.goto(`${host.origin}/#/`);
  await fac.getByRole('button', { name: 'English' }).click();
  await expect(fac.getByRole('heading', { level: 2, name: 'Programme' })).toBeVisible();
  await expect(fac.locator('html')).toHaveAttribute('lang', 'en');
  await scan(fac, 'overview-en');
  await fac.getByRole('button', { name: 'Svenska' }).click();
  await fac.goto(`${host.origin}/#/room`);
  await expect(fac.getByRole('heading', { level: 1, name: 'Sal' })).toBeVisible();
  await scan(fac, 'room-sv');

  // ---- a phone's width
  await phone(facContext, `${host.origin}/#/`, 'overview');
  await phone(facContext, `${host.origin}/#/room`, 'room');
  await phone(tableContext, `${roomOrigin}/`, 'join');

  expect(violations, violations.join('\n')).toEqual([]);

  await Promise.all([facContext.close(), tableContext.close(), viewContext.close(), strangerContext.close()]);
});

test('the table secretary\'s screen (empty, with notes, a conflict, questions) and the participants\' view with materials pass axe', async ({ browser }) => {
  test.setTimeout(120_000);
  const facContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const fac = await facContext.newPage();
  await fac.goto(host.facilitatorUrl);
  await expect(fac.locator('h1')).toBeVisible();
  const client = await connectClient({ origin: host.origin, cookie: await sessionCookie(facContext, host.origin) });
  client.send({ t: 'hello', epoch: null, seq: null });
  await client.next('snapshot', undefined, 10_000);
  const cmd = async (name: string, input: unknown) => {
    const id = uuidv7();
    client.send({ t: 'cmd', id, name, input });
    const reply = await Promise.race([client.next('ack', (m) => m.id === id, 10_000), client.next('reject', (m) => m.id === id, 10_000)]);
    if (reply.t === 'reject') throw new Error(`${name} refused: ${JSON.stringify(reply.error)}`);
    return reply.result;
  };
  const opened = client.next('host', (m) => m.status.room.open, 10_000);
  await cmd('host.openRoom', {});
  const room = (await opened).status.room;
  const roomOrigin = `http://${ROOM_HOSTNAME}:${host.port}`;
  await cmd('clock.start', { itemId: 'item-1-06' });
  await cmd('materials.addLink', { expertId: 'expert-1', title: 'Palveluverkkoselvitys 2026', url: 'https://example.org/palveluverkko' });

  // ---- a table laptop pairs and is approved
  const tableContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const table = await tableContext.newPage();
  await table.goto(`${roomOrigin}/`);
  await table.getByLabel('Parituskoodi').fill(room.pairingCode!);
  await table.getByLabel('Tämän laitteen nimi').fill('Pöydän 4 kone');
  await table.getByLabel('Pöydän numero').fill('4');
  const paired = client.next('changes', (m) => m.changes.some((c) => c.topic === 'devices' && (c.value as { status?: string } | null)?.status === 'pending'), 10_000);
  await table.getByRole('button', { name: 'Liity' }).click();
  await expect(table.getByRole('heading', { level: 1, name: 'Odotetaan hyväksyntää' })).toBeVisible();
  const pending = await paired;
  const deviceId = pending.changes.find((c) => c.topic === 'devices')!.key;
  await cmd('device.approve', { deviceId });
  await expect(table.getByRole('heading', { level: 1, name: 'Pöytä 4' })).toBeVisible();
  await expect(table.locator('.clock-strip [data-remaining-seconds]')).toBeVisible();
  await scan(table, 'notes-empty');

  // ---- with notes of several kinds, one edited with its history open
  const field = table.getByLabel(/^Kirjoita muistiinpano/);
  for (const [key, text] of [
    [1, 'Terveysaseman aukioloajat ovat liian lyhyet'],
    [2, 'Etävastaanotto säästää matka-aikaa'],
    [3, 'Kaikilla ei ole älypuhelinta'],
    [4, 'Liikkuva palvelubussi kyliin kerran viikossa'],
  ] as const) {
    await table.keyboard.press(`Alt+${key}`);
    await field.fill(text);
    await table.keyboard.press('Enter');
  }
  await expect(table.locator('.send-count')).toHaveText('Kaikki on lähetetty.');
  await expect(table.locator('.note-card')).toHaveCount(4);
  await scan(table, 'notes-with-notes');

  // ---- a conflict: the facilitator edits one note twice from the same version
  const snap = await (async () => {
    client.send({ t: 'hello', epoch: null, seq: null });
    return client.next('snapshot', undefined, 10_000);
  })();
  const note = Object.values(snap.data.tableNotes ?? {}).find((n) => n.text.startsWith('Kaikilla'))!;
  await cmd('notes.edit', { noteId: note.id, baseVersion: 1, kind: 'argumentAgainst', text: 'Kaikilla ei ole älypuhelinta eikä tietokonetta' });
  await cmd('notes.edit', { noteId: note.id, baseVersion: 1, kind: 'keyPoint', text: 'Digituki puuttuu' });
  await expect(table.locator('.conflict-box')).toBeVisible();
  await table.locator('.conflict-box').getByRole('button', { name: 'Kirjoita yhdistetty teksti' }).click();
  await scan(table, 'notes-conflict');

  // ---- the question form, a question asked and projected, the answer field
  await table.getByLabel('Kysymys', { exact: true }).fill('Miten digituki järjestetään kirjastoissa?');
  await table.getByRole('button', { name: 'Lähetä kysymys' }).click();
  await expect(table.locator('.question-status')).toHaveText('Jonossa');
  client.send({ t: 'hello', epoch: null, seq: null });
  const withQuestion = await client.next('snapshot', undefined, 10_000);
  const question = Object.values(withQuestion.data.questions ?? {})[0]!;
  await cmd('questions.project', { questionId: question.id });
  await expect(table.locator('.projected-banner')).toBeVisible();
  await table.getByLabel('Kysymys', { exact: true }).fill('Onko etävastaanotto maksuton?');
  await scan(table, 'notes-questions');

  // ---- the participants' view with the experts' materials
  const viewContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const viewer = await viewContext.newPage();
  await viewer.goto(`${roomOrigin}/#/view`);
  await viewer.getByLabel('Katselukoodi').fill(room.viewCode!);
  await viewer.getByRole('button', { name: 'Näytä' }).click();
  await expect(viewer.getByRole('link', { name: /Palveluverkkoselvitys 2026/ })).toBeVisible();
  await scan(viewer, 'viewer-materials');

  expect(violations, violations.join('\n')).toEqual([]);
  client.close();
  await Promise.all([facContext.close(), tableContext.close(), viewContext.close()]);
});

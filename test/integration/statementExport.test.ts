import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoPanel } from '../../main/features/demo/demoPanel.js';
import { buildStatementDocument } from '../../main/features/export/buildDocument.js';
import { exportStatement, renderStatement } from '../../main/features/export/exportStatement.js';
import { CSV_COLUMNS, type OpenData } from '../../main/features/export/openData.js';
import { toPdf } from '../../main/features/export/pdf.js';
import { startHub } from '../../main/hub/server.js';
import { openPanelFile, type OpenPanel } from '../../main/store/panelFile.js';
import { syntheticExportData } from '../support/statementFixture.js';
import { facilitatorCookie } from './hubClient.js';

// The statement's exports from the demo panel, read back with real readers: LibreOffice (DOCX),
// poppler's pdftotext / pdfinfo / pdffonts (PDF), papaparse (CSV).

const root = resolve(import.meta.dirname, '../..');
const has = (cmd: string, arg = '-v') => spawnSync(cmd, [arg]).error === undefined;
const hasPoppler = has('pdfinfo');
const hasSoffice = has('soffice', '--version');
if (!hasSoffice) console.warn('statementExport.test: soffice (LibreOffice) is missing, so the DOCX is not opened with a real reader');
if (!hasPoppler) console.warn('statementExport.test: poppler-utils is missing, so the PDF is not read back');

let dir: string;
let panelPath: string;
let panel: OpenPanel;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'puntari-statement-'));
  panelPath = join(dir, 'demo.puntari');
  writeDemoPanel(panelPath);
  panel = openPanelFile(panelPath);
});

afterAll(() => {
  panel?.close();
});

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('statement DOCX', () => {
  it.skipIf(!hasSoffice || !hasPoppler)(
    'opens in LibreOffice with its headings, tables and text',
    async () => {
      const out = join(dir, 'statement.docx');
      const outcome = await exportStatement(panel.db, { format: 'docx', out, language: 'fi' });
      expect(outcome.bytes).toBeGreaterThan(10_000);
      const lo = join(dir, 'lo');
      execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', lo, out], {
        timeout: 90_000,
        stdio: 'ignore',
      });
      const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', join(lo, 'statement.pdf'), '-']).toString('utf8'));
      for (const heading of ['Tehtävänanto', 'Tiivistelmä', 'Näin paneeli valittiin', 'Kuullut asiantuntijat', 'Ohjelma sellaisena kuin se toteutui', 'Osallistuminen', 'Hyväksyminen']) {
        expect(text).toContain(heading);
      }
      expect(text).toMatch(/Suositus 1: /);
      expect(text).toContain('Kotikunta: paneeli ja väestö');
      expect(text).toContain('Hyvinkää');
      expect(text).toContain('Marjut Halonen');
      // the document's own properties
      const info = execFileSync('pdfinfo', [join(lo, 'statement.pdf')]).toString('utf8');
      expect(info).toMatch(/Title:\s+Keski-Uudenmaan asukaspaneeli/);
    },
    120_000,
  );
});

describe('statement PDF', () => {
  it.skipIf(!hasPoppler)('is PDF/A-2a: tagged, with headings, tables, figures, embedded fonts, language and title', async () => {
    const out = join(dir, 'statement.pdf');
    await exportStatement(panel.db, { format: 'pdf', out, language: 'fi' });
    const pdf = readFileSync(out);
    const latin = pdf.toString('latin1');
    // (booleans, not matchers on the whole file: a failure would print the PDF)
    expect(/<pdfaid:part>2<\/pdfaid:part>/.test(latin)).toBe(true);
    expect(/<pdfaid:conformance>A<\/pdfaid:conformance>/.test(latin)).toBe(true);
    expect(/\/Lang \(fi-FI\)/.test(latin)).toBe(true);
    expect(latin.includes('/DisplayDocTitle true')).toBe(true);

    const info = execFileSync('pdfinfo', [out]).toString('utf8');
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Keski-Uudenmaan asukaspaneeli/);

    const struct = execFileSync('pdfinfo', ['-struct-text', out]).toString('utf8');
    for (const tag of ['H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD', 'L', 'LI', 'Figure']) expect(struct).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    expect(struct).toContain('"Tehtävänanto"');
    expect(flat(struct)).toContain('Kotikunta: paneeli ja väestö');

    const fonts = execFileSync('pdffonts', [out]).toString('utf8').trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).slice(-5, -4)[0], line).toBe('yes');

    // bookmarks: an outline with the chapters
    expect(/\/Outlines \d+ 0 R/.test(latin)).toBe(true);
    expect(latin.includes('/Title (\u00fe\u00ff')).toBe(true);
  }, 90_000);

  it.skipIf(!hasPoppler)('draws a 60-recommendation statement with its charts, data tables and page numbers', async () => {
    const { document } = buildStatementDocument(syntheticExportData({ recommendations: 60, sections: 6, final: true }), { language: 'fi', annexes: 'public' });
    const pdf = await toPdf(document);
    const out = join(dir, 'long.pdf');
    writeFileSync(out, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out]).toString('utf8'))?.[1]);
    expect(pages).toBeGreaterThan(30);
    const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-']).toString('utf8'));
    expect(text).toContain(`Sivu ${pages} / ${pages}`);
    expect(text).toContain('Suosituksen 60 äänet vastausvaihtoehdoittain');
    expect(text).toContain('a'.repeat(64));
    const struct = execFileSync('pdfinfo', ['-struct', out]).toString('utf8');
    expect(struct.match(/^\s*Figure/gm)?.length).toBe(60);
  }, 60_000);
});

describe('follow-up report', () => {
  const answered = 'Aluehallitus on varannut vuoden 2027 talousarvioon kaksi hyvinvointiautoa.';

  it.skipIf(!hasSoffice || !hasPoppler)(
    'DOCX opens in LibreOffice with its headings and the answers table',
    async () => {
      const out = join(dir, 'followup.docx');
      const outcome = await exportStatement(panel.db, { format: 'docx', document: 'followup', out, language: 'fi' });
      expect(outcome.warnings.map((w) => w.kind)).toEqual(Array(5).fill('noAnswer'));
      const lo = join(dir, 'lo-followup');
      execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', lo, out], {
        timeout: 90_000,
        stdio: 'ignore',
      });
      const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', join(lo, 'followup.pdf'), '-']).toString('utf8'));
      for (const heading of ['Seurantaraportti', 'Tiivistelmä', '1. Lähipalvelut ja palveluverkko', '3. Osallisuus ja tiedottaminen']) expect(text).toContain(heading);
      for (const header of ['Suositus', 'Vastaus', 'Perustelut', 'Päivämäärä']) expect(text).toContain(header);
      expect(text).toContain(answered);
      expect(text).toContain('16.2.2027');
      expect(text).toContain('Ei mahdollinen');
      expect(text).toContain('Ei vielä vastausta');
      const info = execFileSync('pdfinfo', [join(lo, 'followup.pdf')]).toString('utf8');
      expect(info).toMatch(/Title:\s+Seurantaraportti – Keski-Uudenmaan asukaspaneelin lausuma/);
    },
    120_000,
  );

  it.skipIf(!hasPoppler)('PDF is tagged PDF/A-2a with headings, a table with header cells, embedded fonts and the language', async () => {
    const out = join(dir, 'followup-sv.pdf');
    await exportStatement(panel.db, { format: 'pdf', document: 'followup', out, language: 'sv' });
    const latin = readFileSync(out).toString('latin1');
    expect(/<pdfaid:part>2<\/pdfaid:part>/.test(latin)).toBe(true);
    expect(/\/Lang \(sv-FI\)/.test(latin)).toBe(true);
    const info = execFileSync('pdfinfo', [out]).toString('utf8');
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Uppföljningsrapport – /);
    const struct = execFileSync('pdfinfo', ['-struct-text', out]).toString('utf8');
    for (const tag of ['H1', 'H2', 'Table', 'TR', 'TH', 'TD']) expect(struct).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    expect(struct).toContain('"Uppföljningsrapport"');
    const cells = flat(struct);
    for (const header of ['Rekommendation', 'Svar', 'Motivering', 'Datum', 'Genomförd', 'Planerad', 'Inte möjlig', 'Inget svar ännu']) expect(cells).toContain(`"${header}"`);
    const fonts = execFileSync('pdffonts', [out]).toString('utf8').trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).slice(-5, -4)[0], line).toBe('yes');
  }, 90_000);

  it('Markdown and HTML carry the same table; open data and archive are the statement\'s only', async () => {
    const md = (await renderStatement(panel.db, 'md', { language: 'en', document: 'followup' })).bytes.toString('utf8');
    expect(md).toMatch(/^# Follow-up report\n/);
    expect(md).toContain('| Recommendation | Answer | Reasons | Date |');
    expect(md).toContain(answered);
    const html = (await renderStatement(panel.db, 'html', { language: 'fi', document: 'followup' })).bytes.toString('utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="fi">/);
    expect(html).toContain('<th scope="col">Perustelut</th>');
    await expect(renderStatement(panel.db, 'csv', { language: 'fi', document: 'followup' })).rejects.toMatchObject({ code: 'protocol.badField' });
    await expect(exportStatement(panel.db, { format: 'archive', document: 'followup', out: join(dir, 'fu.puntari'), language: 'fi' })).rejects.toMatchObject({
      code: 'protocol.badField',
    });
  });
});

describe('open data', () => {
  it('CSV and JSON say the same numbers, and parse back', async () => {
    const json = JSON.parse((await renderStatement(panel.db, 'json', { language: 'fi' })).bytes.toString('utf8')) as OpenData;
    const csv = (await renderStatement(panel.db, 'csv', { language: 'fi' })).bytes.toString('utf8');
    expect(json.schema).toBe('puntari.statement.opendata/1');
    expect(json.recommendations.length).toBeGreaterThan(0);
    const voted = json.recommendations.filter((r) => r.vote);
    expect(voted.length).toBeGreaterThan(0);

    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    for (const rec of json.recommendations) {
      const rows = parsed.data.filter((r) => r.recommendation_number === rec.number);
      expect(rows[0]!.recommendation_title).toBe(rec.title);
      if (!rec.vote) {
        expect(rows).toHaveLength(1);
        expect(rows[0]!.answer_count).toBe('');
        continue;
      }
      expect(rows).toHaveLength(rec.vote.answers.length);
      for (const a of rec.vote.answers) {
        const row = rows.find((r) => r.answer_key === a.key)!;
        expect(Number(row.answer_count)).toBe(a.count);
        expect(row.answer_supports).toBe(String(a.supports));
      }
      expect(Number(rows[0]!.support_percent)).toBe(rec.vote.supportPercent);
      expect(Number(rows[0]!.base)).toBe(rec.vote.base);
      expect(rec.vote.answers.reduce((s, a) => s + a.count, 0)).toBe(rec.vote.answered);
    }
    // no personal data: no participant's name or e-mail anywhere
    const personal = panel.db.prepare('SELECT full_name, email FROM participant_personal').all() as { full_name: string; email: string }[];
    for (const p of personal) {
      expect(csv).not.toContain(p.full_name);
      expect(JSON.stringify(json)).not.toContain(p.email);
    }
  });
});

describe('HTML and Markdown', () => {
  it('HTML is standalone and accessible: lang, title, headings, th scope, charts as SVG with a table', async () => {
    const html = (await renderStatement(panel.db, 'html', { language: 'sv' })).bytes.toString('utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain('<h1 id=');
    expect(html).toContain('<th scope="col">');
    expect(html).toMatch(/<svg role="img" aria-labelledby="chart-\d+-t chart-\d+-d"/);
    expect(html).not.toMatch(/<script|src="http/);
    const md = (await renderStatement(panel.db, 'md', { language: 'fi' })).bytes.toString('utf8');
    expect(md).toMatch(/^# /);
    expect(md).toContain('## Näin paneeli valittiin');
    expect(md).toMatch(/\| :--- \|/);
  });
});

describe('archive and bad targets', () => {
  it('archives a consistent, checked copy that opens as a panel', async () => {
    const out = join(dir, 'archive.puntari');
    const outcome = await exportStatement(panel.db, { format: 'archive', out, language: 'fi' });
    expect(outcome.bytes).toBeGreaterThan(0);
    const copy = openPanelFile(out);
    try {
      const n = copy.db.prepare('SELECT COUNT(*) AS n FROM participant').get() as { n: number };
      expect(n.n).toBe((panel.db.prepare('SELECT COUNT(*) AS n FROM participant').get() as { n: number }).n);
    } finally {
      copy.close();
    }
  });

  it('refuses a missing folder and an existing file, and leaves a good file in place when an export is refused', async () => {
    await expect(exportStatement(panel.db, { format: 'md', out: join(dir, 'missing', 'x.md'), language: 'fi' })).rejects.toMatchObject({ code: 'export.notWritable' });
    const out = join(dir, 'keep.md');
    writeFileSync(out, 'good');
    await expect(exportStatement(panel.db, { format: 'md', out, language: 'fi' })).rejects.toMatchObject({ code: 'export.exists' });
    await expect(exportStatement(panel.db, { format: 'md', out, language: 'sv', force: true, strict: true })).rejects.toMatchObject({ code: 'export.incomplete' });
    expect(readFileSync(out, 'utf8')).toBe('good');
    await exportStatement(panel.db, { format: 'md', out, language: 'fi', force: true });
    expect(readFileSync(out, 'utf8')).toMatch(/^# /);
  });
});

describe('puntari export (CLI)', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'bin', 'puntari.mjs'), 'export', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, PUNTARI_LANG: 'en' } });

  it('warns on stderr, naming where, and still exports; --strict makes the warnings an error', () => {
    const copy = join(dir, 'cli.puntari');
    if (!existsSync(copy)) writeDemoPanel(copy);
    const ok = cli('--panel', copy, '--format', 'md', '--out', join(dir, 'cli.md'), '--lang', 'sv');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout.trim()).toBe(join(dir, 'cli.md'));
    expect(ok.stderr).toMatch(/Not translated \(sv\): /);
    expect(existsSync(join(dir, 'cli.md'))).toBe(true);

    const strict = cli('--panel', copy, '--format', 'html', '--out', join(dir, 'cli.html'), '--lang', 'sv', '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('--strict');
    expect(existsSync(join(dir, 'cli.html'))).toBe(false);

    const again = cli('--panel', copy, '--format', 'md', '--out', join(dir, 'cli.md'));
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('--force');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const bad = cli('--panel', copy, '--format', 'pdf', '--out', join(dir, 'nope', 'x.pdf'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Cannot write/);
  }, 60_000);

  it('--document followup writes the follow-up report and names the recommendations not yet answered', () => {
    const copy = join(dir, 'cli-followup.puntari');
    if (!existsSync(copy)) writeDemoPanel(copy);
    const out = join(dir, 'cli-followup.md');
    const ok = cli('--panel', copy, '--document', 'followup', '--format', 'md', '--out', out, '--lang', 'en');
    expect(ok.status, ok.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Follow-up report/);
    expect(ok.stderr).toMatch(/The authority has not answered yet: Recommendation 3 /);
    const wrong = cli('--panel', copy, '--document', 'followup', '--format', 'csv', '--out', join(dir, 'cli-followup.csv'));
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('--format');
  }, 60_000);
});

describe('GET /api/export/statement.*', () => {
  it('renders in a worker for a manager and refuses others', async () => {
    const hubDir = mkdtempSync(join(tmpdir(), 'puntari-statement-hub-'));
    const path = join(hubDir, 'demo.puntari');
    writeDemoPanel(path);
    const running = await startHub({ port: 0, home: join(hubDir, 'home'), panelPath: path, roomBind: ['127.0.0.2'], roomHostnames: ['room.test'] });
    try {
      const { origin, cookie } = await facilitatorCookie(running.facilitatorUrl());
      const pdf = await fetch(`${origin}/api/export/statement.pdf?lang=sv`, { headers: { cookie } });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('content-disposition')).toMatch(/attachment; filename=".*-utlatande-\d{4}-\d{2}-\d{2}\.pdf"/);
      const warnings = JSON.parse(decodeURIComponent(pdf.headers.get('x-puntari-warnings') ?? '[]')) as { kind: string }[];
      expect(warnings.some((w) => w.kind === 'untranslated')).toBe(true);
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
      const docx = await fetch(`${origin}/api/export/statement.docx`, { headers: { cookie } });
      expect(docx.status).toBe(200);
      expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
      const followUp = await fetch(`${origin}/api/export/followup.pdf?lang=fi`, { headers: { cookie } });
      expect(followUp.status).toBe(200);
      expect(followUp.headers.get('content-disposition')).toMatch(/attachment; filename=".*-seurantaraportti-\d{4}-\d{2}-\d{2}\.pdf"/);
      expect(Buffer.from(await followUp.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
      expect((await fetch(`${origin}/api/export/followup.csv`, { headers: { cookie } })).ok).toBe(false);
      expect((await fetch(`${origin}/api/export/statement.json`)).status).toBe(401);
    } finally {
      await running.close();
    }
  }, 60_000);
});

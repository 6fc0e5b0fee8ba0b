import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDemoPanel } from '../../main/features/demo/demoPanel.js';
import { readAuditData, selectionAuditPdf, type AuditData } from '../../main/features/selection/report.js';
import { openPanelFile } from '../../main/store/panelFile.js';

// The selection's audit report goes to the case register, so it is a tagged PDF like every
// exported document: headings, tables with header cells, the histogram as a figure with alt text.
// poppler-utils (pdfinfo, pdffonts, pdftotext) read it back when installed.

const hasPoppler = spawnSync('pdfinfo', ['-v']).error === undefined;
if (!hasPoppler) console.warn('selectionAudit.test: poppler-utils is missing, so the PDF is only checked as bytes');

const poppler = (tool: string, pdf: Buffer, ...args: string[]) => execFileSync(tool, [...args, '-'], { input: pdf }).toString('utf8');

/** The /Alt texts of the structure elements: PDF literal strings, UTF-16BE after a byte order mark. */
function altTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (let at = raw.indexOf('/Alt ('); at >= 0; at = raw.indexOf('/Alt (', at + 1)) {
    let bytes = '';
    let depth = 1;
    for (let i = at + 6; depth > 0; i++) {
      const c = raw[i]!;
      if (c === '\\') {
        const next = raw[++i]!;
        bytes += ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[next] ?? next;
      } else {
        if (c === '(') depth++;
        if (c === ')') depth--;
        if (depth > 0) bytes += c;
      }
    }
    const buf = Buffer.from(bytes, 'latin1');
    out.push(buf[0] === 0xfe && buf[1] === 0xff ? Buffer.from(buf.subarray(2)).swap16().toString('utf16le') : bytes);
  }
  return out;
}

let data: AuditData;

beforeAll(() => {
  const path = join(mkdtempSync(join(tmpdir(), 'puntari-audit-')), 'demo.puntari');
  writeDemoPanel(path);
  const panel = openPanelFile(path);
  try {
    data = readAuditData(panel.db, new Date('2026-10-01T10:00:00Z'));
  } finally {
    panel.close();
  }
});

describe('the selection audit report', () => {
  it('is tagged: title and language, H1, a section per H2, label/value tables, the quota table with header cells, the histogram as a figure', async () => {
    const pdf = await selectionAuditPdf(data, { lang: 'fi' });
    const latin = pdf.toString('latin1');
    expect(latin.startsWith('%PDF-1.7')).toBe(true);
    expect(latin).toContain('/Lang (fi)');
    expect(latin).toContain('/DisplayDocTitle true');
    expect(latin).toContain('/S /Document');

    const run = data.view.runs.find((r) => r.id === data.view.outcome!.runId)!;
    const legacy = data.view.runs.find((r) => r.algorithm === 'legacy')!;
    const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
    const [alt] = altTexts(pdf);
    expect(alt).toContain('Pylväskaavio');
    expect(alt).toContain(`LEXIMIN: pienin todennäköisyys ${pct(run.minProbability)}`);
    expect(alt).toContain(`LEGACY: pienin todennäköisyys ${pct(legacy.minProbability)}`);
    if (!hasPoppler) return;

    const info = poppler('pdfinfo', pdf);
    expect(info).toMatch(/Title:\s+Paneelin valinnan tarkastusraportti – Keski-Uudenmaan asukaspaneeli/);
    expect(info).toMatch(/Tagged:\s+yes/);
    const struct = poppler('pdfinfo', pdf, '-struct-text');
    for (const tag of ['Document', 'H1', 'Sect', 'H2', 'P', 'Table', 'TR', 'TH', 'TD', 'Figure']) expect(struct).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    expect(struct).toMatch(/H1 \(block\)\n\s+"Paneelin valinnan tarkastusraportti"/);
    for (const heading of ['Lähtötiedot', 'Menetelmä', 'Valintatodennäköisyydet', 'Kiintiöt ja valittu paneeli']) expect(struct).toMatch(new RegExp(`H2 \\(block\\)\\n\\s+"${heading}"`));
    // A label is the header of its row; the quota table's six columns have theirs.
    expect(struct).toMatch(/TH:\n\s+\/Scope \/Row\n\s+"SHA-256"\n\s+TD\n\s+"[0-9a-f]{64}"/);
    expect(struct.match(/\/Scope \/Column/g)).toHaveLength(6);
    expect(struct).toMatch(/TH:\n\s+\/Scope \/Column\n\s+"Taustatieto"/);
    // Page numbers and rules are artifacts: on the page, not in the structure.
    expect(poppler('pdftotext', pdf, '-enc', 'UTF-8', '-')).toContain('Sivu 1/');
    expect(struct).not.toContain('Sivu 1/');

    const fonts = poppler('pdffonts', pdf).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row, row).toMatch(/DejaVuSans.*\byes\s+yes\s+yes\b/);
  });

  it('repeats the quota table header on a new page as an artifact, and says when nothing has been computed', async () => {
    const quotas = [...data.view.quotas, ...data.view.quotas, ...data.view.quotas, ...data.view.quotas];
    const long = await selectionAuditPdf({ ...data, view: { ...data.view, quotas } }, { lang: 'en' });
    const empty = await selectionAuditPdf({ ...data, view: { ...data.view, runs: [], outcome: null }, panelCounts: [] }, { lang: 'sv' });
    expect(altTexts(empty)).toEqual([]);
    if (!hasPoppler) return;

    const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', long))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = poppler('pdftotext', long, '-enc', 'UTF-8', '-');
    const headerRows = text.match(/^\f?Feature$/gm)?.length ?? 0;
    expect(headerRows).toBeGreaterThan(1);
    const struct = poppler('pdfinfo', long, '-struct-text');
    expect(struct.match(/"Feature"/g)).toHaveLength(1);
    expect(struct.match(/^\s+TR$/gm)!.length).toBeGreaterThan(quotas.length);

    const emptyStruct = poppler('pdfinfo', empty, '-struct-text');
    expect(emptyStruct).toContain('"Lotteriet har inte beräknats."');
    expect(emptyStruct).not.toMatch(/^\s*Figure/m);
    expect(emptyStruct).not.toContain('Urvalssannolikheter');
  });
});

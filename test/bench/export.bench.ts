/**
 * `npm run bench -- export [--recommendations N] [--runs N] [--out DIR]`
 *
 * A generated statement (default 60 recommendations in 6 sections, each with its text, a rationale
 * and a vote result with a bar chart and its table; minority opinions; composition, experts,
 * programme and attendance; about 40 pages) is built into the document model in memory and
 * rendered to DOCX and PDF.
 *
 * docx_s  Rendering the document model to a DOCX file (median of the runs). Target < 3 s.
 * pdf_s   Rendering it to PDF/A-2a (median of the runs). Target < 3 s.
 * rss_mb  The process's peak resident memory at the end (MB).
 * pages   Pages of the PDF.
 *
 * The first, cold run of each (module and font loading) is reported apart (docx_cold_s, pdf_cold_s).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildStatementDocument } from '../../main/features/export/buildDocument.js';
import { toDocx } from '../../main/features/export/docx.js';
import { toPdf } from '../../main/features/export/pdf.js';
import { syntheticExportData } from '../support/statementFixture.js';
import { median, nowMs, round, writeResults, REPO_ROOT } from './support.js';

const { values: args } = parseArgs({
  options: {
    recommendations: { type: 'string', default: '60' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string' },
  },
});
const count = Number(args.recommendations);
const runs = Math.max(1, Number(args.runs));

const data = syntheticExportData({ recommendations: count, sections: 6, final: true });
const t0 = nowMs();
const { document } = buildStatementDocument(data, { language: 'fi', annexes: 'public', now: new Date('2026-11-21T15:00:00Z') });
const modelMs = nowMs() - t0;

const docxTimes: number[] = [];
const pdfTimes: number[] = [];
let docx: Buffer = Buffer.alloc(0);
let pdf: Buffer = Buffer.alloc(0);
for (let i = 0; i <= runs; i++) {
  let t = nowMs();
  docx = await toDocx(document);
  docxTimes.push(nowMs() - t);
  t = nowMs();
  pdf = await toPdf(document);
  pdfTimes.push(nowMs() - t);
}
const pages = Number(/\/Type \/Pages\n\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? NaN);

if (args.out) {
  const dir = path.resolve(args.out);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'bench-statement.docx'), docx);
  writeFileSync(path.join(dir, 'bench-statement.pdf'), pdf);
}

writeResults(
  'export',
  {
    docx_s: round(median(docxTimes.slice(1)) / 1000, 3),
    pdf_s: round(median(pdfTimes.slice(1)) / 1000, 3),
    rss_mb: round(process.resourceUsage().maxRSS / 1024, 1),
    docx_cold_s: round(docxTimes[0]! / 1000, 3),
    pdf_cold_s: round(pdfTimes[0]! / 1000, 3),
    model_ms: round(modelMs, 1),
    pages,
    docx_kb: Math.round(docx.length / 1024),
    pdf_kb: Math.round(pdf.length / 1024),
  },
  { recommendations: count, runs, target_s: 3, repo: path.basename(REPO_ROOT) },
);

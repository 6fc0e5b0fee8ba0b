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
 * *_cpu_s: the CPU time of the same runs (the machine may be shared, so wall time alone misleads).
 * *_fresh_s, *_fresh_cpu_s: one export in a new process (exportOnce.ts), as the hub's job worker
 * does it: module loading, the document model and the rendering (median of the runs).
 */
import { execFileSync } from 'node:child_process';
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

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const docxTimes: number[] = [];
const pdfTimes: number[] = [];
const docxCpu: number[] = [];
const pdfCpu: number[] = [];
let docx: Buffer = Buffer.alloc(0);
let pdf: Buffer = Buffer.alloc(0);
for (let i = 0; i <= runs; i++) {
  let t = nowMs();
  let c = process.cpuUsage();
  docx = await toDocx(document);
  docxTimes.push(nowMs() - t);
  docxCpu.push(cpuMs(c));
  t = nowMs();
  c = process.cpuUsage();
  pdf = await toPdf(document);
  pdfTimes.push(nowMs() - t);
  pdfCpu.push(cpuMs(c));
}
const rssMb = process.resourceUsage().maxRSS / 1024;

const fresh = { docx: [] as { wall_ms: number; cpu_ms: number }[], pdf: [] as { wall_ms: number; cpu_ms: number }[] };
for (let i = 0; i < runs; i++) {
  for (const format of ['docx', 'pdf'] as const) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'test/bench/exportOnce.ts'), format, String(count)], { cwd: REPO_ROOT, encoding: 'utf8' });
    fresh[format].push(JSON.parse(out.trim().split('\n').pop()!) as { wall_ms: number; cpu_ms: number });
  }
}
const freshS = (format: 'docx' | 'pdf', key: 'wall_ms' | 'cpu_ms') => round(median(fresh[format].map((f) => f[key])) / 1000, 3);
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
    rss_mb: round(rssMb, 1),
    docx_cpu_s: round(median(docxCpu.slice(1)) / 1000, 3),
    pdf_cpu_s: round(median(pdfCpu.slice(1)) / 1000, 3),
    docx_cold_s: round(docxTimes[0]! / 1000, 3),
    pdf_cold_s: round(pdfTimes[0]! / 1000, 3),
    docx_cold_cpu_s: round(docxCpu[0]! / 1000, 3),
    pdf_cold_cpu_s: round(pdfCpu[0]! / 1000, 3),
    docx_fresh_s: freshS('docx', 'wall_ms'),
    pdf_fresh_s: freshS('pdf', 'wall_ms'),
    docx_fresh_cpu_s: freshS('docx', 'cpu_ms'),
    pdf_fresh_cpu_s: freshS('pdf', 'cpu_ms'),
    model_ms: round(modelMs, 1),
    pages,
    docx_kb: Math.round(docx.length / 1024),
    pdf_kb: Math.round(pdf.length / 1024),
  },
  { recommendations: count, runs, target_s: 3, repo: path.basename(REPO_ROOT) },
);

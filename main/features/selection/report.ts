/**
 * The selection's audit report (PDF, A4): the input files and their SHA-256, the quotas, the
 * algorithm and its version, the seed or the number drawn, the selection probabilities (minimum,
 * Gini, histogram; LEXIMIN against LEGACY) and the panel against the targets. Everything in it
 * comes from the panel file: no names, no contacts.
 */
import { resolve } from 'node:path';
import PDFDocument from 'pdfkit';
import type { PanelBasics } from '../../../shared/panel.js';
import type { BackgroundFeature } from '../../../shared/participants.js';
import type { RunSummary, SelectionView } from '../../../shared/recruitment.js';
import { translator, type Lang } from '../../messages.js';
import type { Db } from '../../store/sqlite.js';
import { DEFAULT_FONT_DIR } from '../agenda/print.js';
import { readBasics } from '../panels/panels.js';
import { featuresTopic } from '../participants/participants.js';
import { panelAgainstQuotas } from './runs.js';
import { readView } from './store.js';

export interface AuditData {
  panel: PanelBasics;
  view: SelectionView;
  features: BackgroundFeature[];
  /** Per quota: the panel as drawn (with replacements). */
  panelCounts: { feature: string; value: string; min: number; max: number; count: number }[];
  generatedAt: string;
}

export function readAuditData(db: Db, now = new Date()): AuditData {
  const view = readView(db);
  return {
    panel: readBasics(db),
    view,
    features: featuresTopic({ db, isConnected: () => false }).map((e) => e.value),
    panelCounts: view.outcome ? panelAgainstQuotas(db, view.quotas) : [],
    generatedAt: now.toISOString(),
  };
}

const INK = '#1a1a1a';
const MUTED = '#555555';
const BAR = '#1f5f8b';
const BAR2 = '#c0572b';

function pct(v: number): string {
  return `${(v * 100).toFixed(1)} %`;
}

export function selectionAuditPdf(data: AuditData, options: { lang: Lang; fontDir?: string }): Promise<Buffer> {
  const t = translator(options.lang);
  const fontDir = options.fontDir ?? DEFAULT_FONT_DIR;
  const { view } = data;
  const title = `${t('selection.pdf.title')} – ${data.panel.name}`;
  const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 56, right: 56 }, lang: options.lang, displayTitle: true, info: { Title: title, Creator: 'Puntari' } });
  doc.registerFont('body', resolve(fontDir, 'DejaVuSans.ttf'));
  doc.registerFont('bold', resolve(fontDir, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((ok, fail) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => ok(Buffer.concat(chunks)));
    doc.on('error', fail);
  });
  const left = 56;
  const width = doc.page.width - 112;
  const ensure = (h: number) => {
    if (doc.y + h > doc.page.height - 56) doc.addPage();
  };
  const h2 = (text: string) => {
    ensure(60);
    doc.moveDown(0.8).font('bold').fontSize(13).fillColor(INK).text(text, left, doc.y, { width });
    doc.moveDown(0.3).font('body').fontSize(10);
  };
  const line = (label: string, value: string) => {
    ensure(16);
    const y = doc.y;
    doc.font('body').fontSize(10).fillColor(MUTED).text(label, left, y, { width: 190 });
    const yAfterLabel = doc.y;
    doc.fillColor(INK).text(value, left + 200, y, { width: width - 200 });
    doc.y = Math.max(doc.y, yAfterLabel);
  };
  const featureLabel = (key: string) => data.features.find((f) => f.key === key)?.label ?? key;
  const valueLabel = (key: string, value: string) => data.features.find((f) => f.key === key)?.values.find((v) => v.value === value)?.label ?? value;
  const share = (key: string, value: string) => data.features.find((f) => f.key === key)?.values.find((v) => v.value === value)?.populationShare ?? null;

  doc.font('bold').fontSize(18).fillColor(INK).text(t('selection.pdf.title'), left, 56, { width });
  doc.font('body').fontSize(11).fillColor(MUTED).text(data.panel.name, { width });
  if (data.panel.recordNumber) doc.text(`${t('selection.pdf.record')}: ${data.panel.recordNumber}`, { width });
  doc.text(`${t('selection.pdf.generated')}: ${data.generatedAt.slice(0, 16).replace('T', ' ')} UTC`, { width });

  // Inputs
  h2(t('selection.pdf.inputs'));
  if (view.inputs.length === 0) doc.text(t('selection.pdf.none'));
  for (const f of view.inputs) {
    line(t(`selection.pdf.kind.${f.kind}`), `${f.name} (${t('selection.pdf.rows', { count: f.rows })}; ${f.encoding}${f.delimiter ? `, '${f.delimiter === '\t' ? 'TAB' : f.delimiter}'` : ''})`);
    line('SHA-256', f.sha256);
    if (f.excludedRows.length > 0) line(t('selection.pdf.excluded'), f.excludedRows.join(', '));
  }
  if (view.invitations.total !== null) line(t('selection.pdf.invitations'), String(view.invitations.total));
  if (view.pool) {
    line(t('selection.pdf.pool'), t('selection.pdf.poolValue', { n: view.pool.n, households: view.pool.households }));
    if (view.invitations.total) line(t('selection.pdf.response'), pct(view.pool.n / view.invitations.total));
  }
  line(t('selection.pdf.panelSize'), String(view.settings.panelSize));

  // Run and draw
  const outcome = view.outcome;
  const run: RunSummary | undefined = outcome ? view.runs.find((r) => r.id === outcome.runId) : view.runs.find((r) => r.algorithm === 'leximin' && !r.stale);
  const legacyRun = view.runs.find((r) => r.algorithm === 'legacy' && !r.stale) ?? view.runs.find((r) => r.algorithm === 'legacy');
  h2(t('selection.pdf.algorithm'));
  if (!run) doc.text(t('selection.pdf.noRun'));
  else {
    line(t('selection.pdf.algorithmName'), run.algorithm === 'leximin' ? 'LEXIMIN (Flanigan et al., Nature 2021)' : 'LEGACY');
    line(t('selection.pdf.version'), run.engineVersion);
    if (run.algorithm === 'leximin') {
      line(t('selection.pdf.levels'), String(run.levelsFixed ?? 0));
      line(t('selection.pdf.final'), run.final ? t('selection.pdf.yes') : t('selection.pdf.no'));
    }
    line(t('selection.pdf.seconds'), run.seconds.toFixed(2));
    line(t('selection.pdf.seed'), run.seed);
    if (run.lottery) {
      line(t('selection.pdf.lottery'), t('selection.pdf.lotteryValue', { m: run.lottery.m, deviation: (run.lottery.maxDeviation * 100).toFixed(2) }));
      line(t('selection.pdf.lotterySeed'), run.lottery.seed);
    }
  }
  if (outcome) {
    line(
      t('selection.pdf.draw'),
      outcome.method === 'number'
        ? t('selection.pdf.drawNumber', { n: outcome.draw ?? 0, m: run?.lottery?.m ?? 0 })
        : outcome.method === 'seed'
          ? t('selection.pdf.drawSeed', { seed: outcome.seed })
          : t('selection.pdf.drawLegacy', { seed: outcome.seed }),
    );
    line(t('selection.pdf.drawnAt'), outcome.drawnAt.slice(0, 16).replace('T', ' ') + ' UTC');
    line(t('selection.pdf.reserves'), String(outcome.reserves.length));
    line(t('selection.pdf.replacements'), String(outcome.replacements.length));
  }

  // Probabilities
  if (run) {
    h2(t('selection.pdf.probabilities'));
    line(t('selection.pdf.min'), pct(run.minProbability));
    line(t('selection.pdf.gini'), run.gini.toFixed(3));
    if (legacyRun) {
      line(t('selection.pdf.legacyMin'), pct(legacyRun.minProbability));
      line(t('selection.pdf.legacyGini'), legacyRun.gini.toFixed(3));
    }
    // Histogram
    ensure(170);
    doc.moveDown(0.5);
    const top = doc.y;
    const chartH = 120;
    const maxCount = Math.max(1, ...run.histogram, ...(legacyRun?.histogram ?? []));
    const bw = width / run.histogram.length;
    run.histogram.forEach((c, i) => {
      const h = (c / maxCount) * chartH;
      doc.rect(left + i * bw + 1, top + chartH - h, legacyRun ? bw / 2 - 1 : bw - 2, h).fill(BAR);
      if (legacyRun) {
        const h2v = ((legacyRun.histogram[i] ?? 0) / maxCount) * chartH;
        doc.rect(left + i * bw + bw / 2, top + chartH - h2v, bw / 2 - 1, h2v).fill(BAR2);
      }
    });
    doc.moveTo(left, top + chartH).lineTo(left + width, top + chartH).strokeColor(MUTED).stroke();
    doc.font('body').fontSize(8).fillColor(MUTED);
    for (const x of [0, 0.25, 0.5, 0.75, 1]) doc.text(`${x * 100} %`, left + x * width - 12, top + chartH + 3, { width: 30, align: 'center', lineBreak: false });
    doc.y = top + chartH + 16;
    doc.fontSize(9).fillColor(BAR).text(`■ LEXIMIN`, left, doc.y, { continued: Boolean(legacyRun) });
    if (legacyRun) doc.fillColor(BAR2).text(`   ■ LEGACY`);
    doc.fillColor(MUTED).text(t('selection.pdf.histogram'), left, doc.y, { width });
  }

  // Quotas and panel
  h2(t('selection.pdf.quotas'));
  const cols = [0, 150, 255, 315, 375, 435];
  const header = [t('selection.pdf.col.feature'), t('selection.pdf.col.value'), t('selection.pdf.col.share'), t('selection.pdf.col.quota'), t('selection.pdf.col.pool'), t('selection.pdf.col.panel')];
  ensure(20);
  let y = doc.y;
  doc.font('bold').fontSize(9).fillColor(INK);
  header.forEach((h, i) => doc.text(h, left + cols[i]!, y, { width: (cols[i + 1] ?? width) - cols[i]! - 4, lineBreak: false }));
  y += 14;
  doc.font('body');
  for (const q of view.quotas) {
    if (y > doc.page.height - 70) {
      doc.addPage();
      y = 56;
    }
    const s = share(q.feature, q.value);
    const count = data.panelCounts.find((c) => c.feature === q.feature && c.value === q.value)?.count;
    const cells = [
      featureLabel(q.feature),
      valueLabel(q.feature, q.value),
      s === null ? '–' : pct(s),
      `${q.min}–${q.max}`,
      String(view.pool?.counts[q.feature]?.[q.value] ?? 0),
      count === undefined ? '–' : String(count),
    ];
    const bad = count !== undefined && (count < q.min || count > q.max);
    doc.fillColor(bad ? BAR2 : INK);
    cells.forEach((c, i) => doc.text(c, left + cols[i]!, y, { width: (cols[i + 1] ?? width) - cols[i]! - 4, lineBreak: false, ellipsis: true }));
    y += 13;
  }
  doc.y = y + 6;
  doc.fillColor(MUTED).fontSize(9).text(t('selection.pdf.reproduce'), left, doc.y, { width });
  doc.end();
  return done;
}

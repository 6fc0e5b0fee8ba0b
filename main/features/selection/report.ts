/**
 * The selection's audit report (A4, tagged PDF: it goes to the case register): the input files
 * and their SHA-256, the quotas, the algorithm and its version, the seed or the number drawn, the
 * selection probabilities (minimum, Gini, histogram; LEXIMIN against LEGACY) and the panel against
 * the targets. Everything in it comes from the panel file: no names, no contacts.
 */
import type { PanelBasics } from '../../../shared/panel.js';
import type { BackgroundFeature } from '../../../shared/participants.js';
import type { RunSummary, SelectionView } from '../../../shared/recruitment.js';
import { translator, type Lang } from '../../messages.js';
import { BODY, BOLD, numberPages, startTaggedPdf, type Struct } from '../../print/taggedPdf.js';
import type { Db } from '../../store/sqlite.js';
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

const PAGE = { margin: 56, top: 56, bottom: 62 };
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#9a9a9a';
const BAR = '#1f5f8b';
const BAR2 = '#c0572b';
/** The label column of the label/value tables. */
const LABEL_W = 190;
const QUOTA_COLS = [0, 150, 255, 315, 375, 435];

function pct(v: number): string {
  return `${(v * 100).toFixed(1)} %`;
}

const algorithmName = (run: RunSummary) => (run.algorithm === 'leximin' ? 'LEXIMIN' : 'LEGACY');

export function selectionAuditPdf(data: AuditData, options: { lang: Lang; fontDir?: string }): Promise<Buffer> {
  const t = translator(options.lang);
  const { view } = data;
  const title = `${t('selection.pdf.title')} – ${data.panel.name}`;
  const { doc, root, artifact, finish } = startTaggedPdf({
    lang: options.lang,
    title,
    author: data.panel.organiser,
    subject: t('selection.pdf.title'),
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    fontDir: options.fontDir,
  });
  const left = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  const bottom = () => doc.page.height - PAGE.bottom;
  let y = PAGE.top;
  const newPage = () => {
    doc.addPage();
    y = PAGE.top;
  };
  const ensure = (h: number) => {
    if (y + h > bottom()) newPage();
  };

  /** A paragraph or heading of its own; advances y. */
  const put = (parent: Struct, type: string, text: string, font: string, size: number, color: string) => {
    const h = doc.font(font).fontSize(size).heightOfString(text, { width });
    ensure(h);
    const at = y;
    parent.add(doc.struct(type, {}, () => doc.font(font).fontSize(size).fillColor(color).text(text, left, at, { width })));
    y = at + h;
  };
  /** A section: its H2, on the same page as the first `keep` points of what follows, and a bookmark. */
  const section = (heading: string, keep = 40) => {
    const sect = doc.struct('Sect');
    root.add(sect);
    y += 12;
    ensure(24 + keep);
    doc.outline.addItem(heading);
    put(sect, 'H2', heading, BOLD, 13, INK);
    y += 4;
    return sect;
  };
  /** Label/value lines as a two-column table, the label a row header. */
  const facts = (parent: Struct, rows: [string, string][]) => {
    if (rows.length === 0) return;
    const table = doc.struct('Table');
    parent.add(table);
    for (const [label, value] of rows) {
      doc.font(BODY).fontSize(10);
      const h = Math.max(doc.heightOfString(label, { width: LABEL_W }), doc.heightOfString(value, { width: width - LABEL_W - 10 }));
      ensure(h);
      const at = y;
      const tr = doc.struct('TR');
      table.add(tr);
      tr.add(doc.struct('TH', { scope: 'Row' } as PDFKit.Mixins.StructureElementOptions, () => doc.font(BODY).fontSize(10).fillColor(MUTED).text(label, left, at, { width: LABEL_W })));
      tr.add(doc.struct('TD', {}, () => doc.font(BODY).fontSize(10).fillColor(INK).text(value, left + LABEL_W + 10, at, { width: width - LABEL_W - 10 })));
      tr.end();
      y = at + h;
    }
    table.end();
  };
  const featureLabel = (key: string) => data.features.find((f) => f.key === key)?.label ?? key;
  const valueLabel = (key: string, value: string) => data.features.find((f) => f.key === key)?.values.find((v) => v.value === value)?.label ?? value;
  const share = (key: string, value: string) => data.features.find((f) => f.key === key)?.values.find((v) => v.value === value)?.populationShare ?? null;

  // ------------------------------------------------------------ the head
  put(root, 'H1', t('selection.pdf.title'), BOLD, 18, INK);
  y += 2;
  put(root, 'P', data.panel.name, BODY, 11, MUTED);
  if (data.panel.recordNumber) put(root, 'P', `${t('selection.pdf.record')}: ${data.panel.recordNumber}`, BODY, 11, MUTED);
  put(root, 'P', `${t('selection.pdf.generated')}: ${data.generatedAt.slice(0, 16).replace('T', ' ')} UTC`, BODY, 11, MUTED);
  y += 8;
  const ruleAt = y;
  artifact(() => doc.save().moveTo(left, ruleAt).lineTo(left + width, ruleAt).lineWidth(1.2).stroke(INK).restore());

  // ------------------------------------------------------------ inputs
  const inputs = section(t('selection.pdf.inputs'));
  if (view.inputs.length === 0) put(inputs, 'P', t('selection.pdf.none'), BODY, 10, INK);
  const inputFacts: [string, string][] = [];
  for (const f of view.inputs) {
    inputFacts.push([t(`selection.pdf.kind.${f.kind}`), `${f.name} (${t('selection.pdf.rows', { count: f.rows })}; ${f.encoding}${f.delimiter ? `, '${f.delimiter === '\t' ? 'TAB' : f.delimiter}'` : ''})`]);
    inputFacts.push(['SHA-256', f.sha256]);
    if (f.excludedRows.length > 0) inputFacts.push([t('selection.pdf.excluded'), f.excludedRows.join(', ')]);
  }
  if (view.invitations.total !== null) inputFacts.push([t('selection.pdf.invitations'), String(view.invitations.total)]);
  if (view.pool) {
    inputFacts.push([t('selection.pdf.pool'), t('selection.pdf.poolValue', { n: view.pool.n, households: view.pool.households })]);
    if (view.invitations.total) inputFacts.push([t('selection.pdf.response'), pct(view.pool.n / view.invitations.total)]);
  }
  inputFacts.push([t('selection.pdf.panelSize'), String(view.settings.panelSize)]);
  facts(inputs, inputFacts);
  inputs.end();

  // ------------------------------------------------------------ run and draw
  const outcome = view.outcome;
  const run: RunSummary | undefined = outcome ? view.runs.find((r) => r.id === outcome.runId) : view.runs.find((r) => r.algorithm === 'leximin' && !r.stale);
  const anyLegacy = view.runs.find((r) => r.algorithm === 'legacy' && !r.stale) ?? view.runs.find((r) => r.algorithm === 'legacy');
  // LEGACY as the comparison, unless the run reported is LEGACY itself.
  const legacyRun = anyLegacy && anyLegacy.id !== run?.id ? anyLegacy : undefined;
  const method = section(t('selection.pdf.algorithm'));
  if (!run) put(method, 'P', t('selection.pdf.noRun'), BODY, 10, INK);
  const runFacts: [string, string][] = [];
  if (run) {
    runFacts.push([t('selection.pdf.algorithmName'), run.algorithm === 'leximin' ? 'LEXIMIN (Flanigan et al., Nature 2021)' : 'LEGACY']);
    runFacts.push([t('selection.pdf.version'), run.engineVersion]);
    if (run.algorithm === 'leximin') {
      runFacts.push([t('selection.pdf.levels'), String(run.levelsFixed ?? 0)]);
      runFacts.push([t('selection.pdf.final'), run.final ? t('selection.pdf.yes') : t('selection.pdf.no')]);
    }
    runFacts.push([t('selection.pdf.seconds'), run.seconds.toFixed(2)]);
    runFacts.push([t('selection.pdf.seed'), run.seed]);
    if (run.lottery) {
      runFacts.push([t('selection.pdf.lottery'), t('selection.pdf.lotteryValue', { m: run.lottery.m, deviation: (run.lottery.maxDeviation * 100).toFixed(2) })]);
      runFacts.push([t('selection.pdf.lotterySeed'), run.lottery.seed]);
    }
  }
  if (outcome) {
    runFacts.push([
      t('selection.pdf.draw'),
      outcome.method === 'number'
        ? t('selection.pdf.drawNumber', { n: outcome.draw ?? 0, m: run?.lottery?.m ?? 0 })
        : outcome.method === 'seed'
          ? t('selection.pdf.drawSeed', { seed: outcome.seed })
          : t('selection.pdf.drawLegacy', { seed: outcome.seed }),
    ]);
    runFacts.push([t('selection.pdf.drawnAt'), outcome.drawnAt.slice(0, 16).replace('T', ' ') + ' UTC']);
    runFacts.push([t('selection.pdf.reserves'), t('selection.pdf.reservesValue', { n: outcome.reserves.length })]);
    runFacts.push([t('selection.pdf.replacements'), String(outcome.replacements.length)]);
  }
  facts(method, runFacts);
  method.end();

  // ------------------------------------------------------------ probabilities
  if (run) {
    const probs = section(t('selection.pdf.probabilities'));
    const probFacts: [string, string][] = [
      [t('selection.pdf.min'), pct(run.minProbability)],
      [t('selection.pdf.gini'), run.gini.toFixed(3)],
    ];
    if (legacyRun) {
      probFacts.push([t('selection.pdf.legacyMin'), pct(legacyRun.minProbability)]);
      probFacts.push([t('selection.pdf.legacyGini'), legacyRun.gini.toFixed(3)]);
    }
    facts(probs, probFacts);

    // The histogram: bars, axis and legend are one figure; its alt text says what it shows.
    const chartH = 120;
    ensure(chartH + 60);
    y += 10;
    const top = y;
    const bins = run.histogram.length;
    const series = (r: RunSummary) => {
      const most = Math.max(...r.histogram);
      const i = r.histogram.indexOf(most);
      const edge = (k: number) => `${Math.round((k * 100) / r.histogram.length)} %`;
      return t('selection.pdf.histogramSeries', { algorithm: algorithmName(r), min: pct(r.minProbability), count: most, from: edge(i), to: edge(i + 1) });
    };
    const alt = [t('selection.pdf.histogramAlt'), series(run), ...(legacyRun ? [series(legacyRun)] : [])].join(' ');
    probs.add(
      doc.struct('Figure', { alt }, () => {
        const maxCount = Math.max(1, ...run.histogram, ...(legacyRun?.histogram ?? []));
        const bw = width / bins;
        run.histogram.forEach((c, i) => {
          const h = (c / maxCount) * chartH;
          doc.rect(left + i * bw + 1, top + chartH - h, legacyRun ? bw / 2 - 1 : bw - 2, h).fill(BAR);
          if (legacyRun) {
            const hl = ((legacyRun.histogram[i] ?? 0) / maxCount) * chartH;
            doc.rect(left + i * bw + bw / 2, top + chartH - hl, bw / 2 - 1, hl).fill(BAR2);
          }
        });
        doc.save().moveTo(left, top + chartH).lineTo(left + width, top + chartH).lineWidth(1).stroke(MUTED).restore();
        doc.font(BODY).fontSize(8).fillColor(MUTED);
        for (const x of [0, 0.25, 0.5, 0.75, 1]) doc.text(`${x * 100} %`, left + x * width - 15, top + chartH + 3, { width: 30, align: 'center', lineBreak: false });
        doc.font(BODY).fontSize(9).fillColor(BAR).text(`■ ${algorithmName(run)}`, left, top + chartH + 16, { lineBreak: false, continued: Boolean(legacyRun) });
        if (legacyRun) doc.fillColor(BAR2).text(`   ■ LEGACY`, { lineBreak: false });
      }),
    );
    y = top + chartH + 30;
    put(probs, 'P', t('selection.pdf.histogram'), BODY, 9, MUTED);
    probs.end();
  }

  // ------------------------------------------------------------ quotas and the panel
  const HEADER_H = 16;
  const ROW_H = 14;
  const quotas = section(t('selection.pdf.quotas'), HEADER_H + 3 * ROW_H);
  const header = [t('selection.pdf.col.feature'), t('selection.pdf.col.value'), t('selection.pdf.col.share'), t('selection.pdf.col.quota'), t('selection.pdf.col.pool'), t('selection.pdf.col.panel')];
  const colW = (i: number) => (QUOTA_COLS[i + 1] ?? width) - QUOTA_COLS[i]! - 4;
  const table = doc.struct('Table');
  quotas.add(table);
  const drawHeader = (tagged: boolean) => {
    const at = y;
    const write = (text: string, i: number) => doc.font(BOLD).fontSize(9).fillColor(INK).text(text, left + QUOTA_COLS[i]!, at, { width: colW(i), lineBreak: false, ellipsis: true });
    artifact(() => doc.save().moveTo(left, at + HEADER_H - 4).lineTo(left + width, at + HEADER_H - 4).lineWidth(0.8).stroke(INK).restore());
    if (tagged) {
      const tr = doc.struct('TR');
      table.add(tr);
      header.forEach((text, i) => tr.add(doc.struct('TH', { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions, () => write(text, i))));
      tr.end();
    } else {
      // The header repeated on a continuation page is a pagination artifact, not content.
      artifact(() => header.forEach(write));
    }
    y = at + HEADER_H;
  };
  drawHeader(true);
  for (const q of view.quotas) {
    if (y + ROW_H > bottom()) {
      newPage();
      drawHeader(false);
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
    // A panel outside its quota stands out in colour and in bold.
    const bad = count !== undefined && (count < q.min || count > q.max);
    const at = y;
    const tr = doc.struct('TR');
    table.add(tr);
    cells.forEach((c, i) =>
      tr.add(doc.struct('TD', {}, () => doc.font(bad ? BOLD : BODY).fontSize(9).fillColor(bad ? BAR2 : INK).text(c, left + QUOTA_COLS[i]!, at, { width: colW(i), lineBreak: false, ellipsis: true }))),
    );
    tr.end();
    artifact(() => doc.save().moveTo(left, at + ROW_H - 2.5).lineTo(left + width, at + ROW_H - 2.5).lineWidth(0.3).stroke(RULE).restore());
    y = at + ROW_H;
  }
  table.end();
  y += 8;
  put(quotas, 'P', t('selection.pdf.reproduce'), BODY, 9, MUTED);
  quotas.end();

  const footer = [t('selection.pdf.title'), data.panel.recordNumber].filter(Boolean).join(' · ');
  numberPages(doc, t, footer, { left, width, fromBottom: PAGE.bottom - 22 });
  return finish();
}

/**
 * What the hub makes of a vote for people: the slips of one-time codes (A4 PDF to cut), the
 * anonymous ballots as CSV (from which anyone can recompute the result hash), and the results
 * sheet (A4 PDF with counts, percentages, verdicts, a bar chart per subject and the hash).
 */
import QRCode from 'qrcode';
import { formatBallotCode } from '../../../shared/ballotCode.js';
import type { PanelBasics } from '../../../shared/panel.js';
import { answerKeys, supportingKeys, type CanonicalRow } from '../../../shared/voteCounting.js';
import type { Vote, VoteResult } from '../../../shared/votes.js';
import { translator, type Lang, type Translate } from '../../messages.js';
import { slug } from '../../print/fileName.js';
import { BODY, BOLD, startTaggedPdf } from '../../print/taggedPdf.js';
import type { Db } from '../../store/sqlite.js';
import { canonicalRecord } from './store.js';

const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const LINE = '#8c8c8c';
const SUPPORT = '#1f5f8b';
const OTHER = '#9aa5ad';

// ------------------------------------------------------------ CSV

function csvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The anonymous ballots and the counts as CSV (UTF-8 with BOM, ';' between fields, CRLF):
 * a header `record;table;content`, then the vote's canonical record (canonicalRows in
 * shared/voteCounting.ts: the vote id, the method, every ballot as canonical JSON sorted by
 * its text, the table tallies by table number, the paper totals), then a last row
 * `hash;;<sha256>` when the vote is closed. The hash is the SHA-256 of the UTF-8 text formed by
 * every row before it (not the header) as record TAB table TAB content LF.
 */
export function ballotsCsv(db: Db, vote: Vote): string {
  return rowsCsv(canonicalRecord(db, vote), vote.resultHash);
}

export function rowsCsv(rows: readonly CanonicalRow[], hash: string | null): string {
  const lines = ['record;table;content', ...rows.map((r) => [r.record, r.table, r.content].map(csvField).join(';'))];
  if (hash) lines.push(`hash;;${hash}`);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Parses the CSV above back into rows and the hash (for recounts and tests). */
export function parseBallotsCsv(csv: string): { rows: CanonicalRow[]; hash: string | null } {
  const text = csv.replace(/^\uFEFF/, '');
  const records: string[][] = [];
  let field = '';
  let row: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      records.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) records.push([...row, field]);
  const rows: CanonicalRow[] = [];
  let hash: string | null = null;
  for (const [record = '', table = '', content = ''] of records.slice(1)) {
    if (record === 'hash') hash = content;
    else rows.push({ record, table, content });
  }
  return { rows, hash };
}

// ------------------------------------------------------------ PDF helpers

function newDoc(lang: Lang, title: string, subject: string, author: string, fontDir: string | undefined) {
  return startTaggedPdf({ lang, title, subject, author, margins: { top: 40, bottom: 40, left: 50, right: 50 }, autoFirstPage: false, fontDir });
}

export function voteFileName(panelName: string, vote: Vote, lang: Lang, kind: 'slips' | 'results' | 'ballots', ext: string): string {
  const t = translator(lang);
  return `${[slug(panelName), slug(t(`votePrint.file.${kind}`)), slug(vote.title).slice(0, 40)].filter(Boolean).join('-')}.${ext}`;
}

// ------------------------------------------------------------ code slips

export interface SlipOptions {
  lang: Lang;
  panel: PanelBasics;
  vote: Vote;
  codes: string[];
  /** The ballot page's address, printed and as a QR code. */
  ballotUrl: string;
  fontDir?: string;
}

const SLIP_COLS = 2;
const SLIP_ROWS = 4;

/** A4 pages of 8 slips each, with dashed cutting lines: the vote, the code big, how to vote, the address and its QR code. */
export async function codeSlipsPdf(options: SlipOptions): Promise<Buffer> {
  const { lang, vote, codes, ballotUrl } = options;
  const t = translator(lang);
  const docTitle = `${t('votePrint.slips.title')} – ${vote.title}`;
  const { doc, root, artifact, finish } = newDoc(lang, docTitle, t('votePrint.slips.subject'), options.panel.organiser, options.fontDir);
  const qr = await QRCode.toBuffer(ballotUrl, { type: 'png', margin: 1, width: 300, errorCorrectionLevel: 'M' });
  const margin = 24;
  const perPage = SLIP_COLS * SLIP_ROWS;
  for (let page = 0; page * perPage < codes.length; page++) {
    doc.addPage({ margins: { top: margin, bottom: margin, left: margin, right: margin } });
    const w = (doc.page.width - 2 * margin) / SLIP_COLS;
    const h = (doc.page.height - 2 * margin) / SLIP_ROWS;
    artifact(() => {
      doc.save().lineWidth(0.5).dash(4, { space: 3 }).strokeColor(LINE);
      for (let c = 0; c <= SLIP_COLS; c++) doc.moveTo(margin + c * w, margin).lineTo(margin + c * w, margin + SLIP_ROWS * h).stroke();
      for (let r = 0; r <= SLIP_ROWS; r++) doc.moveTo(margin, margin + r * h).lineTo(margin + SLIP_COLS * w, margin + r * h).stroke();
      doc.undash().restore();
    });
    codes.slice(page * perPage, (page + 1) * perPage).forEach((code, i) => {
      const x = margin + (i % SLIP_COLS) * w + 14;
      let y = margin + Math.floor(i / SLIP_COLS) * h + 12;
      const qrSize = 78;
      const textW = w - 28 - qrSize - 10;
      const sect = doc.struct('Sect');
      root.add(sect);
      const put = (type: string, text: string, font: string, size: number, color: string, width: number, opts: PDFKit.Mixins.TextOptions = {}) => {
        const at = y;
        const hh = doc.font(font).fontSize(size).heightOfString(text, { width, ...opts });
        sect.add(doc.struct(type, {}, () => doc.font(font).fontSize(size).fillColor(color).text(text, x, at, { width, ...opts })));
        y = at + hh;
      };
      const qrY = y;
      const qrX = margin + (i % SLIP_COLS) * w + w - 14 - qrSize;
      put('H2', vote.title, BOLD, 10, INK, textW, { height: 26, ellipsis: true });
      y += 4;
      put('P', t('votePrint.slips.codeLabel'), BODY, 7.5, MUTED, textW);
      put('P', formatBallotCode(code), BOLD, 19, INK, textW, { characterSpacing: 1 });
      y = Math.max(y, qrY + qrSize) + 6;
      put('P', t('votePrint.slips.instructions'), BODY, 7.5, INK, w - 28, { lineGap: 0.5 });
      y += 3;
      put('P', `${t('votePrint.slips.address')}: ${ballotUrl}`, BODY, 7.5, INK, w - 28);
      sect.add(doc.struct('Figure', { alt: t('votePrint.slips.qrAlt', { url: ballotUrl }) }, () => doc.image(qr, qrX, qrY, { width: qrSize, height: qrSize })));
    });
  }
  return finish();
}

// ------------------------------------------------------------ results sheet

export interface ResultsOptions {
  lang: Lang;
  panel: PanelBasics;
  vote: Vote;
  result: VoteResult;
  fontDir?: string;
}

function methodLabel(t: Translate, vote: Vote): string {
  if (vote.method === 'ranking') return t(`votePrint.method.ranking_${vote.rankingCount ?? 'borda'}`);
  return t(`votePrint.method.${vote.method}`, { dots: vote.dots ?? 0 });
}

function answerLabel(t: Translate, vote: Vote, key: string): string {
  if (vote.method === 'scale4' || vote.method === 'scale5') return `${key} – ${t(`votePrint.${vote.method}.${key}`)}`;
  if (key.startsWith('round')) return t('votePrint.results.round', { n: key.slice(5) });
  return t(`votePrint.answer.${key}`);
}

function dateTime(iso: string | null, lang: Lang): string {
  if (!iso) return '–';
  const locale = lang === 'fi' ? 'fi-FI' : lang === 'sv' ? 'sv-FI' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Helsinki', dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

const pct = (n: number | null, lang: Lang) =>
  n === null ? '–' : `${new Intl.NumberFormat(lang === 'en' ? 'en-GB' : `${lang}-FI`, { maximumFractionDigits: 1 }).format(n)} %`;

export function resultsPdf(options: ResultsOptions): Promise<Buffer> {
  const { lang, vote, result, panel } = options;
  const t = translator(lang);
  const docTitle = `${t('votePrint.results.title')} – ${vote.title}`;
  const { doc, root, artifact, finish } = newDoc(lang, docTitle, t('votePrint.results.subject'), panel.organiser, options.fontDir);
  doc.addPage();
  const left = 50;
  const width = doc.page.width - 100;
  const bottom = () => doc.page.height - 50;
  let y = 40;
  const sect = doc.struct('Sect');
  root.add(sect);
  const put = (type: string, text: string, font: string, size: number, color: string, opts: PDFKit.Mixins.TextOptions & { x?: number; w?: number } = {}) => {
    const x = opts.x ?? left;
    const w = opts.w ?? width;
    const hh = doc.font(font).fontSize(size).heightOfString(text, { width: w, ...opts });
    if (y + hh > bottom()) {
      doc.addPage();
      y = 40;
    }
    const at = y;
    sect.add(doc.struct(type, {}, () => doc.font(font).fontSize(size).fillColor(color).text(text, x, at, { width: w, ...opts })));
    y = at + hh;
  };

  put('P', `${t('votePrint.results.title')} · ${panel.name}`.toUpperCase(), BOLD, 8.5, MUTED);
  y += 3;
  put('H1', vote.title, BOLD, 17, INK);
  y += 6;
  const base = vote.base === 'present' ? t('votePrint.results.basePresent', { count: result.base }) : t('votePrint.results.baseCast');
  const facts: [string, string][] = [
    [t('votePrint.results.method'), methodLabel(t, vote)],
    [t('votePrint.results.base'), base],
    [t('votePrint.results.turnout'), String(result.ballots)],
    [t('votePrint.results.opened'), dateTime(vote.openedAt, lang)],
    [t('votePrint.results.closed'), dateTime(vote.closedAt, lang)],
  ];
  if (vote.thresholds.length) {
    facts.push([t('votePrint.results.thresholds'), vote.thresholds.map((th) => t('votePrint.results.threshold', { label: th.label, percent: th.percent })).join('; ')]);
  }
  for (const r of vote.reopenings) facts.push([t('votePrint.results.reopened'), `${dateTime(r.at, lang)}: ${r.reason}`]);
  for (const [label, value] of facts) put('P', `${label}: ${value}`, BODY, 9.5, INK);
  y += 10;

  const support = new Set(supportingKeys(vote.method));
  for (const s of result.subjects) {
    const subject = vote.subjects.find((x) => x.id === s.subjectId);
    const keys = vote.method === 'ranking' ? Object.keys(s.counts) : answerKeys(vote.method);
    const rowH = 15;
    if (y + 40 + keys.length * rowH > bottom()) {
      doc.addPage();
      y = 40;
    }
    put('H2', subject?.label ?? s.subjectId, BOLD, 11.5, INK);
    y += 2;
    const verdict = s.verdict ?? t('votePrint.results.noVerdict');
    put('P', `${t('votePrint.results.support')}: ${pct(s.supportPercent, lang)} · ${t('votePrint.results.verdict')}: ${verdict} · ${t('votePrint.results.answered')}: ${s.answered}`, BODY, 9, INK);
    y += 4;
    // The chart: one bar per answer, its length the answer's share of the largest.
    const labelW = 150;
    const valueW = 90;
    const barW = width - labelW - valueW - 10;
    const max = Math.max(1, ...keys.map((k) => s.counts[k] ?? 0));
    const total = vote.method === 'ranking' ? null : keys.reduce((a, k) => a + (s.counts[k] ?? 0), 0);
    const table = doc.struct('Table');
    sect.add(table);
    for (const k of keys) {
      const n = s.counts[k] ?? 0;
      const at = y;
      const share = total ? ` (${pct(Math.round((n * 1000) / total) / 10, lang)})` : '';
      const tr = doc.struct('TR');
      table.add(tr);
      tr.add(doc.struct('TH', {}, () => doc.font(BODY).fontSize(8.5).fillColor(INK).text(answerLabel(t, vote, k), left, at + 2, { width: labelW - 6, height: rowH, ellipsis: true })));
      artifact(() => {
        doc.save().rect(left + labelW, at + 2, barW, rowH - 5).fill('#eef1f3').restore();
        if (n > 0) doc.save().rect(left + labelW, at + 2, (barW * n) / max, rowH - 5).fill(support.has(k) ? SUPPORT : OTHER).restore();
      });
      tr.add(doc.struct('TD', {}, () => doc.font(BOLD).fontSize(8.5).fillColor(INK).text(`${n}${share}`, left + labelW + barW + 8, at + 2, { width: valueW })));
      y = at + rowH;
    }
    y += 10;
  }

  if (vote.method === 'ranking') {
    const label = (id: string | null) => (id === null ? t('votePrint.results.noWinner') : (vote.subjects.find((x) => x.id === id)?.label ?? id));
    put('H2', `${t('votePrint.results.winner')}: ${label(result.winner)}`, BOLD, 11.5, INK);
    y += 4;
    for (const [i, round] of (result.rounds ?? []).entries()) {
      const counts = Object.entries(round.counts)
        .map(([id, n]) => `${label(id)} ${n}`)
        .join(', ');
      const out = round.eliminated.length ? ` — ${t('votePrint.results.eliminated')}: ${round.eliminated.map(label).join(', ')}` : '';
      put('P', `${t('votePrint.results.round', { n: i + 1 })}: ${counts}${out}`, BODY, 9, INK);
    }
    y += 10;
  }

  if (y + 70 > bottom()) {
    doc.addPage();
    y = 40;
  }
  put('H2', t('votePrint.results.hash'), BOLD, 10, INK);
  put('P', result.resultHash ? `${result.resultHash.slice(0, 32)}\n${result.resultHash.slice(32)}` : '–', BOLD, 10, INK, { characterSpacing: 0.5 });
  y += 3;
  put('P', t('votePrint.results.hashHelp'), BODY, 8, MUTED);
  return finish();
}

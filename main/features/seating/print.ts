/**
 * Seating on paper (A4, tagged PDF, DejaVu fonts): table lists for a round (a page per table,
 * display names large), name cards (A4 landscape folded into a tent: the display name on both
 * halves, one upside down, and the tables of each round) and a seating overview (every person,
 * their table in every round). Display names only; nothing personal.
 */
import type { PanelBasics } from '../../../shared/panel.js';
import type { Participant, PanelTable, SeatingRound } from '../../../shared/participants.js';
import { translator, type Lang, type Translate } from '../../messages.js';
import { slug } from '../../print/fileName.js';
import { BODY, BOLD, startTaggedPdf, type Struct, type TaggedDoc } from '../../print/taggedPdf.js';
import type { Db } from '../../store/sqlite.js';
import { tableHeading } from '../agenda/print.js';
import { readBasics } from '../panels/panels.js';
import { participantsTopic } from '../participants/participants.js';
import { listRounds, readTables } from './store.js';

export interface SeatingPrintData {
  panel: PanelBasics;
  tables: PanelTable[];
  rounds: SeatingRound[];
  participants: Participant[];
}

export type SeatingPrintKind = 'tables' | 'cards' | 'overview';

export function readSeatingPrintData(db: Db): SeatingPrintData {
  return {
    panel: readBasics(db),
    tables: readTables(db),
    rounds: listRounds(db),
    participants: participantsTopic({ db, isConnected: () => false }).map((e) => e.value),
  };
}

/** "keski-uudenmaan-asukaspaneeli-poytalistat-kierros-1.pdf" */
export function seatingFileName(panelName: string, lang: Lang, kind: SeatingPrintKind, roundName: string | null): string {
  const t = translator(lang);
  const parts = [slug(panelName), slug(t(`seating.print.file.${kind}`))];
  if (roundName) parts.push(slug(roundName));
  return `${parts.filter(Boolean).join('-')}.pdf`;
}

const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const LINE = '#b0b0b0';
const GONE = new Set(['declined', 'droppedOut', 'replaced']);

function byName(a: Participant, b: Participant): number {
  return a.displayName.localeCompare(b.displayName, 'fi');
}

function open(title: string, subject: string, data: SeatingPrintData, lang: Lang, fontDir: string | undefined, layout: 'portrait' | 'landscape' = 'portrait') {
  return startTaggedPdf({
    lang,
    title,
    author: data.panel.organiser,
    subject,
    layout,
    margins: { top: 44, bottom: 40, left: 50, right: 50 },
    autoFirstPage: false,
    fontDir,
  });
}

function put(doc: TaggedDoc, parent: Struct, type: string, value: string, font: string, size: number, x: number, y: number, width: number, opts: PDFKit.Mixins.TextOptions = {}, color = INK): number {
  const h = doc.font(font).fontSize(size).heightOfString(value, { width, ...opts });
  parent.add(doc.struct(type, {}, () => doc.font(font).fontSize(size).fillColor(color).text(value, x, y, { width, ...opts })));
  return y + h;
}

/** One page per table for a round: the table's heading and the display names, large, in two columns when long. */
export function tableListsPdf(data: SeatingPrintData, options: { lang: Lang; roundId: string; tableNo?: number | null; fontDir?: string }): Promise<Buffer> {
  const t = translator(options.lang);
  const round = data.rounds.find((r) => r.id === options.roundId);
  const title = `${t('seating.print.tablesTitle')} – ${round?.name ?? ''} – ${data.panel.name}`;
  const { doc, root, artifact, finish } = open(title, t('seating.print.tablesTitle'), data, options.lang, options.fontDir);
  const tables = options.tableNo != null ? data.tables.filter((x) => x.no === options.tableNo) : data.tables;
  for (const table of tables.length ? tables : [null]) {
    doc.addPage();
    const sect = doc.struct('Sect');
    root.add(sect);
    const left = 50;
    const width = doc.page.width - 100;
    let y = 44;
    y = put(doc, sect, 'P', `${data.panel.name} · ${round?.name ?? ''}`.toUpperCase(), BOLD, 9, left, y, width, {}, MUTED) + 6;
    y = put(doc, sect, 'H1', table ? tableHeading(t as Translate, table.no, data.tables) : t('seating.print.noTables'), BOLD, 34, left, y, width) + 4;
    if (!table) continue;
    const notes = [
      table.language !== 'fi' ? t('seating.print.language', { language: t(`languages.${table.language}`) }) : '',
      table.accessible ? t('seating.print.accessible') : '',
    ].filter(Boolean);
    if (notes.length) y = put(doc, sect, 'P', notes.join(' · '), BODY, 12, left, y, width, {}, MUTED) + 4;
    artifact(() => doc.save().moveTo(left, y + 6).lineTo(left + width, y + 6).lineWidth(1.2).stroke(INK).restore());
    y += 18;
    const names = data.participants.filter((p) => round?.seats[p.id] === table.no && !GONE.has(p.status)).sort(byName);
    if (names.length === 0) {
      put(doc, sect, 'P', t('seating.print.empty'), BODY, 14, left, y, width, {}, MUTED);
      continue;
    }
    const size = names.length > 12 ? 18 : 24;
    const columns = names.length > 12 ? 2 : 1;
    const colW = width / columns;
    const perCol = Math.ceil(names.length / columns);
    const list = doc.struct('L');
    sect.add(list);
    names.forEach((p, i) => {
      const col = Math.floor(i / perCol);
      const row = i % perCol;
      const at = y + row * size * 1.6;
      list.add(doc.struct('LI', {}, () => doc.font(BODY).fontSize(size).fillColor(INK).text(p.displayName, left + col * colW, at, { width: colW - 10, lineBreak: false, ellipsis: true })));
    });
    list.end();
    put(doc, sect, 'P', t('seating.print.count', { count: names.length }), BODY, 10, left, doc.page.height - 70, width, {}, MUTED);
    sect.end();
  }
  return finish();
}

/**
 * Name cards: an A4 landscape sheet per person, folded along the middle into a tent. Both
 * halves carry the display name (the upper one upside down); under it, the table in each round.
 */
export function nameCardsPdf(data: SeatingPrintData, options: { lang: Lang; fontDir?: string }): Promise<Buffer> {
  const t = translator(options.lang);
  const { doc, root, artifact, finish } = open(`${t('seating.print.cardsTitle')} – ${data.panel.name}`, t('seating.print.cardsTitle'), data, options.lang, options.fontDir, 'landscape');
  const people = data.participants.filter((p) => !GONE.has(p.status)).sort(byName);
  for (const p of people) {
    doc.addPage();
    const W = doc.page.width;
    const H = doc.page.height;
    const half = H / 2;
    const sect = doc.struct('Sect');
    root.add(sect);
    artifact(() => doc.save().dash(4, { space: 4 }).moveTo(20, half).lineTo(W - 20, half).lineWidth(0.5).stroke(LINE).undash().restore());
    // Fit the name to the card's width.
    let size = 72;
    doc.font(BOLD);
    while (size > 28 && doc.fontSize(size).widthOfString(p.displayName) > W - 120) size -= 4;
    const seats = data.rounds
      .map((r) => (r.seats[p.id] !== undefined ? `${r.name}: ${t('seating.print.tableShort', { no: r.seats[p.id]! })}` : ''))
      .filter(Boolean)
      .join('   ·   ');
    const nameH = doc.fontSize(size).heightOfString(p.displayName, { width: W - 100 });
    // Lower half: reads from the front.
    const y = half + (half - nameH) / 2 - 10;
    put(doc, sect, 'H1', p.displayName, BOLD, size, 50, y, W - 100, { align: 'center', lineBreak: false });
    if (seats) put(doc, sect, 'P', seats, BODY, 14, 50, H - 60, W - 100, { align: 'center' }, MUTED);
    // Upper half, upside down: reads from the back. A layout copy of the same name.
    artifact(() => {
      doc.save();
      doc.rotate(180, { origin: [W / 2, half / 2] });
      doc.font(BOLD).fontSize(size).fillColor(INK).text(p.displayName, 50, (half - nameH) / 2 - 10, { width: W - 100, align: 'center', lineBreak: false });
      doc.restore();
    });
    sect.end();
  }
  if (people.length === 0) {
    doc.addPage();
    const sect = doc.struct('Sect');
    root.add(sect);
    put(doc, sect, 'P', t('seating.print.empty'), BODY, 14, 50, 60, doc.page.width - 100);
    sect.end();
  }
  return finish();
}

/** The overview: everyone alphabetically, their table in each round; then each round's tables with their people. */
export function seatingOverviewPdf(data: SeatingPrintData, options: { lang: Lang; fontDir?: string }): Promise<Buffer> {
  const t = translator(options.lang);
  const title = `${t('seating.print.overviewTitle')} – ${data.panel.name}`;
  const { doc, root, artifact, finish } = open(title, t('seating.print.overviewTitle'), data, options.lang, options.fontDir, 'landscape');
  const people = data.participants.filter((p) => !GONE.has(p.status)).sort(byName);
  const rounds = data.rounds;
  doc.addPage();
  const sect = doc.struct('Sect');
  root.add(sect);
  const left = 50;
  const width = doc.page.width - 100;
  let y = put(doc, sect, 'H1', title, BOLD, 18, left, 44, width) + 8;
  // Two blocks of columns side by side when the list is long and the rounds few.
  const blocks = people.length > 28 && rounds.length <= 4 ? 2 : 1;
  const blockW = width / blocks;
  const nameW = Math.min(200, blockW * 0.42);
  const roundW = rounds.length ? Math.min(110, (blockW - nameW - 20) / rounds.length) : 0;
  const rowH = 15;
  const header = (at: number, x0: number) => {
    const row = doc.struct('TR');
    row.add(doc.struct('TH', {}, () => doc.font(BOLD).fontSize(9).fillColor(MUTED).text(t('seating.print.person'), x0, at, { width: nameW - 6, lineBreak: false })));
    rounds.forEach((r, i) =>
      row.add(doc.struct('TH', {}, () => doc.font(BOLD).fontSize(9).fillColor(MUTED).text(r.name, x0 + nameW + i * roundW, at, { width: roundW - 6, lineBreak: false, ellipsis: true }))),
    );
    return row;
  };
  const table = doc.struct('Table');
  sect.add(table);
  const top = y;
  const bottom = doc.page.height - 50;
  let block = 0;
  table.add(header(y, left));
  y += rowH + 2;
  for (const p of people) {
    if (y + rowH > bottom) {
      block++;
      if (block >= blocks) {
        doc.addPage();
        block = 0;
      }
      y = block === 0 ? 44 : top;
      table.add(header(y, left + block * blockW));
      y += rowH + 2;
    }
    const x0 = left + block * blockW;
    const at = y;
    const row = doc.struct('TR');
    row.add(doc.struct('TD', {}, () => doc.font(BODY).fontSize(10).fillColor(INK).text(p.displayName, x0, at, { width: nameW - 6, lineBreak: false, ellipsis: true })));
    rounds.forEach((r, i) => {
      const no = r.seats[p.id];
      row.add(doc.struct('TD', {}, () => doc.font(BOLD).fontSize(10).fillColor(INK).text(no === undefined ? '–' : String(no), x0 + nameW + i * roundW, at, { width: roundW - 6, lineBreak: false })));
    });
    table.add(row);
    artifact(() => doc.save().moveTo(x0, at + rowH - 2).lineTo(x0 + nameW + rounds.length * roundW - 6, at + rowH - 2).lineWidth(0.3).stroke(LINE).restore());
    y += rowH;
  }
  table.end();
  sect.end();

  // Each round: the tables as columns of names.
  for (const r of rounds) {
    doc.addPage();
    const rs = doc.struct('Sect');
    root.add(rs);
    let ry = put(doc, rs, 'H2', `${r.name} – ${data.panel.name}`, BOLD, 16, left, 44, width) + 10;
    const cols = Math.min(6, Math.max(1, data.tables.length));
    const colW = width / cols;
    let rowTop = ry;
    let rowBottom = ry;
    data.tables.forEach((tb, i) => {
      const c = i % cols;
      if (c === 0 && i > 0) {
        rowTop = rowBottom + 14;
        if (rowTop > doc.page.height - 150) {
          doc.addPage();
          rowTop = 44;
        }
      }
      const x = left + c * colW;
      let cy = put(doc, rs, 'H3', tableHeading(t as Translate, tb.no, data.tables), BOLD, 13, x, rowTop, colW - 10) + 4;
      const names = people.filter((p) => r.seats[p.id] === tb.no);
      for (const p of names) cy = put(doc, rs, 'P', p.displayName, BODY, 11.5, x, cy + 1, colW - 10, { lineBreak: false, ellipsis: true });
      rowBottom = Math.max(rowBottom, cy);
    });
    ry = rowBottom;
    rs.end();
  }
  return finish();
}

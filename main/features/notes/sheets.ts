/**
 * The paper fallback for table notes: blank note sheets (A4, tagged PDF), one page per table for
 * one programme item. Each page names the panel, the table, the item and its question, and has a
 * ruled area under a heading for every kind of note, so what a table writes by hand can be typed
 * in afterwards kind by kind. The foot of the page leaves a line for who transcribed it.
 */
import type { AgendaItem } from '../../../shared/agenda.js';
import { NOTE_KINDS } from '../../../shared/notes.js';
import type { PanelBasics } from '../../../shared/panel.js';
import type { PanelTable } from '../../../shared/participants.js';
import { translator, type Lang } from '../../messages.js';
import { slug } from '../../print/fileName.js';
import { BODY, BOLD, startTaggedPdf } from '../../print/taggedPdf.js';
import type { Db } from '../../store/sqlite.js';
import { agendaItemsTopic } from '../agenda/agenda.js';
import { tableHeading } from '../agenda/print.js';
import { readClock } from '../clock/clock.js';
import { readBasics } from '../panels/panels.js';
import { tablesTopic } from '../participants/participants.js';

export interface SheetData {
  panel: PanelBasics;
  /** The item the sheets are for; null prints sheets without an item (for any discussion). */
  item: AgendaItem | null;
  tables: PanelTable[];
}

export interface SheetOptions {
  lang: Lang;
  /** One table's sheet; null or absent: a page for every table. */
  tableNo?: number | null;
  fontDir?: string;
}

/**
 * What the sheets show, read from the open panel: the given item, or the item on stage when none
 * is given. Returns null when the given item does not exist.
 */
export function readSheetData(db: Db, itemId: string | null): SheetData | null {
  const ctx = { db, isConnected: () => false };
  const items = agendaItemsTopic(ctx).map((e) => e.value);
  const wanted = itemId ?? readClock(db).itemId;
  const item = wanted ? (items.find((i) => i.id === wanted) ?? null) : null;
  if (itemId !== null && !item) return null;
  return { panel: readBasics(db), item, tables: tablesTopic(ctx).map((e) => e.value) };
}

/** "keski-uudenmaan-asukaspaneeli-2026-muistiinpanopohjat-poyta-3.pdf" */
export function sheetFileName(panelName: string, lang: Lang, tableNo: number | null): string {
  const t = translator(lang);
  const parts = [slug(panelName), slug(t('sheets.file'))];
  if (tableNo !== null) parts.push(slug(t('print.file.table', { no: tableNo })));
  return `${parts.join('-')}.pdf`;
}

const PAGE = { margin: 50, top: 44, bottom: 40 };
const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const LINE = '#a8a8a8';
const QUOTE_FILL = '#f0f0f0';
/** Space between ruled writing lines: enough for handwriting. */
const LINE_GAP = 21;

/** Renders the sheets; resolves with the whole PDF file. */
export function noteSheetsPdf(data: SheetData, options: SheetOptions): Promise<Buffer> {
  const { lang } = options;
  const t = translator(lang);
  const tableNos = options.tableNo != null ? [options.tableNo] : data.tables.map((x) => x.no).sort((a, b) => a - b);
  // A panel without tables yet still gets one sheet with an empty table line.
  const pages: (number | null)[] = tableNos.length ? tableNos : [null];
  const itemTitle = data.item?.title ?? t('sheets.anyItem');
  const docTitle = `${t('sheets.title')} – ${itemTitle} – ${data.panel.name}`;

  const { doc, root, artifact, finish } = startTaggedPdf({
    lang,
    title: docTitle,
    author: data.panel.organiser,
    subject: t('sheets.subject'),
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
    autoFirstPage: false,
    fontDir: options.fontDir,
  });

  for (const tableNo of pages) {
    doc.addPage();
    const left = PAGE.margin;
    const width = doc.page.width - 2 * PAGE.margin;
    const pageBottom = doc.page.height - PAGE.bottom;
    let y = PAGE.top;
    const sect = doc.struct('Sect');
    root.add(sect);

    const text = (type: string, value: string, font: string, size: number, color: string, x = left, w = width, opts: PDFKit.Mixins.TextOptions = {}) => {
      const at = y;
      const h = doc.font(font).fontSize(size).heightOfString(value, { width: w, ...opts });
      sect.add(doc.struct(type, {}, () => doc.font(font).fontSize(size).fillColor(color).text(value, x, at, { width: w, ...opts })));
      y = at + h;
    };

    // The table's badge at the top right, then the head on the left beside it.
    const heading = tableNo === null ? `${t('sheets.table')} ____` : tableHeading(t, tableNo, data.tables);
    doc.font(BOLD).fontSize(16);
    const badgeW = Math.min(220, doc.widthOfString(heading) + 28);
    const badgeH = doc.heightOfString(heading, { width: badgeW - 28 }) + 14;
    const badgeX = left + width - badgeW;
    artifact(() => doc.save().roundedRect(badgeX, y, badgeW, badgeH, 4).fill(INK).restore());
    const badgeAt = y;
    const headW = width - badgeW - 16;
    text('P', `${t('sheets.title')} · ${data.panel.name}`.toUpperCase(), BOLD, 8.5, MUTED, left, headW);
    y += 3;
    text('H1', itemTitle, BOLD, 16, INK, left, headW, { lineGap: 1 });
    sect.add(doc.struct('H2', {}, () => doc.font(BOLD).fontSize(16).fillColor('#ffffff').text(heading, badgeX + 14, badgeAt + 8, { width: badgeW - 28 })));
    y = Math.max(y, badgeAt + badgeH) + 8;

    const question = data.item?.question.trim() ?? '';
    if (question) {
      const qx = left + 12;
      const qw = width - 24;
      const labelH = doc.font(BOLD).fontSize(8).heightOfString(t('sheets.question'), { width: qw }) + 2;
      const qh = doc.font(BODY).fontSize(10).heightOfString(question, { width: qw, oblique: true });
      const boxAt = y;
      artifact(() => {
        doc.save().rect(left, boxAt, width, labelH + qh + 10).fill(QUOTE_FILL).restore();
        doc.save().rect(left, boxAt, 3, labelH + qh + 10).fill(INK).restore();
      });
      sect.add(
        doc.struct('BlockQuote', {}, () => {
          doc.font(BOLD).fontSize(8).fillColor(MUTED).text(t('sheets.question'), qx, boxAt + 5, { width: qw });
          doc.font(BODY).fontSize(10).fillColor(INK).text(question, qx, boxAt + 5 + labelH, { width: qw, oblique: true });
        }),
      );
      y = boxAt + labelH + qh + 10 + 6;
    }
    text('P', t('sheets.instructions'), BODY, 8.5, MUTED);
    y += 6;

    // The foot: who typed the sheet in, and when. Laid out first so the ruled area can fill the rest.
    const footH = 34;
    const footAt = pageBottom - footH;

    // The ruled area: one block per kind of note, sharing the height left evenly.
    const kindH = doc.font(BOLD).fontSize(10).heightOfString('Ag', { width }) + 2;
    const blockH = (footAt - 10 - y) / NOTE_KINDS.length;
    // As many lines as fit at LINE_GAP, then spread evenly so each block ends just above the next heading.
    const room = blockH - kindH - 14;
    const lines = Math.max(1, Math.floor(room / LINE_GAP));
    const gap = room / lines;
    for (const kind of NOTE_KINDS) {
      const at = y;
      sect.add(doc.struct('H3', {}, () => doc.font(BOLD).fontSize(10).fillColor(INK).text(t(`sheets.kind.${kind}`), left, at, { width })));
      artifact(() => {
        for (let i = 1; i <= lines; i++) {
          const ly = at + kindH + i * gap;
          doc.save().moveTo(left, ly).lineTo(left + width, ly).lineWidth(0.6).stroke(LINE).restore();
        }
      });
      y = at + blockH;
    }

    artifact(() => doc.save().moveTo(left, footAt).lineTo(left + width, footAt).lineWidth(1).stroke(INK).restore());
    const footY = footAt + 10;
    sect.add(
      doc.struct('P', {}, () => {
        doc.font(BOLD).fontSize(10).fillColor(INK).text(`${t('sheets.transcribedBy')} `, left, footY, { continued: true, lineBreak: false });
        doc.font(BODY).text(`______________________________ (${t('sheets.name')})`, { continued: true, lineBreak: false });
        doc.text(`   ${t('sheets.date')} ____________`, { lineBreak: false });
      }),
    );
    sect.end();
  }

  return finish();
}

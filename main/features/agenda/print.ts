/**
 * The paper fallback: the programme as a printable, tagged PDF (A4), for the room or for one
 * table. The room and table versions never carry facilitator notes; a table's version adds the
 * display names of the people seated at that table for each table discussion that names a
 * seating round.
 */
import { plannedSchedule, type AgendaDay, type AgendaItem, type Expert } from '../../../shared/agenda.js';
import type { PanelBasics } from '../../../shared/panel.js';
import type { Participant, PanelTable, SeatingRound } from '../../../shared/participants.js';
import { translator, type Lang, type Translate } from '../../messages.js';
import { BODY, BOLD, numberPages, startTaggedPdf, type Struct } from '../../print/taggedPdf.js';
import type { Db } from '../../store/sqlite.js';
import { readBasics } from '../panels/panels.js';
import { participantsTopic, seatingRoundsTopic, tablesTopic } from '../participants/participants.js';
import { agendaDaysTopic, agendaItemsTopic, expertsTopic } from './agenda.js';

export interface ProgrammeData {
  panel: PanelBasics;
  days: AgendaDay[];
  items: AgendaItem[];
  experts: Expert[];
  tables: PanelTable[];
  seatingRounds: SeatingRound[];
  participants: Participant[];
}

export interface ProgrammeOptions {
  lang: Lang;
  /** A table's own version; null or absent for the room. */
  tableNo?: number | null;
  /** Where DejaVuSans.ttf and DejaVuSans-Bold.ttf are; default <repo>/resources/fonts. */
  fontDir?: string;
}

/** Everything the printout shows, read in one go from the open panel (display names only). */
export function readProgrammeData(db: Db): ProgrammeData {
  const ctx = { db, isConnected: () => false };
  return {
    panel: readBasics(db),
    days: agendaDaysTopic(ctx).map((e) => e.value),
    items: agendaItemsTopic(ctx).map((e) => e.value),
    experts: expertsTopic(ctx).map((e) => e.value),
    tables: tablesTopic(ctx).map((e) => e.value),
    seatingRounds: seatingRoundsTopic(ctx).map((e) => e.value),
    participants: participantsTopic(ctx).map((e) => e.value),
  };
}

const LOCALES: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** "lauantai 14.11.2026", "lördag 14 november 2026", "Saturday 14 November 2026". */
export function longDate(iso: string, lang: Lang): string {
  const date = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: lang === 'fi' ? 'numeric' : 'long',
    year: 'numeric',
  }).format(date);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function shortDate(iso: string, lang: Lang): string {
  const date = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' }).format(date);
}

/** The heading of a table's version: "Pöytä 3"; the table's own name when it has the number in it; or "Pöytä 3 – Ikkunapöytä". */
export function tableHeading(t: Translate, tableNo: number, tables: PanelTable[]): string {
  const base = t('print.tableHeading', { no: tableNo });
  const name = tables.find((x) => x.no === tableNo)?.name.trim() ?? '';
  if (!name || name === base) return base;
  // "Pöytä 6 – på svenska" already says which table it is; "Ikkunapöytä" does not.
  if (new RegExp(`(^|\\D)${tableNo}(\\D|$)`).test(name)) return name;
  return `${base} – ${name}`;
}

/** Seated display names at a table in a round; people who declined, dropped out or were replaced are left out. */
function seatedAt(data: ProgrammeData, roundId: string, tableNo: number): string[] {
  const round = data.seatingRounds.find((r) => r.id === roundId);
  if (!round) return [];
  const gone = new Set(['declined', 'droppedOut', 'replaced']);
  return data.participants
    .filter((p) => round.seats[p.id] === tableNo && !gone.has(p.status))
    .map((p) => p.displayName)
    .sort((a, b) => a.localeCompare(b, 'fi'));
}

// ---------------------------------------------------------------- layout

const PAGE = { margin: 56, top: 50, bottom: 62 };
const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const RULE = '#9a9a9a';
const HEADER_FILL = '#e4e4e4';
const BREAK_FILL = '#f3f3f3';
const QUOTE_FILL = '#f0f0f0';
const QUOTE_BAR = '#3a3a3a';
const PAD = { x: 6, y: 6 };
const COL = { time: 60, kind: 132 };

interface Block {
  /** Structure type of the block (P, BlockQuote). */
  type: string;
  font: string;
  size: number;
  color: string;
  text: string;
  /** Drawn in a quote box: shaded, with a bar on the left. */
  quote?: boolean;
  /** A slanted face for a text run (the discussion question). */
  oblique?: boolean;
  label?: string;
  gapBefore?: number;
}

/** Renders the programme; resolves with the whole PDF file. */
export function programmePdf(data: ProgrammeData, options: ProgrammeOptions): Promise<Buffer> {
  const { lang } = options;
  const tableNo = options.tableNo ?? null;
  const t = translator(lang);
  const heading = tableNo === null ? null : tableHeading(t, tableNo, data.tables);
  const docTitle = heading ? `${t('print.title')} – ${heading} – ${data.panel.name}` : `${t('print.title')} – ${data.panel.name}`;

  const { doc, root, artifact, finish } = startTaggedPdf({
    lang,
    title: docTitle,
    author: data.panel.organiser,
    subject: t('print.subject'),
    keywords: data.panel.area,
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    fontDir: options.fontDir,
  });
  doc.fillColor(INK);

  const left = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  const bottom = () => doc.page.height - PAGE.bottom;
  let y = PAGE.top;

  /** A text block as a structure element of its own; advances y. */
  const textBlock = (parent: Struct, type: string, text: string, font: string, size: number, color: string, opts: PDFKit.Mixins.TextOptions = {}) => {
    const h = doc.font(font).fontSize(size).heightOfString(text, { width, ...opts });
    if (y + h > bottom()) newPage();
    const at = y;
    parent.add(doc.struct(type, {}, () => doc.font(font).fontSize(size).fillColor(color).text(text, left, at, { width, ...opts })));
    y = at + h;
  };

  const newPage = () => {
    doc.addPage();
    y = PAGE.top;
  };

  // ------------------------------------------------------------ the head of the document
  const overline = (heading ? `${t('print.title')} · ${heading}` : t('print.title')).toUpperCase();
  textBlock(root, 'P', overline, BOLD, 9, MUTED);
  y += 4;
  textBlock(root, 'H1', data.panel.name, BOLD, 19, INK, { lineGap: 1 });
  y += 8;

  const dates = panelDates(data);
  const facts: [string, string][] = [];
  if (dates) facts.push([t('print.dates'), dates.from === dates.to ? longDate(dates.from, lang) : `${shortDate(dates.from, lang)} – ${shortDate(dates.to, lang)}`]);
  if (data.panel.venue) facts.push([t('print.venue'), data.panel.venue]);
  if (data.panel.organiser) facts.push([t('print.organiser'), data.panel.organiser]);
  for (const [label, value] of facts) {
    const text = `${label}: ${value}`;
    const h = doc.font(BODY).fontSize(10).heightOfString(text, { width });
    const at = y;
    root.add(
      doc.struct('P', {}, () => {
        doc.font(BOLD).fontSize(10).fillColor(INK).text(`${label}: `, left, at, { width, continued: true });
        doc.font(BODY).text(value);
      }),
    );
    y = at + h + 2;
  }

  if (heading) {
    y += 10;
    doc.font(BOLD).fontSize(15);
    const w = Math.min(width, doc.widthOfString(heading) + 28);
    const h = doc.heightOfString(heading, { width: w - 28 }) + 14;
    const at = y;
    artifact(() => doc.save().roundedRect(left, at, w, h, 4).fill(INK).restore());
    root.add(doc.struct('H2', {}, () => doc.font(BOLD).fontSize(15).fillColor('#ffffff').text(heading, left + 14, at + 8, { width: w - 28 })));
    doc.fillColor(INK);
    y = at + h;
  }
  y += 14;
  const ruleAt = y;
  artifact(() => doc.save().moveTo(left, ruleAt).lineTo(left + width, ruleAt).lineWidth(1.2).stroke(INK).restore());
  y += 14;

  // ------------------------------------------------------------ days
  const days = [...data.days].sort((a, b) => a.position - b.position);
  if (days.length === 0) textBlock(root, 'P', t('print.empty'), BODY, 11, INK);
  const expertName = new Map(data.experts.map((e) => [e.id, e.name]));
  const dayHeadingLevel = heading ? 'H3' : 'H2';
  const roundName = new Map(data.seatingRounds.map((r) => [r.id, r.name]));

  days.forEach((day, dayIndex) => {
    const items = data.items.filter((i) => i.dayId === day.id).sort((a, b) => a.position - b.position);
    const schedule = new Map(plannedSchedule(day, items).map((s) => [s.id, s]));
    const last = items.length ? schedule.get(items[items.length - 1]!.id) : undefined;
    // Every day after the first starts on a page of its own: a day's sheet can be handed out alone.
    if (dayIndex > 0) newPage();

    const sect = doc.struct('Sect');
    root.add(sect);
    doc.outline.addItem(day.title || longDate(day.date, lang));
    textBlock(sect, dayHeadingLevel, day.title || longDate(day.date, lang), BOLD, 15, INK);
    y += 3;
    const when = last
      ? t('print.dayTimes', { date: longDate(day.date, lang), start: day.startsAt, end: last.end })
      : t('print.dayStart', { date: longDate(day.date, lang), start: day.startsAt });
    textBlock(sect, 'P', when, BODY, 10.5, MUTED);
    y += 10;

    if (items.length === 0) {
      textBlock(sect, 'P', t('print.noItems'), BODY, 10.5, INK);
      sect.end();
      return;
    }

    const table = doc.struct('Table');
    sect.add(table);
    const itemWidth = width - COL.time - COL.kind;
    const cols = [
      { x: left, w: COL.time },
      { x: left + COL.time, w: itemWidth },
      { x: left + COL.time + itemWidth, w: COL.kind },
    ] as const;
    const headers = [t('print.colTime'), t('print.colItem'), t('print.colKind')];

    const drawHeader = (tagged: boolean) => {
      doc.font(BOLD).fontSize(9.5);
      const h = Math.max(...headers.map((text, i) => doc.heightOfString(text, { width: cols[i]!.w - 2 * PAD.x }))) + 2 * 6;
      const at = y;
      artifact(() => {
        doc.save().rect(left, at, width, h).fill(HEADER_FILL).restore();
        doc.save().moveTo(left, at + h).lineTo(left + width, at + h).lineWidth(1).stroke(INK).restore();
      });
      const write = () =>
        headers.forEach((text, i) => doc.font(BOLD).fontSize(9.5).fillColor(INK).text(text, cols[i]!.x + PAD.x, at + 6, { width: cols[i]!.w - 2 * PAD.x }));
      if (tagged) {
        const tr = doc.struct('TR');
        table.add(tr);
        headers.forEach((text, i) => {
          const th = doc.struct('TH', { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions);
          tr.add(th);
          th.add(() => doc.font(BOLD).fontSize(9.5).fillColor(INK).text(text, cols[i]!.x + PAD.x, at + 6, { width: cols[i]!.w - 2 * PAD.x }));
          th.end();
        });
        tr.end();
      } else {
        // The header repeated on a continuation page is a pagination artifact, not content.
        artifact(write);
      }
      y = at + h;
    };

    if (y + 80 > bottom()) newPage();
    drawHeader(true);

    items.forEach((item) => {
      const planned = schedule.get(item.id)!;
      const blocks: Block[] = [{ type: 'P', font: BOLD, size: 10.5, color: INK, text: item.title }];
      const names = item.expertIds.map((id) => expertName.get(id)).filter((n): n is string => Boolean(n));
      if (names.length) {
        blocks.push({ type: 'P', font: BODY, size: 9.5, color: MUTED, text: t('print.experts', { count: names.length, names: names.join(', ') }), gapBefore: 3 });
      }
      if (item.question.trim()) {
        blocks.push({
          type: 'BlockQuote',
          font: BODY,
          size: 10,
          color: INK,
          text: item.question.trim(),
          quote: true,
          oblique: true,
          label: t('print.question'),
          gapBefore: 6,
        });
      }
      if (item.seatingRoundId && roundName.has(item.seatingRoundId)) {
        const round = roundName.get(item.seatingRoundId)!;
        if (tableNo === null) {
          blocks.push({ type: 'P', font: BODY, size: 9.5, color: MUTED, text: t('print.seatingRound', { round }), gapBefore: 5 });
        } else {
          const people = seatedAt(data, item.seatingRoundId, tableNo);
          blocks.push({
            type: 'P',
            font: BODY,
            size: 9.5,
            color: INK,
            text: people.length ? t('print.seatedHere', { round, names: people.join(', ') }) : t('print.nobodySeated', { round }),
            gapBefore: 5,
          });
        }
      }

      // measure
      const inner = itemWidth - 2 * PAD.x;
      const QUOTE_PAD = { x: 9, y: 5 };
      const measured = blocks.map((b) => {
        const w = b.quote ? inner - 2 * QUOTE_PAD.x - 3 : inner;
        let h = doc.font(b.font).fontSize(b.size).heightOfString(b.text, { width: w, oblique: b.oblique });
        let labelH = 0;
        if (b.label) labelH = doc.font(BOLD).fontSize(8).heightOfString(b.label, { width: w }) + 2;
        if (b.quote) h += labelH + 2 * QUOTE_PAD.y;
        return { ...b, w, h, labelH };
      });
      const itemH = measured.reduce((sum, b) => sum + (b.gapBefore ?? 0) + b.h, 0);
      const kindText = t(`agenda.kind.${item.kind}`);
      const minutes = t('print.minutes', { count: item.plannedMinutes });
      const kindH = doc.font(BODY).fontSize(9.5).heightOfString(kindText, { width: COL.kind - 2 * PAD.x }) + 2 + doc.font(BODY).fontSize(9).heightOfString(minutes);
      const timeH = doc.font(BOLD).fontSize(10.5).heightOfString(planned.start) + doc.font(BODY).fontSize(9.5).heightOfString(planned.end) + 1;
      const rowH = Math.max(itemH, kindH, timeH) + 2 * PAD.y;

      if (y + rowH > bottom()) {
        newPage();
        drawHeader(false);
      }
      const at = y;
      artifact(() => {
        if (item.kind === 'break') doc.save().rect(left, at, width, rowH).fill(BREAK_FILL).restore();
        doc.save().moveTo(left, at + rowH).lineTo(left + width, at + rowH).lineWidth(0.6).stroke(RULE).restore();
        let by = at + PAD.y;
        for (const b of measured) {
          by += b.gapBefore ?? 0;
          if (b.quote) {
            doc.save().rect(cols[1].x + PAD.x, by, inner, b.h).fill(QUOTE_FILL).restore();
            doc.save().rect(cols[1].x + PAD.x, by, 3, b.h).fill(QUOTE_BAR).restore();
          }
          by += b.h;
        }
      });

      const tr = doc.struct('TR');
      table.add(tr);
      const cell = (i: number, draw: (x: number, w: number) => void) => {
        const td = doc.struct('TD');
        tr.add(td);
        td.add(() => draw(cols[i]!.x + PAD.x, cols[i]!.w - 2 * PAD.x));
        td.end();
      };
      cell(0, (x, w) => {
        doc.font(BOLD).fontSize(10.5).fillColor(INK).text(planned.start, x, at + PAD.y, { width: w });
        doc.font(BODY).fontSize(9.5).fillColor(MUTED).text(`–${planned.end}`, x, doc.y + 1, { width: w });
      });
      const td = doc.struct('TD');
      tr.add(td);
      let by = at + PAD.y;
      for (const b of measured) {
        by += b.gapBefore ?? 0;
        const top = by;
        if (b.quote) {
          const qx = cols[1].x + PAD.x + 3 + QUOTE_PAD.x;
          td.add(
            doc.struct(b.type, {}, () => {
              doc.font(BOLD).fontSize(8).fillColor(MUTED).text(b.label ?? '', qx, top + QUOTE_PAD.y, { width: b.w });
              doc.font(b.font).fontSize(b.size).fillColor(b.color).text(b.text, qx, top + QUOTE_PAD.y + b.labelH, { width: b.w, oblique: b.oblique });
            }),
          );
        } else {
          td.add(doc.struct(b.type, {}, () => doc.font(b.font).fontSize(b.size).fillColor(b.color).text(b.text, cols[1].x + PAD.x, top, { width: b.w })));
        }
        by += b.h;
      }
      td.end();
      cell(2, (x, w) => {
        doc.font(BODY).fontSize(9.5).fillColor(INK).text(kindText, x, at + PAD.y, { width: w });
        doc.font(BODY).fontSize(9).fillColor(MUTED).text(minutes, x, doc.y + 2, { width: w });
      });
      tr.end();
      y = at + rowH;
    });
    table.end();
    sect.end();
  });

  numberPages(doc, t, heading ? `${data.panel.name} · ${heading}` : data.panel.name, { left, width, fromBottom: PAGE.bottom - 22 });
  return finish();
}

function panelDates(data: ProgrammeData): { from: string; to: string } | null {
  const dayDates = data.days.map((d) => d.date).sort();
  const from = data.panel.startsOn ?? dayDates[0];
  const to = data.panel.endsOn ?? dayDates[dayDates.length - 1] ?? from;
  return from && to ? { from, to } : null;
}

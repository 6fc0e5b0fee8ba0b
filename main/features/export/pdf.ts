/**
 * The statement as PDF/A-2a (pdfkit): tagged, with a structure tree (H1–H3, P, L/LI/Lbl/LBody,
 * Table/Caption/TR/TH/TD, Figure with alt text), document language and title (shown in the
 * viewer's title bar), the DejaVu fonts from resources/fonts embedded, bookmarks for the headings,
 * page numbers as pagination artifacts, and charts drawn as vector bars followed by their data.
 */
import { resolve } from 'node:path';
import PDFDocument from 'pdfkit';
import { fill, formatPercent, plainText, type Block, type ChartBlock, type PuntariDocument, type Run, type TableBlock } from '../../../shared/document.js';
import { DEFAULT_FONT_DIR } from '../../print/taggedPdf.js';

export interface PdfOptions {
  /** Where DejaVuSans.ttf and DejaVuSans-Bold.ttf are; default <repo>/resources/fonts. */
  fontDir?: string;
}

type Struct = PDFKit.PDFStructureElement;

const PAGE = { left: 62, right: 62, top: 58, bottom: 66 };
const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const ACCENT = '#1f4e79';
const BAR = '#7d95ad';
const TRACK = '#eef1f4';
const LINK = '#0b4f8a';
const RULE = '#b0b0b0';
const HEADER_FILL = '#e7ecf1';
const BOX_FILL = '#f3f6f9';
const SIZE = { body: 10.5, small: 9.5, table: 9, h1: 21, h2: 15, h3: 12, lead: 13 };
const LINE_GAP = 2.2;
const BOX_INDENT = 12;

/** XMP is written by pdfkit without escaping: keep metadata free of XML's special characters. */
function xmpSafe(value: string): string {
  return value.replace(/&/g, '＆').replace(/</g, '‹').replace(/>/g, '›');
}

export function toPdf(source: PuntariDocument, options: PdfOptions = {}): Promise<Buffer> {
  const fontDir = options.fontDir ?? DEFAULT_FONT_DIR;
  const m = source.meta;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/A-2a' as PDFKit.Mixins.PDFSubsets,
    displayTitle: true,
    lang: { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[m.language],
    // The default font is ours from the start, so no unembedded standard font ever enters the file.
    font: resolve(fontDir, 'DejaVuSans.ttf'),
    info: {
      Title: xmpSafe(m.title),
      Author: xmpSafe(m.author),
      Subject: xmpSafe([m.subject, m.subtitle, m.recordNumber].filter(Boolean).join(' · ')),
      Creator: 'Puntari',
      Keywords: xmpSafe([m.keywords, m.checksum ? `SHA-256 ${m.checksum}` : ''].filter(Boolean).join(', ')),
      CreationDate: new Date(m.createdAt),
    },
  } as PDFKit.PDFDocumentOptions);
  // Fonts are named by their paths: pdfkit caches a font under the name it was first opened by, and
  // a second name for the same file would parse the file again on every switch.
  const BODY = resolve(fontDir, 'DejaVuSans.ttf');
  const BOLD = resolve(fontDir, 'DejaVuSans-Bold.ttf');
  doc.font(BODY).fontSize(SIZE.body).fillColor(INK);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolveDone, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolveDone(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const pageWidth = doc.page.width;
  const fullWidth = pageWidth - PAGE.left - PAGE.right;
  const bottom = () => doc.page.height - PAGE.bottom;
  let y = PAGE.top;

  const newPage = () => {
    doc.addPage();
    y = PAGE.top;
  };
  /** Starts a new page unless `h` points still fit on this one. */
  const ensure = (h: number) => {
    if (y + h > bottom() && y > PAGE.top + 1) newPage();
  };
  const artifact = (draw: () => void) => {
    doc.markContent('Artifact', { type: 'Layout' });
    draw();
    doc.endMarkedContent();
  };

  const root = doc.struct('Document');
  doc.addStructure(root);

  // Bookmarks: H1 and H2 at the top level, H3 (and recommendations) under the H2 before them.
  let lastTop: PDFKit.PDFOutline | null = null;
  const bookmark = (level: number, title: string, top: number) => {
    // pdfkit measures `left` from the right edge: the page's width puts the view at its left edge.
    const opts = { top: Math.max(0, top - 8), left: pageWidth } as unknown as { expanded?: boolean };
    if (level <= 2 || !lastTop) {
      const item = doc.outline.addItem(title, opts);
      if (level <= 2) lastTop = item;
    } else lastTop.addItem(title, opts);
  };

  // ------------------------------------------------------------ text
  const nonEmpty = (runs: readonly Run[]) => {
    const r = runs.filter((x) => x.text.length > 0);
    return r.length ? r : [{ text: ' ' }];
  };

  const measureRuns = (runs: readonly Run[], size: number, width: number, bold = false) =>
    doc
      .font(bold || runs.every((r) => r.bold) ? BOLD : BODY)
      .fontSize(size)
      .heightOfString(plainText(runs) || ' ', { width, lineGap: LINE_GAP });

  /** Writes runs at (x, y) in `width`, letting pdfkit continue onto new pages; advances y. */
  const writeRuns = (runs: readonly Run[], x: number, width: number, size: number, color: string, opts: { bold?: boolean; align?: 'left' | 'right' } = {}) => {
    const list = nonEmpty(runs);
    list.forEach((r, i) => {
      const last = i === list.length - 1;
      doc
        .font(r.bold || opts.bold ? BOLD : BODY)
        .fontSize(size)
        .fillColor(r.href ? LINK : color);
      const textOpts: PDFKit.Mixins.TextOptions = {
        width,
        lineGap: LINE_GAP,
        continued: !last,
        underline: !!r.href,
        oblique: r.italic ? 10 : false,
        align: opts.align ?? 'left',
      };
      if (r.href) textOpts.link = r.href;
      else (textOpts as { link?: string | null }).link = null;
      if (i === 0) doc.text(r.text, x, y, textOpts);
      else doc.text(r.text, textOpts);
    });
    y = doc.y;
    doc.fillColor(INK);
  };

  const paragraphBlock = (parent: Struct, runs: readonly Run[], x: number, width: number, tone: string, keep = 0) => {
    const size = tone === 'lead' ? SIZE.lead : tone === 'muted' ? SIZE.small : SIZE.body;
    const color = tone === 'lead' ? ACCENT : tone === 'muted' ? MUTED : INK;
    if (tone === 'label') y += 6;
    const h = measureRuns(runs, size, width);
    // Keep two lines together at least; a label stays with what follows it (`keep`).
    ensure(tone === 'label' ? h + keep : Math.min(h, (size + LINE_GAP) * 2 + 2) + keep);
    parent.add(doc.struct('P', {}, () => writeRuns(runs, x, width, size, color)));
    y += tone === 'label' ? 2 : tone === 'muted' ? 4 : 7;
  };

  const headingBlock = (parent: Struct, level: 1 | 2 | 3, text: string, x: number, width: number, box = false) => {
    const size = level === 1 ? SIZE.h1 : level === 2 ? SIZE.h2 : SIZE.h3;
    const before = level === 1 ? 0 : level === 2 ? 18 : 12;
    if (y > PAGE.top + 1) y += before;
    const pad = box ? 7 : 0;
    const h = doc.font(BOLD).fontSize(size).heightOfString(text, { width: width - 2 * pad - (box ? 4 : 0), lineGap: 1 }) + 2 * pad;
    ensure(h + 70);
    const at = y;
    if (box) {
      artifact(() => {
        doc.save().rect(x, at, width, h).fill(BOX_FILL).restore();
        doc.save().rect(x, at, 4, h).fill(ACCENT).restore();
      });
    }
    bookmark(level, text, at);
    parent.add(
      doc.struct(`H${level}`, {}, () => {
        doc
          .font(BOLD)
          .fontSize(size)
          .fillColor(level === 2 ? ACCENT : INK)
          .text(text, x + pad + (box ? 4 : 0), at + pad, { width: width - 2 * pad - (box ? 4 : 0), lineGap: 1 });
      }),
    );
    y = at + h;
    if (level === 2) {
      const ry = y + 3;
      artifact(() => doc.save().moveTo(x, ry).lineTo(x + width, ry).lineWidth(1.2).stroke(ACCENT).restore());
      y = ry + 9;
    } else y += level === 1 ? 8 : 6;
    doc.fillColor(INK);
  };

  const listBlock = (parent: Struct, ordered: boolean, items: Run[][], x: number, width: number) => {
    const l = doc.struct('L');
    parent.add(l);
    const labelW = ordered ? 20 : 14;
    items.forEach((item, i) => {
      const label = ordered ? `${i + 1}.` : '•';
      const h = measureRuns(item, SIZE.body, width - labelW);
      ensure(Math.min(h, 2 * (SIZE.body + LINE_GAP)));
      const at = y;
      const li = doc.struct('LI');
      l.add(li);
      li.add(doc.struct('Lbl', {}, () => doc.font(BODY).fontSize(SIZE.body).fillColor(INK).text(label, x + 2, at, { width: labelW, lineBreak: false })));
      li.add(
        doc.struct('LBody', {}, () => {
          y = at;
          writeRuns(item, x + labelW, width - labelW, SIZE.body, INK);
        }),
      );
      li.end();
      y += 3;
    });
    l.end();
    y += 5;
  };

  // ------------------------------------------------------------ tables
  const PAD = { x: 5, y: 4 };
  const tableBlock = (parent: Struct, t: TableBlock, x: number, width: number) => {
    const rel = t.widths ?? t.header.map(() => 1);
    const sum = rel.reduce((a, b) => a + b, 0);
    const cols: { x: number; w: number }[] = [];
    let cx = x;
    for (const w of rel) {
      const cw = (width * w) / sum;
      cols.push({ x: cx, w: cw });
      cx += cw;
    }
    const cellH = (text: string, i: number, bold: boolean) =>
      doc
        .font(bold ? BOLD : BODY)
        .fontSize(SIZE.table)
        .heightOfString(text || ' ', { width: cols[i]!.w - 2 * PAD.x }) +
      2 * PAD.y;
    const headerH = Math.max(...t.header.map((h, i) => cellH(h, i, true)));
    const rowHs = t.rows.map((row) => Math.max(...row.map((c, i) => cellH(c, i, false))));
    const captionH = doc.font(BOLD).fontSize(SIZE.small).heightOfString(t.caption, { width }) + 4;

    const table = doc.struct('Table');
    parent.add(table);
    y += 4;
    ensure(captionH + headerH + (rowHs[0] ?? 0) + 4);
    const capAt = y;
    table.add(doc.struct('Caption', {}, () => doc.font(BOLD).fontSize(SIZE.small).fillColor(INK).text(t.caption, x, capAt, { width })));
    y = capAt + captionH;

    const cellText = (text: string, i: number, at: number, bold: boolean) => {
      doc
        .font(bold ? BOLD : BODY)
        .fontSize(SIZE.table)
        .fillColor(INK)
        .text(text, cols[i]!.x + PAD.x, at + PAD.y, { width: cols[i]!.w - 2 * PAD.x, align: t.numeric?.[i] ? 'right' : 'left' });
    };
    const header = (tagged: boolean) => {
      const at = y;
      artifact(() => {
        doc.save().rect(x, at, width, headerH).fill(HEADER_FILL).restore();
        doc.save().moveTo(x, at + headerH).lineTo(x + width, at + headerH).lineWidth(1).stroke(INK).restore();
      });
      if (tagged) {
        const thead = doc.struct('THead');
        table.add(thead);
        const tr = doc.struct('TR');
        thead.add(tr);
        t.header.forEach((h, i) => {
          tr.add(doc.struct('TH', { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions, () => cellText(h, i, at, true)));
        });
        tr.end();
        thead.end();
      } else {
        // Repeated on a continuation page: a pagination artifact, not content.
        doc.markContent('Artifact', { type: 'Pagination' });
        t.header.forEach((h, i) => cellText(h, i, at, true));
        doc.endMarkedContent();
      }
      y = at + headerH;
    };
    header(true);
    const tbody = doc.struct('TBody');
    table.add(tbody);
    t.rows.forEach((row, r) => {
      const rowH = rowHs[r]!;
      if (y + rowH > bottom()) {
        newPage();
        header(false);
      }
      const at = y;
      artifact(() => doc.save().moveTo(x, at + rowH).lineTo(x + width, at + rowH).lineWidth(0.5).stroke(RULE).restore());
      const tr = doc.struct('TR');
      tbody.add(tr);
      row.forEach((c, i) => tr.add(doc.struct('TD', {}, () => cellText(c, i, at, false))));
      tr.end();
      y = at + rowH;
    });
    tbody.end();
    table.end();
    y += 10;
  };

  // ------------------------------------------------------------ charts
  const chartBlock = (parent: Struct, c: ChartBlock, x: number, width: number) => {
    const rowH = 19;
    const titleH = doc.font(BOLD).fontSize(SIZE.small).heightOfString(c.title, { width }) + 5;
    const chartH = c.bars.length * rowH + 6;
    ensure(titleH + chartH + 60);
    const titleAt = y + 4;
    parent.add(doc.struct('P', {}, () => doc.font(BOLD).fontSize(SIZE.small).fillColor(INK).text(c.title, x, titleAt, { width })));
    y = titleAt + titleH;
    const at = y;
    const labelW = Math.min(190, width * 0.4);
    const valueW = 44;
    const barW = width - labelW - valueW;
    const max = c.max ?? Math.max(1, ...c.bars.map((b) => b.value));
    parent.add(
      doc.struct('Figure', { alt: c.alt, bbox: [x, at, x + width, at + chartH], placement: 'Block' } as PDFKit.Mixins.StructureElementOptions, () => {
        c.bars.forEach((b, i) => {
          const by = at + 3 + i * rowH;
          const w = max > 0 ? Math.max(b.value > 0 ? 1 : 0, (barW * b.value) / max) : 0;
          doc.font(BODY).fontSize(SIZE.table).fillColor(INK).text(b.label, x, by + 3, { width: labelW - 8, align: 'right', lineBreak: false, ellipsis: true });
          doc.save().rect(x + labelW, by + 2, barW, rowH - 6).fill(TRACK).restore();
          if (w > 0) doc.save().rect(x + labelW, by + 2, w, rowH - 6).fill(b.emphasis ? ACCENT : BAR).restore();
          const value = c.unit === 'percent' ? formatPercent(b.value, m.language) : String(b.value);
          doc.font(BOLD).fontSize(SIZE.table).fillColor(INK).text(value, x + labelW + w + 4, by + 3, { lineBreak: false });
        });
        doc.save().moveTo(x + labelW, at).lineTo(x + labelW, at + chartH).lineWidth(0.8).stroke(INK).restore();
      }),
    );
    y = at + chartH + 2;
    tableBlock(parent, c.table, x, width);
  };

  // ------------------------------------------------------------ blocks
  /** The least of a block that must fit on a page with what comes before it (its start). */
  const minHeight = (b: Block | undefined, width: number): number => {
    if (!b) return 0;
    switch (b.kind) {
      case 'heading':
        return 60;
      case 'paragraph':
        return Math.min(measureRuns(b.runs, SIZE.body, width), 2 * (SIZE.body + LINE_GAP) + 2) + 8;
      case 'list':
        return 2 * (SIZE.body + LINE_GAP) + 4;
      case 'table':
        return 60;
      case 'chart':
        return 24 + b.bars.length * 19 + 10 + 60;
      default:
        return 0;
    }
  };
  /** A label keeps with the next block, and a vote's result line also with its chart. */
  const keepWith = (blocks: readonly Block[], i: number, width: number): number => {
    const b = blocks[i];
    if (!b || b.kind !== 'paragraph' || b.tone !== 'label') return 0;
    const next = blocks[i + 1];
    const after = blocks[i + 2];
    return minHeight(next, width) + (next?.kind === 'paragraph' && after?.kind === 'chart' ? minHeight(after, width) : 0);
  };

  let breakNext = false;
  const render = (parent: Struct, b: Block, x: number, width: number, keep = 0) => {
    if (breakNext && b.kind !== 'pageBreak') {
      breakNext = false;
      if (y > PAGE.top + 1) newPage();
    }
    switch (b.kind) {
      case 'heading':
        headingBlock(parent, b.level, b.text, x, width);
        return;
      case 'paragraph':
        paragraphBlock(parent, b.runs, x, width, b.tone ?? 'normal', keep);
        return;
      case 'list':
        listBlock(parent, b.ordered, b.items, x, width);
        return;
      case 'table':
        tableBlock(parent, b, x, width);
        return;
      case 'chart':
        chartBlock(parent, b, x, width);
        return;
      case 'recommendation': {
        const sect = doc.struct('Sect');
        parent.add(sect);
        y += 6;
        headingBlock(sect, 3, b.heading, x, width, true);
        y += 2;
        b.blocks.forEach((inner, i, all) => render(sect, inner, x + BOX_INDENT, width - BOX_INDENT, keepWith(all, i, width - BOX_INDENT)));
        const ry = y + 2;
        artifact(() => doc.save().moveTo(x, ry).lineTo(x + width, ry).lineWidth(0.8).stroke('#b7c4d1').restore());
        y = ry + 10;
        sect.end();
        return;
      }
      case 'pageBreak':
        breakNext = true;
        return;
    }
  };
  source.blocks.forEach((b, i, all) => render(root, b, PAGE.left, fullWidth, keepWith(all, i, fullWidth)));

  // ------------------------------------------------------------ footers: page numbers
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const fy = doc.page.height - PAGE.bottom + 26;
    const label = fill(m.pageLabel, { page: i + 1, pages: range.count });
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.save().moveTo(PAGE.left, fy - 8).lineTo(PAGE.left + fullWidth, fy - 8).lineWidth(0.5).stroke(RULE).restore();
    doc.font(BODY).fontSize(8).fillColor(MUTED);
    const lw = doc.widthOfString(label);
    doc.text(m.footer, PAGE.left, fy, { width: fullWidth - lw - 24, height: 11, ellipsis: true, lineBreak: false });
    doc.text(label, PAGE.left + fullWidth - lw, fy, { lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = savedBottom;
  }

  root.end();
  doc.end();
  return done;
}

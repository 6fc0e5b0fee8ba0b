/**
 * The statement as DOCX (the `docx` package): real heading styles (Heading1–3, in Word's
 * navigation pane and table of contents), bookmarks on headings, tables with repeating header
 * rows, charts as native Word bar charts (data in the document, alt text set) followed by their
 * data table, the document's language on every style, title, subject and creator in the core
 * properties, and page numbers in the footer.
 */
import {
  AlignmentType,
  BorderStyle,
  Bookmark,
  Document,
  ExternalHyperlink,
  Footer,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  HeadingLevel,
  type ParagraphChild,
} from 'docx';
import { ChartRun } from 'docx/charts';
import { type Block, type ChartBlock, type PuntariDocument, type Run, type TableBlock } from '../../../shared/document.js';

const FONT = 'Arial';
const INK = '1A1A1A';
const MUTED = '4D4D4D';
const ACCENT = '1F4E79';
const HEADER_FILL = 'E7ECF1';
const BOX_FILL = 'F3F6F9';
const LANG: Record<string, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
/** A4 width minus 2 × 2.2 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1247;

function runs(list: readonly Run[], base: { size?: number; color?: string; bold?: boolean } = {}): ParagraphChild[] {
  return list.map((r) => {
    const run = new TextRun({
      text: r.text,
      bold: r.bold || base.bold,
      italics: r.italic,
      size: base.size,
      color: r.href ? '0B4F8A' : base.color,
      underline: r.href ? {} : undefined,
    });
    return r.href ? new ExternalHyperlink({ link: r.href, children: [run] }) : run;
  });
}

function cellParagraph(text: string, numeric: boolean, header: boolean): Paragraph {
  return new Paragraph({
    alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { before: 40, after: 40 },
    children: [new TextRun({ text, bold: header, size: 19 })],
  });
}

function tableBlocks(t: TableBlock, inBox: boolean): (Paragraph | Table)[] {
  const total = (t.widths ?? t.header.map(() => 1)).reduce((a, b) => a + b, 0);
  const available = inBox ? TEXT_WIDTH - 400 : TEXT_WIDTH;
  const widths = (t.widths ?? t.header.map(() => 1)).map((w) => Math.round((available * w) / total));
  const rule = { style: BorderStyle.SINGLE, size: 4, color: 'B0B0B0' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.header.map(
      (h, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' },
          borders: { top: none, left: none, right: none, bottom: { style: BorderStyle.SINGLE, size: 12, color: INK } },
          children: [cellParagraph(h, !!t.numeric?.[i], true)],
        }),
    ),
  });
  const rows = t.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map(
          (c, i) =>
            new TableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              borders: { top: none, left: none, right: none, bottom: rule },
              children: [cellParagraph(c, !!t.numeric?.[i], false)],
            }),
        ),
      }),
  );
  return [
    new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun({ text: t.caption })] }),
    new Table({
      rows: [header, ...rows],
      width: { size: available, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      indent: inBox ? { size: 200, type: WidthType.DXA } : undefined,
      margins: { left: 90, right: 90 },
    }),
    new Paragraph({ spacing: { before: 0, after: 80 }, children: [] }),
  ];
}

function chartBlocks(c: ChartBlock, inBox: boolean): (Paragraph | Table)[] {
  // Word draws a bar chart's first category at the bottom: give the bars bottom-up.
  const bars = [...c.bars].reverse();
  const chart = new ChartRun({
    type: 'bar',
    title: { text: c.title },
    categories: bars.map((b) => b.label),
    series: [{ name: c.table.header[1] ?? c.title, values: bars.map((b) => b.value), color: '7D95AD', colors: bars.map((b) => (b.emphasis ? ACCENT : '7D95AD')) }],
    legend: false,
    dataLabels: { showValue: true },
    valueAxis: { min: 0, max: c.max ?? undefined },
    transformation: { width: 520, height: 40 + 34 * bars.length + 40 },
    altText: { name: c.title, description: c.alt, title: c.title },
  } as ConstructorParameters<typeof ChartRun>[0]);
  return [
    new Paragraph({ keepNext: true, indent: inBox ? { left: 200 } : undefined, spacing: { before: 120, after: 60 }, children: [chart] }),
    ...tableBlocks(c.table, inBox),
  ];
}

export async function toDocx(doc: PuntariDocument): Promise<Buffer> {
  const lang = LANG[doc.meta.language] ?? 'fi-FI';
  const children: (Paragraph | Table)[] = [];
  let breakNext = false;

  const push = (b: Block, inBox: boolean, next?: Block) => {
    const pageBreakBefore = breakNext || undefined;
    breakNext = false;
    const indent = inBox ? { left: 200 } : undefined;
    switch (b.kind) {
      case 'heading': {
        const heading = b.level === 1 ? HeadingLevel.HEADING_1 : b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
        children.push(new Paragraph({ heading, pageBreakBefore, keepNext: true, children: [new Bookmark({ id: b.id.replace(/-/g, '_'), children: [new TextRun(b.text)] })] }));
        return;
      }
      case 'paragraph': {
        const tone = b.tone ?? 'normal';
        const base = tone === 'lead' ? { size: 28, color: ACCENT } : tone === 'muted' ? { color: MUTED, size: 20 } : {};
        children.push(
          new Paragraph({
            pageBreakBefore,
            indent,
            keepNext: tone === 'label' || next?.kind === 'chart' || next?.kind === 'table' || undefined,
            spacing: tone === 'label' ? { before: 200, after: 60 } : tone === 'muted' ? { after: 60 } : undefined,
            children: runs(b.runs, base),
          }),
        );
        return;
      }
      case 'list':
        b.items.forEach((item, i) =>
          children.push(
            new Paragraph({
              pageBreakBefore: i === 0 ? pageBreakBefore : undefined,
              numbering: { reference: b.ordered ? 'numbers' : 'bullets', level: inBox ? 1 : 0, instance: b.ordered ? children.length : undefined },
              spacing: { after: 60 },
              children: runs(item),
            }),
          ),
        );
        return;
      case 'table':
        children.push(...tableBlocks(b, inBox));
        return;
      case 'chart':
        children.push(...chartBlocks(b, inBox));
        return;
      case 'recommendation':
        children.push(
          new Paragraph({
            heading: HeadingLevel.HEADING_3,
            style: 'RecommendationHeading',
            pageBreakBefore,
            keepNext: true,
            children: [new Bookmark({ id: b.id.replace(/-/g, '_'), children: [new TextRun(b.heading)] })],
          }),
        );
        b.blocks.forEach((inner, i, all) => push(inner, true, all[i + 1]));
        children.push(
          new Paragraph({
            spacing: { before: 0, after: 240 },
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'B7C4D1', space: 4 } },
            children: [],
          }),
        );
        return;
      case 'pageBreak':
        breakNext = true;
        return;
    }
  };
  doc.blocks.forEach((b, i, all) => push(b, false, all[i + 1]));

  const m = doc.meta;
  const footerText = (part: string) => new TextRun({ text: part, size: 16, color: MUTED });
  const [before, after] = m.pageLabel.split('{{page}}') as [string, string | undefined];
  const [middle, end] = (after ?? '').split('{{pages}}') as [string, string | undefined];
  const document = new Document({
    title: m.title,
    subject: m.subject,
    creator: m.author,
    lastModifiedBy: 'Puntari',
    description: [m.subtitle, m.recordNumber, m.checksum ? `SHA-256 ${m.checksum}` : ''].filter(Boolean).join(' · '),
    keywords: m.keywords,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, color: INK, language: { value: lang } }, paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: FONT, size: 40, bold: true, color: INK, language: { value: lang } }, paragraph: { spacing: { before: 0, after: 160, line: 240, lineRule: LineRuleType.AUTO } } },
        heading2: {
          run: { font: FONT, size: 30, bold: true, color: ACCENT, language: { value: lang } },
          paragraph: { spacing: { before: 440, after: 140, line: 240, lineRule: LineRuleType.AUTO }, border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: ACCENT, space: 2 } } },
        },
        heading3: { run: { font: FONT, size: 24, bold: true, color: INK, language: { value: lang } }, paragraph: { spacing: { before: 300, after: 100, line: 240, lineRule: LineRuleType.AUTO } } },
        caption: { run: { font: FONT, size: 19, bold: true, italics: false, color: INK, language: { value: lang } }, paragraph: { spacing: { before: 120, after: 60 } } },
      },
      paragraphStyles: [
        {
          id: 'RecommendationHeading',
          name: 'Recommendation Heading',
          basedOn: 'Heading3',
          next: 'Normal',
          run: { font: FONT, size: 24, bold: true, color: INK },
          paragraph: {
            outlineLevel: 2,
            spacing: { before: 360, after: 120 },
            shading: { type: ShadingType.CLEAR, fill: BOX_FILL, color: 'auto' },
            border: { left: { style: BorderStyle.SINGLE, size: 36, color: ACCENT, space: 6 }, top: { style: BorderStyle.SINGLE, size: 4, color: 'B7C4D1', space: 4 } },
          },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            { level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 500, hanging: 260 } } } },
            { level: 1, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 700, hanging: 260 } } } },
          ],
        },
        {
          reference: 'numbers',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 500, hanging: 320 } } } },
            { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 700, hanging: 320 } } } },
          ],
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1247, bottom: 1247, left: 1247, right: 1247, footer: 600 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                border: { top: { style: BorderStyle.SINGLE, size: 4, color: 'B0B0B0', space: 4 } },
                tabStops: [{ type: 'right', position: TEXT_WIDTH }],
                children: [
                  footerText(m.footer),
                  new TextRun({ children: ['\t', before, PageNumber.CURRENT, middle, PageNumber.TOTAL_PAGES, end ?? ''], size: 16, color: MUTED }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}


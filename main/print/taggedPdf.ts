/**
 * The start every printed PDF shares (programme, note sheets, seating, vote slips and results,
 * the selection audit): A4, PDF 1.7, tagged for PDF/UA with a 'Document' root, the title shown
 * instead of the file name, the language set, DejaVu embedded as BODY and BOLD, and the file
 * collected into one Buffer. The statement's PDF/A-2a (features/export/pdf.ts) is its own.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { Lang, Translate } from '../messages.js';

export const BODY = 'body';
export const BOLD = 'bold';
const FOOT_INK = '#4d4d4d';
const FOOT_RULE = '#9a9a9a';

/**
 * resources/fonts (DejaVuSans.ttf, DejaVuSans-Bold.ttf). Two levels up both from here (main/print)
 * and from the esbuild bundles (dist/electron/hubEntry.cjs and worker.js), which define
 * import.meta.url as their own file.
 */
export const DEFAULT_FONT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../resources/fonts');

export type TaggedDoc = InstanceType<typeof PDFDocument>;
export type Struct = PDFKit.PDFStructureElement;

export interface TaggedPdfOptions {
  lang: Lang;
  title: string;
  /** The organiser; 'Puntari' when empty. */
  author?: string;
  subject?: string;
  keywords?: string;
  margins?: { top: number; bottom: number; left: number; right: number };
  layout?: 'portrait' | 'landscape';
  /** Keep pages to come back to (for page numbers once the page count is known). */
  bufferPages?: boolean;
  autoFirstPage?: boolean;
  /** Where DejaVuSans.ttf and DejaVuSans-Bold.ttf are; default DEFAULT_FONT_DIR. */
  fontDir?: string;
}

export interface TaggedPdf {
  doc: TaggedDoc;
  /** The 'Document' structure element: every section, heading and paragraph goes under it. */
  root: Struct;
  /** Draws something that is layout, not content (rules, boxes, fills), outside the structure tree. */
  artifact(draw: () => void): void;
  /** Ends the structure and the document; resolves with the whole PDF file. */
  finish(): Promise<Buffer>;
}

export function startTaggedPdf(options: TaggedPdfOptions): TaggedPdf {
  const fontDir = options.fontDir ?? DEFAULT_FONT_DIR;
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    ...(options.margins ? { margins: options.margins } : {}),
    bufferPages: options.bufferPages ?? false,
    autoFirstPage: options.autoFirstPage ?? true,
    pdfVersion: '1.7',
    tagged: true,
    // The types lag behind pdfkit: 'PDF/UA' is a subset it supports (adds the pdfuaid metadata).
    subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
    displayTitle: true,
    lang: options.lang,
    info: {
      Title: options.title,
      Author: options.author || 'Puntari',
      ...(options.subject ? { Subject: options.subject } : {}),
      Creator: 'Puntari',
      ...(options.keywords ? { Keywords: options.keywords } : {}),
    },
  });
  doc.registerFont(BODY, resolve(fontDir, 'DejaVuSans.ttf'));
  doc.registerFont(BOLD, resolve(fontDir, 'DejaVuSans-Bold.ttf'));
  doc.font(BODY);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((ok, fail) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => ok(Buffer.concat(chunks)));
    doc.on('error', fail);
  });

  const root = doc.struct('Document');
  doc.addStructure(root);

  return {
    doc,
    root,
    artifact(draw) {
      doc.markContent('Artifact', { type: 'Layout' });
      draw();
      doc.endMarkedContent();
    },
    finish() {
      root.end();
      doc.end();
      return done;
    },
  };
}

/**
 * The foot of every page (the document needs bufferPages): a thin rule, `footer` on the left and
 * "Sivu 2/5" on the right, as pagination artifacts. `fromBottom` is the text's distance from the
 * page's lower edge.
 */
export function numberPages(doc: TaggedDoc, t: Translate, footer: string, place: { left: number; width: number; fromBottom: number }): void {
  const { left, width } = place;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const fy = doc.page.height - place.fromBottom;
    const pageText = t('print.page', { page: i + 1, pages: range.count });
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.save().moveTo(left, fy - 8).lineTo(left + width, fy - 8).lineWidth(0.5).stroke(FOOT_RULE).restore();
    doc.font(BODY).fontSize(8.5).fillColor(FOOT_INK);
    const pw = doc.widthOfString(pageText);
    doc.text(footer, left, fy, { width: width - pw - 24, height: 12, ellipsis: true, lineBreak: false });
    doc.text(pageText, left + width - pw, fy, { lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = savedBottom;
  }
}

/**
 * The one document model every export renders from (DOCX, PDF/A, HTML, Markdown), so the
 * formats never disagree: a flat list of blocks with a little nesting (a recommendation box holds
 * blocks of its own). Renderers decide the looks; the model says only what a thing is.
 *
 * Pure: no Node, no DOM.
 */

import { parseRichText, type RichSpan } from './richText.js';

export type DocumentLanguage = 'fi' | 'sv' | 'en';

/** A piece of running text. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** An absolute http(s) or mailto link. */
  href?: string;
}

export interface HeadingBlock {
  kind: 'heading';
  level: 1 | 2 | 3;
  text: string;
  /** Stable id for bookmarks and in-document links ("h-suositukset", "rec-3"). */
  id: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Run[];
  /** lead: a larger opening paragraph; muted: secondary facts; label: a small bold lead-in ("Perustelut"). */
  tone?: 'normal' | 'lead' | 'muted' | 'label';
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  items: Run[][];
}

export interface TableBlock {
  kind: 'table';
  caption: string;
  header: string[];
  rows: string[][];
  /** Per column: right-aligned numbers. */
  numeric?: boolean[];
  /** Per column: relative widths (any unit; renderers normalise). */
  widths?: number[];
}

export interface ChartBar {
  label: string;
  value: number;
  /** The part of the scale that counts as support: drawn darker. */
  emphasis?: boolean;
}

/** A horizontal bar chart. Every chart carries its data as a table, which follows it in every format. */
export interface ChartBlock {
  kind: 'chart';
  chart: 'bar';
  title: string;
  /** What the chart shows, in one sentence, for screen readers (PDF /Alt, SVG <title>/<desc>). */
  alt: string;
  bars: ChartBar[];
  /** How the values read: counts of people, or percent. */
  unit: 'count' | 'percent';
  /** The axis maximum; default the largest value. */
  max?: number;
  /** The same data as a table. */
  table: TableBlock;
}

/** A recommendation in a box: its number and title, then its own blocks (text, rationale, vote result). */
export interface RecommendationBlock {
  kind: 'recommendation';
  id: string;
  number: string;
  /** "Suositus 3: Liikkuvat palvelut…" — the box's heading (level 3). */
  heading: string;
  blocks: Block[];
}

/** Start the next block on a new page where pages exist (PDF, DOCX). */
export interface PageBreakBlock {
  kind: 'pageBreak';
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | ChartBlock | RecommendationBlock | PageBreakBlock;

export interface DocumentMeta {
  title: string;
  /** Shown under the title ("Lausuma", "Luonnos 18.11.2026"). */
  subtitle: string;
  language: DocumentLanguage;
  /** Document subject for the file's properties. */
  subject: string;
  /** The organiser, for the author / creator property. */
  author: string;
  keywords: string;
  /** The case register number, '' when none. */
  recordNumber: string;
  /** SHA-256 of the final statement, null for a draft. */
  checksum: string | null;
  /** ISO timestamp of when the document was made. */
  createdAt: string;
  /** Footer text on each page, before the page number. */
  footer: string;
  /** "Sivu {{page}} / {{pages}}" template for page numbers. */
  pageLabel: string;
}

export interface PuntariDocument {
  meta: DocumentMeta;
  blocks: Block[];
}

// ---------------------------------------------------------------- helpers

export function text(value: string, style: Omit<Run, 'text'> = {}): Run {
  return { text: value, ...style };
}

export function paragraph(value: string | Run[], tone?: ParagraphBlock['tone']): ParagraphBlock {
  const runs = typeof value === 'string' ? [{ text: value }] : value;
  return tone ? { kind: 'paragraph', runs, tone } : { kind: 'paragraph', runs };
}

export function plainText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** "Palvelut lähellä & etänä" → "palvelut-lahella-etana"; a document-unique id is made by the caller. */
export function slugId(value: string): string {
  const s = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, 48).replace(/-+$/, '') || 'x';
}

/** Every block, depth first, recommendation boxes' contents after the box itself. */
export function* walkBlocks(blocks: readonly Block[]): Generator<Block> {
  for (const b of blocks) {
    yield b;
    if (b.kind === 'recommendation') yield* walkBlocks(b.blocks);
  }
}

/** The headings in order with their levels, recommendation boxes as level-3 headings (bookmarks, tables of contents). */
export function outline(doc: PuntariDocument): { level: 1 | 2 | 3; text: string; id: string }[] {
  const out: { level: 1 | 2 | 3; text: string; id: string }[] = [];
  for (const b of walkBlocks(doc.blocks)) {
    if (b.kind === 'heading') out.push({ level: b.level, text: b.text, id: b.id });
    else if (b.kind === 'recommendation') out.push({ level: 3, text: b.heading, id: b.id });
  }
  return out;
}

/** Percent with one decimal at most, in the language's way: "82,5 %", "82.5%". */
export function formatPercent(value: number, language: DocumentLanguage): string {
  const rounded = Math.round(value * 10) / 10;
  const s = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return language === 'en' ? `${s}%` : `${s.replace('.', ',')} %`;
}

/** Fills {{name}} placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(params[name] ?? ''));
}

// ---------------------------------------------------------------- the statement's rich text → blocks

function runs(spans: RichSpan[]): Run[] {
  const out = spans.map((s) => {
    const run: Run = { text: s.text };
    if (s.bold) run.bold = true;
    if (s.href) run.href = s.href;
    return run;
  });
  return out.length ? out : [{ text: '' }];
}

/**
 * The statement's limited Markdown (shared/richText.ts) to blocks. Its headings become bold
 * lead-in paragraphs, so a text inside a recommendation cannot break the document's outline.
 */
export function richTextBlocks(source: string): Block[] {
  return parseRichText(source).map((b): Block => {
    if (b.type === 'heading') return paragraph(runs(b.spans).map((r) => ({ ...r, bold: true })), 'label');
    if (b.type === 'paragraph') return paragraph(runs(b.spans));
    return { kind: 'list', ordered: b.ordered, items: b.items.map(runs) };
  });
}

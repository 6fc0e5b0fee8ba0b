/**
 * The statement's limited rich text: a small Markdown subset, stored as plain text.
 *
 *   ## Heading            (level 2)
 *   ### Subheading        (level 3)
 *   **bold**
 *   [link text](https://example.fi)   (http, https and mailto only)
 *   - item / * item       (bulleted list)
 *   1. item               (numbered list)
 *   blank line            (ends a paragraph)
 *
 * Anything else is text as written. Pure: the editor's preview and every export use it.
 */

export interface RichSpan {
  text: string;
  bold: boolean;
  /** A link's target, when the span is a link. */
  href: string | null;
}

export type RichBlock =
  | { type: 'heading'; level: 2 | 3; spans: RichSpan[] }
  | { type: 'paragraph'; spans: RichSpan[] }
  | { type: 'list'; ordered: boolean; items: RichSpan[][] };

const HEADING = /^(#{2,3})\s+(.*)$/;
const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

function safeHref(href: string): string | null {
  const h = href.trim();
  return /^(https?:\/\/|mailto:)[^\s]+$/i.test(h) ? h : null;
}

/** Inline markup of one line or paragraph: bold and links. Unclosed markers stay as text. */
export function parseInline(text: string): RichSpan[] {
  const spans: RichSpan[] = [];
  const push = (t: string, bold: boolean, href: string | null) => {
    if (!t) return;
    const last = spans[spans.length - 1];
    if (last && last.bold === bold && last.href === href) last.text += t;
    else spans.push({ text: t, bold, href });
  };
  const walk = (s: string, bold: boolean) => {
    let i = 0;
    let plain = '';
    while (i < s.length) {
      if (!bold && s.startsWith('**', i)) {
        const end = s.indexOf('**', i + 2);
        if (end > i + 2) {
          push(plain, bold, null);
          plain = '';
          walk(s.slice(i + 2, end), true);
          i = end + 2;
          continue;
        }
      }
      if (s[i] === '[') {
        const close = s.indexOf('](', i + 1);
        const paren = close >= 0 ? s.indexOf(')', close + 2) : -1;
        if (close > i + 1 && paren > close + 2) {
          const href = safeHref(s.slice(close + 2, paren));
          if (href) {
            push(plain, bold, null);
            plain = '';
            const label = s.slice(i + 1, close);
            const boldLabel = !bold && label.startsWith('**') && label.endsWith('**') && label.length > 4;
            push(boldLabel ? label.slice(2, -2) : label, bold || boldLabel, href);
            i = paren + 1;
            continue;
          }
        }
      }
      plain += s[i];
      i++;
    }
    push(plain, bold, null);
  };
  walk(text, false);
  return spans;
}

/** Parses the Markdown subset into blocks. */
export function parseRichText(source: string): RichBlock[] {
  const blocks: RichBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', spans: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      flushParagraph();
      flushList();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      blocks.push({ type: 'heading', level: heading[1]!.length === 2 ? 2 : 3, spans: parseInline(heading[2]!.trim()) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flushParagraph();
      const ordered = !!numbered;
      if (list && list.ordered !== ordered) flushList();
      if (!list) list = { ordered, items: [] };
      list.items.push((bullet ?? numbered)![1]!.trim());
      continue;
    }
    if (list && /^\s{2,}\S/.test(raw) && list.items.length) {
      // An indented continuation of the last list item.
      list.items[list.items.length - 1] += ' ' + line.trim();
      continue;
    }
    flushList();
    paragraph.push(line.trim());
  }
  flushParagraph();
  flushList();
  return blocks;
}

export function spansText(spans: RichSpan[]): string {
  return spans.map((s) => s.text).join('');
}

/** The text without markup (lists as "- item" / "1. item", blocks separated by blank lines). */
export function richTextToPlain(source: string): string {
  return parseRichText(source)
    .map((b) => {
      if (b.type === 'list') return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${spansText(item)}`).join('\n');
      return spansText(b.spans);
    })
    .join('\n\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function spansHtml(spans: RichSpan[]): string {
  return spans
    .map((s) => {
      let html = escapeHtml(s.text);
      if (s.bold) html = `<strong>${html}</strong>`;
      if (s.href) html = `<a href="${escapeHtml(s.href)}">${html}</a>`;
      return html;
    })
    .join('');
}

/**
 * HTML for the text; everything is escaped. `headingOffset` shifts heading levels when the text sits
 * under the document's own headings (e.g. 2 makes ## an h4).
 */
export function richTextToHtml(source: string, headingOffset = 0): string {
  return parseRichText(source)
    .map((b) => {
      if (b.type === 'heading') {
        const level = Math.min(6, b.level + headingOffset);
        return `<h${level}>${spansHtml(b.spans)}</h${level}>`;
      }
      if (b.type === 'paragraph') return `<p>${spansHtml(b.spans)}</p>`;
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${spansHtml(item)}</li>`).join('')}</${tag}>`;
    })
    .join('\n');
}

/** Normalised Markdown (what the parser understood), e.g. for Markdown export. */
export function richTextToMarkdown(source: string, headingOffset = 0): string {
  const spansMd = (spans: RichSpan[]) =>
    spans
      .map((s) => {
        let t = s.text;
        if (s.bold) t = `**${t}**`;
        if (s.href) t = `[${t}](${s.href})`;
        return t;
      })
      .join('');
  return parseRichText(source)
    .map((b) => {
      if (b.type === 'heading') return `${'#'.repeat(Math.min(6, b.level + headingOffset))} ${spansMd(b.spans)}`;
      if (b.type === 'paragraph') return spansMd(b.spans);
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${spansMd(item)}`).join('\n');
    })
    .join('\n\n');
}

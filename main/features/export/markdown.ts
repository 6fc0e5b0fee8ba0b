/** The statement as Markdown (CommonMark with GFM tables), for publishing on the web. */
import { formatPercent, type Block, type PuntariDocument, type Run, type TableBlock } from '../../../shared/document.js';

function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** Escaped so that the text stays text, also where a line starting "1. " or "- " would begin a list. */
function escape(text: string): string {
  return escapeInline(text).replace(/^(\d+)\. /, '$1\\. ').replace(/^([-+]) /, '\\$1 ');
}

export function runsMarkdown(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      if (!r.text) return '';
      let t = escape(r.text);
      // Emphasis markers must hug the text: keep surrounding spaces outside them.
      const wrap = (mark: string) => {
        const m = /^(\s*)(.*?)(\s*)$/s.exec(t)!;
        t = m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : t;
      };
      if (r.bold) wrap('**');
      if (r.italic) wrap('*');
      if (r.href) t = `[${t}](${r.href.replace(/[()\s]/g, encodeURIComponent)})`;
      return t;
    })
    .join('');
}

function cell(text: string): string {
  return escape(text).replace(/\n/g, ' ');
}

function tableMarkdown(table: TableBlock): string {
  const align = table.header.map((_, i) => (table.numeric?.[i] ? '---:' : ':---'));
  return [
    `*${escape(table.caption)}*`,
    '',
    `| ${table.header.map(cell).join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

function blockMarkdown(block: Block, doc: PuntariDocument): string | null {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeInline(block.text)}`;
    case 'paragraph':
      return runsMarkdown(block.runs);
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${runsMarkdown(item)}`).join('\n');
    case 'table':
      return tableMarkdown(block);
    case 'chart': {
      // Markdown draws no pictures: a text bar per answer, then the data table.
      const max = block.max ?? Math.max(1, ...block.bars.map((b) => b.value));
      const width = 20;
      const lines = block.bars.map((b) => {
        const n = Math.round((width * b.value) / max);
        const value = block.unit === 'percent' ? formatPercent(b.value, doc.meta.language) : String(b.value);
        return `    ${'█'.repeat(n)}${'·'.repeat(width - n)} ${value}  ${b.label}`;
      });
      return [`**${escape(block.title)}**`, '', ...lines, '', tableMarkdown(block.table)].join('\n');
    }
    case 'recommendation':
      return [`### ${escapeInline(block.heading)}`, ...block.blocks.map((b) => blockMarkdown(b, doc)).filter((s): s is string => s !== null)].join('\n\n');
    case 'pageBreak':
      return null;
  }
}

export function toMarkdown(doc: PuntariDocument): string {
  const parts = doc.blocks.map((b) => blockMarkdown(b, doc)).filter((s): s is string => s !== null);
  return `${parts.join('\n\n')}\n`;
}

/**
 * The statement as one standalone, accessible HTML file for the web: lang and title set, real
 * headings, tables with captions and th/scope, charts as inline SVG (role img, title and
 * description) followed by their data table. No scripts, no external resources.
 */
import { formatPercent, type Block, type ChartBlock, type PuntariDocument, type Run, type TableBlock } from '../../../shared/document.js';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function runsHtml(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      let h = esc(r.text);
      if (r.italic) h = `<em>${h}</em>`;
      if (r.bold) h = `<strong>${h}</strong>`;
      if (r.href) h = `<a href="${esc(r.href)}">${h}</a>`;
      return h;
    })
    .join('');
}

function tableHtml(t: TableBlock, id: string): string {
  const cls = (i: number) => (t.numeric?.[i] ? ' class="num"' : '');
  const head = t.header.map((c, i) => `<th scope="col"${cls(i)}>${esc(c)}</th>`).join('');
  const rows = t.rows
    .map((row) => `<tr>${row.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td${cls(i)}>${esc(c)}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<table id="${id}">\n<caption>${esc(t.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

/** A horizontal bar chart as SVG: label, bar, value per row. */
export function chartSvg(chart: ChartBlock, id: string, language: PuntariDocument['meta']['language']): string {
  const rowH = 26;
  const labelW = 230;
  const barW = 300;
  const valueW = 70;
  const width = labelW + barW + valueW;
  const height = chart.bars.length * rowH + 8;
  const max = chart.max ?? Math.max(1, ...chart.bars.map((b) => b.value));
  const rows = chart.bars
    .map((b, i) => {
      const y = 4 + i * rowH;
      const w = max > 0 ? Math.max(b.value > 0 ? 1 : 0, (barW * b.value) / max) : 0;
      const value = chart.unit === 'percent' ? formatPercent(b.value, language) : String(b.value);
      return (
        `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end">${esc(b.label)}</text>` +
        `<rect x="${labelW}" y="${y + 3}" width="${barW}" height="${rowH - 8}" fill="#eef1f4"/>` +
        `<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${b.emphasis ? '#1f4e79' : '#7d95ad'}"/>` +
        `<text x="${labelW + w + 6}" y="${y + 17}">${esc(value)}</text>`
      );
    })
    .join('\n');
  return (
    `<svg role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
    `font-family="DejaVu Sans, Verdana, sans-serif" font-size="13" fill="#1a1a1a">\n` +
    `<title id="${id}-t">${esc(chart.title)}</title><desc id="${id}-d">${esc(chart.alt)}</desc>\n${rows}\n</svg>`
  );
}

function blockHtml(b: Block, doc: PuntariDocument, ids: { n: number }): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level} id="${esc(b.id)}">${esc(b.text)}</h${b.level}>`;
    case 'paragraph':
      return b.tone && b.tone !== 'normal' ? `<p class="${b.tone}">${runsHtml(b.runs)}</p>` : `<p>${runsHtml(b.runs)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${runsHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return tableHtml(b, `table-${++ids.n}`);
    case 'chart': {
      const id = `chart-${++ids.n}`;
      return `<figure class="chart" aria-labelledby="${id}-c">\n<figcaption id="${id}-c">${esc(b.title)}</figcaption>\n${chartSvg(b, id, doc.meta.language)}\n</figure>\n${tableHtml(b.table, `${id}-data`)}`;
    }
    case 'recommendation':
      return `<section class="recommendation" aria-labelledby="${esc(b.id)}">\n<h3 id="${esc(b.id)}">${esc(b.heading)}</h3>\n${b.blocks.map((x) => blockHtml(x, doc, ids)).join('\n')}\n</section>`;
    case 'pageBreak':
      return '<div class="page-break" aria-hidden="true"></div>';
  }
}

const CSS = `
:root { color: #1a1a1a; background: #fff; }
body { font-family: "DejaVu Sans", Verdana, system-ui, sans-serif; line-height: 1.55; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .4rem; }
h2 { font-size: 1.4rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid #1f4e79; }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; }
p { margin: .5rem 0; }
p.lead { font-size: 1.15rem; }
p.muted { color: #4d4d4d; }
p.label { margin-top: 1rem; margin-bottom: .2rem; }
a { color: #0b4f8a; }
.recommendation { border: 1px solid #b7c4d1; border-left: 5px solid #1f4e79; border-radius: 4px; padding: .4rem 1rem .8rem; margin: 1.2rem 0; background: #fafbfc; }
.recommendation h3 { margin-top: .6rem; }
table { border-collapse: collapse; width: 100%; margin: .8rem 0 1.2rem; font-size: .92rem; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
th, td { border-bottom: 1px solid #c9c9c9; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #e7ecf1; border-bottom: 2px solid #1a1a1a; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: .8rem 0 0; }
figure.chart figcaption { font-weight: bold; margin-bottom: .3rem; }
figure.chart svg { max-width: 100%; height: auto; }
footer { color: #4d4d4d; font-size: .85rem; border-top: 1px solid #c9c9c9; max-width: 46rem; margin: 0 auto; padding: .6rem 1.25rem 2rem; }
@media print { .page-break { break-after: page; } main { max-width: none; } }
`;

export function toHtml(doc: PuntariDocument): string {
  const ids = { n: 0 };
  const m = doc.meta;
  const body = doc.blocks.map((b) => blockHtml(b, doc, ids)).join('\n');
  const metaTags = [
    `<meta name="description" content="${esc(m.subject)}">`,
    m.author ? `<meta name="author" content="${esc(m.author)}">` : '',
    m.keywords ? `<meta name="keywords" content="${esc(m.keywords)}">` : '',
    '<meta name="generator" content="Puntari">',
    m.recordNumber ? `<meta name="dcterms.identifier" content="${esc(m.recordNumber)}">` : '',
    m.checksum ? `<meta name="puntari.sha256" content="${esc(m.checksum)}">` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return `<!doctype html>
<html lang="${m.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(m.title)} – ${esc(m.subtitle)}</title>
${metaTags}
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
<footer><p>${esc(m.footer)}</p></footer>
</body>
</html>
`;
}

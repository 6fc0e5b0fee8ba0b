import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../shared/diff.js';
import { parseRichText, richTextToHtml, richTextToMarkdown, richTextToPlain } from '../../shared/richText.js';
import { canonicalJson, recommendationNumbers, translationState, type StatementSnapshot } from '../../shared/statement.js';
import { diffSnapshots } from '../../shared/statementDiff.js';

describe('rich text (the statement Markdown subset)', () => {
  it('parses headings, paragraphs, bold, links and both kinds of list', () => {
    const blocks = parseRichText(
      '## Tausta\n\nPaneeli **suosittaa** lisää\nlähipalveluja. Katso [raportti](https://example.fi/r).\n\n- yksi\n- **kaksi**\n\n1. ensin\n2) sitten\n### Lopuksi',
    );
    expect(blocks).toEqual([
      { type: 'heading', level: 2, spans: [{ text: 'Tausta', bold: false, href: null }] },
      {
        type: 'paragraph',
        spans: [
          { text: 'Paneeli ', bold: false, href: null },
          { text: 'suosittaa', bold: true, href: null },
          { text: ' lisää lähipalveluja. Katso ', bold: false, href: null },
          { text: 'raportti', bold: false, href: 'https://example.fi/r' },
          { text: '.', bold: false, href: null },
        ],
      },
      { type: 'list', ordered: false, items: [[{ text: 'yksi', bold: false, href: null }], [{ text: 'kaksi', bold: true, href: null }]] },
      { type: 'list', ordered: true, items: [[{ text: 'ensin', bold: false, href: null }], [{ text: 'sitten', bold: false, href: null }]] },
      { type: 'heading', level: 3, spans: [{ text: 'Lopuksi', bold: false, href: null }] },
    ]);
  });

  it('keeps unclosed markers and unsafe links as text', () => {
    expect(richTextToPlain('**kesken ja [x](javascript:alert(1))')).toBe('**kesken ja [x](javascript:alert(1))');
    expect(richTextToHtml('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>');
    expect(parseRichText('# yksi risuaita on tekstiä')[0]).toMatchObject({ type: 'paragraph' });
  });

  it('renders escaped HTML with a heading offset, plain text and normalised Markdown', () => {
    expect(richTextToHtml('## A <b>\n\n- **x** & [y](https://e.fi/?a=1&b=2)', 1)).toBe(
      '<h3>A &lt;b&gt;</h3>\n<ul><li><strong>x</strong> &amp; <a href="https://e.fi/?a=1&amp;b=2">y</a></li></ul>',
    );
    expect(richTextToPlain('## Otsikko\n\n1. a\n2. b')).toBe('Otsikko\n\n1. a\n2. b');
    expect(richTextToMarkdown('* a\n* b\n\nteksti\njatkuu', 1)).toBe('- a\n- b\n\nteksti jatkuu');
    expect(parseRichText('')).toEqual([]);
  });
});

describe('word diff', () => {
  it('marks added and removed words and gives both texts back', () => {
    const before = 'Palvelut ovat lähellä asukkaita.';
    const after = 'Palvelut ovat aina lähellä kaikkia asukkaita!';
    const parts = wordDiff(before, after);
    expect(parts.filter((p) => p.op !== 'added').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.op !== 'removed').map((p) => p.text).join('')).toBe(after);
    expect(parts.filter((p) => p.op === 'added').map((p) => p.text.trim())).toEqual(['aina', 'kaikkia', '!']);
    expect(parts.filter((p) => p.op === 'removed').map((p) => p.text.trim())).toEqual(['.']);
  });

  it('handles empty and identical texts, and very long ones', () => {
    expect(wordDiff('', 'uusi')).toEqual([{ op: 'added', text: 'uusi' }]);
    expect(wordDiff('sama', 'sama')).toEqual([{ op: 'same', text: 'sama' }]);
    const long = Array.from({ length: 5000 }, (_, i) => `sana${i}`).join(' ');
    const parts = wordDiff(long, long.replace('sana2500', 'muutettu'));
    expect(parts.filter((p) => p.op !== 'same').map((p) => p.text)).toEqual(['sana2500', 'muutettu']);
  });
});

describe('statement helpers', () => {
  const snapshot = (texts: Record<string, string>, order: string[]): StatementSnapshot => ({
    meta: { title: 'Lausuma', summary: '', mainLanguage: 'fi', secondLanguage: 'sv' },
    sections: [{ id: 's1', title: 'Teema', position: 0 }],
    blocks: order.map((id, position) => ({
      id,
      sectionId: 's1',
      kind: id.startsWith('m') ? 'minority' : 'recommendation',
      position,
      title: id,
      text: texts[id] ?? '',
      rationale: '',
      authors: '',
      recommendationId: null,
      draftRecommendationId: null,
      sourceNoteIds: [],
      version: 1,
      updatedAt: '',
      updatedBy: '',
    })),
    translations: [],
  });

  it('numbers recommendations through the statement and diffs two snapshots', () => {
    const a = snapshot({ r1: 'yksi', r2: 'kaksi' }, ['r1', 'm1', 'r2']);
    const b = snapshot({ r1: 'yksi muutettu', r3: 'kolme' }, ['r3', 'r1', 'm1']);
    expect([...recommendationNumbers(b)]).toEqual([
      ['r3', '1'],
      ['r1', '2'],
    ]);
    const d = diffSnapshots(a, b);
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 1, moved: 0 });
    const blocks = d.sections[0]!.blocks;
    expect(blocks.map((x) => [x.id, x.status])).toEqual([
      ['r3', 'added'],
      ['r1', 'changed'],
      ['m1', 'same'],
      ['r2', 'removed'],
    ]);
  });

  it('canonical JSON sorts keys and translation state follows versions', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }], e: undefined })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    expect(translationState({ version: 2 }, undefined)).toBe('missing');
    expect(translationState({ version: 2 }, { sourceVersion: 1 })).toBe('outdated');
    expect(translationState({ version: 2 }, { sourceVersion: 2 })).toBe('current');
  });
});

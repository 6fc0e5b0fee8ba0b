import { Fragment } from 'react';
import { parseRichText, type RichSpan } from '../../../shared/richText.js';

function Spans({ spans }: { spans: RichSpan[] }) {
  return (
    <>
      {spans.map((s, i) => {
        let node: React.ReactNode = s.text;
        if (s.bold) node = <strong>{node}</strong>;
        if (s.href)
          node = (
            <a href={s.href} target="_blank" rel="noreferrer noopener">
              {node}
            </a>
          );
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
}

/**
 * The statement's limited rich text as React elements (never as raw HTML). `headingLevel` is the
 * level a `##` heading becomes, so the text's headings sit under the page's own.
 */
export function RichText({ text, headingLevel = 4, className }: { text: string; headingLevel?: number; className?: string }) {
  const blocks = parseRichText(text);
  if (blocks.length === 0) return null;
  return (
    <div className={`rich-text${className ? ` ${className}` : ''}`}>
      {blocks.map((b, i) => {
        if (b.type === 'heading') {
          const level = Math.min(6, headingLevel + (b.level - 2));
          const Tag = `h${level}` as 'h4';
          return (
            <Tag key={i}>
              <Spans spans={b.spans} />
            </Tag>
          );
        }
        if (b.type === 'paragraph')
          return (
            <p key={i}>
              <Spans spans={b.spans} />
            </p>
          );
        const List = b.ordered ? 'ol' : 'ul';
        return (
          <List key={i}>
            {b.items.map((item, j) => (
              <li key={j}>
                <Spans spans={item} />
              </li>
            ))}
          </List>
        );
      })}
    </div>
  );
}

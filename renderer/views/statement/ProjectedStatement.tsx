import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementBlockRecord, StatementShown } from '../../../shared/statement.js';
import { useTopic } from '../../stores/topics.js';
import { RichText } from './RichText.js';
import { blockLabel, useDraft, type DraftModel } from './model.js';
import './projectedStatement.css';

/** The draft as the facilitator put it on the projector, or null. */
export function useShownStatement(): StatementShown | null {
  const shown = useTopic('statementShown').shown;
  return shown?.mode ? shown : null;
}

/** The draft's blocks in reading order; the statement's start (title and summary) is `null`. */
export function readingOrder(draft: DraftModel): (StatementBlockRecord | null)[] {
  return [null, ...draft.sections.flatMap((s) => s.blocks)];
}

/** Shrinks its text until it fits the screen (the projector never scrolls); a new `key` starts again at full size. */
function Fit({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  useEffect(() => {
    const reset = () => setScale(1);
    window.addEventListener('resize', reset);
    return () => window.removeEventListener('resize', reset);
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && el.scrollHeight > el.clientHeight + 1 && scale > 0.45) setScale(Math.round(scale * 90) / 100);
  }, [scale]);
  return (
    <div className="ps-stage" ref={ref} style={{ '--fit': scale } as CSSProperties} aria-live="polite">
      {children}
    </div>
  );
}

function Block({ block, draft, level, current }: { block: StatementBlockRecord; draft: DraftModel; level: 2 | 3; current?: boolean }) {
  const { t } = useTranslation();
  const Heading = `h${level}` as const;
  return (
    <article className={`ps-block ps-${block.kind}${current ? ' is-current' : ''}`} aria-current={current ? 'step' : undefined} data-block={block.id}>
      <Heading className="ps-block-title">{blockLabel(t, draft, block)}</Heading>
      {block.kind === 'minority' && block.authors && <p className="ps-authors">{t('statement.projector.authors', { authors: block.authors })}</p>}
      <RichText text={block.text} headingLevel={3} className="ps-text" />
      {block.kind === 'recommendation' && block.rationale.trim() && (
        <div className="ps-rationale">
          <p className="ps-label">{t('statement.field.rationale')}</p>
          <RichText text={block.rationale} headingLevel={3} />
        </div>
      )}
    </article>
  );
}

function Start({ draft, title }: { draft: DraftModel; title: string }) {
  return (
    <article className="ps-block ps-start" data-block="start">
      <h2 className="ps-block-title">{title}</h2>
      {draft.meta?.summary && <RichText text={draft.meta.summary} headingLevel={3} className="ps-text" />}
    </article>
  );
}

/**
 * The draft statement on the wall for the read-through, read-only and large: one block at a time,
 * or the whole draft scrolled to the block the facilitator is at. The facilitator steps through it
 * from the statement editor (ProjectorControls).
 */
export function ProjectedStatement({ shown, children }: { shown: StatementShown; children?: ReactNode }) {
  const { t } = useTranslation();
  const draft = useDraft();
  const basics = useTopic('panel').panel;
  const order = readingOrder(draft);
  const at = Math.max(0, order.findIndex((b) => (b?.id ?? null) === shown.blockId));
  const block = order[at] ?? null;
  const section = block ? draft.sections.find((s) => s.section.id === block.sectionId) : null;
  const sectionNo = section ? draft.sections.indexOf(section) + 1 : 0;
  const title = draft.meta?.title || basics?.name || t('statement.title');
  const scroller = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (shown.mode !== 'scroll') return;
    const target = scroller.current?.querySelector(`[data-block="${block?.id ?? 'start'}"]`);
    target?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [shown.mode, block?.id]);

  return (
    <main id="main" className={`projector projected-statement ps-mode-${shown.mode}`} data-mode={shown.mode}>
      <p className="projector-panel">
        {t('statement.projector.kicker')} · {title}
      </p>
      {shown.mode === 'one' ? (
        <>
          <h1 className="sr-only">{title}</h1>
          <p className="ps-section">{section ? `${sectionNo}. ${section.section.title}` : t('statement.projector.start')}</p>
          <Fit key={`${block?.id ?? 'start'}:${block?.updatedAt ?? draft.meta?.updatedAt ?? ''}`}>
            {block ? <Block block={block} draft={draft} level={2} /> : <Start draft={draft} title={title} />}
          </Fit>
          <p className="ps-position">{t('statement.projector.position', { n: at + 1, total: order.length })}</p>
        </>
      ) : (
        // Focusable, so the draft can be scrolled from a keyboard too, not only by the facilitator's steps.
        <div className="ps-scroll" ref={scroller} tabIndex={0} role="region" aria-label={t('statement.projector.kicker')}>
          <h1 className="ps-doc-title">{title}</h1>
          <Start draft={draft} title={t('statement.projector.summary')} />
          {draft.sections.map(({ section: s, blocks }, i) => (
            <section key={s.id} aria-labelledby={`ps-sec-${s.id}`}>
              <h2 id={`ps-sec-${s.id}`} className="ps-section-title">
                {i + 1}. {s.title}
              </h2>
              {blocks.map((b) => (
                <Block key={b.id} block={b} draft={draft} level={3} current={b.id === block?.id} />
              ))}
            </section>
          ))}
        </div>
      )}
      {children}
    </main>
  );
}

import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translationState, type StatementBlockRecord, type StatementLanguage, type StatementShown, type TranslationState } from '../../../shared/statement.js';
import { useTopic } from '../../stores/topics.js';
import { RichText } from './RichText.js';
import { blockLabel, useDraft, type DraftModel } from './model.js';
import './projectedStatement.css';

/** The draft as the facilitator put it on the projector, or null. */
export function useShownStatement(): StatementShown | null {
  const shown = useTopic('statementShown').shown;
  return shown?.mode ? shown : null;
}

/** The language the projector shows: the chosen translation while the statement still has it, else the main language. */
export function projectedLanguage(draft: DraftModel, shown: Pick<StatementShown, 'language'> | undefined): StatementLanguage {
  const second = draft.meta?.secondLanguage ?? null;
  return shown?.language && shown.language === second ? second : (draft.meta?.mainLanguage ?? 'fi');
}

interface Texts {
  title: string;
  text: string;
  rationale: string;
}

/** A part's texts in `language`: its translation, or the main language's text (`lang` says which) when there is none. */
export function partIn(draft: DraftModel, targetId: string, version: number, main: Texts, language: StatementLanguage): Texts & { lang: StatementLanguage; state: TranslationState } {
  const mainLanguage = draft.meta?.mainLanguage ?? 'fi';
  if (language === mainLanguage) return { ...main, lang: language, state: 'original' };
  const tr = draft.translations[`${targetId}:${language}`];
  if (!tr) return { ...main, lang: mainLanguage, state: 'missing' };
  return { title: tr.title || main.title, text: tr.text, rationale: tr.rationale, lang: language, state: translationState({ version }, tr) };
}

/** Under a part not (or not newly) translated, in the language the panel is reading. */
function TranslationNote({ state, language, mainLanguage }: { state: TranslationState; language: StatementLanguage; mainLanguage: StatementLanguage }) {
  const { t } = useTranslation(undefined, { lng: language });
  if (state !== 'missing' && state !== 'outdated') return null;
  return (
    <p className="ps-note" lang={language}>
      {state === 'missing' ? t('statement.projector.untranslated', { inLanguage: t(`statement.projector.inLanguage.${mainLanguage}`) }) : t('statement.projector.outdated')}
    </p>
  );
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

function Block({ block, draft, language, level, current }: { block: StatementBlockRecord; draft: DraftModel; language: StatementLanguage; level: 2 | 3; current?: boolean }) {
  const part = partIn(draft, block.id, block.version, block, language);
  // The part's labels ("Suositus 1", "Perustelut") in the language of its text.
  const { t } = useTranslation(undefined, { lng: part.lang });
  const Heading = `h${level}` as const;
  return (
    <article className={`ps-block ps-${block.kind}${current ? ' is-current' : ''}`} aria-current={current ? 'step' : undefined} data-block={block.id} lang={part.lang}>
      <Heading className="ps-block-title">{blockLabel(t, draft, { ...block, title: part.title })}</Heading>
      <TranslationNote state={part.state} language={language} mainLanguage={draft.meta?.mainLanguage ?? 'fi'} />
      {block.kind === 'minority' && block.authors && <p className="ps-authors">{t('statement.projector.authors', { authors: block.authors })}</p>}
      <RichText text={part.text} headingLevel={3} className="ps-text" />
      {block.kind === 'recommendation' && part.rationale.trim() && (
        <div className="ps-rationale">
          <p className="ps-label">{t('statement.field.rationale')}</p>
          <RichText text={part.rationale} headingLevel={3} />
        </div>
      )}
    </article>
  );
}

function Start({ part, heading, language, mainLanguage }: { part: ReturnType<typeof partIn>; heading: { text: string; lang: StatementLanguage }; language: StatementLanguage; mainLanguage: StatementLanguage }) {
  return (
    <article className="ps-block ps-start" data-block="start" lang={part.lang}>
      <h2 className="ps-block-title" lang={heading.lang}>
        {heading.text}
      </h2>
      {part.text && <TranslationNote state={part.state} language={language} mainLanguage={mainLanguage} />}
      {part.text && <RichText text={part.text} headingLevel={3} className="ps-text" />}
    </article>
  );
}

/**
 * The draft statement on the wall for the read-through, read-only and large: one block at a time,
 * or the whole draft scrolled to the block the facilitator is at. The facilitator steps through it
 * from the statement editor (ProjectorControls).
 */
export function ProjectedStatement({ shown, children }: { shown: StatementShown; children?: ReactNode }) {
  const draft = useDraft();
  const language = projectedLanguage(draft, shown);
  const mainLanguage = draft.meta?.mainLanguage ?? 'fi';
  // The projector's own words follow the language the panel reads; the device's language stays for its own controls.
  const { t } = useTranslation(undefined, { lng: language });
  const { i18n } = useTranslation();
  const basics = useTopic('panel').panel;
  const order = readingOrder(draft);
  const at = Math.max(0, order.findIndex((b) => (b?.id ?? null) === shown.blockId));
  const block = order[at] ?? null;
  const section = block ? draft.sections.find((s) => s.section.id === block.sectionId) : null;
  const sectionNo = section ? draft.sections.indexOf(section) + 1 : 0;
  const start = partIn(draft, 'statement', 1, { title: draft.meta?.title ?? '', text: draft.meta?.summary ?? '', rationale: '' }, language);
  const title = start.title ? { text: start.title, lang: start.lang } : { text: basics?.name || t('statement.title'), lang: basics?.name ? mainLanguage : language };
  const sectionTitle = (s: { id: string; title: string }) => partIn(draft, s.id, 1, { title: s.title, text: '', rationale: '' }, language);
  const scroller = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (shown.mode !== 'scroll') return;
    const target = scroller.current?.querySelector(`[data-block="${block?.id ?? 'start'}"]`);
    target?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [shown.mode, block?.id, language]);

  const current = section ? sectionTitle(section.section) : null;
  return (
    <main id="main" className={`projector projected-statement ps-mode-${shown.mode}`} data-mode={shown.mode} lang={language}>
      <p className="projector-panel">
        {t('statement.projector.kicker')} · <span lang={title.lang}>{title.text}</span>
      </p>
      {shown.mode === 'one' ? (
        <>
          <h1 className="sr-only" lang={title.lang}>
            {title.text}
          </h1>
          <p className="ps-section">
            {current ? (
              <>
                {sectionNo}. <span lang={current.lang}>{current.title}</span>
              </>
            ) : (
              t('statement.projector.start')
            )}
          </p>
          <Fit key={`${block?.id ?? 'start'}:${block?.updatedAt ?? draft.meta?.updatedAt ?? ''}:${language}`}>
            {block ? <Block block={block} draft={draft} language={language} level={2} /> : <Start part={start} heading={title} language={language} mainLanguage={mainLanguage} />}
          </Fit>
          <p className="ps-position">{t('statement.projector.position', { n: at + 1, total: order.length })}</p>
        </>
      ) : (
        // Focusable, so the draft can be scrolled from a keyboard too, not only by the facilitator's steps.
        <div className="ps-scroll" ref={scroller} tabIndex={0} role="region" aria-label={t('statement.projector.kicker')}>
          <h1 className="ps-doc-title" lang={title.lang}>
            {title.text}
          </h1>
          <Start part={start} heading={{ text: t('statement.projector.summary'), lang: language }} language={language} mainLanguage={mainLanguage} />
          {draft.sections.map(({ section: s, blocks }, i) => {
            const heading = sectionTitle(s);
            return (
              <section key={s.id} aria-labelledby={`ps-sec-${s.id}`}>
                <h2 id={`ps-sec-${s.id}`} className="ps-section-title">
                  {i + 1}. <span lang={heading.lang}>{heading.title}</span>
                </h2>
                {blocks.map((b) => (
                  <Block key={b.id} block={b} draft={draft} language={language} level={3} current={b.id === block?.id} />
                ))}
              </section>
            );
          })}
        </div>
      )}
      <div className="ps-device" lang={i18n.language}>
        {children}
      </div>
    </main>
  );
}

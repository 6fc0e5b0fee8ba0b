import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementBlockRecord } from '../../../shared/statement.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { errorParts } from '../../components/errorText.js';
import { hub } from '../../hub/client.js';
import { useCommand } from '../../components/useCommand.js';
import { RichText } from './RichText.js';
import { personName, useDraft } from './model.js';

const RENEW_MS = 60_000;

interface Stale {
  currentVersion: number;
  currentTitle: string;
  currentText: string;
  currentRationale: string;
  currentBy: string;
}

/**
 * Editing one block: the editor holds the block's lock (renewed while open, released on save or
 * cancel). A save carries the version it was based on; if someone saved meanwhile, the hub refuses
 * it and both texts are shown side by side.
 */
export function BlockEditor({ block, onDone }: { block: StatementBlockRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const draft = useDraft();
  const id = useId();
  const [title, setTitle] = useState(block.title);
  const [text, setText] = useState(block.text);
  const [rationale, setRationale] = useState(block.rationale);
  const [authors, setAuthors] = useState(block.authors);
  const [target, setTarget] = useState(block.recommendationId ?? '');
  const [baseVersion, setBaseVersion] = useState(block.version);
  const [stale, setStale] = useState<Stale | null>(null);
  const [showPreview, setShowPreview] = useState(true);
  const { run, busy, error, setError } = useCommand();
  const saved = useRef(false);
  const firstField = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  useEffect(() => {
    firstField.current?.focus();
    const timer = setInterval(() => void hub.send('statement.lock', { blockId: block.id }).catch(() => undefined), RENEW_MS);
    return () => {
      clearInterval(timer);
      if (!saved.current) void hub.send('statement.unlock', { blockId: block.id }).catch(() => undefined);
    };
  }, [block.id]);

  const save = async (version = baseVersion) => {
    setStale(null);
    try {
      await hub.send('statement.saveBlock', {
        blockId: block.id,
        baseVersion: version,
        ...(block.kind !== 'minority' ? { title } : {}),
        text,
        ...(block.kind === 'recommendation' ? { rationale } : {}),
        ...(block.kind === 'minority' ? { authors, recommendationId: target || null } : {}),
      });
      saved.current = true;
      onDone();
    } catch (caught) {
      const { code, params } = errorParts(caught);
      if (code === 'statement.stale') {
        setStale({
          currentVersion: Number(params.currentVersion),
          currentTitle: String(params.currentTitle ?? ''),
          currentText: String(params.currentText ?? ''),
          currentRationale: String(params.currentRationale ?? ''),
          currentBy: String(params.currentBy ?? ''),
        });
      } else setError(caught);
    }
  };

  const cancel = async () => {
    saved.current = true;
    await run('statement.unlock', { blockId: block.id });
    onDone();
  };

  const recommendations = draft.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'recommendation');

  return (
    <form
      className="block-editor"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          void cancel();
        }
      }}
    >
      <h4 id={`${id}-h`} className="sr-only">
        {t('statement.editing')}
      </h4>
      {block.kind !== 'minority' && (
        <div className="field">
          <label htmlFor={`${id}-title`}>{block.kind === 'recommendation' ? t('statement.field.title') : t('statement.field.heading')}</label>
          <input id={`${id}-title`} ref={firstField} value={title} onChange={(e) => setTitle(e.target.value)} required={block.kind === 'recommendation'} maxLength={300} />
        </div>
      )}
      {block.kind === 'minority' && (
        <div className="two-columns">
          <div className="field">
            <label htmlFor={`${id}-target`}>{t('statement.field.concerns')}</label>
            <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">{t('statement.wholeStatement')}</option>
              {recommendations.map((r) => (
                <option key={r.id} value={r.id}>
                  {t('statement.recommendationN', { n: draft.numbers.get(r.id) ?? '?', title: r.title })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-authors`}>{t('statement.field.authors')}</label>
            <p className="hint" id={`${id}-authors-hint`}>
              {t('statement.field.authorsHint')}
            </p>
            <input id={`${id}-authors`} aria-describedby={`${id}-authors-hint`} value={authors} onChange={(e) => setAuthors(e.target.value)} maxLength={500} />
          </div>
        </div>
      )}
      <div className="editor-columns">
        <div>
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('statement.field.text')}</label>
            <p className="hint" id={`${id}-hint`}>
              {t('statement.field.markupHint')}
            </p>
            <textarea
              id={`${id}-text`}
              ref={block.kind === 'minority' ? firstField : undefined}
              aria-describedby={`${id}-hint`}
              rows={7}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          {block.kind === 'recommendation' && (
            <div className="field">
              <label htmlFor={`${id}-rationale`}>{t('statement.field.rationale')}</label>
              <textarea id={`${id}-rationale`} rows={5} value={rationale} onChange={(e) => setRationale(e.target.value)} />
            </div>
          )}
        </div>
        {showPreview && (
          <section className="preview" aria-label={t('statement.preview')}>
            <p className="preview-label">{t('statement.preview')}</p>
            {block.kind !== 'minority' && title && <p className="preview-title">{title}</p>}
            <RichText text={text} headingLevel={5} />
            {block.kind === 'recommendation' && rationale && (
              <>
                <p className="preview-label">{t('statement.field.rationale')}</p>
                <RichText text={rationale} headingLevel={5} />
              </>
            )}
          </section>
        )}
      </div>
      {stale && (
        <div className="stale-conflict" role="alert">
          <p>
            <strong>{t('statement.stale.title')}</strong> {t('statement.stale.explain', { by: personName(t, stale.currentBy), version: stale.currentVersion })}
          </p>
          <div className="two-columns">
            <section aria-label={t('statement.stale.theirs')} className="stale-text">
              <h5>{t('statement.stale.theirs')}</h5>
              {stale.currentTitle && <p className="preview-title">{stale.currentTitle}</p>}
              <RichText text={stale.currentText} headingLevel={6} />
              {stale.currentRationale && <RichText text={stale.currentRationale} headingLevel={6} className="muted" />}
            </section>
            <section aria-label={t('statement.stale.yours')} className="stale-text">
              <h5>{t('statement.stale.yours')}</h5>
              {title && <p className="preview-title">{title}</p>}
              <RichText text={text} headingLevel={6} />
              {rationale && <RichText text={rationale} headingLevel={6} className="muted" />}
            </section>
          </div>
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                setTitle(stale.currentTitle || title);
                setText(stale.currentText);
                setRationale(stale.currentRationale);
                setBaseVersion(stale.currentVersion);
                setStale(null);
              }}
            >
              {t('statement.stale.takeTheirs')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setBaseVersion(stale.currentVersion);
                void save(stale.currentVersion);
              }}
            >
              {t('statement.stale.keepMine')}
            </button>
          </div>
        </div>
      )}
      <ErrorAlert error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('statement.save')}
        </button>
        <button type="button" onClick={() => void cancel()}>
          {t('statement.cancel')}
        </button>
        <button type="button" className="small" aria-pressed={showPreview} onClick={() => setShowPreview((v) => !v)}>
          {t('statement.showPreview')}
        </button>
        <span className="muted small-text">{t('statement.lockedForOthers')}</span>
      </div>
    </form>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATEMENT_LANGUAGES, type StatementLanguage } from '../../../shared/statement.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand } from '../../components/useCommand.js';
import { RichText } from './RichText.js';
import { stateOf, useDraft, type DraftModel } from './model.js';

interface Target {
  id: string;
  version: number;
  label: string;
  title: string;
  text: string;
  rationale: string;
  hasTitle: boolean;
  hasText: boolean;
  hasRationale: boolean;
}

function TranslationItem({ target, language, draft }: { target: Target; language: StatementLanguage; draft: DraftModel }) {
  const { t } = useTranslation();
  const id = useId();
  const existing = draft.translations[`${target.id}:${language}`];
  const state = stateOf(draft, target.id, target.version, language);
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [rationale, setRationale] = useState('');
  const { run, busy, error } = useCommand();
  return (
    <li className={`translation-item translation-${state}`} aria-labelledby={`${id}-h`}>
      <div className="block-head">
        <h3 id={`${id}-h`}>{target.label}</h3>
        <span className={`badge ${state === 'current' ? 'badge-ok' : 'badge-warn'}`}>{t(`statement.translation.state.${state}`)}</span>
      </div>
      <div className="two-columns">
        <div className="translation-source" lang={draft.meta?.mainLanguage}>
          <p className="preview-label">{t(`languages.${draft.meta?.mainLanguage ?? 'fi'}`)}</p>
          {target.hasTitle && <p className="preview-title">{target.title}</p>}
          {target.hasText && <RichText text={target.text} headingLevel={5} />}
          {target.hasRationale && target.rationale && <RichText text={target.rationale} headingLevel={5} className="muted" />}
        </div>
        {open ? (
          <form
            lang={language}
            onSubmit={async (e) => {
              e.preventDefault();
              if ((await run('statement.saveTranslation', { targetId: target.id, language, title, text, rationale })) !== undefined) setOpen(false);
            }}
          >
            {target.hasTitle && (
              <div className="field">
                <label htmlFor={`${id}-title`}>{t('statement.field.title')}</label>
                <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
              </div>
            )}
            {target.hasText && (
              <div className="field">
                <label htmlFor={`${id}-text`}>{t('statement.field.text')}</label>
                <textarea id={`${id}-text`} rows={5} value={text} onChange={(e) => setText(e.target.value)} autoFocus={!target.hasTitle} />
              </div>
            )}
            {target.hasRationale && (
              <div className="field">
                <label htmlFor={`${id}-rationale`}>{t('statement.field.rationale')}</label>
                <textarea id={`${id}-rationale`} rows={4} value={rationale} onChange={(e) => setRationale(e.target.value)} />
              </div>
            )}
            <ErrorAlert error={error} />
            <div className="actions">
              <button type="submit" className="primary" disabled={busy}>
                {t('statement.save')}
              </button>
              <button type="button" onClick={() => setOpen(false)}>
                {t('statement.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <div className="translation-target" lang={language}>
            <p className="preview-label">{t(`languages.${language}`)}</p>
            {existing ? (
              <>
                {target.hasTitle && <p className="preview-title">{existing.title}</p>}
                {target.hasText && <RichText text={existing.text} headingLevel={5} />}
                {target.hasRationale && existing.rationale && <RichText text={existing.rationale} headingLevel={5} className="muted" />}
              </>
            ) : (
              <p className="empty">{t('statement.translation.none')}</p>
            )}
            {!draft.final && (
              <button
                type="button"
                className="small"
                onClick={() => {
                  setTitle(existing?.title ?? '');
                  setText(existing?.text ?? '');
                  setRationale(existing?.rationale ?? '');
                  setOpen(true);
                }}
                aria-label={t('statement.translation.translateLabel', { label: target.label })}
              >
                {existing ? t('statement.translation.update') : t('statement.translation.translate')}
              </button>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

/** The second language, linked block by block, with what is missing or outdated in sight. */
export function TranslationTab() {
  const { t } = useTranslation();
  const id = useId();
  const draft = useDraft();
  const { run, error } = useCommand();
  const meta = draft.meta;
  const language = meta?.secondLanguage ?? null;
  const [onlyOpen, setOnlyOpen] = useState(false);

  const targets: Target[] = [];
  if (meta)
    targets.push({ id: 'statement', version: 1, label: t('statement.translation.titleAndSummary'), title: meta.title, text: meta.summary, rationale: '', hasTitle: true, hasText: true, hasRationale: false });
  for (const { section, blocks } of draft.sections) {
    targets.push({ id: section.id, version: 1, label: t('statement.translation.sectionTitle', { title: section.title }), title: section.title, text: '', rationale: '', hasTitle: true, hasText: false, hasRationale: false });
    for (const b of blocks) {
      const label =
        b.kind === 'recommendation'
          ? t('statement.recommendationN', { n: draft.numbers.get(b.id) ?? '?', title: b.title })
          : b.kind === 'minority'
            ? t('statement.kind.minority')
            : b.title || t('statement.kind.text');
      targets.push({ id: b.id, version: b.version, label, title: b.title, text: b.text, rationale: b.rationale, hasTitle: b.kind !== 'minority', hasText: true, hasRationale: b.kind === 'recommendation' });
    }
  }
  const states = language ? targets.map((x) => stateOf(draft, x.id, x.version, language)) : [];
  const missing = states.filter((s) => s === 'missing').length;
  const outdated = states.filter((s) => s === 'outdated').length;
  const shown = language ? targets.filter((x, i) => !onlyOpen || states[i] !== 'current') : [];

  return (
    <div className="translation-tab">
      <div className="field narrow-field">
        <label htmlFor={`${id}-lang`}>{t('statement.translation.language')}</label>
        <select
          id={`${id}-lang`}
          value={language ?? ''}
          disabled={draft.final}
          onChange={(e) => void run('statement.update', { secondLanguage: (e.target.value || null) as StatementLanguage | null })}
        >
          <option value="">{t('statement.translation.noLanguage')}</option>
          {STATEMENT_LANGUAGES.filter((l) => l !== meta?.mainLanguage).map((l) => (
            <option key={l} value={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorAlert error={error} />
      {language && (
        <>
          <p role="status" className={missing + outdated > 0 ? 'alert alert-info' : 'save-state'}>
            {missing + outdated > 0 ? t('statement.translation.summary', { missing, outdated, total: targets.length }) : t('statement.translation.allDone')}
          </p>
          <label className="check">
            <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />
            {t('statement.translation.onlyOpen')}
          </label>
          <ol className="translation-list">
            {shown.map((target) => (
              <TranslationItem key={target.id} target={target} language={language} draft={draft} />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

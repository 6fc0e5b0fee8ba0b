import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { STATEMENT_PROJECTOR_MODES, type StatementLanguage, type StatementProjectorMode } from '../../../shared/statement.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand } from '../../components/useCommand.js';
import { useTopic } from '../../stores/topics.js';
import { partIn, projectedLanguage, readingOrder } from './ProjectedStatement.js';
import { blockLabel, useDraft } from './model.js';

/**
 * The draft on the projector for the read-through: how (one block at a time, or the whole draft
 * scrolled), in which of the statement's languages, and where, stepping through the draft. Showing
 * it takes down whatever else the projector showed (a question, vote results, a seating round).
 */
export function ProjectorControls() {
  const { t } = useTranslation();
  const id = useId();
  const draft = useDraft();
  const shown = useTopic('statementShown').shown ?? { mode: null, blockId: null, language: null };
  const { run, busy, error } = useCommand();
  const mainLanguage = draft.meta?.mainLanguage ?? 'fi';
  const second = draft.meta?.secondLanguage ?? null;
  const language = projectedLanguage(draft, shown);
  const order = readingOrder(draft);
  const at = Math.max(0, order.findIndex((b) => (b?.id ?? null) === shown.blockId));
  const labelOf = (i: number) => {
    const b = order[i];
    return b ? blockLabel(t, draft, b) : t('statement.projector.start');
  };
  const show = (mode: StatementProjectorMode | null, index: number) => void run('statement.showOnProjector', { mode, blockId: order[index]?.id ?? null });
  const mode = shown.mode;
  const current = order[at];
  const part = current ? partIn(draft, current.id, current.version, current, language) : partIn(draft, 'statement', 1, { title: draft.meta?.title ?? '', text: draft.meta?.summary ?? '', rationale: '' }, language);
  // What the projector marks as not translated, said here too (the start only when it has a summary, as there).
  const untranslated = mode !== null && part.state === 'missing' && (Boolean(current) || part.text !== '');

  return (
    <section className="projector-controls" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('statement.projector.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-mode`}>{t('statement.projector.mode')}</label>
        <select id={`${id}-mode`} value={mode ?? ''} disabled={busy} onChange={(e) => show((e.target.value || null) as StatementProjectorMode | null, at)}>
          <option value="">{t('statement.projector.off')}</option>
          {STATEMENT_PROJECTOR_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`statement.projector.modes.${m}`)}
            </option>
          ))}
        </select>
      </div>
      {second && (
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('statement.projector.language')}</label>
          <select id={`${id}-lang`} value={language} disabled={busy} onChange={(e) => void run('statement.setProjectorLanguage', { language: e.target.value as StatementLanguage })}>
            <option value={mainLanguage}>{t('statement.projector.mainLanguage', { language: t(`languages.${mainLanguage}`) })}</option>
            <option value={second}>{t('statement.projector.translation', { language: t(`languages.${second}`) })}</option>
          </select>
        </div>
      )}
      <div className="field projector-block-field">
        <label htmlFor={`${id}-block`}>{t('statement.projector.block')}</label>
        <select id={`${id}-block`} value={String(at)} disabled={busy || !mode} onChange={(e) => show(mode, Number(e.target.value))}>
          {order.map((b, i) => (
            <option key={b?.id ?? 'start'} value={i}>
              {labelOf(i)}
            </option>
          ))}
        </select>
      </div>
      <div className="projector-steps">
        <button type="button" disabled={busy || !mode || at === 0} onClick={() => show(mode, at - 1)}>
          {t('statement.projector.previous')}
        </button>
        <button type="button" disabled={busy || !mode || at >= order.length - 1} onClick={() => show(mode, at + 1)}>
          {t('statement.projector.next')}
        </button>
      </div>
      <p className="projector-on-air" role="status">
        {!mode
          ? t('statement.projector.notShown')
          : language === mainLanguage
            ? t('statement.projector.onAir', { label: labelOf(at) })
            : t('statement.projector.onAirIn', { label: labelOf(at), inLanguage: t(`statement.projector.inLanguage.${language}`) })}
        {untranslated && <> {t('statement.projector.untranslated', { inLanguage: t(`statement.projector.inLanguage.${mainLanguage}`) })}</>}
      </p>
      <ErrorAlert error={error} />
    </section>
  );
}

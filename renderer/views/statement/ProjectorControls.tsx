import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { STATEMENT_PROJECTOR_MODES, type StatementProjectorMode } from '../../../shared/statement.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useCommand } from '../../components/useCommand.js';
import { useTopic } from '../../stores/topics.js';
import { readingOrder } from './ProjectedStatement.js';
import { blockLabel, useDraft } from './model.js';

/**
 * The draft on the projector for the read-through: how (one block at a time, or the whole draft
 * scrolled) and where, stepping through the draft. Showing it takes down whatever else the
 * projector showed (a question, vote results, a seating round).
 */
export function ProjectorControls() {
  const { t } = useTranslation();
  const id = useId();
  const draft = useDraft();
  const shown = useTopic('statementShown').shown ?? { mode: null, blockId: null };
  const { run, busy, error } = useCommand();
  const order = readingOrder(draft);
  const at = Math.max(0, order.findIndex((b) => (b?.id ?? null) === shown.blockId));
  const labelOf = (i: number) => {
    const b = order[i];
    return b ? blockLabel(t, draft, b) : t('statement.projector.start');
  };
  const show = (mode: StatementProjectorMode | null, index: number) => void run('statement.showOnProjector', { mode, blockId: order[index]?.id ?? null });
  const mode = shown.mode;

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
      <div className="field">
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
        {mode ? t('statement.projector.onAir', { label: labelOf(at) }) : t('statement.projector.notShown')}
      </p>
      <ErrorAlert error={error} />
    </section>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTopic, useTopicList } from '../../../stores/topics.js';
import { DrawPanel } from './DrawPanel.js';
import { ImportPool } from './ImportPool.js';
import { Quotas } from './Quotas.js';
import { Recruitment } from './Recruitment.js';
import { RunPanel } from './RunPanel.js';
import './selection.css';

/**
 * #/selection: recruitment and the fair lottery, in the order the work is done — figures, sign-ups,
 * quotas, the run, the public draw, reserves and the audit report. The host's own window only.
 */
export function Selection({ isHost }: { isHost: boolean }) {
  const { t } = useTranslation();
  const view = useTopic('selection').selection;
  const features = useTopicList('features', 'position');
  const background = useTopic('participantBackground');
  const participants = useTopic('participants');

  // The drawn panel (with replacements) counted against the quotas.
  const panelCounts = useMemo(() => {
    if (!view?.outcome) return null;
    const counts = new Map<string, number>();
    const ids = [...view.outcome.panel.map((p) => p.participantId), ...view.outcome.replacements.map((r) => r.replacement)];
    for (const id of ids) {
      if (!id || participants[id]?.status === 'replaced') continue;
      for (const [f, v] of Object.entries(background[id]?.features ?? {})) counts.set(`${f}\u0000${v}`, (counts.get(`${f}\u0000${v}`) ?? 0) + 1);
    }
    return counts;
  }, [view?.outcome, background, participants]);

  if (!isHost) {
    return (
      <>
        <h1>{t('selection.title')}</h1>
        <p>{t('selection.hostOnly')}</p>
      </>
    );
  }
  if (!view) {
    return (
      <>
        <h1>{t('selection.title')}</h1>
        <p role="status" aria-busy="true">
          {t('common.loading')}
        </p>
      </>
    );
  }
  return (
    <div className="selection-page">
      <h1>{t('selection.title')}</h1>
      <p className="lead">{t('selection.lead')}</p>
      <ol className="sel-steps" aria-label={t('selection.stepsLabel')}>
        <li className={view.pool ? 'done' : undefined}>{t('selection.steps.import')}</li>
        <li className={view.quotas.length > 0 ? 'done' : undefined}>{t('selection.steps.quotas')}</li>
        <li className={view.runs.some((r) => r.algorithm === 'leximin' && !r.stale) || view.outcome ? 'done' : undefined}>{t('selection.steps.run')}</li>
        <li className={view.outcome ? 'done' : undefined}>{t('selection.steps.draw')}</li>
      </ol>
      <ImportPool view={view} features={features} />
      <Recruitment key={`${features.length}:${view.pool?.n ?? 0}`} view={view} features={features} />
      <Quotas view={view} features={features} panelCounts={panelCounts} />
      <RunPanel view={view} features={features} />
      <DrawPanel view={view} features={features} />
    </div>
  );
}

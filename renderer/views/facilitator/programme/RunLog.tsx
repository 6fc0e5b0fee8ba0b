import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../../shared/clock.js';
import { useTopicList } from '../../../stores/topics.js';
import type { ItemRun } from '../../../../shared/clock.js';
import { runFigures, signedDuration } from './model.js';

const byStart = (a: ItemRun, b: ItemRun) => (a.startedAt ?? a.endedAt ?? '').localeCompare(b.startedAt ?? b.endedAt ?? '') || a.id.localeCompare(b.id);

/** Planned versus actual, item by item, for the process description. */
export function RunLog() {
  const { t } = useTranslation();
  const id = useId();
  const runs = useTopicList('itemRuns', byStart);
  return (
    <section className="run-section" aria-labelledby={id}>
      <h2 id={id}>{t('run.log.title')}</h2>
      {runs.length === 0 ? (
        <p className="empty">{t('run.log.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table run-log">
            <thead>
              <tr>
                <th scope="col">{t('run.log.item')}</th>
                <th scope="col">{t('run.log.planned')}</th>
                <th scope="col">{t('run.log.actual')}</th>
                <th scope="col">{t('run.log.difference')}</th>
                <th scope="col">{t('run.log.skipped')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => {
                const { actualSeconds, differenceSeconds } = runFigures(run);
                const open = !run.skipped && run.endedAt === null;
                return (
                  <tr key={run.id}>
                    <th scope="row">{run.title}</th>
                    <td>{t('run.minutes', { count: run.plannedMinutes })}</td>
                    <td>{actualSeconds !== null ? formatDuration(actualSeconds) : open ? t('run.log.running') : '–'}</td>
                    <td className={differenceSeconds !== null && differenceSeconds > 0 ? 'run-over' : undefined}>
                      {differenceSeconds !== null ? signedDuration(differenceSeconds, formatDuration) : '–'}
                    </td>
                    <td>{run.skipped ? t('run.log.yes') : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

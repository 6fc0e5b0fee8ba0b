import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/agenda.js';
import type { ClockState } from '../../../../shared/clock.js';
import { clockTime, dayForecast, driftMinutes, type RunView } from './model.js';
import { useHubSecond } from './useHubSecond.js';

/** How far the day is ahead or behind, and when it ends at this pace. */
export function DayForecast({ view, clock, items }: { view: RunView; clock: ClockState; items: AgendaItem[] }) {
  const { t } = useTranslation();
  const now = useHubSecond();
  if (!view.day) return null;
  const forecast = dayForecast(view.day, items, clock, now);
  if (!forecast) return null;
  const minutes = driftMinutes(forecast.driftMs);
  const drift = minutes > 0 ? 'behind' : minutes < 0 ? 'ahead' : 'onTime';
  return (
    <div className={`run-forecast drift-${drift}`} data-testid="run-forecast">
      <p className="run-drift">{t(`run.drift.${drift}`, { count: Math.abs(minutes) })}</p>
      <p>
        {t('run.endsAt', { time: clockTime(forecast.projectedEnd) })}{' '}
        <span className="muted">{t('run.plannedEnd', { time: clockTime(forecast.plannedEnd) })}</span>
      </p>
      {forecast.rehearsal && <p className="hint">{t('run.rehearsal', { start: view.day.startsAt })}</p>}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/agenda.js';
import { formatDuration, type ClockState } from '../../../../shared/clock.js';
import type { Remaining } from '../../../components/clock/remaining.js';

/**
 * The big remaining time: counts down, turns to the warning colour under the item's threshold,
 * counts up in overtime (or stays at 0:00 when the item hides its overtime). Not a live region:
 * the ticking seconds are not announced.
 */
export function Countdown({ value, item, clock }: { value: Remaining; item: AgendaItem | null; clock: ClockState }) {
  const { t } = useTranslation();
  const tone = value.mode;
  const showOvertime = item?.showOvertime ?? true;
  const seconds = value.synced ? (tone === 'overtime' ? (showOvertime ? -value.seconds : 0) : value.seconds) : null;
  const label = tone === 'overtime' ? t('run.overtime') : t('run.remaining');
  return (
    <div className={`run-countdown tone-${tone}${clock.pausedAt !== null ? ' is-paused' : ''}`}>
      <p className="run-countdown-label">{label}</p>
      <p className="run-countdown-time" data-testid="run-remaining">
        {seconds === null ? '–:––' : `${tone === 'overtime' && showOvertime ? '+' : ''}${formatDuration(seconds)}`}
      </p>
    </div>
  );
}

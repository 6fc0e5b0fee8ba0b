import { useTranslation } from 'react-i18next';
import { ConnectionStatus } from '../../components/ConnectionStatus.js';
import { ClockAnnouncer, RemainingTime, StatusLabel } from '../../components/clock/RemainingTime.js';
import { useRemaining } from '../../components/clock/remaining.js';
import './speaker.css';

/**
 * An expert's phone (opened with the room's view code at #/speaker): just their remaining time,
 * enormous, and the item's title. Works held upright; warning and overtime in colour.
 */
export function Speaker() {
  const { t } = useTranslation();
  const r = useRemaining();
  return (
    <main id="main" className={`speaker speaker-${r.mode} speaker-${r.phase}`}>
      <h1 className="speaker-title">{r.item?.title ?? t('display.notStarted')}</h1>
      {r.item && (
        <div className="speaker-clock">
          <RemainingTime r={r} className="speaker-remaining" />
          <StatusLabel r={r} className="speaker-status" />
        </div>
      )}
      <div className="speaker-foot">
        <ConnectionStatus />
      </div>
      <ClockAnnouncer r={r} />
    </main>
  );
}

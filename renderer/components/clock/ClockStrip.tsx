import { useTranslation } from 'react-i18next';
import { MessageOverlay } from './MessageOverlay.js';
import { ClockAnnouncer, RemainingTime, StatusLabel } from './RemainingTime.js';
import { useRemaining } from './remaining.js';

/** The strip at the top of a table's screen: the item, its question, the remaining time, the room's message. */
export function ClockStrip() {
  const { t } = useTranslation();
  const r = useRemaining();
  const { clock, item } = r;
  return (
    <section className={`clock-strip strip-${r.mode} strip-${r.phase} ${clock.blackout ? 'strip-blackout' : ''}`} aria-label={t('display.stripLabel')}>
      <div className="strip-main">
        {item ? (
          <div className="strip-item">
            <p className="strip-title">{item.title}</p>
            {item.question && <p className="strip-question">{item.question}</p>}
          </div>
        ) : (
          <p className="strip-idle">{t('display.notStarted')}</p>
        )}
        {item && (
          <div className="strip-time">
            <RemainingTime r={r} />
            <StatusLabel r={r} />
          </div>
        )}
      </div>
      {clock.blackout && <p className="strip-blackout-notice">{t('display.blackoutNotice')}</p>}
      <MessageOverlay clock={clock} variant="banner" />
      <ClockAnnouncer r={r} />
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { Chime } from '../../components/clock/Chime.js';
import { MessageOverlay } from '../../components/clock/MessageOverlay.js';
import { ClockAnnouncer, formatClockTime, RemainingTime, StatusLabel } from '../../components/clock/RemainingTime.js';
import { useNextUp, useRemaining, type NextUp } from '../../components/clock/remaining.js';
import { formatDate } from '../../components/RelativeTime.js';
import { useTopic } from '../../stores/topics.js';
import './projector.css';

/**
 * The wall, readable from the back of a hall: the item on stage, its question, the remaining time
 * huge, what comes next. Before the programme starts: the panel's name and its question.
 * A message from the facilitator covers it; a blackout leaves the screen black.
 */
export function Projector() {
  const { t } = useTranslation();
  const basics = useTopic('panel').panel;
  const r = useRemaining();
  const next = useNextUp(r);
  const { clock, item } = r;

  if (clock.blackout) {
    return (
      <main id="main" className="projector projector-blackout" data-blackout="true">
        <h1 className="sr-only">{t('display.blackoutTitle')}</h1>
        <Chime offerEnable />
      </main>
    );
  }

  if (!item) {
    return (
      <main id="main" className="projector">
        <p className="projector-brand">{t('app.name')}</p>
        <h1>{basics?.name ?? t('projector.waiting')}</h1>
        {basics?.mandate && <p className="projector-mandate">{basics.mandate}</p>}
        {basics?.venue && <p className="projector-venue">{basics.venue}</p>}
        <MessageOverlay clock={clock} variant="overlay" />
        <ClockAnnouncer r={r} />
        <Chime offerEnable />
      </main>
    );
  }

  return (
    <main id="main" className={`projector projector-live projector-${r.mode} projector-${r.phase}`}>
      <p className="projector-panel">{basics?.name ?? t('app.name')}</p>
      <div className="projector-item">
        <h1 className="projector-title">{item.title}</h1>
        {item.question && <p className="projector-question">{item.question}</p>}
      </div>
      <div className="projector-clock">
        <StatusLabel r={r} className="projector-status" />
        <RemainingTime r={r} className="projector-remaining" />
      </div>
      <NextLine next={next} />
      <MessageOverlay clock={clock} variant="overlay" />
      <ClockAnnouncer r={r} />
      <Chime offerEnable />
    </main>
  );
}

function NextLine({ next }: { next: NextUp | null }) {
  const { t, i18n } = useTranslation();
  if (!next) return <p className="projector-next projector-next-none">{t('display.lastItem')}</p>;
  const time = formatClockTime(next.at, i18n.language);
  return (
    <p className="projector-next">
      <span className="next-label">{t('display.next')}</span>
      <span className="next-title">{next.item.title}</span>
      <span className="next-time">
        {next.laterDay && next.day ? t('display.onDayAt', { date: formatDate(next.day.date, i18n.language), time }) : t('display.at', { time })}
      </span>
    </p>
  );
}

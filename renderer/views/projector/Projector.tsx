import { useTranslation } from 'react-i18next';
import { Chime } from '../../components/clock/Chime.js';
import { MessageOverlay } from '../../components/clock/MessageOverlay.js';
import { ClockAnnouncer, formatClockTime, RemainingTime, StatusLabel } from '../../components/clock/RemainingTime.js';
import { useNextUp, useRemaining, type NextUp } from '../../components/clock/remaining.js';
import { formatDate } from '../../components/RelativeTime.js';
import { useTopic } from '../../stores/topics.js';
import type { ProjectedQuestion } from '../../../shared/questions.js';
import { ProjectedResults, useShownVote } from '../votes/ProjectedResults.js';
import { FindYourTable, useShownSeating } from '../seating/FindYourTable.js';
import { ProjectedStatement, useShownStatement } from '../statement/ProjectedStatement.js';
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
  const projected = useTopic('projectedQuestion').projected;
  const shownVote = useShownVote();
  const shownSeating = useShownSeating();
  const shownStatement = useShownStatement();

  if (clock.blackout) {
    return (
      <main id="main" className="projector projector-blackout" data-blackout="true">
        <h1 className="sr-only">{t('display.blackoutTitle')}</h1>
        <Chime offerEnable />
      </main>
    );
  }

  // A vote's results take the whole screen while the facilitator shows them.
  if (shownVote)
    return (
      <ProjectedResults vote={shownVote}>
        <Chime offerEnable />
      </ProjectedResults>
    );

  // "Find your table" while the facilitator shows a seating round.
  if (shownSeating)
    return (
      <FindYourTable round={shownSeating}>
        <Chime offerEnable />
      </FindYourTable>
    );

  // The draft statement for the read-through, one block at a time or the whole draft.
  if (shownStatement)
    return (
      <ProjectedStatement shown={shownStatement}>
        <Chime offerEnable />
      </ProjectedStatement>
    );

  if (!item) {
    return (
      <main id="main" className="projector">
        <p className="projector-brand">{t('app.name')}</p>
        <h1>{basics?.name ?? t('projector.waiting')}</h1>
        {basics?.mandate && <p className="projector-mandate">{basics.mandate}</p>}
        {basics?.venue && <p className="projector-venue">{basics.venue}</p>}
        {projected?.questionId && <ProjectedQuestionBlock projected={projected} />}
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
        {projected?.questionId ? <ProjectedQuestionBlock projected={projected} /> : item.question && <p className="projector-question">{item.question}</p>}
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

/** A table's question to the expert, put on the wall by the facilitator: big, with the tables it came from. */
function ProjectedQuestionBlock({ projected }: { projected: ProjectedQuestion }) {
  const { t } = useTranslation();
  return (
    <div className="projector-asked" aria-live="polite">
      <p className="projector-asked-label">{t('questions.projectorLabel')}</p>
      <p className="projector-asked-text">{projected.text}</p>
      {projected.fromTables.length > 0 && <p className="projector-asked-tables">{t('questions.fromTables', { tables: projected.fromTables.join(', '), count: projected.fromTables.length })}</p>}
    </div>
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

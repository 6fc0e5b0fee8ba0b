import { useTranslation } from 'react-i18next';
import { plannedSchedule, type AgendaDay, type AgendaItem, type Expert } from '../../shared/agenda.js';
import { useTopic } from '../stores/topics.js';
import { formatDate } from './RelativeTime.js';

/** Days of the programme in order, each with its items and their planned times. */
export function programmeDays(days: Record<string, AgendaDay>, items: Record<string, AgendaItem>) {
  return Object.values(days)
    .sort((a, b) => a.position - b.position || a.date.localeCompare(b.date))
    .map((day) => {
      const dayItems = Object.values(items)
        .filter((item) => item.dayId === day.id)
        .sort((a, b) => a.position - b.position);
      const times = new Map(plannedSchedule(day, dayItems).map((s) => [s.id, s]));
      return { day, items: dayItems.map((item) => ({ item, start: times.get(item.id)?.start ?? '', end: times.get(item.id)?.end ?? '' })) };
    });
}

/** The programme, read-only. `headingLevel` is the level of each day's heading. */
export function Programme({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const days = useTopic('agendaDays');
  const items = useTopic('agendaItems');
  const experts = useTopic('experts');
  const programme = programmeDays(days, items);
  if (programme.length === 0) return <p className="empty">{t('programme.empty')}</p>;
  const DayHeading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="programme">
      {programme.map(({ day, items: dayItems }) => (
        <section key={day.id} className="programme-day" aria-labelledby={`day-${day.id}`}>
          <DayHeading id={`day-${day.id}`}>
            {day.title} <span className="muted">{formatDate(day.date, i18n.language)}</span>
          </DayHeading>
          {dayItems.length === 0 ? (
            <p className="empty">{t('programme.noItems')}</p>
          ) : (
            <ol className="agenda">
              {dayItems.map(({ item, start, end }) => (
                <li key={item.id} className={`agenda-item kind-${item.kind}`}>
                  <span className="agenda-time">
                    <time>{start}</time>–<time>{end}</time>
                  </span>
                  <span className="agenda-body">
                    <span className="agenda-title">{item.title}</span>
                    {item.kind !== 'break' && <span className="agenda-kind">{t(`agenda.kind.${item.kind}`)}</span>}
                    {item.expertIds.length > 0 && (
                      <span className="agenda-experts">
                        {item.expertIds
                          .map((id) => (experts as Record<string, Expert>)[id]?.name)
                          .filter(Boolean)
                          .join(', ')}
                      </span>
                    )}
                    {item.question && <span className="agenda-question">{item.question}</span>}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}

export function ExpertList() {
  const { t } = useTranslation();
  const experts = Object.values(useTopic('experts')).sort((a, b) => a.name.localeCompare(b.name));
  if (experts.length === 0) return <p className="empty">{t('experts.empty')}</p>;
  return (
    <ul className="cards">
      {experts.map((expert) => (
        <li key={expert.id} className="card">
          <p className="card-title">{expert.name}</p>
          <p>{[expert.title, expert.organisation].filter(Boolean).join(', ')}</p>
          {expert.topic && <p className="muted">{t('experts.topic', { topic: expert.topic })}</p>}
        </li>
      ))}
    </ul>
  );
}

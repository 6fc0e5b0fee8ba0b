import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { programmeDays } from '../../../components/Programme.js';
import { formatDate } from '../../../components/RelativeTime.js';
import { useTopic } from '../../../stores/topics.js';
import type { RunView } from './model.js';
import type { RunActions } from './useRunActions.js';

/** The whole programme with a jump button per item; the item on stage is highlighted. */
export function JumpList({ view, actions }: { view: RunView; actions: RunActions }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const days = programmeDays(useTopic('agendaDays'), useTopic('agendaItems'));
  return (
    <section className="run-section" aria-labelledby={id}>
      <h2 id={id}>{t('run.jump.title')}</h2>
      {days.length === 0 && <p className="empty">{t('programme.empty')}</p>}
      {days.map(({ day, items }) => (
        <div key={day.id} className="run-jump-day">
          <h3>
            {day.title} <span className="muted">{formatDate(day.date, i18n.language)}</span>
          </h3>
          <ol className="run-jump-list">
            {items.map(({ item, start, end }) => {
              const current = item.id === view.current?.id;
              return (
                <li key={item.id} className={current ? 'is-current' : undefined} aria-current={current ? 'step' : undefined}>
                  <span className="agenda-time">
                    {start}–{end}
                  </span>
                  <span className="run-jump-title">
                    {item.title} <span className="muted">{t(`agenda.kind.${item.kind}`)}</span>
                  </span>
                  {current ? (
                    <span className="badge run-now">{t('run.jump.now')}</span>
                  ) : (
                    <button type="button" className="small" onClick={() => actions.jump(item.id)} aria-label={t('run.jump.to', { title: item.title })}>
                      {t('run.jump.button')}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </div>
      ))}
    </section>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_CLOCK } from '../../../../shared/clock.js';
import { programmeDays } from '../../../components/Programme.js';
import { useTopic } from '../../../stores/topics.js';
import { DayForm } from './DayForm.js';
import { DaySection } from './DaySection.js';
import { PrintLinks } from './PrintLinks.js';
import { TemplateForm } from './TemplateForm.js';
import './programme.css';

/** The facilitator's programme: days, their items in order with planned times, templates. */
export function ProgrammeEditor() {
  const { t } = useTranslation();
  const addId = useId();
  const clock = useTopic('clock').clock ?? IDLE_CLOCK;
  const programme = programmeDays(useTopic('agendaDays'), useTopic('agendaItems'));
  const days = programme.map((p) => p.day);
  return (
    <div className="programme-editor">
      <h1>{t('programme.title')}</h1>
      <p className="lead">{t('programme.intro')}</p>
      {programme.length === 0 && <p className="empty">{t('programme.empty')}</p>}
      {programme.map(({ day, items }) => (
        <DaySection key={day.id} day={day} items={items.map((i) => i.item)} end={items.at(-1)?.end ?? day.startsAt} days={days} clock={clock} />
      ))}
      <section className="panel-section" aria-labelledby={addId}>
        <h2 id={addId}>{t('programme.day.addTitle')}</h2>
        <DayForm />
      </section>
      <TemplateForm />
      <PrintLinks />
    </div>
  );
}

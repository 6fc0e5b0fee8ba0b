import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaDay, AgendaItem } from '../../../../shared/agenda.js';
import { formatDate } from '../../../components/RelativeTime.js';

/** Moves an item to the end of another day. */
export function MoveToDay({ item, days, onMove }: { item: AgendaItem; days: AgendaDay[]; onMove: (dayId: string) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const others = days.filter((d) => d.id !== item.dayId);
  const [target, setTarget] = useState(others[0]?.id ?? '');
  if (others.length === 0) return null;
  return (
    <div className="pe-move-day">
      <label htmlFor={id}>{t('programme.item.moveToDay')}</label>
      <select id={id} value={target} onChange={(e) => setTarget(e.target.value)}>
        {others.map((day) => (
          <option key={day.id} value={day.id}>
            {day.title} ({formatDate(day.date, i18n.language)})
          </option>
        ))}
      </select>
      <button type="button" className="small" onClick={() => target && onMove(target)}>
        {t('programme.item.move')}
      </button>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { RunView } from './model.js';

export function NextItem({ view }: { view: RunView }) {
  const { t } = useTranslation();
  if (!view.current) return null;
  return (
    <div className="run-next">
      <h2 className="run-small-heading">{t('run.nextItem')}</h2>
      {view.next ? (
        <p>
          <span className="run-next-title">{view.next.title}</span>{' '}
          <span className="muted">
            {t(`agenda.kind.${view.next.kind}`)} · {t('run.minutes', { count: view.next.plannedMinutes })}
          </span>
        </p>
      ) : (
        <p className="muted">{t('run.lastItem')}</p>
      )}
    </div>
  );
}

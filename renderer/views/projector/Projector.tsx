import { useTranslation } from 'react-i18next';
import { useTopic } from '../../stores/topics.js';

/** The wall: the panel's name and its question, large. The agenda clock comes with a later issue. */
export function Projector() {
  const { t } = useTranslation();
  const basics = useTopic('panel').panel;
  return (
    <main id="main" className="projector">
      <p className="projector-brand">{t('app.name')}</p>
      <h1>{basics?.name ?? t('projector.waiting')}</h1>
      {basics?.mandate && <p className="projector-mandate">{basics.mandate}</p>}
      {basics?.venue && <p className="projector-venue">{basics.venue}</p>}
    </main>
  );
}

import { useTranslation } from 'react-i18next';
import { phase, type ClockState } from '../../../../shared/clock.js';
import { useRemaining } from '../../../components/clock/remaining.js';
import { Countdown } from './Countdown.js';
import type { RunView } from './model.js';

/** The item on stage: kind, title, question, phase and the big remaining time. */
export function CurrentItem({ view, clock }: { view: RunView; clock: ClockState }) {
  const { t } = useTranslation();
  const item = view.current;
  const value = useRemaining(item?.id ?? null);
  const p = phase(clock);
  const tone = value.mode;
  // Announced when the item, the phase or the tone changes; never every second.
  const announcement = item ? [item.title, t(`run.phase.${p}`), tone !== 'normal' ? t(`run.tone.${tone}`) : ''].filter(Boolean).join('. ') : t('run.phase.idle');
  return (
    <div className={`run-current phase-${p}`}>
      <p className="sr-only" role="status">
        {announcement}
      </p>
      <div className="run-current-head">
        <p className={`run-phase run-phase-${p}`}>{t(`run.phase.${p}`)}</p>
        {item && <p className="run-kind">{t(`agenda.kind.${item.kind}`)}</p>}
      </div>
      <h2 id="run-current-title" className="run-title">
        {item ? item.title : t('run.nothingOnStage')}
      </h2>
      {item?.question && <p className="run-question">{item.question}</p>}
      {item && <Countdown value={value} item={item} clock={clock} />}
      {!item && view.next && <p>{t('run.startsWith', { title: view.next.title })}</p>}
    </div>
  );
}

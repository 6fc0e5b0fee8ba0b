import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const SHORTCUTS = [
  ['run.keys.space', 'run.keys.toggle'],
  ['N', 'run.next'],
  ['P', 'run.previous'],
  ['S', 'run.skip'],
  ['run.keys.plus', 'run.keys.addOne'],
  ['run.keys.shiftPlus', 'run.keys.addFive'],
  ['−', 'run.keys.removeOne'],
  ['B', 'run.blackout'],
  ['M', 'run.mute'],
] as const;

/** The keyboard shortcuts, visible on the console. */
export function ShortcutList() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="run-panel run-shortcuts" aria-labelledby={id}>
      <h2 id={id} className="run-small-heading">
        {t('run.keys.title')}
      </h2>
      <p className="hint">{t('run.keys.hint')}</p>
      <dl>
        {SHORTCUTS.map(([key, action]) => (
          <div key={key}>
            <dt>
              <kbd>{key.startsWith('run.') ? t(key) : key}</kbd>
            </dt>
            <dd>{t(action)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

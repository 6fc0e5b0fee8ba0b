import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockState } from '../../../../shared/clock.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useCommand } from '../../../components/useCommand.js';

const MAX = 280;

/** A message over the projector and the table screens: typed here, shown and hidden on demand. */
export function RoomMessage({ clock }: { clock: ClockState }) {
  const { t } = useTranslation();
  const id = useId();
  const command = useCommand();
  const [text, setText] = useState(clock.message);
  const [edited, setEdited] = useState(false);
  useEffect(() => {
    if (!edited) setText(clock.message);
  }, [clock.message, edited]);

  const show = async (event: FormEvent) => {
    event.preventDefault();
    const done = await command.run('clock.message', { text: text.trim(), visible: true });
    if (done !== undefined) setEdited(false);
  };
  return (
    <section className="run-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="run-small-heading">
        {t('run.message.title')}
      </h2>
      <form onSubmit={show} noValidate>
        <label htmlFor={`${id}-text`}>{t('run.message.label')}</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          maxLength={MAX}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setEdited(true);
          }}
        />
        <p className={`run-message-state${clock.messageVisible ? ' is-showing' : ''}`} role="status">
          {clock.messageVisible ? t('run.message.showing') : t('run.message.hidden')}
        </p>
        <div className="actions">
          <button type="submit" className="primary" disabled={text.trim() === ''}>
            {t('run.message.show')}
          </button>
          <button
            type="button"
            disabled={!clock.messageVisible}
            onClick={() => void command.run('clock.message', { text: clock.message, visible: false })}
          >
            {t('run.message.hide')}
          </button>
        </div>
        <ErrorAlert error={command.error} />
      </form>
    </section>
  );
}

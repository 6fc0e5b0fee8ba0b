import { useTranslation } from 'react-i18next';
import type { ClockState } from '../../../../shared/clock.js';
import type { RunActions } from './useRunActions.js';

/** Blackout of the room's screens and the end-of-item chime, as toggles. */
export function RoomSwitches({ clock, actions }: { clock: ClockState; actions: RunActions }) {
  const { t } = useTranslation();
  return (
    <div className="run-switches" role="group" aria-label={t('run.roomScreens')}>
      <button type="button" aria-pressed={clock.blackout} aria-keyshortcuts="B" onClick={actions.blackout} className={clock.blackout ? 'is-on' : undefined}>
        {t('run.blackout')}{' '}
        <kbd className="run-key" aria-hidden="true">
          B
        </kbd>
      </button>
      <button type="button" aria-pressed={clock.chimeMuted} aria-keyshortcuts="M" onClick={actions.mute} className={clock.chimeMuted ? 'is-on' : undefined}>
        {t('run.mute')}{' '}
        <kbd className="run-key" aria-hidden="true">
          M
        </kbd>
      </button>
      <p className="run-switch-state" role="status">
        {clock.blackout ? t('run.blackoutOn') : t('run.blackoutOff')} {clock.chimeMuted ? t('run.muteOn') : t('run.muteOff')}
      </p>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { ClockState } from '../../../shared/clock.js';

/**
 * The facilitator's message to the room. `variant` "overlay" covers the projector; "banner" sits
 * in the table strip. Announced politely when it appears or changes.
 */
export function MessageOverlay({ clock, variant }: { clock: ClockState; variant: 'overlay' | 'banner' }) {
  const { t } = useTranslation();
  const visible = clock.messageVisible && clock.message.trim() !== '';
  return (
    <div className={`room-message room-message-${variant}`} role="status" aria-live="polite" hidden={!visible}>
      {visible && (
        <>
          <span className="sr-only">{t('display.messageLabel')}: </span>
          <p className="room-message-text">{clock.message}</p>
        </>
      )}
    </div>
  );
}

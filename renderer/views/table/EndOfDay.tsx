import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hub } from '../../hub/client.js';
import { useConnection } from '../../stores/connection.js';
import { forgetTable } from './remember.js';

/** How long "end of day" waits for the queue to empty while connected before asking. */
const SEND_WAIT_MS = 8_000;

type Phase = 'idle' | 'sending' | 'stuck';

/**
 * End of the day on a borrowed laptop: send what is queued, then wipe and give up access. If the
 * queue cannot empty (no connection), say how many notes would be lost and let the secretary
 * choose: wait for the connection, or wipe anyway.
 */
export function EndOfDay({ onEndOfDay }: { onEndOfDay: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const waiting = useConnection((s) => s.waiting);
  const online = useConnection((s) => s.status === 'open' && s.synced);
  const [phase, setPhase] = useState<Phase>('idle');

  function finish(dropQueue: boolean) {
    forgetTable();
    // Stop trying to deliver: App's hub.clear() then wipes at once instead of waiting.
    if (dropQueue) hub.disconnect();
    onEndOfDay();
  }

  // Sending: done as soon as the queue is empty; stuck when offline or after a while.
  useEffect(() => {
    if (phase !== 'sending') return;
    if (waiting === 0) {
      finish(false);
      return;
    }
    if (!online) {
      setPhase('stuck');
      return;
    }
    const timer = setTimeout(() => setPhase('stuck'), SEND_WAIT_MS);
    return () => clearTimeout(timer);
    // finish is stable enough: it only calls props
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phase, waiting, online]);

  // Waiting for the connection: go on by itself once everything got through.
  useEffect(() => {
    if (phase === 'stuck' && waiting === 0) finish(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phase, waiting]);

  return (
    <section aria-labelledby={`${ids}-h`} className="panel-section end-of-day">
      <h2 id={`${ids}-h`}>{t('table.endTitle')}</h2>
      <p>{t('table.endText')}</p>
      {phase === 'idle' && (
        <button type="button" onClick={() => (waiting === 0 ? finish(false) : setPhase('sending'))}>
          {t('table.endOfDay')}
        </button>
      )}
      {phase === 'sending' && (
        <p role="status" aria-live="polite" className="alert alert-info">
          {t('notes.endSending', { count: waiting })}
        </p>
      )}
      {phase === 'stuck' && (
        <div className="alert alert-error end-stuck" role="alert">
          <p>
            <strong>{t('notes.endStuckTitle', { count: waiting })}</strong>
          </p>
          <p>{online ? t('notes.endStuckSlow') : t('notes.endStuckOffline')}</p>
          <p role="status" aria-live="polite" className="muted">
            {t('notes.endWaitingForConnection')}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => setPhase('idle')}>
              {t('notes.endKeepWorking')}
            </button>
            <button type="button" className="danger" onClick={() => finish(true)}>
              {t('notes.endWipeAnyway', { count: waiting })}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

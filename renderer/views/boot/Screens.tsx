import { useTranslation } from 'react-i18next';
import type { EndReason } from '../../stores/connection.js';
import { useConnection } from '../../stores/connection.js';
import { ConnectionStatus } from '../../components/ConnectionStatus.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Page>
      <h1>{t('app.name')}</h1>
      <p role="status" aria-busy="true">
        {t('common.loading')}
      </p>
    </Page>
  );
}

/** Loopback, no session: the one-time address was used up or never given. */
export function NoSession({ error }: { error?: unknown }) {
  const { t } = useTranslation();
  return (
    <Page>
      <h1>{t('noSession.title')}</h1>
      <ErrorAlert error={error} />
      <p>{t('noSession.text')}</p>
      <ul>
        <li>{t('noSession.app')}</li>
        <li>
          {t('noSession.cli')} <code>npx puntari host</code>
        </li>
        <li>{t('noSession.device')}</li>
      </ul>
    </Page>
  );
}

/** Paired, waiting for the facilitator to approve this device. */
export function Waiting() {
  const { t } = useTranslation();
  const principal = useConnection((s) => s.principal);
  return (
    <Page>
      <h1>{t('waiting.title')}</h1>
      <div className="card waiting-card">
        <p className="spinner" aria-hidden="true" />
        <p role="status" aria-live="polite">
          {t('waiting.text')}
        </p>
        {principal && (
          <p>
            {t('waiting.asWhat', {
              name: principal.deviceName,
              role: t(`roles.${principal.role}`),
            })}
            {principal.tableNo !== null && ` · ${t('room.tableN', { n: principal.tableNo })}`}
          </p>
        )}
        <ConnectionStatus />
      </div>
    </Page>
  );
}

/** Rejected, revoked or unknown: a clear end, and a way to join again. */
export function NoAccess({ reason, onJoinAgain }: { reason: EndReason | null; onJoinAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <Page>
      <h1>{t('noAccess.title')}</h1>
      <p className="alert alert-error" role="alert">
        {reason === 'rejected' ? t('noAccess.rejected') : reason === 'revoked' ? t('noAccess.revoked') : t('noAccess.unknown')}
      </p>
      <p>{t('noAccess.text')}</p>
      <button type="button" className="primary" onClick={onJoinAgain}>
        {t('noAccess.joinAgain')}
      </button>
    </Page>
  );
}

export function Goodbye({ pending }: { pending: boolean }) {
  const { t } = useTranslation();
  return (
    <Page>
      <h1>{pending ? t('goodbye.ending') : t('goodbye.title')}</h1>
      <p role="status" aria-live="polite">
        {pending ? t('common.loading') : t('goodbye.text')}
      </p>
    </Page>
  );
}

import { useTranslation } from 'react-i18next';
import { useConnection } from '../stores/connection.js';
import { useErrorText } from './errorText.js';

/** Commands the hub refused, each in words with a dismiss button, and the latest hub error. Never silent. */
export function RejectedCommands() {
  const { t } = useTranslation();
  const text = useErrorText();
  const rejected = useConnection((s) => s.rejected);
  const lastError = useConnection((s) => s.lastError);
  const dismiss = useConnection((s) => s.dismissRejected);
  return (
    <div className="notices" aria-live="assertive">
      {lastError && (
        <p className="alert alert-error">
          <strong>{t('notices.hubError')}</strong> {text(lastError)}
        </p>
      )}
      {rejected.length > 0 && (
        <ul className="rejected" aria-label={t('notices.rejectedTitle')}>
          {rejected.map((item) => (
            <li key={item.id} className="alert alert-error">
              <span>
                <strong>{t('notices.rejected', { command: t(`commands.${item.name}`, { defaultValue: item.name }) })}</strong>{' '}
                {text(item.error)}
              </span>
              <button type="button" className="small" onClick={() => dismiss(item.id)}>
                {t('common.dismiss')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

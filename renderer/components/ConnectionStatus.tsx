import { useTranslation } from 'react-i18next';
import { useConnection } from '../stores/connection.js';

const KNOWN = ['idle', 'connecting', 'open', 'reconnecting', 'ended'] as const;

/** The connection to the hub, announced politely when it changes. */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const status = useConnection((s) => s.status) as string;
  const key = (KNOWN as readonly string[]).includes(status) ? status : 'connecting';
  return (
    <p className={`connection connection-${key}`} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {t(`connection.${key}`)}
    </p>
  );
}

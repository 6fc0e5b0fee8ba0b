import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommand } from '../../../components/useCommand.js';
import { useErrorText } from '../../../components/errorText.js';
import { useTopic } from '../../../stores/topics.js';

/** Exports (pseudonymous unless asked) and, after the panel, purging personal data with a typed confirmation. */
export function PersonalData({ isHost }: { isHost: boolean }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const base = useId();
  const panelName = useTopic('panel').panel?.name ?? '';
  const info = useTopic('rosterInfo').roster;
  const { run, busy, error } = useCommand();
  const [typed, setTyped] = useState('');

  return (
    <section className="panel-section personal-data" aria-labelledby={`${base}-h`}>
      <h2 id={`${base}-h`}>{t('roster.data.title')}</h2>
      <p>{t('roster.data.lead')}</p>
      <ul className="link-list">
        <li>
          <a href="/api/export/roster.csv" download>
            {t('roster.data.exportPseudonymous')}
          </a>
        </li>
        {isHost && (
          <li>
            <a href="/api/export/roster.csv?personal=1" download>
              {t('roster.data.exportPersonal')}
            </a>
          </li>
        )}
      </ul>
      {info?.purgedAt ? (
        <p className="alert alert-info">{t('roster.data.purged', { date: new Date(info.purgedAt).toLocaleString(i18n.language), by: info.purgedBy ?? '' })}</p>
      ) : (
        isHost && (
          <form
            className="card purge-card"
            onSubmit={(e) => {
              e.preventDefault();
              void run('roster.purge', { confirm: typed }).then(() => setTyped(''));
            }}
          >
            <h3>{t('roster.data.purgeTitle')}</h3>
            <p>{t('roster.data.purgeLead')}</p>
            <div className="field">
              <label htmlFor={`${base}-confirm`}>{t('roster.data.purgeConfirm', { name: panelName })}</label>
              <input id={`${base}-confirm`} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
            </div>
            {error !== null && (
              <p className="alert alert-error" role="alert">
                {errorText(error)}
              </p>
            )}
            <button type="submit" className="danger" disabled={busy || typed.trim() !== panelName.trim()}>
              {t('roster.data.purge')}
            </button>
          </form>
        )
      )}
    </section>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionStatus } from '../../components/ConnectionStatus.js';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.js';
import { SkipLink } from '../../components/SkipLink.js';
import { useTopic } from '../../stores/topics.js';

function fold(text: string): string {
  return text.toLocaleLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** The check-in desk: participants by display name, who is marked present. Marking comes later. */
export function Checkin() {
  const { t } = useTranslation();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const basics = useTopic('panel').panel;
  const participants = Object.values(useTopic('participants'))
    .filter((p) => p.status !== 'declined' && p.status !== 'droppedOut')
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const attendance = Object.values(useTopic('attendance'));
  const present = new Set(attendance.map((a) => a.participantId));
  const shown = query.trim() ? participants.filter((p) => fold(p.displayName).includes(fold(query.trim()))) : participants;
  const presentCount = participants.filter((p) => present.has(p.id)).length;

  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="app-header-top">
          <p className="brand-block">
            <span className="brand">{t('app.name')}</span>
            <span className="panel-name">{basics?.name ?? ''}</span>
          </p>
          <div className="header-tools">
            <ConnectionStatus />
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page page-wide">
        <h1>{t('checkin.title')}</h1>
        <p role="status" aria-live="polite">
          {t('checkin.presentCount', { present: presentCount, total: participants.length })}
        </p>
        <div className="field search">
          <label htmlFor={searchId}>{t('checkin.search')}</label>
          <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        </div>
        <p className="sr-only" role="status" aria-live="polite">
          {query.trim() ? t('checkin.matches', { count: shown.length }) : ''}
        </p>
        {shown.length === 0 ? (
          <p className="empty">{participants.length === 0 ? t('checkin.empty') : t('checkin.noMatch')}</p>
        ) : (
          <ul className="checkin-list">
            {shown.map((p) => (
              <li key={p.id} className={present.has(p.id) ? 'present' : ''}>
                <span className="checkin-name">{p.displayName}</span>
                <span className={`badge ${present.has(p.id) ? 'badge-ok' : ''}`}>
                  {present.has(p.id) ? t('checkin.present') : t('checkin.notYet')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { ClockStrip } from '../../components/clock/ClockStrip.js';
import { ConnectionStatus } from '../../components/ConnectionStatus.js';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.js';
import { RejectedCommands } from '../../components/RejectedCommands.js';
import { SkipLink } from '../../components/SkipLink.js';
import { useConnection } from '../../stores/connection.js';
import { useTopic } from '../../stores/topics.js';
import type { Participant, SeatingRound } from '../../../shared/participants.js';

/** Display names seated at `tableNo` in the latest seating round. */
export function seatedAt(rounds: SeatingRound[], participants: Record<string, Participant>, tableNo: number | null) {
  const latest = [...rounds].sort((a, b) => a.position - b.position).at(-1);
  if (!latest || tableNo === null) return { round: latest ?? null, names: [] as string[] };
  const names = Object.entries(latest.seats)
    .filter(([, no]) => no === tableNo)
    .map(([id]) => participants[id]?.displayName)
    .filter((n): n is string => Boolean(n))
    .sort((a, b) => a.localeCompare(b));
  return { round: latest, names };
}

/** A table secretary's screen. Notes come with a later issue; for now: who sits here, and end of day. */
export function Table({ onEndOfDay }: { onEndOfDay: () => void }) {
  const { t } = useTranslation();
  const principal = useConnection((s) => s.principal);
  const waiting = useConnection((s) => s.waiting);
  const basics = useTopic('panel').panel;
  const participants = useTopic('participants');
  const rounds = Object.values(useTopic('seatingRounds'));
  const tableNo = principal?.tableNo ?? null;
  const { round, names } = seatedAt(rounds, participants, tableNo);

  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="app-header-top">
          <p className="brand-block">
            <span className="brand">{t('app.name')}</span>
            <span className="panel-name">{basics?.name ?? ''}</span>
            <span className="role-badge">{principal?.deviceName}</span>
          </p>
          <div className="header-tools">
            <ConnectionStatus />
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <ClockStrip />
      <RejectedCommands />
      <main id="main" tabIndex={-1} className="page page-wide table-screen">
        <h1>{t('table.title', { n: tableNo ?? '?' })}</h1>
        <p className={`outbox ${waiting > 0 ? 'outbox-waiting' : ''}`} role="status" aria-live="polite">
          {waiting > 0 ? t('table.waiting', { count: waiting }) : t('table.allSent')}
        </p>
        <section aria-labelledby="seated-heading" className="panel-section">
          <h2 id="seated-heading">{round ? t('table.seatedIn', { round: round.name }) : t('table.seatedTitle')}</h2>
          {names.length === 0 ? (
            <p className="empty">{t('table.noSeats')}</p>
          ) : (
            <ul className="name-grid">
              {names.map((name, i) => (
                <li key={`${name}-${i}`}>{name}</li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="notes-heading" className="panel-section">
          <h2 id="notes-heading">{t('table.notesTitle')}</h2>
          <p className="empty">{t('table.notesLater')}</p>
        </section>
        <section aria-labelledby="end-heading" className="panel-section">
          <h2 id="end-heading">{t('table.endTitle')}</h2>
          <p>{t('table.endText')}</p>
          <button type="button" onClick={onEndOfDay}>
            {t('table.endOfDay')}
          </button>
        </section>
      </main>
    </>
  );
}

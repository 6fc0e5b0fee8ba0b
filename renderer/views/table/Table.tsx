import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ClockStrip } from '../../components/clock/ClockStrip.js';
import { ConnectionStatus } from '../../components/ConnectionStatus.js';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.js';
import { RejectedCommands } from '../../components/RejectedCommands.js';
import { SkipLink } from '../../components/SkipLink.js';
import { useConnection } from '../../stores/connection.js';
import { useTopic } from '../../stores/topics.js';
import type { Participant, SeatingRound } from '../../../shared/participants.js';
import { MaterialList } from '../viewer/Materials.js';
import { EndOfDay } from './EndOfDay.js';
import { NoteEntry } from './NoteEntry.js';
import { NoteList } from './NoteList.js';
import { useOutboxView } from './outboxView.js';
import { ProjectedBanner, Questions } from './Questions.js';
import { rememberTable } from './remember.js';
import { TableTally } from '../votes/TableTally.js';
import { TableStatement } from '../statement/TableStatement.js';
import { TableTabs, useTableShowsDraft } from '../statement/TableTabs.js';
import './table.css';

/**
 * Display names seated at `tableNo` in a seating round: the round `roundId` names (the current
 * table discussion's), else the latest round.
 */
export function seatedAt(rounds: SeatingRound[], participants: Record<string, Participant>, tableNo: number | null, roundId: string | null = null) {
  const sorted = [...rounds].sort((a, b) => a.position - b.position);
  const round = (roundId ? sorted.find((r) => r.id === roundId) : undefined) ?? sorted.at(-1);
  if (!round || tableNo === null) return { round: round ?? null, names: [] as string[] };
  const names = Object.entries(round.seats)
    .filter(([, no]) => no === tableNo)
    .map(([id]) => participants[id]?.displayName)
    .filter((n): n is string => Boolean(n))
    .sort((a, b) => a.localeCompare(b));
  return { round, names };
}

/** How many commands wait on this laptop, and whether it reaches the hub: always in sight. */
function SendState() {
  const { t } = useTranslation();
  const waiting = useConnection((s) => s.waiting);
  const status = useConnection((s) => s.status);
  const online = status === 'open';
  return (
    <div className={`send-state ${waiting > 0 ? 'send-waiting' : 'send-clear'} ${online ? 'send-online' : 'send-offline'}`} data-waiting={waiting}>
      <p className="send-count" role="status" aria-live="polite">
        {waiting > 0 ? t('table.waiting', { count: waiting }) : t('table.allSent')}
      </p>
      {!online && <p className="send-offline-text">{t('notes.offlineExplain')}</p>}
    </div>
  );
}

function Members({ tableNo }: { tableNo: number | null }) {
  const { t } = useTranslation();
  const participants = useTopic('participants');
  const rounds = Object.values(useTopic('seatingRounds'));
  const clock = useTopic('clock').clock;
  const items = useTopic('agendaItems');
  const roundId = clock?.itemId ? (items[clock.itemId]?.seatingRoundId ?? null) : null;
  const { round, names } = seatedAt(rounds, participants, tableNo, roundId);
  return (
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
  );
}

/** A table secretary's screen: notes first (keyboard, offline-proof), then questions, materials, people, end of day. */
export function Table({ onEndOfDay }: { onEndOfDay: () => void }) {
  const { t } = useTranslation();
  const principal = useConnection((s) => s.principal);
  const basics = useTopic('panel').panel;
  const tableNo = principal?.tableNo ?? null;
  const outbox = useOutboxView();
  const showDraft = useTableShowsDraft();

  useEffect(() => {
    if (principal) rememberTable(principal);
  }, [principal]);

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
      <main id="main" tabIndex={-1} className="page table-screen">
        <div className="table-top">
          <h1>{t('table.title', { n: tableNo ?? '?' })}</h1>
          <SendState />
        </div>
        <ProjectedBanner />
        <TableTally />
        <TableTabs />
        {showDraft && <TableStatement />}
        <div hidden={showDraft}>
        {tableNo !== null && <NoteEntry tableNo={tableNo} />}
        <div className="table-columns">
          <div className="table-main-col">{tableNo !== null && <NoteList tableNo={tableNo} outbox={outbox} />}</div>
          <div className="table-side-col">
            {tableNo !== null && <Questions tableNo={tableNo} outbox={outbox} />}
            <section aria-labelledby="materials-heading" className="panel-section">
              <h2 id="materials-heading">{t('notes.materialsTitle')}</h2>
              <MaterialList />
            </section>
            <Members tableNo={tableNo} />
            <EndOfDay onEndOfDay={onEndOfDay} />
          </div>
        </div>
        </div>
      </main>
    </>
  );
}

import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant, SeatingRound } from '../../../shared/participants.js';
import { useTopic } from '../../stores/topics.js';
import './findYourTable.css';

/** How many names fit one screen; more names turn pages every PAGE_MS. */
const PER_PAGE = 48;
const PAGE_MS = 12_000;

/** The round the facilitator put on the projector, or null. */
export function useShownSeating(): SeatingRound | null {
  const roundId = useTopic('seatingShown').shown?.roundId ?? null;
  const rounds = useTopic('seatingRounds');
  return roundId ? (rounds[roundId] ?? null) : null;
}

/**
 * "Find your table" on the projector: every display name in alphabetical order with its table
 * number, large, in columns; a long list turns pages by itself.
 */
export function FindYourTable({ round, children }: { round: SeatingRound; children?: ReactNode }) {
  const { t } = useTranslation();
  const participants = useTopic('participants');
  const tables = useTopic('tables');
  const rows = Object.entries(round.seats)
    .map(([id, no]) => ({ p: participants[id], no }))
    .filter((r): r is { p: Participant; no: number } => Boolean(r.p) && !['declined', 'droppedOut', 'replaced'].includes(r.p!.status))
    .sort((a, b) => a.p.displayName.localeCompare(b.p.displayName, 'fi'));
  const pages = Math.max(1, Math.ceil(rows.length / PER_PAGE));
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), PAGE_MS);
    return () => clearInterval(timer);
  }, [pages]);
  const shown = rows.slice((page % pages) * PER_PAGE, (page % pages + 1) * PER_PAGE);
  const sv = Object.values(tables).filter((x) => x.language !== 'fi');

  return (
    <main id="main" className="projector find-table">
      <div className="find-head">
        <h1>{t('seating.find.title')}</h1>
        <p className="find-round">{round.name}</p>
      </div>
      {rows.length === 0 ? (
        <p className="find-empty">{t('seating.find.empty')}</p>
      ) : (
        <ol className="find-list" aria-label={t('seating.find.listLabel', { round: round.name })}>
          {shown.map(({ p, no }) => (
            <li key={p.id}>
              <span className="find-name">{p.displayName}</span>
              <span className="find-no" aria-label={t('seating.tableN', { no })}>
                {no}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p className="find-foot">
        {pages > 1 && <span>{t('seating.find.page', { page: (page % pages) + 1, pages })}</span>}
        {sv.map((x) => (
          <span key={x.no}>{t('seating.find.languageTable', { no: x.no, language: t(`languages.${x.language}`) })}</span>
        ))}
      </p>
      {children}
    </main>
  );
}

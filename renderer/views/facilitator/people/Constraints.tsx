import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languagePolicy } from '../../../../shared/seating.js';
import type { Participant, ParticipantRoster, PanelTable, SeatingSettings } from '../../../../shared/participants.js';
import { useCommand } from '../../../components/useCommand.js';
import { useErrorText } from '../../../components/errorText.js';

/** Pins, pairs kept apart, who needs the accessible table, and what the language tables can take. */
export function Constraints({
  people,
  tables,
  settings,
  roster,
  isHost,
}: {
  people: Participant[];
  tables: PanelTable[];
  settings: SeatingSettings | undefined;
  roster: Record<string, ParticipantRoster>;
  isHost: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const base = useId();
  const { run, error } = useCommand();
  const [pin, setPin] = useState({ person: '', round: '', table: '' });
  const [apart, setApart] = useState({ a: '', b: '' });
  const [access, setAccess] = useState('');
  const name = (id: string) => people.find((p) => p.id === id)?.displayName ?? '?';
  const rounds = settings?.rounds ?? 2;
  const needing = Object.values(roster).filter((r) => r.needsAccessibleTable);
  const policy = languagePolicy({ people: people.map((p) => ({ id: p.id, features: {}, language: p.language })), tables: tables.map((x) => ({ no: x.no, capacity: x.capacity, language: x.language })) });
  const personOptions = (
    <>
      <option value="">{t('seating.constraints.choosePerson')}</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.displayName}
        </option>
      ))}
    </>
  );

  return (
    <section className="panel-section seating-constraints" aria-labelledby={`${base}-h`}>
      <h2 id={`${base}-h`}>{t('seating.constraints.title')}</h2>
      {error !== null && (
        <p className="alert alert-error" role="alert">
          {errorText(error)}
        </p>
      )}
      <div className="constraint-grid">
        <div>
          <h3>{t('seating.constraints.pins')}</h3>
          <ul className="constraint-list">
            {(settings?.pins ?? []).map((p) => (
              <li key={`${p.personId}-${p.round}`}>
                {t('seating.constraints.pinText', { name: name(p.personId), table: p.tableNo, round: p.round === null ? t('seating.constraints.everyRound') : p.round + 1 })}{' '}
                <button type="button" className="small" onClick={() => void run('seating.pin', { participantId: p.personId, round: p.round, tableNo: null })} aria-label={t('seating.constraints.unpinNamed', { name: name(p.personId) })}>
                  {t('seating.constraints.remove')}
                </button>
              </li>
            ))}
          </ul>
          <form
            className="constraint-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!pin.person || !pin.table) return;
              void run('seating.pin', { participantId: pin.person, round: pin.round === '' ? null : Number(pin.round), tableNo: Number(pin.table) });
              setPin({ person: '', round: '', table: '' });
            }}
          >
            <select aria-label={t('seating.constraints.person')} value={pin.person} onChange={(e) => setPin({ ...pin, person: e.target.value })}>
              {personOptions}
            </select>
            <select aria-label={t('seating.constraints.round')} value={pin.round} onChange={(e) => setPin({ ...pin, round: e.target.value })}>
              <option value="">{t('seating.constraints.everyRound')}</option>
              {Array.from({ length: rounds }, (_, i) => (
                <option key={i} value={i}>
                  {t('seating.constraints.roundN', { n: i + 1 })}
                </option>
              ))}
            </select>
            <select aria-label={t('seating.constraints.table')} value={pin.table} onChange={(e) => setPin({ ...pin, table: e.target.value })}>
              <option value="">{t('seating.constraints.chooseTable')}</option>
              {tables.map((x) => (
                <option key={x.no} value={x.no}>
                  {t('seating.tableN', { no: x.no })}
                </option>
              ))}
            </select>
            <button type="submit">{t('seating.constraints.addPin')}</button>
          </form>
        </div>
        <div>
          <h3>{t('seating.constraints.apart')}</h3>
          <ul className="constraint-list">
            {(settings?.keepApart ?? []).map(([a, b]) => (
              <li key={`${a}-${b}`}>
                {t('seating.constraints.apartText', { a: name(a), b: name(b) })}{' '}
                <button type="button" className="small" onClick={() => void run('seating.keepApart', { a, b, apart: false })} aria-label={t('seating.constraints.removeApart', { a: name(a), b: name(b) })}>
                  {t('seating.constraints.remove')}
                </button>
              </li>
            ))}
          </ul>
          <form
            className="constraint-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!apart.a || !apart.b || apart.a === apart.b) return;
              void run('seating.keepApart', { a: apart.a, b: apart.b, apart: true });
              setApart({ a: '', b: '' });
            }}
          >
            <select aria-label={t('seating.constraints.personA')} value={apart.a} onChange={(e) => setApart({ ...apart, a: e.target.value })}>
              {personOptions}
            </select>
            <select aria-label={t('seating.constraints.personB')} value={apart.b} onChange={(e) => setApart({ ...apart, b: e.target.value })}>
              {personOptions}
            </select>
            <button type="submit">{t('seating.constraints.addApart')}</button>
          </form>
        </div>
        <div>
          <h3>{t('seating.constraints.accessible')}</h3>
          <p className="hint">{tables.some((x) => x.accessible) ? t('seating.constraints.accessibleTables', { tables: tables.filter((x) => x.accessible).map((x) => x.no).join(', ') }) : t('seating.constraints.noAccessibleTable')}</p>
          <ul className="constraint-list">
            {needing.map((r) => (
              <li key={r.participantId}>
                {name(r.participantId)}{' '}
                {isHost && (
                  <button type="button" className="small" onClick={() => void run('seating.needsAccessible', { participantId: r.participantId, needs: false })} aria-label={t('seating.constraints.removeAccessible', { name: name(r.participantId) })}>
                    {t('seating.constraints.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {isHost && (
            <form
              className="constraint-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (!access) return;
                void run('seating.needsAccessible', { participantId: access, needs: true });
                setAccess('');
              }}
            >
              <select aria-label={t('seating.constraints.person')} value={access} onChange={(e) => setAccess(e.target.value)}>
                {personOptions}
              </select>
              <button type="submit">{t('seating.constraints.addAccessible')}</button>
            </form>
          )}
          <h3>{t('seating.constraints.languages')}</h3>
          <ul className="constraint-list">
            {[...policy].map(([lang, p]) => (
              <li key={lang}>
                {t('seating.constraints.languageText', { language: t(`languages.${lang}`), speakers: p.speakers, seats: p.seats })}{' '}
                {!p.hard && <span className="badge badge-warn">{t('seating.constraints.languageFull')}</span>}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

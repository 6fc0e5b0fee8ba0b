import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionStatus } from '../../components/ConnectionStatus.js';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.js';
import { formatDate } from '../../components/RelativeTime.js';
import { RejectedCommands } from '../../components/RejectedCommands.js';
import { SkipLink } from '../../components/SkipLink.js';
import { useErrorText } from '../../components/errorText.js';
import { hub } from '../../hub/client.js';
import { useConnection } from '../../stores/connection.js';
import { useTopic, useTopicList } from '../../stores/topics.js';
import type { Participant } from '../../../shared/participants.js';
import { defaultDay, expected, presentOn, search } from './model.js';
import './checkin.css';

type Notice = { kind: 'done' | 'already' | 'undone' | 'error'; text: string; participantId: string | null };

function timeOf(iso: string, lng: string): string {
  return new Date(iso).toLocaleTimeString(lng, { hour: '2-digit', minute: '2-digit' });
}

/**
 * The check-in desk (the door's paired laptop, or the facilitator's own window): the search box
 * has the focus; two letters and Enter mark the highlighted person present for the day; arrows
 * move the highlight. A live count, who is still missing, and undo. A desk that loses the network
 * keeps marking: the marks wait in its outbox and land once when it is back.
 */
export function Checkin() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const ids = { search: useId(), list: useId(), day: useId(), help: useId() };
  const principal = useConnection((s) => s.principal);
  const waiting = useConnection((s) => s.waiting);
  const basics = useTopic('panel').panel;
  const days = useTopicList('agendaDays');
  const items = useTopic('agendaItems');
  const clock = useTopic('clock').clock;
  const all = useTopicList('participants');
  const personal = useTopic('participantPersonal');
  const attendance = useTopicList('attendance');
  const [dayChoice, setDayChoice] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [sending, setSending] = useState<Set<string>>(new Set());
  const [undoing, setUndoing] = useState<Set<string>>(new Set());
  const input = useRef<HTMLInputElement>(null);

  const day = (dayChoice ? days.find((d) => d.id === dayChoice) : undefined) ?? defaultDay(days, clock, items, new Date());
  const people = useMemo(() => expected(all), [all]);
  const present = presentOn(attendance, day?.id ?? null);
  // Marks taken back but not yet answered by the hub (or waiting in the outbox) show as taken back.
  for (const id of undoing) present.delete(id);
  const matches = useMemo(() => (query.trim() ? search(people, personal, query) : []), [people, personal, query]);
  const missing = people.filter((p) => !present.has(p.id) && !sending.has(p.id));
  const presentCount = people.filter((p) => present.has(p.id) || sending.has(p.id)).length;
  const current = matches[Math.min(highlight, matches.length - 1)];

  // Focus on load, and again once the day is known (the box is disabled until then).
  useEffect(() => {
    input.current?.focus();
  }, [day?.id]);
  useEffect(() => setHighlight(0), [query]);

  async function mark(p: Participant) {
    if (!day) return;
    const already = present.get(p.id);
    setQuery('');
    input.current?.focus();
    if (already) {
      setNotice({ kind: 'already', text: t('checkin.already', { name: p.displayName, time: timeOf(already.presentAt, i18n.language) }), participantId: p.id });
      return;
    }
    setSending((s) => new Set(s).add(p.id));
    setNotice({ kind: 'done', text: t('checkin.marked', { name: p.displayName, time: timeOf(new Date().toISOString(), i18n.language) }), participantId: p.id });
    try {
      const result = await hub.send('checkin.mark', { dayId: day.id, participantId: p.id, at: new Date().toISOString() });
      if (result.already) {
        setNotice({ kind: 'already', text: t('checkin.already', { name: p.displayName, time: timeOf(result.presentAt, i18n.language) }), participantId: p.id });
      }
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error), participantId: null });
    } finally {
      setSending((s) => {
        const next = new Set(s);
        next.delete(p.id);
        return next;
      });
    }
  }

  async function undo(participantId: string) {
    if (!day) return;
    const p = all.find((x) => x.id === participantId);
    setNotice({ kind: 'undone', text: t('checkin.undone', { name: p?.displayName ?? '' }), participantId: null });
    input.current?.focus();
    setUndoing((s) => new Set(s).add(participantId));
    try {
      await hub.send('checkin.undo', { dayId: day.id, participantId });
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error), participantId: null });
    } finally {
      setUndoing((s) => {
        const next = new Set(s);
        next.delete(participantId);
        return next;
      });
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' && matches.length > 0) {
      e.preventDefault();
      setHighlight((h) => Math.min(matches.length - 1, h + 1));
    } else if (e.key === 'ArrowUp' && matches.length > 0) {
      e.preventDefault();
      setHighlight((h) => Math.max(0, h - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (current) void mark(current);
    } else if (e.key === 'Escape') {
      setQuery('');
    }
  }

  const optionId = (p: Participant) => `${ids.list}-${p.id}`;
  const isHost = principal?.role === 'facilitator';

  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="app-header-top">
          <p className="brand-block">
            <span className="brand">{t('app.name')}</span>
            <span className="panel-name">{basics?.name ?? ''}</span>
            {principal && <span className="role-badge">{principal.role === 'checkin' ? principal.deviceName : t(`roles.${principal.role}`)}</span>}
          </p>
          <div className="header-tools">
            <ConnectionStatus />
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <RejectedCommands />
      <main id="main" tabIndex={-1} className="page page-wide checkin-desk">
        <div className="checkin-top">
          <h1>{t('checkin.title')}</h1>
          <p className="checkin-count" role="status" aria-live="polite" data-present={presentCount} data-total={people.length}>
            <span className="checkin-count-number">{t('checkin.countNumbers', { present: presentCount, total: people.length })}</span>{' '}
            <span className="checkin-count-label">{t('checkin.arrived', { count: presentCount })}</span>
          </p>
        </div>
        {days.length > 1 ? (
          <div className="field checkin-day">
            <label htmlFor={ids.day}>{t('checkin.day')}</label>
            <select id={ids.day} value={day?.id ?? ''} onChange={(e) => setDayChoice(e.target.value)}>
              {[...days]
                .sort((a, b) => a.date.localeCompare(b.date))
                .map((d) => (
                  <option key={d.id} value={d.id}>
                    {formatDate(d.date, i18n.language)}
                    {d.title ? ` – ${d.title}` : ''}
                  </option>
                ))}
            </select>
          </div>
        ) : (
          day && <p className="muted">{t('checkin.dayIs', { date: formatDate(day.date, i18n.language) })}</p>
        )}
        {!day && <p className="alert alert-info">{t('checkin.noDays')}</p>}
        {waiting > 0 && (
          <p className="alert alert-info checkin-waiting" role="status">
            {t('checkin.waiting', { count: waiting })}
          </p>
        )}

        <div className="checkin-search">
          <label htmlFor={ids.search} className="checkin-search-label">
            {isHost ? t('checkin.searchHost') : t('checkin.search')}
          </label>
          <p className="hint" id={ids.help}>
            {t('checkin.help')}
          </p>
          <input
            ref={input}
            id={ids.search}
            type="text"
            role="combobox"
            aria-expanded={matches.length > 0}
            aria-controls={ids.list}
            aria-autocomplete="list"
            aria-activedescendant={current ? optionId(current) : undefined}
            aria-describedby={ids.help}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onKeyDown}
            autoComplete="off"
            spellCheck={false}
            disabled={!day}
          />
          <ul id={ids.list} role="listbox" aria-label={t('checkin.matchesLabel')} className="checkin-matches" hidden={matches.length === 0}>
            {matches.slice(0, 12).map((p, i) => {
              const at = present.get(p.id);
              const full = personal[p.id]?.fullName;
              return (
                <li
                  key={p.id}
                  id={optionId(p)}
                  role="option"
                  aria-selected={i === highlight}
                  className={`${i === highlight ? 'highlight' : ''} ${at ? 'present' : ''}`}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => void mark(p)}
                >
                  <span className="checkin-name">{p.displayName}</span>
                  {full && full !== p.displayName && <span className="checkin-full">{full}</span>}
                  <span className={`badge ${at ? 'badge-ok' : ''}`}>{at ? t('checkin.presentAt', { time: timeOf(at.presentAt, i18n.language) }) : t('checkin.notYet')}</span>
                </li>
              );
            })}
          </ul>
          <p className={query.trim() && matches.length === 0 ? 'empty' : 'sr-only'} role="status" aria-live="polite">
            {query.trim() ? (matches.length ? t('checkin.matches', { count: matches.length }) : t('checkin.noMatch')) : ''}
          </p>
        </div>

        <div className={`checkin-notice checkin-notice-${notice?.kind ?? 'none'}`} role="status" aria-live="assertive">
          {notice && (
            <>
              <span>{notice.text}</span>
              {notice.kind === 'done' && notice.participantId && (
                <button type="button" className="small" onClick={() => void undo(notice.participantId!)}>
                  {t('checkin.undo')}
                </button>
              )}
            </>
          )}
        </div>

        <div className="checkin-columns">
          <section aria-labelledby="checkin-missing" className="panel-section">
            <h2 id="checkin-missing">{t('checkin.missingTitle', { count: missing.length })}</h2>
            {people.length === 0 ? (
              <p className="empty">{t('checkin.empty')}</p>
            ) : missing.length === 0 ? (
              <p className="empty">{t('checkin.allHere')}</p>
            ) : (
              <ul className="checkin-list">
                {missing.map((p) => (
                  <li key={p.id}>
                    <span className="checkin-name">{p.displayName}</span>
                    <button type="button" className="small" onClick={() => void mark(p)} aria-label={t('checkin.markNamed', { name: p.displayName })}>
                      {t('checkin.mark')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="checkin-arrived" className="panel-section">
            <h2 id="checkin-arrived">{t('checkin.arrivedTitle', { count: presentCount })}</h2>
            <ul className="checkin-list checkin-arrived">
              {people
                .filter((p) => present.has(p.id))
                .sort((a, b) => present.get(b.id)!.presentAt.localeCompare(present.get(a.id)!.presentAt))
                .map((p) => (
                  <li key={p.id} className="present">
                    <span className="checkin-name">{p.displayName}</span>
                    <span className="checkin-time">{timeOf(present.get(p.id)!.presentAt, i18n.language)}</span>
                    <button type="button" className="small" onClick={() => void undo(p.id)} aria-label={t('checkin.undoNamed', { name: p.displayName })}>
                      {t('checkin.undo')}
                    </button>
                  </li>
                ))}
            </ul>
          </section>
        </div>
      </main>
    </>
  );
}

import { Fragment, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_STATUSES } from '../../../../shared/participants.js';
import { ConfirmDialog } from '../../../components/ConfirmDialog.js';
import { formatDate } from '../../../components/RelativeTime.js';
import { href } from '../../../components/route.js';
import { useCommand } from '../../../components/useCommand.js';
import { useErrorText } from '../../../components/errorText.js';
import { useTopic, useTopicList } from '../../../stores/topics.js';
import { defaultDay, expected, presentOn } from '../../checkin/model.js';
import { ImportCsv } from './ImportCsv.js';
import { EMPTY_FILTER, featureLabel, filterRows, type Filter, type Row } from './model.js';
import { PersonalData } from './PersonalData.js';
import { PersonForm } from './PersonForm.js';
import './people.css';

/**
 * The roster (#/people): everyone with status, language, presence today, consent and
 * compensation; filters; add, edit, import from CSV; one person's data; purge after the panel.
 * Names and contacts appear only in the host's own windows (a co-facilitator sees display names).
 */
export function Roster({ isHost }: { isHost: boolean }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const base = useId();
  const participants = useTopicList('participants');
  const personal = useTopic('participantPersonal');
  const roster = useTopic('participantRoster');
  const background = useTopic('participantBackground');
  const features = useTopicList('features', 'position');
  const attendance = useTopicList('attendance');
  const days = useTopicList('agendaDays');
  const items = useTopic('agendaItems');
  const clock = useTopic('clock').clock;
  const [filter, setFilter] = useState<Filter>(EMPTY_FILTER);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const { run, error } = useCommand();

  const day = defaultDay(days, clock, items, new Date());
  const present = presentOn(attendance, day?.id ?? null);
  const rows: Row[] = useMemo(
    () =>
      [...participants]
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fi'))
        .map((p) => ({ p, personal: personal[p.id], roster: roster[p.id], features: background[p.id]?.features ?? {}, presentAt: present.get(p.id)?.presentAt ?? null })),
    [participants, personal, roster, background, present],
  );
  const shown = filterRows(rows, filter);
  const coming = expected(participants);
  const presentCount = coming.filter((p) => present.has(p.id)).length;
  const byStatus = Object.fromEntries(PARTICIPANT_STATUSES.map((s) => [s, participants.filter((p) => p.status === s).length]));
  const editRow = editing && editing !== 'new' ? rows.find((r) => r.p.id === editing) ?? null : null;
  const nameOf = (id: string | null | undefined) => (id ? participants.find((p) => p.id === id)?.displayName ?? '' : '');

  return (
    <div className="people">
      <div className="people-head">
        <h1>{t('roster.title')}</h1>
        <p className="people-present" role="status" aria-live="polite" data-present={presentCount}>
          {day ? t('roster.presentToday', { present: presentCount, total: coming.length, date: formatDate(day.date, i18n.language) }) : ''}{' '}
          <a href={href('checkin')}>{t('roster.openCheckin')}</a>
        </p>
      </div>
      <p className="lead">{t('roster.lead')}</p>
      <ul className="status-counts" aria-label={t('roster.statusCounts')}>
        {PARTICIPANT_STATUSES.map((s) => (
          <li key={s}>
            <span className="count">{byStatus[s]}</span> {t(`roster.status.${s}`)}
          </li>
        ))}
      </ul>

      {isHost && (
        <div className="actions">
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('roster.addPerson')}
          </button>
          <button type="button" onClick={() => setImporting((v) => !v)} aria-expanded={importing}>
            {t('roster.importCsv')}
          </button>
          <a className="button-link" href={href('seating')}>
            {t('roster.toSeating')}
          </a>
        </div>
      )}
      {importing && isHost && (
        <ImportCsv
          features={features}
          existingNames={participants.map((p) => p.displayName)}
          existingEmails={Object.values(personal).map((p) => p.email)}
          onDone={() => setImporting(false)}
        />
      )}
      {editing && isHost && (
        <PersonForm key={editing} row={editRow} features={features} everyone={participants} onDone={() => setEditing(null)} onRemove={(id) => setRemoving(id)} />
      )}

      <form className="people-filters" role="search" aria-label={t('roster.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={`${base}-q`}>{t('roster.filter.text')}</label>
          <input id={`${base}-q`} type="search" value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${base}-s`}>{t('roster.filter.status')}</label>
          <select id={`${base}-s`} value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value as Filter['status'] })}>
            <option value="">{t('roster.filter.any')}</option>
            {PARTICIPANT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`roster.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${base}-l`}>{t('roster.filter.language')}</label>
          <select id={`${base}-l`} value={filter.language} onChange={(e) => setFilter({ ...filter, language: e.target.value as Filter['language'] })}>
            <option value="">{t('roster.filter.any')}</option>
            {(['fi', 'sv', 'en'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`languages.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${base}-f`}>{t('roster.filter.flag')}</label>
          <select id={`${base}-f`} value={filter.flag} onChange={(e) => setFilter({ ...filter, flag: e.target.value as Filter['flag'] })}>
            <option value="">{t('roster.filter.any')}</option>
            {(['present', 'absent', 'needs', 'noConsent', 'unpaid'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`roster.filter.flags.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p className="sr-only" role="status" aria-live="polite">
        {t('roster.shown', { count: shown.length, total: rows.length })}
      </p>
      {error !== null && (
        <p className="alert alert-error" role="alert">
          {errorText(error)}
        </p>
      )}

      {rows.length === 0 ? (
        <p className="empty">{t('roster.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table people-table">
            <caption className="sr-only">{t('roster.caption', { count: shown.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roster.col.name')}</th>
                <th scope="col">{t('roster.col.status')}</th>
                <th scope="col">{t('roster.col.language')}</th>
                <th scope="col">{t('roster.col.present')}</th>
                {isHost && <th scope="col">{t('roster.col.contact')}</th>}
                {isHost && <th scope="col">{t('roster.col.needs')}</th>}
                {isHost && <th scope="col">{t('roster.col.consent')}</th>}
                {isHost && <th scope="col">{t('roster.col.paid')}</th>}
                {isHost && <th scope="col">{t('roster.col.background')}</th>}
                {isHost && (
                  <th scope="col" className="row-actions">
                    {t('common.actions')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.p.id} className={['declined', 'droppedOut', 'replaced'].includes(r.p.status) ? 'inactive' : undefined}>
                  <th scope="row">
                    <span className="person-name">{r.p.displayName}</span>
                    {r.personal?.fullName && <span className="person-full">{r.personal.fullName}</span>}
                  </th>
                  <td>
                    {t(`roster.status.${r.p.status}`)}
                    {r.p.status === 'replaced' && r.roster?.replacedBy && <span className="person-full">{t('roster.replacedBy', { name: nameOf(r.roster.replacedBy) })}</span>}
                  </td>
                  <td>{r.p.language}</td>
                  <td>{r.presentAt ? <span className="badge badge-ok">{new Date(r.presentAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })}</span> : '–'}</td>
                  {isHost && (
                    <td className="person-contact">
                      {r.personal?.email && <span>{breakableEmail(r.personal.email)}</span>}
                      {r.personal?.phone && <span className="person-phone">{r.personal.phone}</span>}
                    </td>
                  )}
                  {isHost && (
                    <td className="person-needs">
                      {r.roster?.needsAccessibleTable && <span className="badge">{t('roster.accessibleTable')}</span>}
                      {r.personal?.accessibilityNeeds && <span>{r.personal.accessibilityNeeds}</span>}
                      {r.personal?.dietaryNeeds && <span>{r.personal.dietaryNeeds}</span>}
                    </td>
                  )}
                  {isHost && (
                    <td>{r.roster?.consentAt ? `${formatDate(r.roster.consentAt, i18n.language)}${r.roster.privacyNoticeVersion ? ` (${r.roster.privacyNoticeVersion})` : ''}` : <span className="badge badge-warn">{t('roster.noConsent')}</span>}</td>
                  )}
                  {isHost && <td>{r.roster?.compensationPaid ? t('roster.yes') : t('roster.no')}</td>}
                  {isHost && (
                    <td className="person-background">
                      {features
                        .map((f) => featureLabel(features, f.key, r.features[f.key]))
                        .filter(Boolean)
                        .map((label, i) => (
                          <Fragment key={i}>
                            {i > 0 && '\u00a0· '}
                            <span className="person-feature">{label}</span>
                          </Fragment>
                        ))}
                    </td>
                  )}
                  {isHost && (
                    <td className="row-actions">
                      <button type="button" className="small" onClick={() => setEditing(r.p.id)} aria-label={t('roster.editNamed', { name: r.p.displayName })}>
                        {t('roster.edit')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PersonalData isHost={isHost} />
      <ConfirmDialog
        open={removing !== null}
        title={t('roster.removeTitle')}
        message={t('roster.removeMessage', { name: nameOf(removing) })}
        confirmLabel={t('roster.remove')}
        danger
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const id = removing;
          setRemoving(null);
          setEditing(null);
          if (id) void run('roster.remove', { participantId: id });
        }}
      />
    </div>
  );
}

/** An address may break before its @ in a narrow column, never in the middle of a name. */
function breakableEmail(email: string) {
  const at = email.indexOf('@');
  if (at <= 0) return email;
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  );
}

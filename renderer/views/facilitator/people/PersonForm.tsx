import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPANT_STATUSES, type BackgroundFeature, type Participant } from '../../../../shared/participants.js';
import { useCommand } from '../../../components/useCommand.js';
import { useErrorText } from '../../../components/errorText.js';
import { changes, draftOf, type Draft, type Row } from './model.js';

/** Adds a person or edits one: the shared fields, then (host only) names, contacts, needs, consent, compensation, background. */
export function PersonForm({
  row,
  features,
  everyone,
  onDone,
  onRemove,
}: {
  row: Row | null;
  features: BackgroundFeature[];
  everyone: Participant[];
  onDone: (id: string | null) => void;
  onRemove: (id: string) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { run, busy, error } = useCommand();
  const [draft, setDraft] = useState<Draft>(() => draftOf(row));
  const base = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const id = (name: string) => `${base}-${name}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (row) {
      const diff = changes(draftOf(row), draft);
      if (Object.keys(diff).length === 0) return onDone(row.p.id);
      const ok = await run('roster.update', { participantId: row.p.id, ...diff });
      if (ok !== undefined) onDone(row.p.id);
    } else {
      const features = Object.fromEntries(Object.entries(draft.features).filter(([, v]) => v));
      const result = await run('roster.add', { ...draft, features });
      if (result) onDone(result.id);
    }
  }

  const text = (name: keyof Draft, label: string, type = 'text', autoComplete = 'off') => (
    <div className="field">
      <label htmlFor={id(name)}>{label}</label>
      <input id={id(name)} type={type} value={String(draft[name] ?? '')} autoComplete={autoComplete} onChange={(e) => set(name, e.target.value as never)} />
    </div>
  );

  return (
    <form className="card person-form" onSubmit={(e) => void submit(e)} aria-labelledby={id('title')}>
      <h2 id={id('title')} tabIndex={-1} ref={heading}>
        {row ? t('roster.editTitle', { name: row.p.displayName }) : t('roster.addTitle')}
      </h2>
      <div className="two-columns">
        <div>
          <div className="field">
            <label htmlFor={id('displayName')}>{t('roster.field.displayName')}</label>
            <p className="hint" id={id('displayNameHint')}>
              {t('roster.field.displayNameHint')}
            </p>
            <input id={id('displayName')} required maxLength={80} value={draft.displayName} aria-describedby={id('displayNameHint')} onChange={(e) => set('displayName', e.target.value)} />
          </div>
          {text('fullName', t('roster.field.fullName'))}
          <div className="two-columns tight">
            <div className="field">
              <label htmlFor={id('status')}>{t('roster.field.status')}</label>
              <select id={id('status')} value={draft.status} onChange={(e) => set('status', e.target.value as Draft['status'])}>
                {PARTICIPANT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`roster.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={id('language')}>{t('roster.field.language')}</label>
              <select id={id('language')} value={draft.language} onChange={(e) => set('language', e.target.value as Draft['language'])}>
                {(['fi', 'sv', 'en'] as const).map((l) => (
                  <option key={l} value={l}>
                    {t(`languages.${l}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {draft.status === 'replaced' && (
            <div className="field">
              <label htmlFor={id('replacedBy')}>{t('roster.field.replacedBy')}</label>
              <select id={id('replacedBy')} value={draft.replacedBy ?? ''} onChange={(e) => set('replacedBy', e.target.value || null)}>
                <option value="">{t('common.notSet')}</option>
                {everyone
                  .filter((p) => p.id !== row?.p.id)
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.displayName}
                    </option>
                  ))}
              </select>
            </div>
          )}
          {text('email', t('roster.field.email'), 'email')}
          {text('phone', t('roster.field.phone'), 'tel')}
          {text('address', t('roster.field.address'))}
          {text('postcode', t('roster.field.postcode'))}
        </div>
        <div>
          <div className="field">
            <label htmlFor={id('accessibilityNeeds')}>{t('roster.field.accessibilityNeeds')}</label>
            <textarea id={id('accessibilityNeeds')} rows={2} value={draft.accessibilityNeeds} onChange={(e) => set('accessibilityNeeds', e.target.value)} />
          </div>
          <label className="check">
            <input type="checkbox" checked={draft.needsAccessibleTable} onChange={(e) => set('needsAccessibleTable', e.target.checked)} />
            {t('roster.field.needsAccessibleTable')}
          </label>
          <div className="field">
            <label htmlFor={id('dietaryNeeds')}>{t('roster.field.dietaryNeeds')}</label>
            <textarea id={id('dietaryNeeds')} rows={2} value={draft.dietaryNeeds} onChange={(e) => set('dietaryNeeds', e.target.value)} />
          </div>
          <fieldset className="field">
            <legend>{t('roster.field.consent')}</legend>
            <div className="two-columns tight">
              <div className="field">
                <label htmlFor={id('consentAt')}>{t('roster.field.consentAt')}</label>
                <input id={id('consentAt')} type="date" value={draft.consentAt ?? ''} onChange={(e) => set('consentAt', e.target.value || null)} />
              </div>
              {text('privacyNoticeVersion', t('roster.field.privacyNoticeVersion'))}
            </div>
          </fieldset>
          <label className="check">
            <input type="checkbox" checked={draft.compensationPaid} onChange={(e) => set('compensationPaid', e.target.checked)} />
            {t('roster.field.compensationPaid')}
          </label>
          {features.length > 0 && (
            <fieldset className="field">
              <legend>{t('roster.field.background')}</legend>
              <div className="two-columns tight">
                {features.map((f) => (
                  <div className="field" key={f.key}>
                    <label htmlFor={id(`f-${f.key}`)}>{f.label}</label>
                    <select id={id(`f-${f.key}`)} value={draft.features[f.key] ?? ''} onChange={(e) => set('features', { ...draft.features, [f.key]: e.target.value })}>
                      <option value="">{t('common.notSet')}</option>
                      {f.values.map((v) => (
                        <option key={v.value} value={v.value}>
                          {v.label}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </div>
            </fieldset>
          )}
        </div>
      </div>
      {error !== null && (
        <p className="alert alert-error" role="alert">
          {errorText(error)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {row ? t('common.save') : t('roster.add')}
        </button>
        <button type="button" onClick={() => onDone(row?.p.id ?? null)}>
          {t('common.cancel')}
        </button>
        {row && (
          <span className="person-form-extra">
            <a href={`/api/roster/person/${encodeURIComponent(row.p.id)}.json`} download>
              {t('roster.exportPersonNamed', { name: row.p.displayName })}
            </a>
            <button type="button" className="danger" onClick={() => onRemove(row.p.id)}>
              {t('roster.removeNamed', { name: row.p.displayName })}
            </button>
          </span>
        )}
      </div>
    </form>
  );
}

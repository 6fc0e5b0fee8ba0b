import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PANEL_LANGUAGES, PanelBasicsSchema, type PanelBasics, type PanelLanguage } from '../../../shared/panel.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Field } from '../../components/Field.js';
import { useCommand } from '../../components/useCommand.js';
import { useTopic } from '../../stores/topics.js';

/** What the form edits: the basics with municipalities as typed text and dates as '' when unset. */
interface Draft {
  name: string;
  mandate: string;
  organiser: string;
  area: string;
  municipalities: string;
  languages: PanelLanguage[];
  startsOn: string;
  endsOn: string;
  venue: string;
  recordNumber: string;
}

type FieldName = keyof Draft;

function toDraft(basics: PanelBasics): Draft {
  return {
    ...basics,
    municipalities: basics.municipalities.join('\n'),
    startsOn: basics.startsOn ?? '',
    endsOn: basics.endsOn ?? '',
  };
}

export function splitMunicipalities(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function fromDraft(draft: Draft): PanelBasics {
  return {
    name: draft.name.trim(),
    mandate: draft.mandate.trim(),
    organiser: draft.organiser.trim(),
    area: draft.area.trim(),
    municipalities: splitMunicipalities(draft.municipalities),
    languages: PANEL_LANGUAGES.filter((l) => draft.languages.includes(l)),
    startsOn: draft.startsOn || null,
    endsOn: draft.endsOn || null,
    venue: draft.venue.trim(),
    recordNumber: draft.recordNumber.trim(),
  };
}

function changedFields(before: PanelBasics, after: PanelBasics): Partial<PanelBasics> {
  const changed: Partial<PanelBasics> = {};
  for (const key of Object.keys(after) as (keyof PanelBasics)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      (changed as Record<string, unknown>)[key] = after[key];
    }
  }
  return changed;
}

const MAX: Partial<Record<FieldName, number>> = {
  name: 200,
  mandate: 4000,
  organiser: 200,
  area: 200,
  venue: 300,
  recordNumber: 100,
};

export function PanelEditor({ isHost }: { isHost: boolean }) {
  const { t } = useTranslation();
  const basics = useTopic('panel').panel;
  const update = useCommand();
  const close = useCommand();
  const [draft, setDraft] = useState<Draft | null>(basics ? toDraft(basics) : null);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [saved, setSaved] = useState<'idle' | 'saving' | 'saved' | 'unchanged'>('idle');
  const [confirmClose, setConfirmClose] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // Follow the hub's copy while the user has nothing unsaved.
  useEffect(() => {
    if (basics && !dirty) setDraft(toDraft(basics));
  }, [basics, dirty]);

  if (!draft || !basics) {
    return (
      <>
        <h1>{t('basics.title')}</h1>
        <p aria-busy="true">{t('common.loading')}</p>
      </>
    );
  }

  function set<K extends FieldName>(key: K, value: Draft[K]) {
    setDraft((d) => (d ? { ...d, [key]: value } : d));
    setDirty(true);
    setSaved('idle');
    setErrors((e) => ({ ...e, [key]: undefined }));
  }

  function validate(next: PanelBasics): Partial<Record<FieldName, string>> {
    const found: Partial<Record<FieldName, string>> = {};
    if (!next.name) found.name = t('validation.required');
    for (const [key, max] of Object.entries(MAX) as [FieldName, number][]) {
      const value = next[key as keyof PanelBasics];
      if (typeof value === 'string' && value.length > max) found[key] = t('validation.tooLong', { max });
    }
    if (next.municipalities.some((m) => m.length > 100)) found.municipalities = t('validation.tooLong', { max: 100 });
    if (next.municipalities.length > 100) found.municipalities = t('validation.tooMany', { max: 100 });
    if (next.languages.length === 0) found.languages = t('validation.oneLanguage');
    if (next.startsOn && next.endsOn && next.endsOn < next.startsOn) found.endsOn = t('validation.endBeforeStart');
    const parsed = PanelBasicsSchema.safeParse(next);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] as FieldName | undefined;
        if (key && !found[key]) found[key] = t('validation.invalid');
      }
    }
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft || !basics) return;
    const next = fromDraft(draft);
    const found = validate(next);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    const changes = changedFields(basics, next);
    if (Object.keys(changes).length === 0) {
      setDirty(false);
      setSaved('unchanged');
      return;
    }
    setSaved('saving');
    const result = await update.run('panel.update', changes);
    if (result !== undefined) {
      setDirty(false);
      setSaved('saved');
    } else {
      setSaved('idle');
    }
  }

  const text = (key: Exclude<FieldName, 'languages' | 'municipalities'>, label: string, extra?: { hint?: string; multiline?: boolean; type?: string }) => (
    <Field label={label} hint={extra?.hint} error={errors[key]}>
      {({ id, describedBy, invalid }) =>
        extra?.multiline ? (
          <textarea
            id={id}
            name={key}
            rows={5}
            value={draft[key]}
            onChange={(e) => set(key, e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        ) : (
          <input
            id={id}
            name={key}
            type={extra?.type ?? 'text'}
            value={draft[key]}
            onChange={(e) => set(key, e.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            required={key === 'name'}
          />
        )
      }
    </Field>
  );

  return (
    <div className="panel-editor">
      <h1>{t('basics.title')}</h1>
      <form ref={formRef} onSubmit={submit} noValidate className="form-grid">
        {text('name', t('basics.name'), { hint: t('basics.nameHint') })}
        {text('mandate', t('basics.mandate'), { hint: t('basics.mandateHint'), multiline: true })}
        {text('organiser', t('basics.organiser'))}
        {text('area', t('basics.area'))}
        <Field label={t('basics.municipalities')} hint={t('basics.municipalitiesHint')} error={errors.municipalities}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              name="municipalities"
              rows={4}
              value={draft.municipalities}
              onChange={(e) => set('municipalities', e.target.value)}
              aria-describedby={describedBy}
              aria-invalid={invalid}
            />
          )}
        </Field>
        <fieldset className={`field${errors.languages ? ' field-invalid' : ''}`} aria-describedby={errors.languages ? 'languages-error' : undefined}>
          <legend>{t('basics.languages')}</legend>
          <div className="checks">
            {PANEL_LANGUAGES.map((lng) => (
              <label key={lng} className="check">
                <input
                  type="checkbox"
                  name="languages"
                  value={lng}
                  checked={draft.languages.includes(lng)}
                  onChange={(e) =>
                    set('languages', e.target.checked ? [...draft.languages, lng] : draft.languages.filter((l) => l !== lng))
                  }
                />
                {t(`languages.${lng}`)}
              </label>
            ))}
          </div>
          {errors.languages && (
            <p className="field-error" id="languages-error">
              {errors.languages}
            </p>
          )}
        </fieldset>
        <div className="two-columns tight">
          {text('startsOn', t('basics.startsOn'), { type: 'date' })}
          {text('endsOn', t('basics.endsOn'), { type: 'date' })}
        </div>
        {text('venue', t('basics.venue'))}
        {text('recordNumber', t('basics.recordNumber'), { hint: t('basics.recordNumberHint') })}
        <ErrorAlert error={update.error} />
        <div className="actions sticky-actions">
          <button type="submit" className="primary" disabled={update.busy}>
            {t('basics.save')}
          </button>
          {dirty && (
            <button
              type="button"
              onClick={() => {
                setDraft(toDraft(basics));
                setDirty(false);
                setErrors({});
              }}
            >
              {t('basics.discard')}
            </button>
          )}
          <p className="save-state" role="status" aria-live="polite">
            {saved === 'saving' ? t('basics.saving') : saved === 'saved' ? t('basics.saved') : saved === 'unchanged' ? t('basics.unchanged') : dirty ? t('basics.unsaved') : ''}
          </p>
        </div>
      </form>

      {isHost && (
        <section aria-labelledby="close-heading" className="panel-section">
          <h2 id="close-heading">{t('basics.closeTitle')}</h2>
          <p>{t('basics.closeText')}</p>
          <ErrorAlert error={close.error} />
          <button type="button" onClick={() => setConfirmClose(true)} disabled={close.busy}>
            {t('basics.close')}
          </button>
          <ConfirmDialog
            open={confirmClose}
            title={t('basics.closeConfirmTitle')}
            message={t('basics.closeConfirmText')}
            confirmLabel={t('basics.close')}
            onCancel={() => setConfirmClose(false)}
            onConfirm={async () => {
              setConfirmClose(false);
              await close.run('host.closePanel', {});
            }}
          />
        </section>
      )}
    </div>
  );
}

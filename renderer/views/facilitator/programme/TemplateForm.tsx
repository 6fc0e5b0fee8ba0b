import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENDA_TEMPLATES, type AgendaTemplate } from '../../../../shared/agenda.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { Field } from '../../../components/Field.js';
import { useCommand } from '../../../components/useCommand.js';
import { UI_LANGUAGES, type UiLanguage } from '../../../i18n/index.js';
import { refusedField } from './model.js';

/** Starts (or extends) the programme from a template: days and items to adapt. */
export function TemplateForm() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const command = useCommand();
  const [template, setTemplate] = useState<AgendaTemplate>('citizensJury3');
  const [firstDate, setFirstDate] = useState('');
  const uiLanguage = (UI_LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as UiLanguage) : 'fi';
  const [language, setLanguage] = useState<UiLanguage>(uiLanguage);
  const [added, setAdded] = useState<number | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const result = await command.run('agenda.applyTemplate', { template, firstDate, language });
    if (result) setAdded(result.dayIds.length);
  };
  const dateRefused = refusedField(command.error, ['firstDate'] as const) !== null;

  return (
    <section className="panel-section pe-template" aria-labelledby={id}>
      <h2 id={id}>{t('programme.template.title')}</h2>
      <p className="hint">{t('programme.template.hint')}</p>
      <form onSubmit={submit} noValidate className="pe-form">
        <div className="pe-form-row">
          <Field label={t('programme.template.template')}>
            {({ id: fieldId }) => (
              <select id={fieldId} value={template} onChange={(e) => setTemplate(e.target.value as AgendaTemplate)}>
                {AGENDA_TEMPLATES.map((name) => (
                  <option key={name} value={name}>
                    {t(`programme.template.names.${name}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('programme.template.firstDate')} error={dateRefused ? t('programme.fieldError.date') : null}>
            {({ id: fieldId, describedBy, invalid }) => (
              <input id={fieldId} type="date" value={firstDate} onChange={(e) => setFirstDate(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} required />
            )}
          </Field>
          <Field label={t('programme.template.language')}>
            {({ id: fieldId }) => (
              <select id={fieldId} value={language} onChange={(e) => setLanguage(e.target.value as UiLanguage)}>
                {UI_LANGUAGES.map((lng) => (
                  <option key={lng} value={lng}>
                    {t(`languages.${lng}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {!dateRefused && <ErrorAlert error={command.error} />}
        <div className="actions">
          <button type="submit" disabled={command.busy}>
            {t('programme.template.apply')}
          </button>
          <p role="status" className="save-state">
            {added !== null ? t('programme.template.added', { count: added }) : ''}
          </p>
        </div>
      </form>
    </section>
  );
}

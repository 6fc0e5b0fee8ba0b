import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseCode } from '../../../shared/ids.js';
import { Field } from '../../components/Field.js';
import { Page } from '../../components/Page.js';

/** Ballot kiosks: the one-time ballot code is the credential. Voting itself comes with the votes issue. */
export function Ballot() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(normaliseCode(code).length < 4 ? t('join.codeInvalid') : t('ballot.notOpen'));
  }

  return (
    <Page>
      <h1>{t('ballot.title')}</h1>
      <p className="lead">{t('ballot.lead')}</p>
      <form onSubmit={submit} noValidate className="card form-card">
        <Field label={t('ballot.code')} hint={t('ballot.codeHint')}>
          {({ id, describedBy }) => (
            <input
              id={id}
              name="ballotCode"
              className="code-input"
              value={code}
              onChange={(e) => setCode(e.target.value.toUpperCase())}
              autoComplete="off"
              spellCheck={false}
              maxLength={20}
              aria-describedby={describedBy}
            />
          )}
        </Field>
        <button type="submit" className="primary big">
          {t('ballot.submit')}
        </button>
        <p role="status" aria-live="polite" className="save-state">
          {message}
        </p>
      </form>
    </Page>
  );
}

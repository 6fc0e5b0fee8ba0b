import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { needsTable } from '../../../shared/devices.js';
import { normaliseCode } from '../../../shared/ids.js';
import { DEVICE_ROLES, type DeviceRole } from '../../../shared/roles.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Field } from '../../components/Field.js';
import { Page } from '../../components/Page.js';
import { pair } from '../../hub/session.js';

const NAME_KEY = 'puntari.deviceName';

function rememberedName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

/** A laptop on the room's network asks to join: pairing code, its name, its role (and table). */
export function Join({ onPaired, notice }: { onPaired: () => void; notice?: string | null }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState(rememberedName);
  const [role, setRole] = useState<DeviceRole>('secretary');
  const [tableNo, setTableNo] = useState('');
  const [errors, setErrors] = useState<{ code?: string; name?: string; tableNo?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const pairingCode = normaliseCode(code);
    const n = Number(tableNo);
    const found: typeof errors = {};
    if (pairingCode.length < 4 || pairingCode.length > 16) found.code = t('join.codeInvalid');
    if (!name.trim()) found.name = t('validation.required');
    else if (name.trim().length > 60) found.name = t('validation.tooLong', { max: 60 });
    if (needsTable(role) && (!tableNo.trim() || !Number.isInteger(n) || n < 1 || n > 200)) found.tableNo = t('validation.tableNo');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      document.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await pair({ pairingCode, role, tableNo: needsTable(role) ? n : null, name: name.trim() });
      try {
        localStorage.setItem(NAME_KEY, name.trim());
      } catch {
        // not remembered; no matter
      }
      onPaired();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page>
      <h1>{t('join.title')}</h1>
      <p className="lead">{t('join.lead')}</p>
      {notice && <p className="alert alert-info">{notice}</p>}
      <form onSubmit={submit} noValidate className="card form-card">
        <Field label={t('join.code')} hint={t('join.codeHint')} error={errors.code}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="code"
              className="code-input"
              value={code}
              onChange={(e) => setCode(e.target.value.toUpperCase())}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={20}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              required
            />
          )}
        </Field>
        <Field label={t('join.deviceName')} hint={t('join.deviceNameHint')} error={errors.name}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              name="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={60}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              required
            />
          )}
        </Field>
        <Field label={t('join.role')}>
          {({ id }) => (
            <select id={id} name="role" value={role} onChange={(e) => setRole(e.target.value as DeviceRole)}>
              {DEVICE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {needsTable(role) && (
          <Field label={t('join.tableNo')} error={errors.tableNo}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                name="tableNo"
                type="number"
                inputMode="numeric"
                min={1}
                max={200}
                value={tableNo}
                onChange={(e) => setTableNo(e.target.value)}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                required
              />
            )}
          </Field>
        )}
        <ErrorAlert error={error} />
        <button type="submit" className="primary big" disabled={busy}>
          {busy ? t('join.joining') : t('join.submit')}
        </button>
      </form>
    </Page>
  );
}

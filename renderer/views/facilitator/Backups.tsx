import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../../shared/panel.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Field } from '../../components/Field.js';
import { formatDateTime, RelativeTime } from '../../components/RelativeTime.js';
import { useCommand } from '../../components/useCommand.js';
import { useConnection } from '../../stores/connection.js';
import { BrowseButton } from './StartScreen.js';

function formatBytes(bytes: number, lng: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toLocaleString(lng, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

/** Rolling backups: where, how often, how many; back up now; restore one. */
export function Backups() {
  const { t, i18n } = useTranslation();
  const settings = useConnection((s) => s.host?.backups ?? null);
  const save = useCommand();
  const now = useCommand();
  const list = useCommand();
  const restore = useCommand();
  const [folder, setFolder] = useState(settings?.folder ?? '');
  const [interval, setInterval_] = useState(String(settings?.intervalMinutes ?? 5));
  const [keep, setKeep] = useState(String(settings?.keep ?? 20));
  const [edited, setEdited] = useState(false);
  const [errors, setErrors] = useState<{ interval?: string; keep?: string }>({});
  const [status, setStatus] = useState('');
  const [files, setFiles] = useState<BackupFile[] | null>(null);
  const [toRestore, setToRestore] = useState<BackupFile | null>(null);

  useEffect(() => {
    if (settings && !edited) {
      setFolder(settings.folder ?? '');
      setInterval_(String(settings.intervalMinutes));
      setKeep(String(settings.keep));
    }
  }, [settings, edited]);

  const runList = list.run;
  const load = useCallback(async () => {
    const result = await runList('host.listBackups', {});
    if (result) setFiles([...result].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
  }, [runList]);

  useEffect(() => {
    void load();
  }, [load, settings?.folder, settings?.lastBackupAt]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const i = Number(interval);
    const k = Number(keep);
    const found: typeof errors = {};
    if (!Number.isInteger(i) || i < 1 || i > 240) found.interval = t('validation.range', { min: 1, max: 240 });
    if (!Number.isInteger(k) || k < 1 || k > 500) found.keep = t('validation.range', { min: 1, max: 500 });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await save.run('host.setBackups', { folder: folder.trim() || null, intervalMinutes: i, keep: k });
    if (result !== undefined) {
      setEdited(false);
      setStatus(t('backups.settingsSaved'));
    }
  }

  return (
    <div className="backups">
      <h1>{t('backups.title')}</h1>
      <p className="lead">{t('backups.lead')}</p>
      <p role="status" aria-live="polite" className="save-state">
        {status}
      </p>

      <section aria-labelledby="backup-settings-heading" className="panel-section">
        <h2 id="backup-settings-heading">{t('backups.settingsTitle')}</h2>
        <p>
          {t('backups.lastBackup')} <RelativeTime iso={settings?.lastBackupAt ?? null} />
        </p>
        {settings?.lastError && (
          <p className="alert alert-error">
            {t('backups.lastError')} {settings.lastError}
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <Field label={t('backups.folder')} hint={t('backups.folderHint')}>
            {({ id, describedBy }) => (
              <div className="inline">
                <input
                  id={id}
                  name="folder"
                  value={folder}
                  onChange={(e) => {
                    setFolder(e.target.value);
                    setEdited(true);
                  }}
                  aria-describedby={describedBy}
                  spellCheck={false}
                />
                <BrowseButton
                  mode="folder"
                  onPath={(p) => {
                    setFolder(p);
                    setEdited(true);
                  }}
                />
              </div>
            )}
          </Field>
          <div className="two-columns tight">
            <Field label={t('backups.interval')} error={errors.interval}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="interval"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={240}
                  value={interval}
                  onChange={(e) => {
                    setInterval_(e.target.value);
                    setEdited(true);
                  }}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
            <Field label={t('backups.keep')} error={errors.keep}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  name="keep"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={500}
                  value={keep}
                  onChange={(e) => {
                    setKeep(e.target.value);
                    setEdited(true);
                  }}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                />
              )}
            </Field>
          </div>
          <ErrorAlert error={save.error} />
          <button type="submit" className="primary" disabled={save.busy}>
            {t('backups.saveSettings')}
          </button>
        </form>
      </section>

      <section aria-labelledby="backup-list-heading" className="panel-section">
        <h2 id="backup-list-heading">{t('backups.listTitle')}</h2>
        <ErrorAlert error={now.error} />
        <button
          type="button"
          disabled={now.busy}
          onClick={async () => {
            const made = await now.run('host.backupNow', {});
            if (made) {
              setStatus(t('backups.made', { name: made.name }));
              void load();
            }
          }}
        >
          {now.busy ? t('backups.backingUp') : t('backups.now')}
        </button>
        <ErrorAlert error={list.error} />
        <ErrorAlert error={restore.error} />
        {files === null ? null : files.length === 0 ? (
          <p className="empty">{t('backups.empty')}</p>
        ) : (
          <table className="data-table">
            <caption className="sr-only">{t('backups.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('backups.file')}</th>
                <th scope="col">{t('backups.created')}</th>
                <th scope="col">{t('backups.size')}</th>
                <th scope="col">
                  <span className="sr-only">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {files.map((file) => (
                <tr key={file.path}>
                  <td>
                    <span className="path">{file.name}</span>
                    {file.pool && (
                      <>
                        {' '}
                        <span className="badge">{t('backups.withPool')}</span>
                      </>
                    )}
                  </td>
                  <td>{formatDateTime(file.createdAt, i18n.language)}</td>
                  <td>{formatBytes(file.bytes, i18n.language)}</td>
                  <td>
                    <button type="button" className="small" onClick={() => setToRestore(file)} aria-label={t('backups.restoreNamed', { name: file.name })}>
                      {t('backups.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ConfirmDialog
        open={toRestore !== null}
        title={t('backups.restoreConfirmTitle')}
        message={t('backups.restoreConfirmText', { name: toRestore?.name ?? '', date: toRestore ? formatDateTime(toRestore.createdAt, i18n.language) : '' })}
        confirmLabel={t('backups.restore')}
        danger
        onCancel={() => setToRestore(null)}
        onConfirm={async () => {
          const file = toRestore;
          setToRestore(null);
          if (!file) return;
          const result = await restore.run('host.restoreBackup', { path: file.path });
          if (result === undefined) return;
          const pool =
            result.pool === 'restored'
              ? [t('backups.poolRestored'), result.setAside ? t('backups.poolPreviousKept', { name: result.setAside }) : '']
              : result.pool === 'kept'
                ? [t('backups.poolKept')]
                : result.pool === 'setAside'
                  ? [t('backups.poolSetAside', { name: result.setAside ?? '' })]
                  : [];
          setStatus([t('backups.restored', { name: file.name }), ...pool].filter(Boolean).join(' '));
        }}
      />
    </div>
  );
}

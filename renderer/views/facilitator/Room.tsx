import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { needsTable, type Device } from '../../../shared/devices.js';
import { DEVICE_ROLES, type DeviceRole } from '../../../shared/roles.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Field } from '../../components/Field.js';
import { QrCode } from '../../components/QrCode.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { useCommand } from '../../components/useCommand.js';
import { useConnection } from '../../stores/connection.js';
import { useTopic } from '../../stores/topics.js';

const STATUS_ORDER: Record<Device['status'], number> = { pending: 0, approved: 1, rejected: 2, revoked: 3, ended: 4 };

export function sortDevices(devices: Device[]): Device[] {
  return [...devices].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.tableNo ?? 999) - (b.tableNo ?? 999) ||
      a.requestedAt.localeCompare(b.requestedAt),
  );
}

/** Open and close the room; the join address, QR and codes; the devices that joined. */
export function Room({ isHost }: { isHost: boolean }) {
  const { t } = useTranslation();
  const host = useConnection((s) => s.host);
  const devices = sortDevices(Object.values(useTopic('devices')));
  const active = devices.filter((d) => d.status === 'pending' || d.status === 'approved');
  const past = devices.filter((d) => d.status !== 'pending' && d.status !== 'approved');
  const pendingCount = devices.filter((d) => d.status === 'pending').length;

  return (
    <div className="room">
      <h1>{t('room.title')}</h1>
      {isHost && <RoomControls room={host?.room ?? null} />}

      <section aria-labelledby="devices-heading" className="panel-section">
        <h2 id="devices-heading">
          {t('room.devicesTitle')}{' '}
          {pendingCount > 0 && <span className="badge badge-attention">{t('room.pendingCount', { count: pendingCount })}</span>}
        </h2>
        <p className="sr-only" role="status" aria-live="polite">
          {pendingCount > 0 ? t('room.pendingCount', { count: pendingCount }) : ''}
        </p>
        {active.length === 0 ? (
          <p className="empty">{past.length > 0 ? t('room.noActiveDevices') : t('room.noDevices')}</p>
        ) : (
          <ul className="device-list">
            {active.map((device) => (
              <DeviceRow key={device.id} device={device} canAssign={isHost} />
            ))}
          </ul>
        )}
        {past.length > 0 && (
          <details className="past-devices">
            <summary>{t('room.pastDevices', { count: past.length })}</summary>
            <ul className="device-list">
              {past.map((device) => (
                <DeviceRow key={device.id} device={device} canAssign={false} />
              ))}
            </ul>
          </details>
        )}
      </section>
    </div>
  );
}

function RoomControls({ room }: { room: { open: boolean; joinUrls: string[]; pairingCode: string | null; viewCode: string | null } | null }) {
  const { t } = useTranslation();
  const toggle = useCommand();
  const [confirmClose, setConfirmClose] = useState(false);
  const open = room?.open ?? false;
  const firstUrl = room?.joinUrls[0];

  return (
    <section aria-labelledby="room-state-heading" className="panel-section room-state">
      <h2 id="room-state-heading">{open ? t('room.openTitle') : t('room.closedTitle')}</h2>
      <p role="status" aria-live="polite" className={open ? 'room-open' : 'room-closed'}>
        {open ? t('room.openText') : t('room.closedText')}
      </p>
      <ErrorAlert error={toggle.error} />
      {open ? (
        <button type="button" onClick={() => setConfirmClose(true)} disabled={toggle.busy}>
          {t('room.close')}
        </button>
      ) : (
        <button type="button" className="primary" onClick={() => void toggle.run('host.openRoom', {})} disabled={toggle.busy}>
          {t('room.open')}
        </button>
      )}
      <ConfirmDialog
        open={confirmClose}
        title={t('room.closeConfirmTitle')}
        message={t('room.closeConfirmText')}
        confirmLabel={t('room.close')}
        danger
        onCancel={() => setConfirmClose(false)}
        onConfirm={() => {
          setConfirmClose(false);
          void toggle.run('host.closeRoom', {});
        }}
      />
      {open && room && (
        <div className="join-info">
          <div className="join-codes">
            <h3>{t('room.joinTitle')}</h3>
            <p>{t('room.joinHelp')}</p>
            {room.joinUrls.length === 0 ? (
              <p className="alert alert-error">{t('errors.room.noNetwork')}</p>
            ) : (
              <ul className="join-urls">
                {room.joinUrls.map((url) => (
                  <li key={url}>
                    <a href={url} className="join-url" target="_blank" rel="noreferrer">
                      {url}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            <p className="code-label" id="pairing-code-label">
              {t('room.pairingCode')}
            </p>
            <p className="big-code" aria-labelledby="pairing-code-label">
              {room.pairingCode ?? '–'}
            </p>
            <p className="code-label" id="view-code-label">
              {t('room.viewCode')}
            </p>
            <p className="medium-code" aria-labelledby="view-code-label">
              {room.viewCode ?? '–'}
            </p>
            <p className="hint">{t('room.viewCodeHelp')}</p>
          </div>
          {firstUrl && (
            <figure className="qr-figure">
              <QrCode text={firstUrl} alt={t('room.qrAlt', { url: firstUrl })} />
              <figcaption>{t('room.qrCaption')}</figcaption>
            </figure>
          )}
        </div>
      )}
    </section>
  );
}

function DeviceRow({ device, canAssign }: { device: Device; canAssign: boolean }) {
  const { t } = useTranslation();
  const cmd = useCommand();
  const [mode, setMode] = useState<'idle' | 'rename' | 'assign' | 'revoke'>('idle');
  const [name, setName] = useState(device.name);
  const [role, setRole] = useState<DeviceRole>(device.role);
  const [tableNo, setTableNo] = useState(device.tableNo ? String(device.tableNo) : '');
  const [formError, setFormError] = useState<string | null>(null);
  const headingId = `device-${device.id}`;

  const roleLabel = t(`roles.${device.role}`);
  const where = device.tableNo !== null ? t('room.tableN', { n: device.tableNo }) : null;

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setFormError(t('validation.required'));
    if ((await cmd.run('device.rename', { deviceId: device.id, name: name.trim() })) !== undefined) setMode('idle');
  }

  async function assign(event: FormEvent) {
    event.preventDefault();
    const n = tableNo.trim() === '' ? null : Number(tableNo);
    if (needsTable(role) && (n === null || !Number.isInteger(n) || n < 1 || n > 200)) {
      return setFormError(t('validation.tableNo'));
    }
    const result = await cmd.run('device.assign', { deviceId: device.id, role, tableNo: needsTable(role) ? n : null });
    if (result !== undefined) setMode('idle');
  }

  return (
    <li className={`device device-${device.status}`} aria-labelledby={headingId}>
      <div className="device-main">
        <h3 id={headingId} className="device-name">
          {device.name}
        </h3>
        <p>
          {roleLabel}
          {where && ` · ${where}`}
        </p>
        <p className="device-meta">
          <span className={`badge status-${device.status}`}>{t(`deviceStatus.${device.status}`)}</span>{' '}
          <span className={device.connected ? 'online' : 'offline'}>
            <span className="dot" aria-hidden="true" /> {device.connected ? t('room.connected') : t('room.notConnected')}
          </span>{' '}
          <span className="muted">
            {t('room.lastSeen')} <RelativeTime iso={device.lastSeenAt} />
          </span>
        </p>
      </div>
      <div className="device-actions">
        {device.status === 'pending' && (
          <>
            <button type="button" className="primary" disabled={cmd.busy} onClick={() => void cmd.run('device.approve', { deviceId: device.id })} aria-label={t('room.approveNamed', { name: device.name })}>
              {t('room.approve')}
            </button>
            <button type="button" disabled={cmd.busy} onClick={() => void cmd.run('device.reject', { deviceId: device.id })} aria-label={t('room.rejectNamed', { name: device.name })}>
              {t('room.reject')}
            </button>
          </>
        )}
        {(device.status === 'pending' || device.status === 'approved') && mode === 'idle' && (
          <>
            <button type="button" className="small" onClick={() => { setName(device.name); setFormError(null); setMode('rename'); }} aria-label={t('room.renameNamed', { name: device.name })}>
              {t('room.rename')}
            </button>
            {canAssign && (
              <button type="button" className="small" onClick={() => { setRole(device.role); setTableNo(device.tableNo ? String(device.tableNo) : ''); setFormError(null); setMode('assign'); }} aria-label={t('room.assignNamed', { name: device.name })}>
                {t('room.assign')}
              </button>
            )}
          </>
        )}
        {device.status === 'approved' && (
          <button type="button" className="small danger" disabled={cmd.busy} onClick={() => setMode('revoke')} aria-label={t('room.revokeNamed', { name: device.name })}>
            {t('room.revoke')}
          </button>
        )}
      </div>
      {mode === 'rename' && (
        <form className="device-form" onSubmit={rename} noValidate>
          <Field label={t('room.newName')} error={formError}>
            {({ id, describedBy, invalid }) => (
              <input id={id} value={name} maxLength={60} autoFocus onChange={(e) => setName(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="primary" disabled={cmd.busy}>{t('common.save')}</button>
            <button type="button" onClick={() => setMode('idle')}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
      {mode === 'assign' && (
        <form className="device-form" onSubmit={assign} noValidate>
          <Field label={t('join.role')}>
            {({ id }) => (
              <select id={id} value={role} onChange={(e) => setRole(e.target.value as DeviceRole)} autoFocus>
                {DEVICE_ROLES.map((r) => (
                  <option key={r} value={r}>{t(`roles.${r}`)}</option>
                ))}
              </select>
            )}
          </Field>
          {needsTable(role) && (
            <Field label={t('join.tableNo')} error={formError}>
              {({ id, describedBy, invalid }) => (
                <input id={id} type="number" inputMode="numeric" min={1} max={200} value={tableNo} onChange={(e) => setTableNo(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} />
              )}
            </Field>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={cmd.busy}>{t('common.save')}</button>
            <button type="button" onClick={() => setMode('idle')}>{t('common.cancel')}</button>
          </div>
        </form>
      )}
      <ErrorAlert error={cmd.error} />
      <ConfirmDialog
        open={mode === 'revoke'}
        title={t('room.revokeConfirmTitle', { name: device.name })}
        message={t('room.revokeConfirmText')}
        confirmLabel={t('room.revoke')}
        danger
        onCancel={() => setMode('idle')}
        onConfirm={() => {
          setMode('idle');
          void cmd.run('device.revoke', { deviceId: device.id });
        }}
      />
    </li>
  );
}

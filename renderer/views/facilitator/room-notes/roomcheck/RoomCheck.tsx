import { useTranslation } from 'react-i18next';
import { RelativeTime } from '../../../../components/RelativeTime.js';
import { href } from '../../../../components/route.js';
import { useConnection } from '../../../../stores/connection.js';
import { usePresence } from '../../../../stores/presence.js';
import { useTopicList } from '../../../../stores/topics.js';
import { portOf, roomDevices } from '../model.js';
import '../roomNotes.css';

/** A round trip slower than this makes typing feel sluggish: the row is flagged. */
const SLOW_RTT_MS = 500;

/**
 * Can the devices reach the hub? The room's addresses and port, whether it is open, every
 * approved device with its connection, last contact, round trip and outbox; and what to do when
 * the venue's network keeps the laptops from reaching this computer.
 */
export function RoomCheck() {
  const { t } = useTranslation();
  const room = useConnection((s) => s.host?.room ?? null);
  const presence = usePresence();
  const devices = roomDevices(useTopicList('devices'));
  const connected = devices.filter((d) => d.connected).length;
  const ports = [...new Set((room?.joinUrls ?? []).map(portOf).filter(Boolean))];

  return (
    <div className="roomcheck">
      <h1>{t('roomCheck.title')}</h1>
      <p className="lead">{t('roomCheck.lead')}</p>

      <section className="panel-section" aria-labelledby="rc-address">
        <h2 id="rc-address">{t('roomCheck.addressTitle')}</h2>
        <p className={`rc-state ${room?.open ? 'rc-ok' : 'rc-bad'}`} role="status">
          <span className="rc-icon" aria-hidden="true">
            {room?.open ? '✓' : '✕'}
          </span>
          {room?.open ? t('roomCheck.open') : t('roomCheck.closed')}
          {!room?.open && (
            <>
              {' '}
              <a href={href('room')}>{t('roomCheck.openRoomLink')}</a>
            </>
          )}
        </p>
        {room?.open && (
          <>
            {room.joinUrls.length === 0 ? (
              <p className="alert alert-error">{t('roomCheck.noAddress')}</p>
            ) : (
              <dl className="facts rc-facts">
                <dt>{t('roomCheck.addresses')}</dt>
                <dd>
                  <ul className="join-urls">
                    {room.joinUrls.map((url) => (
                      <li key={url}>
                        <code className="join-url">{url}</code>
                      </li>
                    ))}
                  </ul>
                </dd>
                <dt>{t('roomCheck.port')}</dt>
                <dd>
                  <code>{ports.join(', ')}</code>
                </dd>
              </dl>
            )}
          </>
        )}
      </section>

      <section className="panel-section" aria-labelledby="rc-devices">
        <h2 id="rc-devices">{t('roomCheck.devicesTitle')}</h2>
        <p role="status">{t('roomCheck.connectedCount', { connected, count: devices.length })}</p>
        {devices.length === 0 ? (
          <p className="empty">{t('roomCheck.noDevices')}</p>
        ) : (
          <div className="rc-scroll">
            <table className="data-table rc-table">
              <caption className="sr-only">{t('roomCheck.devicesTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('roomCheck.colDevice')}</th>
                  <th scope="col">{t('roomCheck.colRole')}</th>
                  <th scope="col">{t('roomCheck.colConnection')}</th>
                  <th scope="col">{t('roomCheck.colLastSeen')}</th>
                  <th scope="col" className="rc-num">
                    {t('roomCheck.colRtt')}
                  </th>
                  <th scope="col" className="rc-num">
                    {t('roomCheck.colWaiting')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {devices.map((d) => {
                  const p = presence[d.id];
                  const rtt = p?.rttMs ?? null;
                  const slow = rtt !== null && rtt > SLOW_RTT_MS;
                  return (
                    <tr key={d.id} className={d.connected ? '' : 'rc-row-offline'} data-device={d.id}>
                      <th scope="row">{d.name}</th>
                      <td>
                        {t(`roles.${d.role}`)}
                        {d.tableNo !== null && ` · ${t('roomCheck.tableN', { no: d.tableNo })}`}
                      </td>
                      <td>
                        <span className={d.connected ? 'online' : 'offline'}>
                          <span className="dot" aria-hidden="true" /> {d.connected ? t('roomCheck.connected') : t('roomCheck.notConnected')}
                        </span>
                      </td>
                      <td>
                        <RelativeTime iso={d.lastSeenAt} />
                      </td>
                      <td className={`rc-num${slow ? ' rc-slow' : ''}`}>
                        {rtt === null ? '–' : t('roomCheck.ms', { ms: Math.round(rtt) })}
                        {slow && <span className="sr-only"> ({t('roomCheck.slow')})</span>}
                      </td>
                      <td className={`rc-num${(p?.waiting ?? 0) > 0 ? ' rc-waiting' : ''}`}>{p ? p.waiting : '–'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className="hint">{t('roomCheck.devicesHint')}</p>
      </section>

      <section className="panel-section rc-help" aria-labelledby="rc-help">
        <h2 id="rc-help">{t('roomCheck.helpTitle')}</h2>
        <ol className="rc-steps">
          <li>
            <strong>{t('roomCheck.stepSameNetwork')}</strong> {t('roomCheck.stepSameNetworkText')}
          </li>
          <li>
            <strong>{t('roomCheck.stepAddress')}</strong> {t('roomCheck.stepAddressText')}
          </li>
          <li>
            <strong>{t('roomCheck.stepIsolation')}</strong> {t('roomCheck.stepIsolationText')}
          </li>
          <li>
            <strong>{t('roomCheck.stepRouter')}</strong> {t('roomCheck.stepRouterText')}
          </li>
          <li>
            <strong>{t('roomCheck.stepFirewall')}</strong> {t('roomCheck.stepFirewallText', { port: ports[0] ?? '4700' })}
          </li>
          <li>
            <strong>{t('roomCheck.stepStillNot')}</strong> {t('roomCheck.stepStillNotText')}
          </li>
        </ol>
      </section>
    </div>
  );
}

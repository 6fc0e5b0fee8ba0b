import { useTranslation } from 'react-i18next';
import { useTopicList } from '../../../../stores/topics.js';
import { usePresence } from '../../../../stores/presence.js';
import { roomDevices } from '../model.js';

/**
 * Per table laptop: how many of its notes are still on their way to the hub (what the device
 * itself last reported), or that it has no connection now.
 */
export function WaitingBar() {
  const { t } = useTranslation();
  const presence = usePresence();
  const devices = roomDevices(useTopicList('devices')).filter((d) => d.role === 'secretary');
  if (devices.length === 0) return null;
  const total = devices.reduce((sum, d) => sum + (presence[d.id]?.waiting ?? 0), 0);
  return (
    <section className="wall-waiting" aria-labelledby="wall-waiting-title">
      <h2 id="wall-waiting-title" className="wall-waiting-title">
        {total > 0 ? t('wall.waitingTotal', { count: total }) : t('wall.allArrived')}
      </h2>
      <ul>
        {devices.map((d) => {
          const waiting = presence[d.id]?.waiting ?? 0;
          const state = !d.connected ? 'offline' : waiting > 0 ? 'waiting' : 'ok';
          const where = d.tableNo !== null ? t('wall.tableN', { no: d.tableNo }) : d.name;
          return (
            <li key={d.id} className={`waiting-chip waiting-${state}`} title={d.name} data-device={d.id}>
              <span className="dot" aria-hidden="true" />
              <span className="waiting-where">{where}:</span>{' '}
              {state === 'offline'
                ? waiting > 0
                  ? t('wall.offlineWaiting', { count: waiting })
                  : t('wall.offline')
                : state === 'waiting'
                  ? t('wall.waiting', { count: waiting })
                  : t('wall.upToDate')}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

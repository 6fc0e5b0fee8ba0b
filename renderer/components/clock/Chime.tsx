import { useTranslation } from 'react-i18next';
import { enableAudio, useAudioBlocked, useChime, useChimeCount } from './chime.js';

/**
 * Plays the end-of-item chime on this page. With `offerEnable` (the projector) it shows a small
 * button when the browser will not play sound until someone clicks; nothing when sound works.
 */
export function Chime({ offerEnable = false }: { offerEnable?: boolean }) {
  const { t } = useTranslation();
  useChime(true);
  const blocked = useAudioBlocked();
  const count = useChimeCount();
  return (
    <>
      <span hidden data-chimes-played={count.played} data-chimes-refused={count.refused} className="chime-state" />
      {offerEnable && blocked && (
        <button type="button" className="enable-sound" onClick={enableAudio}>
          {t('display.enableSound')}
        </button>
      )}
    </>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../shared/clock.js';
import type { Remaining } from './remaining.js';
import './display.css';

/** A running clock needs the hub's time; a paused or waiting one does not. */
function shownReliably(r: Remaining): boolean {
  return r.synced || r.phase !== 'running';
}

/** "12:34", overtime "+2:15" (or "0:00" when the item hides overtime), "–:––" before the first clock sample. */
export function remainingText(r: Remaining): string {
  if (!shownReliably(r)) return '–:––';
  if (r.seconds >= 0) return formatDuration(r.seconds);
  return r.item?.showOvertime === false ? formatDuration(0) : `+${formatDuration(-r.seconds)}`;
}

/**
 * The remaining time, the same on every screen. `data-remaining-seconds` carries the second on
 * display (negative in overtime) for tests and tools. role="timer" is not announced as it ticks;
 * <ClockAnnouncer> tells of item, phase and warning changes instead.
 */
export function RemainingTime({ r, className, label = true }: { r: Remaining; className?: string; label?: boolean }) {
  const { t } = useTranslation();
  const text = remainingText(r);
  return (
    <span
      className={`remaining remaining-${r.mode} remaining-${r.phase} ${className ?? ''}`}
      data-remaining-seconds={shownReliably(r) ? r.seconds : undefined}
      data-mode={r.mode}
      data-phase={r.phase}
      style={{ ['--chars' as string]: Math.max(4, text.length) }}
    >
      {label && <span className="sr-only">{r.mode === 'overtime' ? t('display.overtimeLabel') : t('display.remainingLabel')} </span>}
      <span role="timer" className="remaining-digits">
        {text}
      </span>
    </span>
  );
}

/** A short word for the clock's state, shown next to the time: paused, over time, not started. */
export function StatusLabel({ r, className }: { r: Remaining; className?: string }) {
  const { t } = useTranslation();
  let text = '';
  if (r.phase === 'paused') text = t('display.paused');
  else if (r.phase === 'ready') text = t('display.ready');
  else if (r.mode === 'overtime') text = r.item?.showOvertime === false ? t('display.timeUp') : t('display.overtime');
  if (!text) return null;
  return (
    <span className={`clock-status clock-status-${r.phase === 'running' ? r.mode : r.phase} ${className ?? ''}`}>
      {r.phase === 'paused' && <span className="pause-icon" aria-hidden="true" />}
      {text}
    </span>
  );
}

/**
 * Tells screen reader users what changed: the item, the phase, a warning or overtime. Never the
 * ticking seconds: its text only changes when one of those does.
 */
export function ClockAnnouncer({ r }: { r: Remaining }) {
  const { t } = useTranslation();
  const title = r.item?.title ?? '';
  const { phase, mode } = r;
  const text = useMemo(() => {
    if (phase === 'idle') return t('display.announce.idle');
    const parts = [t('display.announce.item', { title })];
    if (phase === 'paused') parts.push(t('display.announce.paused'));
    else if (phase === 'ready') parts.push(t('display.announce.ready'));
    else if (mode === 'overtime') parts.push(t('display.announce.overtime'));
    else if (mode === 'warning') parts.push(t('display.announce.warning'));
    else parts.push(t('display.announce.running'));
    return parts.join(' ');
  }, [t, title, phase, mode]);
  return (
    <p className="sr-only" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </p>
  );
}

/** Hub time as the room's local clock time ("11.20" in Finnish, "11:20" in Swedish and English). */
export function formatClockTime(ms: number, lng: string): string {
  return new Intl.DateTimeFormat(lng, { hour: 'numeric', minute: '2-digit' }).format(new Date(ms));
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

export function relativeTime(iso: string, now: number, lng: string): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = new Intl.RelativeTimeFormat(lng, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** "2 minutes ago" in the interface language; refreshes itself every 15 seconds. */
export function RelativeTime({ iso }: { iso: string | null }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  if (!iso) return <span>{t('time.never')}</span>;
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={date.toLocaleString(i18n.language)}>
      {relativeTime(iso, now, i18n.language)}
    </time>
  );
}

export function formatDate(iso: string | null, lng: string): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toLocaleDateString(lng, { weekday: 'short', day: 'numeric', month: 'numeric', year: 'numeric' });
}

export function formatDateTime(iso: string | null, lng: string): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(lng, { dateStyle: 'medium', timeStyle: 'short' });
}

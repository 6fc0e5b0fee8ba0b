/**
 * The planned-versus-actual log: one row per item run (from item_run), for the process
 * description in the panel's statement. CSV for Finnish Excel: UTF-8 with a byte order mark,
 * semicolons between fields, decimal commas (fi, sv), CRLF line ends.
 */
import type { AgendaDay, AgendaItem } from '../../../shared/agenda.js';
import type { ItemRun } from '../../../shared/clock.js';
import { translator, type Lang } from '../../messages.js';
import type { Db } from '../../store/sqlite.js';
import { readRuns } from '../clock/clock.js';
import { agendaDaysTopic, agendaItemsTopic } from './agenda.js';

export interface ActualLogData {
  runs: ItemRun[];
  days: AgendaDay[];
  items: AgendaItem[];
}

export interface ActualLogOptions {
  lang: Lang;
  /** An IANA time zone for the clock times; default the host's own. */
  timeZone?: string;
}

export function readActualLogData(db: Db): ActualLogData {
  const ctx = { db, isConnected: () => false };
  return {
    runs: readRuns(db),
    days: agendaDaysTopic(ctx).map((e) => e.value),
    items: agendaItemsTopic(ctx).map((e) => e.value),
  };
}

export const CSV_COLUMNS = [
  'day',
  'item',
  'kind',
  'plannedMinutes',
  'started',
  'ended',
  'actualMinutes',
  'difference',
  'addedMinutes',
  'pausedMinutes',
  'skipped',
] as const;

/** A text field made safe for a spreadsheet: quoted when needed, and never read as a formula. */
function textField(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * When a run happened: its start, or for an item skipped without starting, the moment it was
 * skipped, which its UUIDv7 id carries (48 bits of Unix milliseconds).
 */
function eventTime(run: ItemRun): number {
  if (run.startedAt) return Date.parse(run.startedAt);
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-7/i.test(run.id)) return parseInt(run.id.replace(/-/g, '').slice(0, 12), 16);
  return Number.MAX_SAFE_INTEGER;
}

export function actualLogCsv(data: ActualLogData, options: ActualLogOptions): string {
  const t = translator(options.lang);
  const decimal = options.lang === 'en' ? '.' : ',';
  const num = (n: number) => (Math.round(n * 10) / 10).toFixed(1).replace('.', decimal).replace(/^-(0[.,]0)$/, '$1');
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: options.timeZone });
  const localDate = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: options.timeZone });
  const days = new Map(data.days.map((d) => [d.id, d]));
  const items = new Map(data.items.map((i) => [i.id, i]));

  const runs = [...data.runs].sort((a, b) => eventTime(a) - eventTime(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lines = [CSV_COLUMNS.map((c) => textField(t(`print.csv.${c}`))).join(';')];
  for (const run of runs) {
    const started = run.startedAt ? new Date(run.startedAt) : null;
    const ended = run.endedAt ? new Date(run.endedAt) : null;
    const actual = started && ended ? (ended.getTime() - started.getTime() - run.pausedMs) / 60_000 : null;
    const kind = items.get(run.itemId)?.kind;
    const day = days.get(run.dayId)?.date ?? (started ? localDate.format(started) : '');
    lines.push(
      [
        textField(day),
        textField(run.title),
        textField(kind ? t(`agenda.kind.${kind}`) : ''),
        String(run.plannedMinutes),
        started ? clock.format(started) : '',
        ended ? clock.format(ended) : '',
        actual === null ? '' : num(actual),
        actual === null ? '' : num(actual - run.plannedMinutes),
        num(run.addedMs / 60_000),
        num(run.pausedMs / 60_000),
        textField(t(run.skipped ? 'print.csv.yes' : 'print.csv.no')),
      ].join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

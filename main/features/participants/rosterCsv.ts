/**
 * The roster as CSV. Pseudonymous by default: id, display name, language, status, background
 * features and days present. Names, contacts, needs and roster fields only when asked for.
 */
import { ROSTER_PERSONAL_FIELDS } from '../../../shared/participants.js';
import type { Db } from '../../store/sqlite.js';
import { readFeatures, readPersonal, readRoster } from './roster.js';

function cell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value);
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function rosterCsv(db: Db, options: { personal: boolean }): string {
  const features = (db.prepare('SELECT key FROM background_feature ORDER BY position').all() as { key: string }[]).map((f) => f.key);
  const days = db.prepare('SELECT id, date FROM agenda_day ORDER BY date, position').all() as { id: string; date: string }[];
  const people = db.prepare('SELECT id, display_name, language, status FROM participant ORDER BY display_name').all() as {
    id: string;
    display_name: string;
    language: string;
    status: string;
  }[];
  const present = new Set((db.prepare('SELECT day_id, participant_id FROM attendance').all() as { day_id: string; participant_id: string }[]).map((a) => `${a.day_id}:${a.participant_id}`));
  const header = ['id', 'displayName', 'language', 'status', ...features, ...days.map((d) => `present:${d.date}`)];
  const extra = ['consentAt', 'privacyNoticeVersion', 'compensationPaid', 'needsAccessibleTable', 'replacedBy'];
  if (options.personal) header.push(...ROSTER_PERSONAL_FIELDS, ...extra);
  const lines = [header.map(cell).join(',')];
  for (const p of people) {
    const f = readFeatures(db, p.id);
    const row: unknown[] = [p.id, p.display_name, p.language, p.status, ...features.map((k) => f[k] ?? ''), ...days.map((d) => (present.has(`${d.id}:${p.id}`) ? 1 : 0))];
    if (options.personal) {
      const personal = readPersonal(db, p.id);
      const roster = readRoster(db, p.id);
      row.push(...ROSTER_PERSONAL_FIELDS.map((k) => personal?.[k] ?? ''));
      row.push(roster?.consentAt ?? '', roster?.privacyNoticeVersion ?? '', roster?.compensationPaid ? 1 : 0, roster?.needsAccessibleTable ? 1 : 0, roster?.replacedBy ?? '');
    }
    lines.push(row.map(cell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

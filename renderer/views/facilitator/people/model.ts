import type { BackgroundFeature, Participant, ParticipantPersonal, ParticipantRoster, RosterFields } from '../../../../shared/participants.js';

export type Filter = {
  text: string;
  status: '' | Participant['status'];
  language: '' | Participant['language'];
  /** needs: someone with accessibility or dietary needs; noConsent: consent not recorded; unpaid: compensation not paid; absent: not present on the day */
  flag: '' | 'needs' | 'noConsent' | 'unpaid' | 'absent' | 'present';
};

export const EMPTY_FILTER: Filter = { text: '', status: '', language: '', flag: '' };

function fold(s: string): string {
  return s.toLocaleLowerCase('fi').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export interface Row {
  p: Participant;
  personal: ParticipantPersonal | undefined;
  roster: ParticipantRoster | undefined;
  features: Record<string, string>;
  presentAt: string | null;
}

export function filterRows(rows: Row[], f: Filter): Row[] {
  const q = fold(f.text.trim());
  return rows.filter((r) => {
    if (f.status && r.p.status !== f.status) return false;
    if (f.language && r.p.language !== f.language) return false;
    if (f.flag === 'needs' && !(r.personal?.accessibilityNeeds || r.personal?.dietaryNeeds || r.roster?.needsAccessibleTable)) return false;
    if (f.flag === 'noConsent' && r.roster?.consentAt) return false;
    if (f.flag === 'unpaid' && r.roster?.compensationPaid) return false;
    if (f.flag === 'absent' && (r.presentAt || !['confirmed', 'invited'].includes(r.p.status))) return false;
    if (f.flag === 'present' && !r.presentAt) return false;
    if (!q) return true;
    const hay = [r.p.displayName, r.personal?.fullName ?? '', r.personal?.email ?? '', r.personal?.phone ?? ''].map(fold).join(' ');
    return hay.includes(q);
  });
}

/** The editable fields of a person, as the form holds them. */
export type Draft = Omit<RosterFields, 'features'> & { features: Record<string, string> };

export function draftOf(row: Row | null): Draft {
  return {
    displayName: row?.p.displayName ?? '',
    language: row?.p.language ?? 'fi',
    status: row?.p.status ?? 'confirmed',
    replacedBy: row?.roster?.replacedBy ?? null,
    fullName: row?.personal?.fullName ?? '',
    email: row?.personal?.email ?? '',
    phone: row?.personal?.phone ?? '',
    address: row?.personal?.address ?? '',
    postcode: row?.personal?.postcode ?? '',
    accessibilityNeeds: row?.personal?.accessibilityNeeds ?? '',
    dietaryNeeds: row?.personal?.dietaryNeeds ?? '',
    consentAt: row?.roster?.consentAt ?? null,
    privacyNoticeVersion: row?.roster?.privacyNoticeVersion ?? '',
    compensationPaid: row?.roster?.compensationPaid ?? false,
    needsAccessibleTable: row?.roster?.needsAccessibleTable ?? false,
    features: { ...(row?.features ?? {}) },
  };
}

/** Only what changed, for roster.update. */
export function changes(before: Draft, after: Draft): Partial<RosterFields> {
  const out: Partial<RosterFields> = {};
  for (const key of Object.keys(after) as (keyof Draft)[]) {
    if (key === 'features') continue;
    if (before[key] !== after[key]) (out as Record<string, unknown>)[key] = after[key];
  }
  const features: Record<string, string> = {};
  for (const [k, v] of Object.entries(after.features)) if ((before.features[k] ?? '') !== v) features[k] = v;
  if (Object.keys(features).length) out.features = features;
  return out;
}

export function featureLabel(features: BackgroundFeature[], key: string, value: string | undefined): string {
  if (!value) return '';
  const f = features.find((x) => x.key === key);
  return f?.values.find((v) => v.value === value)?.label ?? value;
}

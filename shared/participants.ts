/**
 * A participant as every screen may see them: display name and table only.
 * Names, contacts and needs (ParticipantPersonal) and background features
 * (ParticipantBackground) are separate topics that never leave the host.
 */
export const PARTICIPANT_STATUSES = ['invited', 'confirmed', 'declined', 'droppedOut', 'replaced'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export interface Participant {
  id: string;
  displayName: string;
  language: 'fi' | 'sv' | 'en';
  status: ParticipantStatus;
}

export interface ParticipantPersonal {
  participantId: string;
  fullName: string;
  email: string;
  phone: string;
  address: string;
  postcode: string;
  accessibilityNeeds: string;
  dietaryNeeds: string;
}

export interface ParticipantBackground {
  participantId: string;
  /** feature key -> value key, e.g. { municipality: 'hyvinkaa', ageGroup: '30-44' } */
  features: Record<string, string>;
}

export interface BackgroundFeature {
  key: string;
  label: string;
  position: number;
  values: { value: string; label: string; populationShare: number | null }[];
}

export interface PanelTable {
  no: number;
  name: string;
  capacity: number;
  language: 'fi' | 'sv' | 'en';
  accessible: boolean;
}

export interface SeatingRound {
  id: string;
  name: string;
  position: number;
  /** participant id -> table number */
  seats: Record<string, number>;
}

export interface Attendance {
  /** `${dayId}:${participantId}` */
  key: string;
  dayId: string;
  participantId: string;
  presentAt: string;
}

import { z } from 'zod';

export const PANEL_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type PanelLanguage = (typeof PANEL_LANGUAGES)[number];

const text = (max: number) => z.string().trim().max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');

/** The basics of a panel, as the facilitator edits them. */
export const PanelBasicsSchema = z.object({
  name: text(200).min(1),
  mandate: text(4000),
  organiser: text(200),
  area: text(200),
  municipalities: z.array(text(100).min(1)).max(100),
  languages: z.array(z.enum(PANEL_LANGUAGES)).min(1).max(3),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  venue: text(300),
  recordNumber: text(100),
});
export type PanelBasics = z.infer<typeof PanelBasicsSchema>;

export const EMPTY_BASICS: Omit<PanelBasics, 'name'> = {
  mandate: '',
  organiser: '',
  area: '',
  municipalities: [],
  languages: ['fi'],
  startsOn: null,
  endsOn: null,
  venue: '',
  recordNumber: '',
};

export const panelCommands = {
  'panel.update': {
    input: PanelBasicsSchema.partial(),
    roles: ['facilitator', 'cofacilitator'],
  },
} as const;

/** A panel file the host knows of, shown on the start screen. */
export interface RecentPanel {
  path: string;
  name: string;
  encrypted: boolean;
  openedAt: string;
  exists: boolean;
}

/** Host-level state: which panel is open, whether the room is open. */
export interface HostStatus {
  panel: { path: string; name: string; encrypted: boolean } | null;
  room: RoomStatus;
  backups: BackupSettings;
}

export interface RoomStatus {
  open: boolean;
  /** Addresses table laptops open, e.g. http://192.168.1.20:4700/ */
  joinUrls: string[];
  pairingCode: string | null;
  viewCode: string | null;
}

export interface BackupSettings {
  folder: string | null;
  intervalMinutes: number;
  keep: number;
  lastBackupAt: string | null;
  lastError: string | null;
}

export interface BackupFile {
  name: string;
  path: string;
  createdAt: string;
  bytes: number;
  /** The sign-up pool's recruitment file was backed up beside it (and is restored with it). */
  pool: boolean;
}

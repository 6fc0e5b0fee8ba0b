import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecentPanel } from '../../shared/panel.js';
import { writeFileAtomic } from '../store/atomicWrite.js';

interface BackupPrefs {
  folder: string | null;
  intervalMinutes: number;
  keep: number;
}

interface HostConfigData {
  /** Hashes of the facilitator's window tokens; the tokens themselves live only in cookies. */
  facilitatorTokens: { hash: string; createdAt: string }[];
  recent: Omit<RecentPanel, 'exists'>[];
  backups: Record<string, BackupPrefs>;
}

const MAX_RECENT = 12;
const MAX_TOKENS = 50;
export const DEFAULT_BACKUPS: BackupPrefs = { folder: null, intervalMinutes: 5, keep: 24 };

/** The host's own settings (not a panel's): ~/.puntari/host.json, written atomically. */
export class HostConfig {
  private data: HostConfigData;
  private readonly file: string;

  constructor(home: string) {
    mkdirSync(home, { recursive: true });
    this.file = join(home, 'host.json');
    this.data = { facilitatorTokens: [], recent: [], backups: {} };
    if (existsSync(this.file)) {
      try {
        this.data = { ...this.data, ...(JSON.parse(readFileSync(this.file, 'utf8')) as Partial<HostConfigData>) };
      } catch {
        // An unreadable host.json only loses the recent list and window sessions; panels are untouched.
      }
    }
  }

  private save(): void {
    writeFileAtomic(this.file, JSON.stringify(this.data, null, 2));
  }

  addFacilitatorToken(hash: string): void {
    this.data.facilitatorTokens = [{ hash, createdAt: new Date().toISOString() }, ...this.data.facilitatorTokens].slice(0, MAX_TOKENS);
    this.save();
  }

  hasFacilitatorToken(hash: string): boolean {
    return this.data.facilitatorTokens.some((t) => t.hash === hash);
  }

  removeFacilitatorToken(hash: string): void {
    this.data.facilitatorTokens = this.data.facilitatorTokens.filter((t) => t.hash !== hash);
    this.save();
  }

  recent(): RecentPanel[] {
    return this.data.recent.map((r) => ({ ...r, exists: existsSync(r.path) }));
  }

  rememberPanel(entry: Omit<RecentPanel, 'exists'>): void {
    this.data.recent = [entry, ...this.data.recent.filter((r) => r.path !== entry.path)].slice(0, MAX_RECENT);
    this.save();
  }

  /** Keeps the start screen's list in step with a panel renamed while open. */
  renameRecent(path: string, name: string): void {
    const entry = this.data.recent.find((r) => r.path === path);
    if (!entry || entry.name === name) return;
    entry.name = name;
    this.save();
  }

  forgetPanel(path: string): void {
    this.data.recent = this.data.recent.filter((r) => r.path !== path);
    this.save();
  }

  backupPrefs(panelPath: string): BackupPrefs {
    return this.data.backups[panelPath] ?? DEFAULT_BACKUPS;
  }

  setBackupPrefs(panelPath: string, prefs: BackupPrefs): void {
    this.data.backups[panelPath] = prefs;
    this.save();
  }
}

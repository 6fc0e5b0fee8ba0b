import type { AgendaDay, AgendaItem } from '../../../../shared/agenda.js';
import { runningOrder } from '../../../../shared/clock.js';
import type { Device } from '../../../../shared/devices.js';
import type { TableNote } from '../../../../shared/notes.js';
import type { PanelTable } from '../../../../shared/participants.js';
import type { ExpertQuestion } from '../../../../shared/questions.js';
import type { DraftRecommendation } from '../../../../shared/recommendations.js';

/** The interface language as a printout language. */
export function printLang(language: string): 'fi' | 'sv' | 'en' {
  const base = language.slice(0, 2);
  return base === 'sv' || base === 'en' ? base : 'fi';
}

/** The blank note sheets for an item: every table, or one. */
export function sheetsHref(lang: 'fi' | 'sv' | 'en', itemId: string | null, tableNo?: number): string {
  const params = new URLSearchParams({ lang });
  if (itemId) params.set('item', itemId);
  if (tableNo !== undefined) params.set('table', String(tableNo));
  return `/api/print/note-sheets.pdf?${params.toString()}`;
}

/** Items in running order (days by position, items by position). */
export function orderedItems(days: AgendaDay[], items: AgendaItem[]): AgendaItem[] {
  return runningOrder(days, items);
}

/** The tables the wall shows: the panel's tables and any table that has notes, by number. */
export function wallTables(tables: PanelTable[], notes: TableNote[]): number[] {
  const nos = new Set<number>(tables.map((t) => t.no));
  for (const n of notes) nos.add(n.tableNo);
  return [...nos].sort((a, b) => a - b);
}

export interface WallFilter {
  /** null: the notes written under no item */
  itemId: string | null;
  kinds: ReadonlySet<string>;
  tableNo: number | null;
  markedOnly: boolean;
}

/** Live notes for the wall: not deleted, under the item, of the kinds and table asked for, oldest first. */
export function wallNotes(notes: TableNote[], f: WallFilter): TableNote[] {
  return notes
    .filter((n) => !n.deleted && n.itemId === f.itemId && f.kinds.has(n.kind) && (f.tableNo === null || n.tableNo === f.tableNo) && (!f.markedOnly || n.marked))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Which tables a draft's source notes came from. */
export function sourceTables(rec: DraftRecommendation, notesById: Record<string, TableNote>): number[] {
  const nos = new Set<number>();
  for (const id of rec.sourceNoteIds) {
    const n = notesById[id];
    if (n) nos.add(n.tableNo);
  }
  return [...nos].sort((a, b) => a - b);
}

/** The drafts each note is a source of. */
export function draftsByNote(recs: DraftRecommendation[]): Map<string, DraftRecommendation[]> {
  const map = new Map<string, DraftRecommendation[]>();
  for (const r of recs) {
    for (const id of r.sourceNoteIds) {
      const list = map.get(id) ?? [];
      list.push(r);
      map.set(id, list);
    }
  }
  return map;
}

/** The queue: questions not merged into another, by position. */
export function queueOrder(questions: ExpertQuestion[]): ExpertQuestion[] {
  return questions.filter((q) => q.mergedInto === null).sort((a, b) => a.position - b.position || a.createdAt.localeCompare(b.createdAt));
}

/**
 * The position to send with questions.move so that `id` lands just before `beforeId` (or just
 * after `afterId`) in the whole queue, whatever filter the screen shows. The hub takes the queue
 * without the moved question and inserts it at the position.
 */
export function movePosition(queue: readonly string[], id: string, target: { before: string } | { after: string }): number {
  const rest = queue.filter((q) => q !== id);
  if ('before' in target) return Math.max(0, rest.indexOf(target.before));
  return rest.indexOf(target.after) + 1;
}

/** "1, 3 ja 4" style lists are left to the translation; this gives "1, 3, 4". */
export function tableList(nos: number[]): string {
  return nos.join(', ');
}

/** Devices that take part in the room now (approved), tables first. */
export function roomDevices(devices: Device[]): Device[] {
  return devices
    .filter((d) => d.status === 'approved')
    .sort((a, b) => (a.tableNo ?? 999) - (b.tableNo ?? 999) || a.name.localeCompare(b.name));
}

/** A file size in words: "820 kt", "3,4 Mt" by the locale's digits. */
export function formatBytes(bytes: number, lng: string): string {
  const fmt = (n: number, digits: number) => n.toLocaleString(lng, { maximumFractionDigits: digits });
  if (bytes < 1024) return `${fmt(bytes, 0)} B`;
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024, 0)} kB`;
  return `${fmt(bytes / (1024 * 1024), 1)} MB`;
}

/** The port of a join address, "" when none. */
export function portOf(url: string): string {
  try {
    const u = new URL(url);
    return u.port || (u.protocol === 'https:' ? '443' : '80');
  } catch {
    return '';
  }
}

/** The hub names the host's own window 'facilitator': shown as the role in the reader's language. */
export function deviceLabel(name: string, facilitatorLabel: string): string {
  return name === 'facilitator' ? facilitatorLabel : name;
}

import { NOTE_KINDS, type NoteKind } from '../../../shared/notes.js';

/** Alt+1 … Alt+6 pick a kind, in NOTE_KINDS order. */
export function kindShortcut(kind: NoteKind): string {
  return `Alt+${NOTE_KINDS.indexOf(kind) + 1}`;
}

/** The kind an Alt+digit key press picks, or null. */
export function kindFromKey(event: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; code: string; key: string }): NoteKind | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  // `code` is the physical key (Alt+digit may type another character on some layouts)
  const m = /^(?:Digit|Numpad)([1-9])$/.exec(event.code) ?? /^([1-9])$/.exec(event.key);
  if (!m) return null;
  return NOTE_KINDS[Number(m[1]) - 1] ?? null;
}

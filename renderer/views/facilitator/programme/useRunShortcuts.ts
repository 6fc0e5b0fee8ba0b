import { useEffect, useRef } from 'react';
import type { RunActions } from './useRunActions.js';

/** Where typed keys belong to the field, not to the console. */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

/** Space presses a focused button itself; the console's Space is for when no control has focus. */
function activatesOnSpace(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a, summary, input, [role="button"]') !== null;
}

/** The key → action map. Exported for the visible shortcut list and for tests. */
export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey'>): ((a: RunActions) => void) | null {
  const { key, code, shiftKey } = event;
  // "+" is Shift+= on a US keyboard and its own key on a Finnish one, where Shift gives "?".
  if (shiftKey && (key === '+' || code === 'NumpadAdd' || (key === '?' && code === 'Minus'))) return (a) => a.add(5);
  if (key === '+' || key === '=' || code === 'NumpadAdd') return (a) => a.add(1);
  if (key === '-' || code === 'NumpadSubtract') return (a) => a.add(-1);
  switch (key.toLowerCase()) {
    case ' ':
      return (a) => a.toggle();
    case 'n':
      return (a) => a.next();
    case 'p':
      return (a) => a.previous();
    case 's':
      return (a) => a.skip();
    case 'b':
      return (a) => a.blackout();
    case 'm':
      return (a) => a.mute();
    default:
      return null;
  }
}

/** Keyboard shortcuts of the run console, while focus is not in a text field or a dialog. */
export function useRunShortcuts(actions: RunActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.defaultPrevented) return;
      if (typingInto(event.target) || document.querySelector('dialog[open]')) return;
      if (event.key === ' ' && activatesOnSpace(event.target)) return;
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      action(latest.current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

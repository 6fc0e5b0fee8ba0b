import type { PuntariShell } from '../../shared/shell.js';

declare global {
  interface Window {
    puntariShell?: PuntariShell;
  }
}

/** The Electron shell's extras, or undefined in a plain browser. */
export function shell(): PuntariShell | undefined {
  return typeof window === 'undefined' ? undefined : window.puntariShell;
}

/**
 * What the Electron preload may expose (window.puntariShell). A browser has none of it, so
 * every use is optional: screens offer a Browse button only when chooseFile exists.
 */
export interface PuntariShell {
  chooseFile?: (options: {
    /** open: an existing panel file; save: a new panel file; folder: a backup folder */
    mode: 'open' | 'save' | 'folder';
    defaultPath?: string;
  }) => Promise<string | null>;
}

declare global {
  interface Window {
    puntariShell?: PuntariShell;
  }
}

export function shell(): PuntariShell | undefined {
  return typeof window === 'undefined' ? undefined : window.puntariShell;
}

/**
 * What the Electron preload exposes to facilitator windows as `window.puntariShell`: the one
 * thing a browser page cannot do, choosing a path on the host's disk. In a plain browser
 * (`puntari host`) there is no `puntariShell`, and screens let the user type the path.
 */
export type ChooseFileKind = 'open' | 'save' | 'folder';

export interface PuntariShell {
  /** Resolves to the chosen absolute path, or null when the user cancelled. */
  chooseFile(kind: ChooseFileKind, defaultName?: string): Promise<string | null>;
}

export function isChooseFileKind(value: unknown): value is ChooseFileKind {
  return value === 'open' || value === 'save' || value === 'folder';
}

/**
 * What the preload exposes to facilitator windows as `window.puntariShell`: the one thing a
 * browser page cannot do, choosing a path on the host's disk. A page running in a plain
 * browser (`puntari host`) has no `puntariShell` and falls back to typing the path.
 * No 'electron' import here; the renderer may copy this declaration.
 */
export type ChooseFileKind = 'open' | 'save' | 'folder';

export interface PuntariShell {
  /** Resolves to the chosen absolute path, or null when the user cancelled. */
  chooseFile(kind: ChooseFileKind, defaultName?: string): Promise<string | null>;
}

export const CHOOSE_FILE_CHANNEL = 'puntari:chooseFile';

export function isChooseFileKind(value: unknown): value is ChooseFileKind {
  return value === 'open' || value === 'save' || value === 'folder';
}

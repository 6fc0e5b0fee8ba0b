/**
 * Preload of facilitator windows (sandboxed, context-isolated). Exposes only
 * `window.puntariShell.chooseFile`; bundled to dist/electron/preload.cjs, so the one
 * import it keeps at run time is 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHOOSE_FILE_CHANNEL, isChooseFileKind, type ChooseFileKind, type PuntariShell } from './shellApi.js';

const api: PuntariShell = {
  chooseFile(kind: ChooseFileKind, defaultName?: string): Promise<string | null> {
    if (!isChooseFileKind(kind)) return Promise.reject(new TypeError('chooseFile: bad kind'));
    if (defaultName !== undefined && typeof defaultName !== 'string') {
      return Promise.reject(new TypeError('chooseFile: bad defaultName'));
    }
    return ipcRenderer.invoke(CHOOSE_FILE_CHANNEL, kind, defaultName) as Promise<string | null>;
  },
};

contextBridge.exposeInMainWorld('puntariShell', api);

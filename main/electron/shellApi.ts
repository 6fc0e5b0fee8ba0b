export type { ChooseFileKind, PuntariShell } from '../../shared/shell.js';
export { isChooseFileKind } from '../../shared/shell.js';

export const CHOOSE_FILE_CHANNEL = 'puntari:chooseFile';

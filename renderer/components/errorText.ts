import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isErrorCode, type ErrorParams } from '../../shared/errors.js';

/** Anything carrying a wire error code: a HubError, a WireError, a rejected command. */
interface Coded {
  code?: unknown;
  params?: ErrorParams;
  error?: { code?: unknown; params?: ErrorParams };
}

export function errorParts(error: unknown): { code: string; params: ErrorParams } {
  if (error && typeof error === 'object') {
    const e = error as Coded;
    if (isErrorCode(e.code)) return { code: e.code, params: e.params ?? {} };
    if (e.error && isErrorCode(e.error.code)) return { code: e.error.code, params: e.error.params ?? {} };
  }
  return { code: 'internal', params: {} };
}

/** Parameters a message may name but a sender may leave out: shown empty, never as {{name}}. */
const PARAM_DEFAULTS: ErrorParams = { path: '', field: '', name: '', folder: '', detail: '', host: '?', pid: '', since: '', address: '', port: '', date: '', current: '' };

/** Translates an error code with its parameters in the user's language. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      const { code, params } = errorParts(error);
      // Not reaching the hub is its own message, not "something went wrong".
      if (code === 'internal' && (params.reason === 'network' || params.reason === 'offline')) return t('errors.offline');
      if (code === 'backup.folderMissing' && !params.folder) return t('errors.backupNoFolder');
      return t(`errors.${code}`, { ...PARAM_DEFAULTS, ...params });
    },
    [t],
  );
}

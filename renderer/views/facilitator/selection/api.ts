import { HubError, wireErrorFrom } from '../../../hub/errors.js';

/** Calls one of the hub's selection routes; rejects with a HubError (the body stays on it as `body`). */
export async function selectionApi<T>(method: 'GET' | 'POST', path: string, payload?: unknown, raw?: ArrayBuffer): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: raw ? { 'content-type': 'application/octet-stream', accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: raw ?? (method === 'POST' ? JSON.stringify(payload ?? {}) : undefined),
    });
  } catch {
    throw new HubError('internal', { reason: 'network' });
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const error = HubError.fromWire(wireErrorFrom(body, { status: res.status }));
    (error as HubError & { body?: unknown }).body = body;
    throw error;
  }
  return body as T;
}

/** 0.1234 -> "12,3 %" in the user's language. */
export function percent(value: number, lang: string, digits = 1): string {
  return new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

import type { PairRequest } from '../../shared/devices.js';
import type { Principal } from '../../shared/roles.js';
import { HubError, wireErrorFrom } from './errors.js';

export interface WhoAmI {
  principal: Principal | null;
  deviceStatus: 'pending' | 'approved' | null;
  /** True when this page reached the hub over the room's LAN listener (not loopback). */
  lan: boolean;
}

export interface SessionApi {
  exchangeFacilitatorCode(code: string): Promise<void>;
  pair(req: PairRequest): Promise<void>;
  enterViewCode(code: string): Promise<void>;
  whoami(): Promise<WhoAmI>;
  forget(): Promise<void>;
}

/**
 * The HTTP side of the session: the hub answers with an HttpOnly cookie, so nothing here stores a
 * token. `base` is '' in the browser (same origin); tests pass the hub's URL and their own fetch.
 */
export function createSession(base = '', fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)): SessionApi {
  async function request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchImpl(base + path, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new HubError('internal', { reason: 'network' });
    }
    const text = await response.text().catch(() => '');
    let json: unknown = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
    }
    if (!response.ok) throw HubError.fromWire(wireErrorFrom(json, { status: response.status }));
    return json;
  }

  return {
    async exchangeFacilitatorCode(code) {
      await request('POST', '/api/session/facilitator', { code });
    },
    async pair(req) {
      await request('POST', '/api/pair', req);
    },
    async enterViewCode(code) {
      await request('POST', '/api/view', { viewCode: code });
    },
    async whoami() {
      const body = (await request('GET', '/api/whoami')) as Partial<WhoAmI> | null;
      return {
        principal: body?.principal ?? null,
        deviceStatus: body?.deviceStatus ?? null,
        lan: body?.lan === true,
      };
    },
    async forget() {
      await request('POST', '/api/forget', {});
    },
  };
}

const session = createSession();
export const exchangeFacilitatorCode = session.exchangeFacilitatorCode;
export const pair = session.pair;
export const enterViewCode = session.enterViewCode;
export const whoami = session.whoami;
export const forget = session.forget;

/**
 * Take a one-time code out of the address: `#code=ABC`, `#/projector?code=ABC` (or `?code=ABC`).
 * The code is removed from the URL and history at once, so it does not linger or get bookmarked.
 */
export function takeCodeFromLocation(): string | null {
  if (typeof location === 'undefined') return null;
  const fromHash = splitHash(location.hash);
  let code: string | null = null;
  let hash = location.hash;
  let search = location.search;
  if (fromHash.params.has('code')) {
    code = fromHash.params.get('code');
    fromHash.params.delete('code');
    const rest = fromHash.params.toString();
    const inner = fromHash.path + (rest ? `?${rest}` : '');
    hash = inner ? `#${inner}` : '';
  } else {
    const params = new URLSearchParams(location.search);
    if (!params.has('code')) return null;
    code = params.get('code');
    params.delete('code');
    const rest = params.toString();
    search = rest ? `?${rest}` : '';
  }
  if (typeof history !== 'undefined' && typeof history.replaceState === 'function') {
    history.replaceState(history.state, '', `${location.pathname}${search}${hash}`);
  }
  return code ? code : null;
}

function splitHash(rawHash: string): { path: string; params: URLSearchParams } {
  const hash = rawHash.startsWith('#') ? rawHash.slice(1) : rawHash;
  const q = hash.indexOf('?');
  if (q >= 0) return { path: hash.slice(0, q), params: new URLSearchParams(hash.slice(q + 1)) };
  // "#code=ABC" or "#a=1&code=ABC": the whole hash is a query.
  if (!hash.startsWith('/') && hash.includes('=')) return { path: '', params: new URLSearchParams(hash) };
  return { path: hash, params: new URLSearchParams() };
}

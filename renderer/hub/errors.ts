import { isErrorCode, type ErrorCode, type ErrorParams, type WireError } from '../../shared/errors.js';

/**
 * An error from the hub (or from reaching it), as a code and parameters. Views translate
 * `errors.<code>`; no text meant for people is made here.
 * Reaching the hub failed: code 'internal' with params.reason 'network' (HTTP) or 'offline' (socket).
 */
export class HubError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'HubError';
    this.code = code;
    this.params = params;
  }
  toWire(): WireError {
    return { code: this.code, params: this.params };
  }
  static fromWire(error: WireError): HubError {
    return new HubError(error.code, error.params ?? {});
  }
}

export function isHubError(value: unknown): value is HubError {
  return value instanceof HubError;
}

/** Read a WireError out of anything the hub sent ({ error: { code, params } } or { code, params }). */
export function wireErrorFrom(body: unknown, fallback: ErrorParams = {}): WireError {
  const inner =
    body !== null && typeof body === 'object' && 'error' in body ? (body as { error: unknown }).error : body;
  if (inner !== null && typeof inner === 'object') {
    const { code, params } = inner as { code?: unknown; params?: unknown };
    if (isErrorCode(code)) {
      return { code, params: isParams(params) ? params : {} };
    }
  }
  return { code: 'internal', params: fallback };
}

function isParams(value: unknown): value is ErrorParams {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number');
}

// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { HubError } from '../../renderer/hub/errors.js';
import { createSession, takeCodeFromLocation } from '../../renderer/hub/session.js';

function go(url: string) {
  history.replaceState(null, '', url);
}

describe('takeCodeFromLocation', () => {
  afterEach(() => go('/'));

  it('takes #code=… and leaves no trace in the URL', () => {
    go('/#code=ABC234');
    const before = history.length;
    expect(takeCodeFromLocation()).toBe('ABC234');
    expect(location.hash).toBe('');
    expect(location.href).not.toContain('ABC234');
    expect(history.length).toBe(before);
  });

  it('takes it from a routed hash and keeps the route and other parameters', () => {
    go('/#/projector?code=XYZ9');
    expect(takeCodeFromLocation()).toBe('XYZ9');
    expect(location.hash).toBe('#/projector');
    go('/#/table?x=1&code=Q7&y=2');
    expect(takeCodeFromLocation()).toBe('Q7');
    expect(location.hash).toBe('#/table?x=1&y=2');
  });

  it('also takes ?code=… from the query, and returns null when there is none', () => {
    go('/?code=K4#/view');
    expect(takeCodeFromLocation()).toBe('K4');
    expect(location.search).toBe('');
    expect(location.hash).toBe('#/view');
    expect(takeCodeFromLocation()).toBeNull();
    go('/#/projector');
    expect(takeCodeFromLocation()).toBeNull();
    expect(location.hash).toBe('#/projector');
  });
});

describe('session requests', () => {
  type Call = { url: string; init: RequestInit };
  function fakeFetch(status: number, body: unknown, calls: Call[] = []): typeof fetch {
    return (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(body === undefined ? '' : JSON.stringify(body), { status });
    }) as unknown as typeof fetch;
  }

  it('posts JSON with same-origin credentials', async () => {
    const calls: Call[] = [];
    const s = createSession('', fakeFetch(200, { ok: true }, calls));
    await s.exchangeFacilitatorCode('C0DE');
    await s.enterViewCode('V1EW');
    await s.pair({ pairingCode: 'PAIR', role: 'secretary', tableNo: 3, name: 'Pöytä 3' });
    await s.forget();
    expect(calls.map((c) => [c.url, c.init.method, c.init.body])).toEqual([
      ['/api/session/facilitator', 'POST', '{"code":"C0DE"}'],
      ['/api/view', 'POST', '{"viewCode":"V1EW"}'],
      ['/api/pair', 'POST', '{"pairingCode":"PAIR","role":"secretary","tableNo":3,"name":"Pöytä 3"}'],
      ['/api/forget', 'POST', '{}'],
    ]);
    expect(calls.every((c) => c.init.credentials === 'same-origin')).toBe(true);
  });

  it('whoami returns the principal, device status and lan flag', async () => {
    const principal = { role: 'projector', deviceId: 'd1', deviceName: 'Projektori', tableNo: null };
    const s = createSession('', fakeFetch(200, { principal, deviceStatus: 'approved', lan: true }));
    expect(await s.whoami()).toEqual({ principal, deviceStatus: 'approved', lan: true });
    const anon = createSession('', fakeFetch(200, { principal: null, deviceStatus: null, lan: false }));
    expect(await anon.whoami()).toEqual({ principal: null, deviceStatus: null, lan: false });
  });

  it('turns a 4xx body into a HubError with code and params', async () => {
    const s = createSession('', fakeFetch(429, { error: { code: 'auth.rateLimited', params: { seconds: 30 } } }));
    const error = await s.exchangeFacilitatorCode('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).code).toBe('auth.rateLimited');
    expect((error as HubError).params).toEqual({ seconds: 30 });
  });

  it('an unreadable error body is internal with the status; a network failure is internal/network', async () => {
    const bad = createSession('', fakeFetch(502, undefined));
    await expect(bad.whoami()).rejects.toMatchObject({ code: 'internal', params: { status: 502 } });
    const down = createSession('', (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch);
    await expect(down.forget()).rejects.toMatchObject({ code: 'internal', params: { reason: 'network' } });
  });
});

import { describe, expect, it } from 'vitest';
import {
  hubOrigin,
  isOnHubOrigin,
  isSafeExternalUrl,
  languageFromLocales,
  panelPathFromArgv,
  portFromArgv,
  RestartPolicy,
  routeFor,
} from '../../main/electron/urls.js';

// The Electron shell cannot run on the build machine; its pure parts are tested here, the hub
// entry's bundle in test/integration/electronHubEntry.test.ts.

describe('hub origin checks', () => {
  it('accepts only the loopback origin on the hub port', () => {
    expect(hubOrigin(4700)).toBe('http://127.0.0.1:4700');
    expect(isOnHubOrigin('http://127.0.0.1:4700/#code=X', 4700)).toBe(true);
    expect(isOnHubOrigin('ws://127.0.0.1:4700/ws', 4700)).toBe(true);
    expect(isOnHubOrigin('http://127.0.0.1:4701/', 4700)).toBe(false);
    expect(isOnHubOrigin('http://localhost:4700/', 4700)).toBe(false);
    expect(isOnHubOrigin('https://127.0.0.1:4700/', 4700)).toBe(false);
    expect(isOnHubOrigin('http://user:pw@127.0.0.1:4700/', 4700)).toBe(false);
    expect(isOnHubOrigin('http://127.0.0.1:4700.evil.example/', 4700)).toBe(false);
    expect(isOnHubOrigin('file:///etc/passwd', 4700)).toBe(false);
    expect(isOnHubOrigin('http://127.0.0.1:4700/', null)).toBe(false);
    expect(isOnHubOrigin('not a url', 4700)).toBe(false);
  });

  it('sends only plain https links to the system browser', () => {
    expect(isSafeExternalUrl('https://www.sitra.fi/')).toBe(true);
    expect(isSafeExternalUrl('http://example.com/')).toBe(false);
    expect(isSafeExternalUrl('file:///C:/Windows/')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('https://a:b@example.com/')).toBe(false);
  });
});

describe('menu routes', () => {
  it('maps menu actions to hash routes', () => {
    expect(routeFor({ kind: 'newPanel' })).toBe('#/start?action=new');
    expect(routeFor({ kind: 'openPanel' })).toBe('#/start?action=open');
    expect(routeFor({ kind: 'openPanel', path: '/home/a b/P&1.puntari' })).toBe(
      '#/start?action=open&path=%2Fhome%2Fa%20b%2FP%261.puntari',
    );
    expect(routeFor({ kind: 'recentPanels' })).toBe('#/start?action=recent');
    expect(routeFor({ kind: 'backups' })).toBe('#/backups');
    expect(routeFor({ kind: 'export' })).toBe('#/export');
    expect(routeFor({ kind: 'language', language: 'sv' })).toBe('#/settings?lang=sv');
    expect(routeFor({ kind: 'help' })).toBe('#/help');
  });
});

describe('command line', () => {
  it('finds the panel to open', () => {
    expect(panelPathFromArgv(['electron', '.', '--panel', '/x/Demo.puntari'])).toBe('/x/Demo.puntari');
    expect(panelPathFromArgv(['electron', '.', '--panel=/x/y.puntari'])).toBe('/x/y.puntari');
    expect(panelPathFromArgv(['Puntari.exe', 'C:\\Paneelit\\Kevät.PUNTARI'])).toBe('C:\\Paneelit\\Kevät.PUNTARI');
    expect(panelPathFromArgv(['/opt/Puntari/puntari.puntari'])).toBeUndefined();
    expect(panelPathFromArgv(['electron', '.', '--panel', '--port', '4'])).toBeUndefined();
    expect(panelPathFromArgv(['electron', '.'])).toBeUndefined();
  });

  it('reads --port', () => {
    expect(portFromArgv(['electron', '.', '--port', '0'])).toBe(0);
    expect(portFromArgv(['electron', '.', '--port=4800'])).toBe(4800);
    expect(portFromArgv(['electron', '.', '--port', 'x'])).toBeUndefined();
    expect(portFromArgv(['electron', '.', '--port', '70000'])).toBeUndefined();
    expect(portFromArgv(['electron', '.'])).toBeUndefined();
  });

  it('picks the menu language from the system locales, Finnish by default', () => {
    expect(languageFromLocales(['sv-FI', 'fi-FI'])).toBe('sv');
    expect(languageFromLocales(['de-DE', 'en-GB'])).toBe('en');
    expect(languageFromLocales(['fi'])).toBe('fi');
    expect(languageFromLocales(['de-DE'])).toBe('fi');
    expect(languageFromLocales([])).toBe('fi');
  });
});

describe('hub restart policy', () => {
  it('backs off and gives up after a few restarts a minute', () => {
    const policy = new RestartPolicy(3, 60_000, [500, 2_000, 5_000]);
    expect(policy.next(0)).toBe(500);
    expect(policy.next(1_000)).toBe(2_000);
    expect(policy.next(5_000)).toBe(5_000);
    expect(policy.next(10_000)).toBeNull();
    // A minute after the first restart, one more is allowed.
    expect(policy.next(60_001)).toBe(5_000);
    expect(policy.next(60_002)).toBeNull();
    policy.reset();
    expect(policy.next(60_003)).toBe(500);
  });
});

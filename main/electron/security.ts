/**
 * What keeps the shell's windows to the hub: every permission denied, requests to anything
 * but the hub's loopback origin cancelled, navigation and new windows locked to that origin
 * (https links go to the system browser), no <webview>, and a strict CSP on any hub
 * response that lacks one (the hub sends its own).
 */
import { app, session, shell, type WebContents } from 'electron';
import { isOnHubOrigin, isSafeExternalUrl } from './urls.js';

let hubPort: number | null = null;

/** The hub's port changes only when it restarts on another one. */
export function setHubPort(port: number): void {
  hubPort = port;
}

export function currentHubPort(): number | null {
  return hubPort;
}

const INTERNAL_SCHEMES = new Set(['devtools:', 'chrome-extension:', 'data:', 'blob:']);

function fallbackCsp(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port}`,
    "media-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function openExternally(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);

  ses.webRequest.onBeforeRequest((details, callback) => {
    let scheme = '';
    try {
      scheme = new URL(details.url).protocol;
    } catch {
      callback({ cancel: true });
      return;
    }
    const allowed = INTERNAL_SCHEMES.has(scheme) || isOnHubOrigin(details.url, hubPort);
    callback({ cancel: !allowed });
  });

  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = details.responseHeaders ?? {};
    const hasCsp = Object.keys(headers).some((k) => k.toLowerCase() === 'content-security-policy');
    if (hubPort !== null && !hasCsp && isOnHubOrigin(details.url, hubPort)) {
      callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [fallbackCsp(hubPort)] } });
    } else {
      callback({ responseHeaders: headers });
    }
  });
}

function lockWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isOnHubOrigin(url, hubPort)) return;
    event.preventDefault();
    openExternally(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOnHubOrigin(url, hubPort)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // The app opens no windows of its own from pages; links leave for the system browser.
    openExternally(url);
    return { action: 'deny' };
  });
}

export function lockAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => lockWebContents(contents));
}

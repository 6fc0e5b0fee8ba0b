/**
 * The shell's windows: facilitator windows (with the preload that offers file dialogs) and
 * one projector window (no preload), full screen on the second display when there is one.
 */
import { BrowserWindow, screen, type Display, type WebPreferences } from 'electron';
import { hubOrigin } from './urls.js';

export type WindowKind = 'facilitator' | 'projector';

const kinds = new WeakMap<BrowserWindow, WindowKind>();

function securePreferences(preload?: string): WebPreferences {
  return {
    ...(preload !== undefined ? { preload } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}

export function windowKind(win: BrowserWindow): WindowKind | undefined {
  return kinds.get(win);
}

export function facilitatorWindows(): BrowserWindow[] {
  return BrowserWindow.getAllWindows().filter((w) => !w.isDestroyed() && kinds.get(w) === 'facilitator');
}

export function projectorWindow(): BrowserWindow | undefined {
  return BrowserWindow.getAllWindows().find((w) => !w.isDestroyed() && kinds.get(w) === 'projector');
}

/** The facilitator window a menu command acts on: the focused one, else the first. */
export function targetFacilitatorWindow(): BrowserWindow | undefined {
  const focused = BrowserWindow.getFocusedWindow();
  if (focused && kinds.get(focused) === 'facilitator') return focused;
  return facilitatorWindows()[0];
}

export function createFacilitatorWindow(url: string, preload: string, icon?: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Puntari',
    backgroundColor: '#ffffff',
    ...(icon !== undefined ? { icon } : {}),
    webPreferences: securePreferences(preload),
  });
  kinds.set(win, 'facilitator');
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url);
  return win;
}

/** The display for the projector: any display other than the primary one. */
export function projectorDisplay(): Display | undefined {
  const primary = screen.getPrimaryDisplay();
  return screen.getAllDisplays().find((d) => d.id !== primary.id);
}

export function createProjectorWindow(url: string, icon?: string): BrowserWindow {
  const display = projectorDisplay();
  const area = (display ?? screen.getPrimaryDisplay()).bounds;
  const win = new BrowserWindow({
    x: area.x + (display ? 0 : 80),
    y: area.y + (display ? 0 : 80),
    width: display ? area.width : 1024,
    height: display ? area.height : 576,
    show: false,
    title: 'Puntari – projector',
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    ...(icon !== undefined ? { icon } : {}),
    webPreferences: securePreferences(),
  });
  kinds.set(win, 'projector');
  win.once('ready-to-show', () => {
    if (display) win.setFullScreen(true);
    win.showInactive();
  });
  void win.loadURL(url);
  return win;
}

/** After a display went away: a projector left on no display comes back to the primary one. */
export function rehomeProjector(): void {
  const win = projectorWindow();
  if (!win) return;
  const bounds = win.getBounds();
  const visible = screen.getAllDisplays().some((d) => {
    const a = d.bounds;
    return bounds.x < a.x + a.width && bounds.x + bounds.width > a.x && bounds.y < a.y + a.height && bounds.y + bounds.height > a.y;
  });
  if (visible) return;
  const area = screen.getPrimaryDisplay().workArea;
  win.setFullScreen(false);
  win.setBounds({ x: area.x + 80, y: area.y + 80, width: 1024, height: 576 });
}

/** Same-document navigation to a hash route of the app, on the hub's current origin. */
export function navigate(win: BrowserWindow, port: number, route: string): void {
  void win.webContents.loadURL(`${hubOrigin(port)}/${route}`);
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

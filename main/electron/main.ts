/**
 * The Electron shell of Puntari: lifecycle, single-instance lock, the hub as a utility
 * process, the facilitator and projector windows, menus, and the file dialogs the preload
 * offers. Everything else is the React app served by the hub. Bundled to dist/electron/main.cjs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerSaveBlocker,
  screen,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
} from 'electron';
import { HubProcess, type HubInfo } from './hubProcess.js';
import { buildMenu, shellTexts } from './menu.js';
import { currentHubPort, hardenSession, lockAllWebContents, setHubPort } from './security.js';
import { CHOOSE_FILE_CHANNEL, isChooseFileKind } from './shellApi.js';
import {
  isOnHubOrigin,
  languageFromLocales,
  panelPathFromArgv,
  portFromArgv,
  PROJECTOR_ROUTE,
  routeFor,
  type Language,
  type MenuAction,
} from './urls.js';
import {
  createFacilitatorWindow,
  createProjectorWindow,
  facilitatorWindows,
  navigate,
  projectorDisplay,
  projectorWindow,
  rehomeProjector,
  targetFacilitatorWindow,
  windowKind,
} from './windows.js';

app.setName('Puntari');
app.enableSandbox();

// ---------------------------------------------------------------- paths

const appRoot = app.getAppPath();

/** Files asar-unpacked at packaging live next to app.asar, in app.asar.unpacked. */
function unpacked(p: string): string {
  const alt = p.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  return alt !== p && existsSync(alt) ? alt : p;
}

const paths = {
  hubEntry: path.join(appRoot, 'dist', 'electron', 'hubEntry.cjs'),
  preload: path.join(appRoot, 'dist', 'electron', 'preload.cjs'),
  renderer: unpacked(path.join(appRoot, 'dist', 'renderer')),
  icon: path.join(appRoot, 'resources', 'icons', 'icon.png'),
  home: process.env.PUNTARI_HOME || path.join(homedir(), '.puntari'),
};
const icon = existsSync(paths.icon) ? paths.icon : undefined;

/** The SQLite module built for Electron's ABI: named by the start script in development;
 * a packaged app has it rebuilt in node_modules at packaging and needs no override. */
function sqliteBinding(): string | undefined {
  if (process.env.PUNTARI_SQLITE_BINDING) return process.env.PUNTARI_SQLITE_BINDING;
  const dev = path.join(appRoot, 'native', 'electron', 'better_sqlite3.node');
  return !app.isPackaged && existsSync(dev) ? dev : undefined;
}

// ---------------------------------------------------------------- settings

interface ShellSettings {
  language?: Language;
}

function settingsFile(): string {
  return path.join(app.getPath('userData'), 'shell-settings.json');
}

function readSettings(): ShellSettings {
  try {
    const raw = JSON.parse(readFileSync(settingsFile(), 'utf8')) as unknown;
    if (raw && typeof raw === 'object') {
      const language = (raw as { language?: unknown }).language;
      if (language === 'fi' || language === 'sv' || language === 'en') return { language };
    }
  } catch {
    // first run or unreadable: defaults
  }
  return {};
}

function writeSettings(settings: ShellSettings): void {
  try {
    mkdirSync(path.dirname(settingsFile()), { recursive: true });
    writeFileSync(settingsFile(), JSON.stringify(settings, null, 2));
  } catch {
    // a lost language choice is not worth an error dialog
  }
}

// ---------------------------------------------------------------- state

let hub: HubProcess | null = null;
let language: Language = 'fi';
let blockerId: number | null = null;
/** The user closed the projector window: do not reopen it when a display comes and goes. */
let projectorDismissed = false;
let quitting = false;
/** A panel asked for before the windows exist (macOS open-file, second instance). */
let pendingPanel: string | undefined = (() => {
  const arg = panelPathFromArgv(process.argv);
  return arg === undefined ? undefined : path.resolve(arg);
})();

function refreshMenu(): void {
  Menu.setApplicationMenu(
    buildMenu({
      language,
      projectorOpen: projectorWindow() !== undefined,
      isMac: process.platform === 'darwin',
      devTools: !app.isPackaged,
      act,
      newFacilitatorWindow: () => void openFacilitatorWindow(),
      toggleProjector: () => void toggleProjector(),
      about: () => app.showAboutPanel(),
    }),
  );
}

function addFacilitatorWindow(url: string): BrowserWindow {
  const win = createFacilitatorWindow(url, paths.preload, icon);
  win.on('closed', () => {
    if (quitting) return;
    // The projector alone would keep the app open with no way to run it.
    if (facilitatorWindows().length === 0) projectorWindow()?.close();
  });
  return win;
}

/** A new facilitator window with its own credential, opening on `route` ('#/…') if given. */
async function openFacilitatorWindow(route?: string): Promise<BrowserWindow | undefined> {
  if (!hub?.current) return undefined;
  return addFacilitatorWindow(await hub.facilitatorUrl(route?.replace(/^#/, '')));
}

async function openProjectorWindow(): Promise<void> {
  if (!hub?.current || projectorWindow()) return;
  const win = createProjectorWindow(await hub.facilitatorUrl(PROJECTOR_ROUTE), icon);
  // The room looks at the projector: its display must not go dark mid-session.
  const displayBlocker = powerSaveBlocker.start('prevent-display-sleep');
  win.on('closed', () => {
    if (powerSaveBlocker.isStarted(displayBlocker)) powerSaveBlocker.stop(displayBlocker);
    // Closed by the user: do not bring it back when a display is plugged in.
    if (!quitting) projectorDismissed = true;
    refreshMenu();
  });
  refreshMenu();
}

async function toggleProjector(): Promise<void> {
  const win = projectorWindow();
  if (win) {
    win.close();
  } else {
    projectorDismissed = false;
    await openProjectorWindow();
  }
  refreshMenu();
}

function act(action: MenuAction): void {
  if (action.kind === 'language') {
    language = action.language;
    writeSettings({ ...readSettings(), language });
    refreshMenu();
  }
  const route = routeFor(action);
  const port = currentHubPort();
  const win = targetFacilitatorWindow();
  if (win && port !== null) navigate(win, port, route);
  else void openFacilitatorWindow(route);
}

function openPanel(panelPath: string): void {
  if (!hub?.current) {
    pendingPanel = panelPath;
    return;
  }
  act({ kind: 'openPanel', path: panelPath });
}

/** After the hub restarted (maybe on another port): every window gets a fresh credential. */
async function reloadWindows(info: HubInfo): Promise<void> {
  setHubPort(info.port);
  for (const win of facilitatorWindows()) {
    try {
      await win.loadURL(await hub!.facilitatorUrl());
    } catch {
      // the window will show its own "connection lost" state
    }
  }
  const projector = projectorWindow();
  if (projector) {
    try {
      await projector.loadURL(await hub!.facilitatorUrl(PROJECTOR_ROUTE));
    } catch {
      // as above
    }
  }
}

// ---------------------------------------------------------------- file dialogs (the preload's one call)

async function chooseFile(event: IpcMainInvokeEvent, kind: unknown, defaultName: unknown): Promise<string | null> {
  const frame = event.senderFrame;
  const win = BrowserWindow.fromWebContents(event.sender);
  if (!frame || !win || windowKind(win) !== 'facilitator' || !isOnHubOrigin(frame.url, currentHubPort())) {
    throw new Error('chooseFile is only for facilitator windows');
  }
  if (!isChooseFileKind(kind)) throw new Error('chooseFile: bad kind');
  if (defaultName !== undefined && (typeof defaultName !== 'string' || defaultName.length > 255)) {
    throw new Error('chooseFile: bad defaultName');
  }
  // Only a file name is taken from the page, never a directory to look into.
  const name = defaultName ? path.basename(defaultName) : undefined;
  const documents = app.getPath('documents');

  if (kind === 'save') {
    const result = await dialog.showSaveDialog(win, {
      defaultPath: name ? path.join(documents, name) : documents,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    return result.canceled || !result.filePath ? null : result.filePath;
  }
  const options: OpenDialogOptions = {
    defaultPath: documents,
    properties: kind === 'folder' ? ['openDirectory', 'createDirectory'] : ['openFile'],
  };
  const ext = name ? path.extname(name).slice(1) : '';
  if (kind === 'open' && ext !== '') {
    options.filters = [
      { name: ext.toUpperCase(), extensions: [ext] },
      { name: '*', extensions: ['*'] },
    ];
  }
  const result = await dialog.showOpenDialog(win, options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

// ---------------------------------------------------------------- lifecycle

async function startup(): Promise<void> {
  language = readSettings().language ?? languageFromLocales(app.getPreferredSystemLanguages());
  app.setAboutPanelOptions({ applicationName: 'Puntari', applicationVersion: app.getVersion(), copyright: 'EUPL-1.2' });
  hardenSession();
  ipcMain.handle(CHOOSE_FILE_CHANNEL, chooseFile);
  refreshMenu();

  const binding = sqliteBinding();
  const port = portFromArgv(process.argv);
  const initialPanel = pendingPanel;
  pendingPanel = undefined;
  hub = new HubProcess({
    entry: paths.hubEntry,
    home: paths.home,
    ...(port !== undefined ? { port } : {}),
    staticDir: paths.renderer,
    ...(initialPanel !== undefined ? { panelPath: initialPanel } : {}),
    ...(binding !== undefined ? { sqliteBinding: binding } : {}),
  });

  let info: HubInfo;
  try {
    info = await hub.start();
  } catch (error) {
    dialog.showErrorBox('Puntari', `${shellTexts(language).hubFailed}\n\n${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
    return;
  }
  setHubPort(info.port);
  // The room's devices depend on this laptop: keep it from sleeping while the hub runs.
  blockerId = powerSaveBlocker.start('prevent-app-suspension');

  hub.on('ready', (next: HubInfo) => void reloadWindows(next));
  hub.on('gaveUp', (message: string) => {
    void dialog
      .showMessageBox({
        type: 'error',
        title: 'Puntari',
        message: shellTexts(language).hubStopped,
        detail: message,
        buttons: [shellTexts(language).tryAgain, shellTexts(language).quit],
        defaultId: 0,
        cancelId: 1,
      })
      .then(({ response }) => (response === 0 ? hub?.retry() : app.quit()));
  });

  // A panel double-clicked while the hub was starting opens through the start view.
  const late = pendingPanel;
  pendingPanel = undefined;
  addFacilitatorWindow(
    late === undefined ? info.facilitatorUrl : await hub.facilitatorUrl(routeFor({ kind: 'openPanel', path: late }).slice(1)),
  );
  if (projectorDisplay()) await openProjectorWindow();

  screen.on('display-added', () => {
    if (!projectorDismissed && !projectorWindow() && projectorDisplay()) void openProjectorWindow();
  });
  screen.on('display-removed', () => rehomeProjector());
}

if (!app.requestSingleInstanceLock()) {
  // Another Puntari runs: it gets our arguments through 'second-instance' and comes forward.
  app.quit();
} else {
  lockAllWebContents();

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const win = targetFacilitatorWindow();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    }
    const panel = panelPathFromArgv(argv);
    if (panel !== undefined) openPanel(path.resolve(workingDirectory, panel));
  });

  // macOS hands double-clicked files over here, possibly before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openPanel(file);
  });

  app.on('activate', () => {
    if (facilitatorWindows().length === 0) void openFacilitatorWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    if (blockerId !== null && powerSaveBlocker.isStarted(blockerId)) powerSaveBlocker.stop(blockerId);
    if (!hub) return;
    // Close the hub first so the panel file is checkpointed and its lock released.
    event.preventDefault();
    void hub.stop().finally(() => app.quit());
  });

  void app.whenReady().then(startup);
}

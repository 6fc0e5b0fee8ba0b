// A stand-in for the 'electron' module, enough to run dist/electron/main.cjs under plain Node
// (Electron itself cannot run on the build machine). Used by electronMain.test.ts: it records
// what the shell does and runs the hub's utility process as a Node child with a parentPort shim.
'use strict';
const { EventEmitter } = require('node:events');
const { fork } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const log = [];
const record = (type, data = {}) => log.push({ type, ...data });

const app = new EventEmitter();
Object.assign(app, {
  isPackaged: false,
  setName: (n) => record('app.setName', { name: n }),
  enableSandbox: () => record('app.enableSandbox'),
  getAppPath: () => process.env.FAKE_APP_PATH,
  getPath: (name) => path.join(process.env.FAKE_USER_DATA, name),
  getVersion: () => '0.0.0-test',
  getPreferredSystemLanguages: () => ['sv-FI'],
  setAboutPanelOptions: () => {},
  showAboutPanel: () => record('app.about'),
  requestSingleInstanceLock: () => true,
  whenReady: () => new Promise((r) => setImmediate(r)),
  quit() {
    const event = { defaultPrevented: false };
    event.preventDefault = () => {
      event.defaultPrevented = true;
    };
    app.emit('before-quit', event);
    if (event.defaultPrevented) return;
    record('app.quit');
    app.emit('will-quit');
  },
  exit: (code) => {
    record('app.exit', { code });
    app.emit('will-quit');
  },
});

let nextWindowId = 1;
const windows = [];
let focusedId = null;

class WebContents extends EventEmitter {
  constructor(win) {
    super();
    this.win = win;
    this.url = '';
    this.openHandler = null;
  }
  loadURL(url) {
    this.url = url;
    record('loadURL', { window: this.win.id, url });
    setImmediate(() => {
      this.win.emit('ready-to-show');
      this.emit('did-finish-load');
    });
    return Promise.resolve();
  }
  getURL() {
    return this.url;
  }
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.id = nextWindowId++;
    this.options = options;
    this.destroyed = false;
    this.fullScreen = false;
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width, height: options.height };
    this.webContents = new WebContents(this);
    windows.push(this);
    record('window', { id: this.id, options: { ...options } });
    app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows() {
    return windows.filter((w) => !w.destroyed);
  }
  static getFocusedWindow() {
    return windows.find((w) => w.id === focusedId && !w.destroyed) ?? null;
  }
  static fromWebContents(wc) {
    return windows.find((w) => w.webContents === wc) ?? null;
  }
  loadURL(url) {
    return this.webContents.loadURL(url);
  }
  show() {}
  showInactive() {}
  focus() {
    focusedId = this.id;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  isDestroyed() {
    return this.destroyed;
  }
  setFullScreen(v) {
    this.fullScreen = v;
    record('setFullScreen', { window: this.id, value: v });
  }
  getBounds() {
    return this.bounds;
  }
  setBounds(b) {
    this.bounds = b;
  }
  close() {
    this.destroyed = true;
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}

const ipcHandlers = new Map();
const ipcMain = { handle: (channel, fn) => ipcHandlers.set(channel, fn) };

let currentMenu = null;
const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => {
    currentMenu = menu;
  },
};

const dialog = {
  showSaveDialog: async (_win, options) => {
    record('showSaveDialog', { options });
    return { canceled: false, filePath: '/chosen/by/user.docx' };
  },
  showOpenDialog: async (_win, options) => {
    record('showOpenDialog', { options });
    return { canceled: false, filePaths: ['/chosen/file.csv'] };
  },
  showErrorBox: (title, content) => record('showErrorBox', { title, content }),
  showMessageBox: async (options) => {
    record('showMessageBox', { options });
    return { response: 1 };
  },
};

let blockerId = 0;
const blockers = new Set();
const powerSaveBlocker = {
  start: (type) => {
    blockerId++;
    blockers.add(blockerId);
    record('powerSaveBlocker.start', { kind: type, id: blockerId });
    return blockerId;
  },
  stop: (id) => {
    blockers.delete(id);
    record('powerSaveBlocker.stop', { id });
  },
  isStarted: (id) => blockers.has(id),
};

const displays = JSON.parse(process.env.FAKE_DISPLAYS);
const screen = new EventEmitter();
screen.getAllDisplays = () => displays;
screen.getPrimaryDisplay = () => displays[0];

const handlers = {};
const session = {
  defaultSession: {
    setPermissionRequestHandler: (fn) => (handlers.permissionRequest = fn),
    setPermissionCheckHandler: (fn) => (handlers.permissionCheck = fn),
    setDevicePermissionHandler: (fn) => (handlers.devicePermission = fn),
    webRequest: {
      onBeforeRequest: (fn) => (handlers.beforeRequest = fn),
      onHeadersReceived: (fn) => (handlers.headersReceived = fn),
    },
  },
};

const shell = { openExternal: async (url) => record('openExternal', { url }) };

const children = [];
const utilityProcess = {
  fork(modulePath, args, options) {
    record('utilityProcess.fork', { modulePath, args, env: { PUNTARI_SQLITE_BINDING: options.env.PUNTARI_SQLITE_BINDING } });
    const shim = path.join(process.env.FAKE_USER_DATA, 'parentPortShim.cjs');
    fs.mkdirSync(path.dirname(shim), { recursive: true });
    fs.writeFileSync(
      shim,
      `process.parentPort = { on(e, l) { process.on('message', (data) => l({ data })); }, postMessage(m) { process.send(m); } };
require(${JSON.stringify(modulePath)});\n`,
    );
    const child = fork(shim, args, { env: options.env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const proc = new EventEmitter();
    proc.postMessage = (m) => child.connected && child.send(m);
    proc.kill = () => child.kill('SIGKILL');
    proc.child = child;
    child.on('message', (m) => proc.emit('message', m));
    child.on('exit', (code) => proc.emit('exit', code ?? 1));
    children.push(proc);
    return proc;
  },
};

module.exports = {
  app, BrowserWindow, ipcMain, Menu, dialog, powerSaveBlocker, screen, session, shell, utilityProcess,
  __test: { log, windows, ipcHandlers, handlers, children, getMenu: () => currentMenu, blockers },
};

// Runs dist/electron/main.cjs against the fake 'electron' module and drives a scenario;
// prints one JSON report on stdout. See electronMain.test.ts.
'use strict';
const Module = require('node:module');
const path = require('node:path');
const fake = require('./electronMain.fake-electron.cjs');

const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'electron') return fake;
  return originalLoad.call(this, request, parent, isMain);
};

const t = fake.__test;
const report = {};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(fn, ms = 15000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = fn();
    if (v) return v;
    await sleep(20);
  }
  throw new Error('timed out waiting');
}
function findItem(items, label) {
  for (const item of items) {
    if (item.label === label) return item;
    if (Array.isArray(item.submenu)) {
      const found = findItem(item.submenu, label);
      if (found) return found;
    }
  }
  return null;
}

async function main() {
  require(path.join(process.env.FAKE_APP_PATH, 'dist', 'electron', 'main.cjs'));
  await until(() => t.windows.length >= 2);
  const [fac, proj] = t.windows;
  await sleep(50);
  report.windows = t.windows.map((w) => ({
    id: w.id,
    url: w.webContents.url,
    bounds: w.bounds,
    fullScreen: w.fullScreen,
    webPreferences: w.options.webPreferences,
  }));
  report.fork = t.log.find((e) => e.type === 'utilityProcess.fork');
  report.blockers = t.log.filter((e) => e.type === 'powerSaveBlocker.start').map((e) => e.kind);

  // Security handlers.
  const port = new URL(fac.webContents.url).port;
  const hub = `http://127.0.0.1:${port}`;
  const cancelOf = (url) => new Promise((resolve) => t.handlers.beforeRequest({ url }, (r) => resolve(r.cancel)));
  report.cancel = {
    hub: await cancelOf(`${hub}/assets/app.js`),
    ws: await cancelOf(`ws://127.0.0.1:${port}/ws`),
    internet: await cancelOf('https://example.com/x.js'),
    otherPort: await cancelOf('http://127.0.0.1:1/'),
  };
  report.permission = await new Promise((resolve) => t.handlers.permissionRequest(fac.webContents, 'media', resolve));
  report.permissionCheck = t.handlers.permissionCheck(fac.webContents, 'clipboard-read');
  const csp = await new Promise((resolve) =>
    t.handlers.headersReceived({ url: `${hub}/`, responseHeaders: {} }, (r) => resolve(r.responseHeaders)),
  );
  report.fallbackCsp = csp['Content-Security-Policy']?.[0] ?? null;
  let prevented = false;
  fac.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example/');
  report.navigateAwayPrevented = prevented;
  prevented = false;
  fac.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, `${hub}/#/x`);
  report.navigateHubPrevented = prevented;
  report.windowOpen = fac.webContents.openHandler({ url: 'https://www.sitra.fi/' });
  report.windowOpenFile = fac.webContents.openHandler({ url: 'file:///etc/passwd' });

  // File dialogs.
  const choose = t.ipcHandlers.get('puntari:chooseFile');
  const evFac = { sender: fac.webContents, senderFrame: { url: fac.webContents.url } };
  const evProj = { sender: proj.webContents, senderFrame: { url: proj.webContents.url } };
  const evForeign = { sender: fac.webContents, senderFrame: { url: 'https://evil.example/' } };
  const outcome = (p) => p.then((v) => ({ ok: v }), (e) => ({ error: e.message }));
  report.choose = {
    save: await outcome(choose(evFac, 'save', '../../etc/Lausuma.docx')),
    open: await outcome(choose(evFac, 'open', 'ehdokkaat.csv')),
    folder: await outcome(choose(evFac, 'folder')),
    projector: await outcome(choose(evProj, 'save', 'x')),
    foreign: await outcome(choose(evForeign, 'save', 'x')),
    badKind: await outcome(choose(evFac, 'exec', 'x')),
  };
  report.saveDialog = t.log.find((e) => e.type === 'showSaveDialog')?.options;
  report.openDialog = t.log.find((e) => e.type === 'showOpenDialog')?.options;

  // Menu (the system locale is sv-FI, so the menu is in Swedish).
  const menu = t.getMenu().template;
  report.menuTop = menu.map((m) => m.label ?? m.role);
  findItem(menu, 'Säkerhetskopior…').click();
  await sleep(20);
  report.afterBackups = fac.webContents.url;

  // The hub crashes: it comes back and the windows get fresh credentials.
  const before = t.windows.map((w) => w.webContents.url);
  t.children[0].kill();
  await until(() => t.children.length === 2 && t.windows.every((w, i) => w.webContents.url !== before[i] && w.webContents.url.includes('code=')));
  report.afterRestart = t.windows.map((w) => w.webContents.url);
  report.restartArgs = t.log.filter((e) => e.type === 'utilityProcess.fork').map((e) => e.args);

  // Toggle the projector off from the menu.
  findItem(t.getMenu().template, 'Projektorfönster').click();
  await sleep(20);
  report.projectorClosed = proj.destroyed;

  // Quit: the hub is asked to shut down and exits cleanly.
  const exited = new Promise((resolve) => t.children[1].child.once('exit', (code) => resolve(code)));
  fake.app.quit();
  report.hubExit = await exited;
  await until(() => t.log.some((e) => e.type === 'app.quit'));
  report.blockersLeft = [...t.blockers];
  process.stdout.write(`REPORT ${JSON.stringify(report)}\n`);
  process.exit(0);
}

main().catch((e) => {
  process.stdout.write(`REPORT ${JSON.stringify({ error: String(e && e.stack), log: t.log })}\n`);
  process.exit(1);
});

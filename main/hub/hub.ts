import { copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { PuntariError, type WireError } from '../../shared/errors.js';
import type { JobStatus, PoolOnRestore } from '../../shared/host.js';
import { shortCode } from '../../shared/ids.js';
import type { HostStatus } from '../../shared/panel.js';
import { canSee, CLOSE, type Change, type DevicePresence } from '../../shared/protocol.js';
import type { Principal } from '../../shared/roles.js';
import { findDeviceByTokenHash, liveDeviceIds, readDevice, setDeviceStatus, touchDevice } from '../features/devices/devices.js';
import { readBasics } from '../features/panels/panels.js';
import { carryCopyFolders, copyTargets, isCopyFolderRemembered, rememberCopyFolder, removeCopies, type CopiesRemoved } from '../features/selection/poolCopies.js';
import { closeRecruitment, copyRecruitment, recruitmentLinkAt, recruitmentPath } from '../features/selection/recruitmentFile.js';
import { emitSelection, readSettings } from '../features/selection/store.js';
import { JobRunner } from '../jobs/runner.js';
import { backupCompanion, backupStem, listBackups, pruneBackups, writeBackup } from '../store/backups.js';
import { createPanelFile, openPanelFile, startNewEpoch } from '../store/panelFile.js';
import { send, type Client } from './clients.js';
import { HostConfig } from './hostConfig.js';
import { PanelSession, type LoggedChange } from './panelSession.js';
import { lanAddresses, RoomListener } from './room.js';

export const FACILITATOR: Principal = { role: 'facilitator', deviceId: null, deviceName: 'facilitator', tableNo: null };
const VIEWER: Principal = { role: 'viewer', deviceId: null, deviceName: 'viewer', tableNo: null };
function isManager(client: Client): boolean {
  return !client.pending && (client.principal.role === 'facilitator' || client.principal.role === 'cofacilitator');
}

interface SavedRoom {
  pairingCode: string;
  viewCode: string;
  viewerTokens: string[];
}

const ROOM_RESUME_MS = 12 * 60 * 60 * 1000;
const CODE_TTL_MS = 10 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export interface Resolved {
  kind: Client['kind'];
  principal: Principal;
  pending: boolean;
}

/**
 * The hub's state: the open panel, the room, who is connected. Routes and sockets call into it;
 * it owns every write to the panel and every broadcast.
 */
export class Hub {
  session: PanelSession | null = null;
  readonly clients = new Set<Client>();
  readonly room = new RoomListener();
  readonly jobs: JobRunner;
  private roomOpen = false;
  private pairingCode: string | null = null;
  private viewCode: string | null = null;
  private joinUrls: string[] = [];
  private readonly facilitatorCodes = new Map<string, number>();
  private readonly viewerTokens = new Set<string>();
  private readonly presence = new Map<string, DevicePresence>();
  private backupTimer: NodeJS.Timeout | null = null;
  private lastBackupAt: string | null = null;
  private lastBackupError: string | null = null;
  port = 0;

  constructor(
    readonly config: HostConfig,
    private readonly options: { roomBind?: string[]; roomHostnames: string[] },
  ) {
    this.jobs = new JobRunner((job) => this.broadcastJob(job));
  }

  // ------------------------------------------------------------ credentials

  newFacilitatorCode(): string {
    const code = shortCode(16);
    const now = Date.now();
    for (const [c, expires] of this.facilitatorCodes) if (expires < now) this.facilitatorCodes.delete(c);
    this.facilitatorCodes.set(code, now + CODE_TTL_MS);
    return code;
  }

  takeFacilitatorCode(code: string): boolean {
    const expires = this.facilitatorCodes.get(code);
    this.facilitatorCodes.delete(code);
    return expires !== undefined && expires >= Date.now();
  }

  checkPairingCode(code: string): boolean {
    return this.roomOpen && this.pairingCode !== null && code === this.pairingCode;
  }

  checkViewCode(code: string): boolean {
    return this.roomOpen && this.viewCode !== null && code === this.viewCode;
  }

  addViewerToken(hash: string): void {
    this.viewerTokens.add(hash);
    this.saveRoom();
  }

  get isRoomOpen(): boolean {
    return this.roomOpen;
  }

  /** Who holds this token, on this listener; null when nobody (or no longer). */
  resolve(tokenHash: string, lan: boolean): Resolved | { error: WireError } | null {
    if (!lan && this.config.hasFacilitatorToken(tokenHash)) return { kind: 'facilitator', principal: FACILITATOR, pending: false };
    if (this.viewerTokens.has(tokenHash)) return { kind: 'viewer', principal: VIEWER, pending: false };
    if (!this.session) return null;
    const device = findDeviceByTokenHash(this.session.db, tokenHash, (id) => this.isConnected(id));
    if (!device) return null;
    if (device.status === 'rejected') return { error: { code: 'auth.rejected' } };
    if (device.status === 'revoked' || device.status === 'ended') return { error: { code: 'auth.revoked' } };
    return {
      kind: 'device',
      principal: { role: device.role, deviceId: device.id, deviceName: device.name, tableNo: device.tableNo },
      pending: device.status === 'pending',
    };
  }

  isConnected(deviceId: string): boolean {
    for (const c of this.clients) if (c.principal.deviceId === deviceId) return true;
    return false;
  }

  // ------------------------------------------------------------ host status

  status(): HostStatus {
    const prefs = this.session ? this.config.backupPrefs(this.session.panel.path) : null;
    return {
      panel: this.session
        ? { path: this.session.panel.path, name: readBasics(this.session.db).name, encrypted: this.session.panel.encrypted }
        : null,
      room: {
        open: this.roomOpen,
        joinUrls: this.joinUrls,
        pairingCode: this.roomOpen ? this.pairingCode : null,
        viewCode: this.roomOpen ? this.viewCode : null,
      },
      backups: {
        folder: prefs?.folder ?? null,
        intervalMinutes: prefs?.intervalMinutes ?? 5,
        keep: prefs?.keep ?? 24,
        lastBackupAt: this.lastBackupAt,
        lastError: this.lastBackupError,
      },
    };
  }

  /** A device's own report of its outbox and round trip: kept in memory, shown to the managers. */
  reportPresence(client: Client, waiting: number, rttMs: number | null): void {
    const deviceId = client.principal.deviceId;
    if (!deviceId) return;
    const presence: DevicePresence = { deviceId, waiting, rttMs, at: Date.now() };
    this.presence.set(deviceId, presence);
    for (const c of this.clients) if (isManager(c) && c.helloDone) send(c, { t: 'presence', presence });
  }

  broadcastHostStatus(): void {
    const status = this.status();
    if (status.panel) this.config.renameRecent(status.panel.path, status.panel.name);
    for (const c of this.clients) if (c.kind === 'facilitator' && c.helloDone) send(c, { t: 'host', status });
  }

  private broadcastJob(job: JobStatus): void {
    for (const c of this.clients) if (c.kind === 'facilitator') send(c, { t: 'job', job });
  }

  // ------------------------------------------------------------ feed

  broadcast(changes: LoggedChange[]): void {
    if (changes.length === 0 || !this.session) return;
    const epoch = this.session.epoch;
    for (const c of this.clients) {
      if (!c.helloDone || c.pending) continue;
      const visible: Change[] = changes
        .filter((ch) => canSee(c.principal, ch.topic, ch.scope))
        .map(({ seq, topic, key, value }) => ({ seq, topic, key, value }));
      if (visible.length > 0) send(c, { t: 'changes', epoch, changes: visible });
    }
  }

  /** What a client gets after hello: its snapshot, or only what it missed. */
  greet(client: Client, epoch: string | null, seq: number | null): void {
    client.helloDone = true;
    if (client.kind === 'facilitator') send(client, { t: 'host', status: this.status() });
    if (!this.session) {
      send(client, { t: 'noPanel', principal: client.principal });
      return;
    }
    if (client.pending) {
      send(client, { t: 'pending', principal: client.principal });
      return;
    }
    if (epoch === this.session.epoch && seq !== null) {
      const changes = this.session.changesSince(client.principal, seq);
      if (changes !== null) {
        send(client, { t: 'changes', epoch, changes });
        return;
      }
    }
    this.sendSnapshot(client);
  }

  sendSnapshot(client: Client): void {
    if (!this.session) return;
    const { seq, data } = this.session.snapshot(client.principal);
    send(client, { t: 'snapshot', epoch: this.session.epoch, seq, principal: client.principal, data });
    if (isManager(client)) for (const presence of this.presence.values()) send(client, { t: 'presence', presence });
  }

  // ------------------------------------------------------------ devices

  /** Logs a device's connection state so the room screen shows who is connected and when last seen. */
  touch(client: Client, force: boolean): void {
    const id = client.principal.deviceId;
    if (!id || !this.session) return;
    const now = Date.now();
    if (!force && now - client.lastTouch < TOUCH_EVERY_MS) return;
    client.lastTouch = now;
    const session = this.session;
    const changes = session.record(
      client.principal,
      'device.seen',
      null,
      (ctx) => {
        touchDevice(ctx.db, id, ctx.now);
        ctx.change('devices', id, readDevice(ctx.db, id, (d) => this.isConnected(d)));
      },
      false,
    );
    this.broadcast(changes);
  }

  /** After a device's record changed, bring its open sockets in line: approve, move, end. */
  reconcileDevice(deviceId: string): void {
    if (!this.session) return;
    const device = readDevice(this.session.db, deviceId, (d) => this.isConnected(d));
    for (const c of [...this.clients]) {
      if (c.principal.deviceId !== deviceId) continue;
      if (!device || device.status === 'revoked' || device.status === 'ended') {
        send(c, { t: 'error', error: { code: 'auth.revoked' } });
        c.ws.close(CLOSE.revoked, 'revoked');
        continue;
      }
      if (device.status === 'rejected') {
        send(c, { t: 'error', error: { code: 'auth.rejected' } });
        c.ws.close(CLOSE.rejected, 'rejected');
        continue;
      }
      const principal: Principal = { role: device.role, deviceId: device.id, deviceName: device.name, tableNo: device.tableNo };
      const moved = principal.role !== c.principal.role || principal.tableNo !== c.principal.tableNo;
      const approvedNow = c.pending && device.status === 'approved';
      c.principal = principal;
      c.pending = device.status === 'pending';
      if (c.helloDone && (moved || approvedNow)) this.sendSnapshot(c);
    }
  }

  /** A device gives up its own access (end of the day on a borrowed laptop). */
  forgetDevice(deviceId: string): void {
    if (!this.session) return;
    const session = this.session;
    const device = readDevice(session.db, deviceId, () => false);
    if (!device) return;
    const principal: Principal = { role: device.role, deviceId, deviceName: device.name, tableNo: device.tableNo };
    this.broadcast(
      session.record(principal, 'device.forget', { deviceId }, (ctx) => {
        setDeviceStatus(ctx.db, deviceId, 'ended', ctx.now);
        ctx.change('devices', deviceId, readDevice(ctx.db, deviceId, (d) => this.isConnected(d)));
      }),
    );
    this.reconcileDevice(deviceId);
  }

  forgetViewer(hash: string): void {
    this.viewerTokens.delete(hash);
    this.saveRoom();
  }

  // ------------------------------------------------------------ panels

  createPanel(path: string, name: string, passphrase?: string): void {
    const panel = createPanelFile(path, name, passphrase);
    this.adopt(panel);
  }

  openPanel(path: string, passphrase?: string): void {
    if (this.session?.panel.path === path) return;
    const panel = openPanelFile(path, passphrase);
    this.adopt(panel);
  }

  private adopt(panel: ReturnType<typeof openPanelFile>): void {
    this.closePanelQuietly();
    this.session = new PanelSession(panel, (id) => this.isConnected(id));
    this.config.rememberPanel({
      path: panel.path,
      name: readBasics(panel.db).name,
      encrypted: panel.encrypted,
      openedAt: new Date().toISOString(),
    });
    this.scheduleBackups();
    for (const c of this.clients) if (c.kind === 'facilitator' && c.helloDone) this.sendSnapshot(c);
    this.broadcastHostStatus();
  }

  closePanel(): void {
    this.closePanelQuietly();
    for (const c of this.clients) if (c.kind === 'facilitator' && c.helloDone) send(c, { t: 'noPanel', principal: c.principal });
    this.broadcastHostStatus();
  }

  private closePanelQuietly(): void {
    if (!this.session) return;
    void this.closeRoom();
    for (const c of [...this.clients]) {
      if (c.kind !== 'facilitator') c.ws.close(CLOSE.panelClosed, 'panel closed');
    }
    if (this.backupTimer) clearInterval(this.backupTimer);
    this.backupTimer = null;
    this.lastBackupAt = null;
    this.lastBackupError = null;
    const session = this.session;
    this.session = null;
    this.presence.clear();
    closeRecruitment();
    session.panel.close();
  }

  requireSession(): PanelSession {
    if (!this.session) throw new PuntariError('panel.none');
    return this.session;
  }

  // ------------------------------------------------------------ room

  async openRoom(server: Server): Promise<void> {
    const session = this.requireSession();
    if (this.roomOpen) return;
    await this.listenOnRoom(server, { pairingCode: shortCode(6), viewCode: shortCode(6), viewerTokens: [] });
    session.record(FACILITATOR, 'room.open', { addresses: this.joinUrls }, () => undefined);
    this.broadcastHostStatus();
  }

  private async listenOnRoom(server: Server, room: SavedRoom): Promise<void> {
    const addresses = this.options.roomBind ?? lanAddresses();
    if (addresses.length === 0) throw new PuntariError('room.noNetwork', { address: '' });
    await this.room.open(addresses, this.port, server);
    this.roomOpen = true;
    this.pairingCode = room.pairingCode;
    this.viewCode = room.viewCode;
    for (const hash of room.viewerTokens) this.viewerTokens.add(hash);
    this.joinUrls = addresses.map((a) => `http://${a}:${this.port}/`);
    this.saveRoom();
  }

  /** The room's state is kept in the panel while open, so a hub that crashed or was restarted opens it again. */
  private saveRoom(): void {
    if (!this.session) return;
    const db = this.session.db;
    if (!this.roomOpen) {
      db.prepare("DELETE FROM meta WHERE key = 'room'").run();
      return;
    }
    const room: SavedRoom & { at: number } = {
      pairingCode: this.pairingCode!,
      viewCode: this.viewCode!,
      viewerTokens: [...this.viewerTokens],
      at: Date.now(),
    };
    db.prepare("INSERT INTO meta (key, value) VALUES ('room', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify(room));
  }

  /**
   * Opens the room again after a crash or restart, with the same codes, so the table laptops
   * reconnect on their own. A room left open more than half a day ago stays closed.
   */
  async resumeRoom(server: Server): Promise<void> {
    if (!this.session || this.roomOpen) return;
    const row = this.session.db.prepare("SELECT value FROM meta WHERE key = 'room'").get() as { value: string } | undefined;
    if (!row) return;
    const saved = JSON.parse(row.value) as SavedRoom & { at: number };
    if (Date.now() - saved.at > ROOM_RESUME_MS) {
      this.session.db.prepare("DELETE FROM meta WHERE key = 'room'").run();
      return;
    }
    try {
      await this.listenOnRoom(server, saved);
      this.broadcastHostStatus();
    } catch {
      // The network is not there now: the facilitator opens the room again by hand.
    }
  }

  async closeRoom(): Promise<void> {
    if (!this.roomOpen) return;
    this.roomOpen = false;
    this.pairingCode = null;
    this.viewCode = null;
    this.joinUrls = [];
    this.viewerTokens.clear();
    this.saveRoom();
    for (const c of [...this.clients]) {
      if (c.lan || c.kind === 'viewer') {
        send(c, { t: 'error', error: { code: 'auth.roomClosed' } });
        c.ws.close(CLOSE.roomClosed, 'room closed');
      }
    }
    await this.room.close();
    const session = this.session;
    if (session) {
      const ended = liveDeviceIds(session.db);
      this.broadcast(
        session.record(FACILITATOR, 'room.close', { endedDevices: ended.length }, (ctx) => {
          for (const id of ended) {
            setDeviceStatus(ctx.db, id, 'ended', ctx.now);
            ctx.change('devices', id, readDevice(ctx.db, id, (d) => this.isConnected(d)));
          }
        }),
      );
    }
    this.broadcastHostStatus();
  }

  // ------------------------------------------------------------ backups

  setBackups(prefs: { folder: string | null; intervalMinutes: number; keep: number }): void {
    const session = this.requireSession();
    this.config.setBackupPrefs(session.panel.path, prefs);
    this.scheduleBackups();
    this.broadcastHostStatus();
  }

  private scheduleBackups(): void {
    if (this.backupTimer) clearInterval(this.backupTimer);
    this.backupTimer = null;
    if (!this.session) return;
    const prefs = this.config.backupPrefs(this.session.panel.path);
    if (!prefs.folder) return;
    this.backupTimer = setInterval(() => {
      try {
        this.backupNow();
      } catch {
        // backupNow records the error for the facilitator's screen
      }
    }, prefs.intervalMinutes * 60 * 1000);
    this.backupTimer.unref();
  }

  backupNow() {
    const session = this.requireSession();
    const prefs = this.config.backupPrefs(session.panel.path);
    if (!prefs.folder) throw new PuntariError('backup.folderMissing', { folder: '' });
    try {
      this.rememberPoolCopyFolder(prefs.folder);
      const file = writeBackup(session.db, session.panel.path, prefs.folder);
      // The sign-up pool lives in its own file: backed up beside the panel, with the same retention.
      try {
        file.pool = copyRecruitment(session.panel.path, session.panel.passphrase, backupCompanion(file.path, 'recruitment'));
      } catch (error) {
        throw new PuntariError('backup.failed', { folder: prefs.folder, detail: (error as Error).message });
      }
      pruneBackups(session.panel.path, prefs.folder, prefs.keep);
      this.lastBackupAt = file.createdAt;
      this.lastBackupError = null;
      this.broadcastHostStatus();
      return file;
    } catch (error) {
      this.lastBackupError = error instanceof PuntariError ? error.code : String(error);
      this.broadcastHostStatus();
      throw error;
    }
  }

  /**
   * Before a copy of the recruitment file goes to a folder, the panel notes the folder (once), so
   * forgetting the pool finds the copy even after the backup folder has changed.
   */
  private rememberPoolCopyFolder(folder: string): void {
    const session = this.requireSession();
    if (!existsSync(recruitmentPath(session.panel.path)) || !existsSync(folder)) return;
    const where = resolve(folder);
    const prefix = backupStem(session.panel.path);
    if (isCopyFolderRemembered(session.db, where, prefix)) return;
    this.broadcast(
      session.record(FACILITATOR, 'backup.poolCopyFolder', { folder: where }, (ctx) => {
        rememberCopyFolder(ctx.db, where, prefix, ctx.now);
        emitSelection(ctx);
      }),
    );
  }

  listBackups() {
    const session = this.requireSession();
    const prefs = this.config.backupPrefs(session.panel.path);
    return prefs.folder ? listBackups(session.panel.path, prefs.folder) : [];
  }

  /**
   * Replaces the open panel with a backup. The current file is kept beside it, the backup is
   * checked before anything is swapped, and the restored panel starts a new epoch of the feed.
   * The sign-up pool goes with it: the recruitment file backed up beside the panel comes back
   * too; without one, the current recruitment file stays when it belongs to the restored panel
   * and is set aside (never deleted) when it does not.
   */
  restoreBackup(backupPath: string): PoolOnRestore {
    const session = this.requireSession();
    if (!existsSync(backupPath)) throw new PuntariError('backup.notFound', { path: backupPath });
    const { path, passphrase } = session.panel;
    const staging = `${path}.restoring.puntari`;
    const poolFile = recruitmentPath(path);
    const poolBackup = backupCompanion(backupPath, 'recruitment');
    const poolStaging = `${poolFile}.restoring`;
    const cleanup = () => {
      rmSync(staging, { force: true });
      rmSync(poolStaging, { force: true });
    };
    cleanup();
    copyFileSync(backupPath, staging);
    let link: string | null;
    try {
      const check = openPanelFile(staging, passphrase);
      startNewEpoch(check.db);
      check.db.prepare("DELETE FROM meta WHERE key = 'room'").run();
      carryCopyFolders(session.db, check.db);
      link = readSettings(check.db).link;
      check.close();
      if (existsSync(poolBackup)) {
        copyFileSync(poolBackup, poolStaging);
        if (link === null || recruitmentLinkAt(poolStaging, passphrase) !== link) throw new PuntariError('selection.recruitmentMismatch', { file: basename(poolBackup) });
      }
    } catch (error) {
      cleanup();
      throw error;
    }
    let currentBelongs = false;
    if (existsSync(poolFile) && link !== null) {
      try {
        currentBelongs = recruitmentLinkAt(poolFile, passphrase) === link;
      } catch {
        // Unreadable with this passphrase: not the restored panel's.
      }
    }
    this.closePanelQuietly();
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
    renameSync(path, `${path}.before-restore-${stamp}`);
    renameSync(staging, path);
    let result: PoolOnRestore = { pool: 'none', setAside: null };
    const setAside = () => {
      if (!existsSync(poolFile)) return null;
      const aside = `${poolFile}.before-restore-${stamp}`;
      renameSync(poolFile, aside);
      return basename(aside);
    };
    if (existsSync(poolStaging)) {
      result = { pool: 'restored', setAside: setAside() };
      renameSync(poolStaging, poolFile);
    } else if (currentBelongs) result = { pool: 'kept', setAside: null };
    else if (existsSync(poolFile)) result = { pool: 'setAside', setAside: setAside() };
    this.adopt(openPanelFile(path, passphrase));
    return result;
  }

  /**
   * Deletes every copy of the sign-up pool that backups and restores made of this panel's
   * recruitment file (when the pool is forgotten after the draw: its personal data must not live on):
   * in every folder backups wrote one to, and the ones set aside beside the panel by restores.
   * The caller writes the outcome into the panel (settleCopyFolders) with its audit row.
   */
  forgetPoolCopies(): CopiesRemoved {
    const session = this.requireSession();
    const prefs = this.config.backupPrefs(session.panel.path);
    const configured = prefs.folder ? { folder: resolve(prefs.folder), prefix: backupStem(session.panel.path) } : null;
    const outcome = removeCopies(copyTargets(session.db, configured));
    const poolFile = recruitmentPath(session.panel.path);
    const prefix = `${basename(poolFile)}.before-restore-`;
    for (const name of readdirSync(dirname(poolFile))) {
      if (!name.startsWith(prefix)) continue;
      rmSync(join(dirname(poolFile), name), { force: true });
      outcome.removed++;
    }
    return outcome;
  }

  exportAuditLog(out: string): string {
    const session = this.requireSession();
    return this.jobs.start('audit.exportCsv', { panelPath: session.panel.path, passphrase: session.panel.passphrase, out });
  }

  /** Stopping the hub is not closing the room: it reopens when the hub starts again. */
  async shutdown(): Promise<void> {
    if (this.backupTimer) clearInterval(this.backupTimer);
    await this.room.close();
    await this.jobs.stopAll();
    for (const c of this.clients) c.ws.terminate();
    if (this.session) {
      this.session.panel.close();
      this.session = null;
    }
  }
}


import type { Server } from 'node:http';
import type { CommandInput, CommandResult } from '../../shared/protocol.js';
import { assertNever } from '../../shared/protocol.js';
import type { Hub } from './hub.js';

type HostCommandName = Extract<keyof typeof import('../../shared/host.js').hostCommands, string>;

/** Host commands act on the host, not inside a panel transaction; only the facilitator's windows send them. */
export async function runHostCommand<K extends HostCommandName>(
  hub: Hub,
  server: Server,
  name: K,
  input: CommandInput<K>,
): Promise<CommandResult<K>> {
  const n = name as HostCommandName;
  switch (n) {
    case 'host.createPanel': {
      const i = input as CommandInput<'host.createPanel'>;
      hub.createPanel(i.path, i.name, i.passphrase);
      return { path: i.path } as CommandResult<K>;
    }
    case 'host.openPanel': {
      const i = input as CommandInput<'host.openPanel'>;
      hub.openPanel(i.path, i.passphrase);
      await hub.resumeRoom(server);
      return { path: i.path } as CommandResult<K>;
    }
    case 'host.closePanel':
      hub.closePanel();
      return null as CommandResult<K>;
    case 'host.recentPanels':
      return hub.config.recent() as CommandResult<K>;
    case 'host.forgetRecent':
      hub.config.forgetPanel((input as CommandInput<'host.forgetRecent'>).path);
      return null as CommandResult<K>;
    case 'host.openRoom':
      await hub.openRoom(server);
      return null as CommandResult<K>;
    case 'host.closeRoom':
      await hub.closeRoom();
      return null as CommandResult<K>;
    case 'host.setBackups':
      hub.setBackups(input as CommandInput<'host.setBackups'>);
      return null as CommandResult<K>;
    case 'host.backupNow':
      return hub.backupNow() as CommandResult<K>;
    case 'host.listBackups':
      return hub.listBackups() as CommandResult<K>;
    case 'host.restoreBackup':
      return hub.restoreBackup((input as CommandInput<'host.restoreBackup'>).path) as CommandResult<K>;
    case 'host.exportAuditLog':
      return { jobId: hub.exportAuditLog((input as CommandInput<'host.exportAuditLog'>).path) } as CommandResult<K>;
    case 'host.cancelJob':
      hub.jobs.cancel((input as CommandInput<'host.cancelJob'>).jobId);
      return null as CommandResult<K>;
    default:
      return assertNever(n);
  }
}

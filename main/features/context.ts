import type { ChangeScope, CommandInput, CommandName, CommandResult, TopicName, Topics } from '../../shared/protocol.js';
import type { Principal } from '../../shared/roles.js';
import type { Db } from '../store/sqlite.js';

/** What a command handler gets: the open panel inside the command's transaction, and who sent it. */
export interface CommandContext {
  db: Db;
  principal: Principal;
  now: Date;
  /** Records a change for the feed; it is broadcast after the transaction commits. */
  change<K extends TopicName>(topic: K, key: string, value: Topics[K] | null, scope?: ChangeScope): void;
  /** Whether a paired device has an open connection right now. */
  isConnected(deviceId: string): boolean;
}

export type PanelCommandName = Exclude<CommandName, `host.${string}`>;

export type CommandHandler<K extends PanelCommandName> = (input: CommandInput<K>, ctx: CommandContext) => CommandResult<K>;

export type CommandHandlers = { [K in PanelCommandName]: CommandHandler<K> };

export interface TopicEntry<K extends TopicName> {
  key: string;
  value: Topics[K];
  scope: ChangeScope;
}

export interface SnapshotContext {
  db: Db;
  isConnected(deviceId: string): boolean;
}

/** Reads every record of a topic, for a snapshot; the hub filters them by the reader's role. */
export type TopicReader<K extends TopicName> = (ctx: SnapshotContext) => TopicEntry<K>[];

export type TopicReaders = { [K in TopicName]: TopicReader<K> };

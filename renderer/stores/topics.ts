import { useMemo } from 'react';
import { create } from 'zustand';
import { TOPIC_ACCESS, type Change, type Snapshot, type TopicName, type Topics } from '../../shared/protocol.js';

/** Every topic the hub can broadcast, in a stable order. */
export const TOPIC_NAMES = Object.keys(TOPIC_ACCESS) as TopicName[];

export type TopicData = { [K in TopicName]: Record<string, Topics[K]> };

export interface TopicsState {
  /** The change feed's epoch the data belongs to; null before the first snapshot. */
  epoch: string | null;
  /** The last sequence number applied. */
  seq: number;
  data: TopicData;
}

export function emptyTopicData(): TopicData {
  const data = {} as Record<TopicName, Record<string, unknown>>;
  for (const name of TOPIC_NAMES) data[name] = {};
  return data as TopicData;
}

const initial = (): TopicsState => ({ epoch: null, seq: 0, data: emptyTopicData() });

/** A mirror of the hub's topics, fed by snapshots and changes (see renderer/hub/client.ts). */
export const useTopics = create<TopicsState>()(() => initial());

/** Forget every record (end of day, no panel open, another panel opened). */
export function resetTopics(): void {
  useTopics.setState(initial(), true);
}

/** A snapshot replaces everything: topics it does not carry are ones this screen may not see. */
export function applySnapshot(snapshot: { epoch: string; seq: number; data: Snapshot }): void {
  const data = emptyTopicData() as Record<TopicName, Record<string, unknown>>;
  for (const name of TOPIC_NAMES) {
    const records = snapshot.data[name];
    if (records) data[name] = { ...records };
  }
  useTopics.setState({ epoch: snapshot.epoch, seq: snapshot.seq, data: data as TopicData }, true);
}

/**
 * Apply a batch of changes from the feed. Returns 'mismatch' (and changes nothing) when the batch
 * belongs to another epoch than the data we hold, e.g. the hub restored a backup: the client must
 * then ask for a fresh snapshot. Changes at or below the last applied sequence are skipped (replays).
 */
export function applyChanges(epoch: string, changes: readonly Change[]): 'applied' | 'mismatch' {
  const state = useTopics.getState();
  if (state.epoch === null || state.epoch !== epoch) return 'mismatch';
  let seq = state.seq;
  const touched = new Map<TopicName, Record<string, unknown>>();
  for (const change of changes) {
    if (change.seq <= seq) continue;
    seq = change.seq;
    if (!Object.prototype.hasOwnProperty.call(TOPIC_ACCESS, change.topic)) continue;
    let records = touched.get(change.topic);
    if (!records) {
      records = { ...state.data[change.topic] };
      touched.set(change.topic, records);
    }
    if (change.value === null) delete records[change.key];
    else records[change.key] = change.value;
  }
  if (seq === state.seq && touched.size === 0) return 'applied';
  const data = { ...state.data } as Record<TopicName, Record<string, unknown>>;
  for (const [name, records] of touched) data[name] = records;
  useTopics.setState({ seq, data: data as TopicData });
  return 'applied';
}

/** One topic's records keyed by id. The object is replaced whenever any record in it changes. */
export function useTopic<K extends TopicName>(topic: K): Record<string, Topics[K]> {
  return useTopics((s) => s.data[topic]);
}

export type TopicSort<K extends TopicName> = keyof Topics[K] | ((a: Topics[K], b: Topics[K]) => number);

/** Compare two field values: numbers numerically, strings by locale, null/undefined last. */
export function compareValues(a: unknown, b: unknown): number {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

/** Sort a topic's records: by a field, by a comparator, or (default) by record key. */
export function sortRecords<K extends TopicName>(
  records: Record<string, Topics[K]>,
  sortBy?: TopicSort<K>,
): Topics[K][] {
  if (sortBy === undefined) {
    return Object.keys(records)
      .sort()
      .map((key) => records[key]!);
  }
  const list = Object.values(records);
  if (typeof sortBy === 'function') return list.sort(sortBy);
  return list.sort((a, b) => compareValues(a[sortBy], b[sortBy]));
}

/**
 * One topic's records as an array, sorted by a field or a comparator (default: by key).
 * Memoised on the topic's record object, so a stable `sortBy` gives a stable array.
 */
export function useTopicList<K extends TopicName>(topic: K, sortBy?: TopicSort<K>): Topics[K][] {
  const records = useTopic(topic);
  return useMemo(() => sortRecords(records, sortBy), [records, sortBy]);
}

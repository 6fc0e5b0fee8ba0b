import { beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../shared/protocol.js';
import type { PanelTable } from '../../shared/participants.js';
import {
  TOPIC_NAMES,
  applyChanges,
  applySnapshot,
  compareValues,
  resetTopics,
  sortRecords,
  useTopics,
} from '../../renderer/stores/topics.js';

const table = (no: number): PanelTable => ({ no } as unknown as PanelTable);

describe('topics store', () => {
  beforeEach(() => resetTopics());

  it('starts with every topic present and empty', () => {
    const { data, epoch, seq } = useTopics.getState();
    expect(epoch).toBeNull();
    expect(seq).toBe(0);
    expect(Object.keys(data).sort()).toEqual([...TOPIC_NAMES].sort());
    for (const name of TOPIC_NAMES) expect(data[name]).toEqual({});
  });

  it('a snapshot replaces everything, topics it lacks become empty', () => {
    applySnapshot({ epoch: 'e1', seq: 3, data: { tables: { a: table(1) }, experts: {} } });
    applySnapshot({ epoch: 'e1', seq: 4, data: { tables: { b: table(2) } } });
    const s = useTopics.getState();
    expect(s.epoch).toBe('e1');
    expect(s.seq).toBe(4);
    expect(s.data.tables).toEqual({ b: table(2) });
    expect(s.data.experts).toEqual({});
  });

  it('applies changes in order: upserts, deletes, skips replays, keeps untouched topics identical', () => {
    applySnapshot({ epoch: 'e1', seq: 10, data: { tables: { a: table(1), b: table(2) } } });
    const expertsBefore = useTopics.getState().data.experts;
    const changes: Change[] = [
      { seq: 9, topic: 'tables', key: 'z', value: table(99) }, // replay, skipped
      { seq: 11, topic: 'tables', key: 'c', value: table(3) },
      { seq: 12, topic: 'tables', key: 'a', value: null },
      { seq: 13, topic: 'tables', key: 'b', value: table(22) },
    ];
    expect(applyChanges('e1', changes)).toBe('applied');
    const s = useTopics.getState();
    expect(s.seq).toBe(13);
    expect(s.data.tables).toEqual({ b: table(22), c: table(3) });
    expect(s.data.experts).toBe(expertsBefore);
    // the same batch again changes nothing
    const before = useTopics.getState().data.tables;
    expect(applyChanges('e1', changes)).toBe('applied');
    expect(useTopics.getState().data.tables).toBe(before);
  });

  it('reports a mismatch for another epoch (or before any snapshot) and changes nothing', () => {
    expect(applyChanges('e1', [{ seq: 1, topic: 'tables', key: 'a', value: table(1) }])).toBe('mismatch');
    applySnapshot({ epoch: 'e1', seq: 1, data: {} });
    expect(applyChanges('e2', [{ seq: 2, topic: 'tables', key: 'a', value: table(1) }])).toBe('mismatch');
    expect(useTopics.getState().data.tables).toEqual({});
    expect(useTopics.getState().seq).toBe(1);
  });

  it('sorts records by key, by field (numbers, strings, nulls last) or comparator', () => {
    const records = { b: { no: 10, name: 'Ö' }, a: { no: 2, name: null }, c: { no: 1, name: 'A' } } as unknown as Record<
      string,
      PanelTable
    >;
    expect(sortRecords<'tables'>(records).map((r) => r.no)).toEqual([2, 10, 1]);
    expect(sortRecords<'tables'>(records, 'no').map((r) => r.no)).toEqual([1, 2, 10]);
    expect(sortRecords<'tables'>(records, (x, y) => y.no - x.no).map((r) => r.no)).toEqual([10, 2, 1]);
    expect(compareValues(null, 'a')).toBeGreaterThan(0);
    expect(compareValues('t2', 't10')).toBeLessThan(0);
  });
});

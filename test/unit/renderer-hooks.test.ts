// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyChanges, applySnapshot, resetTopics, useTopic, useTopicList } from '../../renderer/stores/topics.js';
import { useJob, resetJobs, updateJob } from '../../renderer/stores/jobs.js';
import type { PanelTable } from '../../shared/participants.js';

const table = (no: number, name: string): PanelTable => ({ no, name, capacity: 6, language: 'fi', accessible: true });

describe('topic hooks', () => {
  beforeEach(() => {
    resetTopics();
    resetJobs();
  });

  it('useTopicList sorts, re-renders on changes and keeps its array while nothing changed', () => {
    const { result, rerender } = renderHook(() => useTopicList('tables', 'no'));
    expect(result.current).toEqual([]);
    act(() => applySnapshot({ epoch: 'e', seq: 1, data: { tables: { a: table(3, 'C'), b: table(1, 'A') } } }));
    expect(result.current.map((t) => t.no)).toEqual([1, 3]);
    const before = result.current;
    rerender();
    expect(result.current).toBe(before);
    act(() => void applyChanges('e', [{ seq: 2, topic: 'tables', key: 'c', value: table(2, 'B') }]));
    expect(result.current.map((t) => t.name)).toEqual(['A', 'B', 'C']);
    act(() => void applyChanges('e', [{ seq: 3, topic: 'experts', key: 'x', value: null }]));
    expect(result.current.map((t) => t.name)).toEqual(['A', 'B', 'C']);
  });

  it('useTopic returns the record map; useJob follows a job', () => {
    const topic = renderHook(() => useTopic('tables'));
    act(() => applySnapshot({ epoch: 'e', seq: 1, data: { tables: { a: table(1, 'A') } } }));
    expect(Object.keys(topic.result.current)).toEqual(['a']);
    const job = renderHook(() => useJob('j1'));
    expect(job.result.current).toBeUndefined();
    act(() => updateJob({ id: 'j1', kind: 'export', state: 'done', progress: 1, error: null, result: { path: '/x' } }));
    expect(job.result.current?.state).toBe('done');
  });
});

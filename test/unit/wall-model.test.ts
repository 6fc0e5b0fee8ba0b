import { describe, expect, it } from 'vitest';
import type { TableNote } from '../../shared/notes.js';
import type { ExpertQuestion } from '../../shared/questions.js';
import { movePosition, queueOrder, sourceTables, wallNotes, wallTables } from '../../renderer/views/facilitator/room-notes/model.js';

function note(id: string, tableNo: number, kind: TableNote['kind'], extra: Partial<TableNote> = {}): TableNote {
  return {
    id,
    tableNo,
    itemId: 'i1',
    kind,
    text: id,
    version: 1,
    deleted: false,
    marked: false,
    transcribedBy: null,
    photoId: null,
    authorDevice: 'x',
    createdAt: `2026-11-14T10:00:0${id.length}Z`,
    updatedAt: '',
    conflicts: [],
    ...extra,
  };
}

describe('the wall model', () => {
  it('moves a question next to a neighbour in the whole queue, whatever the filter shows', () => {
    const queue = ['a', 'b', 'c', 'd', 'e'];
    // The screen shows a, c, e (b and d filtered out): e moved up before c lands at index 2 of the whole queue.
    expect(movePosition(queue, 'e', { before: 'c' })).toBe(2);
    // a moved down after c: after removing a, c is at 1, so a goes to 2.
    expect(movePosition(queue, 'a', { after: 'c' })).toBe(2);
    expect(movePosition(queue, 'b', { before: 'a' })).toBe(0);
    expect(movePosition(queue, 'a', { after: 'e' })).toBe(4);
  });

  it('keeps merged questions out of the queue and orders by position', () => {
    const q = (id: string, position: number, mergedInto: string | null = null) => ({ id, position, mergedInto, createdAt: '' }) as ExpertQuestion;
    expect(queueOrder([q('x', 2), q('y', 0), q('z', 1, 'x')]).map((e) => e.id)).toEqual(['y', 'x']);
  });

  it('filters notes by item, kind, table and mark, and never shows deleted ones', () => {
    const notes = [note('a', 1, 'proposal'), note('bb', 2, 'keyPoint'), note('ccc', 2, 'proposal', { marked: true }), note('dddd', 3, 'proposal', { deleted: true }), note('e', 1, 'proposal', { itemId: 'i2' })];
    const all = new Set(['proposal', 'keyPoint']);
    expect(wallNotes(notes, { itemId: 'i1', kinds: all, tableNo: null, markedOnly: false }).map((n) => n.id)).toEqual(['a', 'bb', 'ccc']);
    expect(wallNotes(notes, { itemId: 'i1', kinds: new Set(['proposal']), tableNo: 2, markedOnly: false }).map((n) => n.id)).toEqual(['ccc']);
    expect(wallNotes(notes, { itemId: 'i1', kinds: all, tableNo: null, markedOnly: true }).map((n) => n.id)).toEqual(['ccc']);
    expect(wallTables([{ no: 2 } as never], notes)).toEqual([1, 2, 3]);
    const byId = Object.fromEntries(notes.map((n) => [n.id, n]));
    expect(sourceTables({ sourceNoteIds: ['ccc', 'a', 'bb', 'gone'] } as never, byId)).toEqual([1, 2]);
  });
});

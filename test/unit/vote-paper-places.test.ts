import { describe, expect, it } from 'vitest';
import { rankingFromPlaces } from '../../renderer/views/votes/model.js';

const subjects = ['A', 'B', 'C'].map((id) => ({ id, label: id, recommendationId: null }));
const irv = { subjects, rankingCount: 'irv' as const };
const borda = { subjects, rankingCount: 'borda' as const };

describe('a paper ranking ballot read from its places', () => {
  it('orders the options by place; instant runoff takes a ranking that stops early', () => {
    expect(rankingFromPlaces(borda, { A: '2', B: ' 3 ', C: '1' })).toEqual({ ranking: ['C', 'A', 'B'] });
    expect(rankingFromPlaces(irv, { B: '1', A: '2' })).toEqual({ ranking: ['B', 'A'] });
  });

  it('names two options at one place, a skipped place, and Borda options without a place', () => {
    expect(rankingFromPlaces(irv, { A: '1', B: '2', C: '2' })).toEqual({ problem: { kind: 'tied', place: 2, subjectIds: ['B', 'C'] } });
    expect(rankingFromPlaces(irv, { A: '1', C: '3' })).toEqual({ problem: { kind: 'gap', place: 2, subjectIds: [] } });
    expect(rankingFromPlaces(irv, { A: '2' })).toEqual({ problem: { kind: 'gap', place: 1, subjectIds: [] } });
    expect(rankingFromPlaces(borda, { A: '1', B: '2' })).toEqual({ problem: { kind: 'unranked', subjectIds: ['C'] } });
  });

  it('refuses places that are not whole numbers 1…n, and a ballot with none', () => {
    expect(rankingFromPlaces(irv, { A: '1', B: '4', C: 'x' })).toEqual({ problem: { kind: 'notPlace', subjectIds: ['B', 'C'] } });
    expect(rankingFromPlaces(irv, { A: '1.5' })).toEqual({ problem: { kind: 'notPlace', subjectIds: ['A'] } });
    expect(rankingFromPlaces(irv, { A: ' ' })).toEqual({ problem: { kind: 'empty', subjectIds: [] } });
  });
});

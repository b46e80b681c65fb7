import { describe, expect, it } from 'vitest';
import { rankSuggestions } from './rank.js';

const s = (id: string, productId: string, score: number, mediaMs: number) => ({ id, productId, score, mediaMs, segmentId: 'seg', text: 'x' });

describe('rankSuggestions', () => {
  it('ranks by score, then by recency', () => {
    const out = rankSuggestions([s('a', 'p1', 0.5, 10), s('b', 'p2', 0.9, 5), s('c', 'p3', 0.5, 20)], new Set(), new Set());
    expect(out.map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });
  it('never shows a product already on air, nor hidden ones', () => {
    const out = rankSuggestions([s('a', 'p1', 0.9, 1), s('b', 'p2', 0.8, 1), s('c', 'p3', 0.7, 1)], new Set(['p1']), new Set(['b']));
    expect(out.map((x) => x.id)).toEqual(['c']);
  });
  it('keeps one entry per product, its best', () => {
    const out = rankSuggestions([s('a', 'p1', 0.6, 1), s('b', 'p1', 0.8, 2), s('c', 'p1', 0.8, 1)], new Set(), new Set());
    expect(out.map((x) => x.id)).toEqual(['b']);
  });
});

import { describe, expect, it } from 'vitest';
import { scorePooled, scoreShow } from './score.js';

// Segments every 10 s, each 4 s long.
const segs = Array.from({ length: 20 }, (_, i) => ({ startMs: i * 10_000, endMs: i * 10_000 + 4000 }));
const gold = (productId: string, segment: number, kind = 'exact') => ({ productId, segment, kind, atMs: segs[segment]!.startMs });

describe('scoreShow', () => {
  it('matches within [atMs - 2 s, end of the mention segment + 6 s]', () => {
    // Mention at seg 2 (20 000–24 000): window 18 000..30 000 -> seg 3 (30 000) still counts, seg 4 does not.
    expect(scoreShow(segs, [gold('a', 2)], [{ productId: 'a', segment: 3 }]).tp).toBe(1);
    expect(scoreShow(segs, [gold('a', 2)], [{ productId: 'a', segment: 4 }])).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    // A suggestion before the mention's window is too early.
    expect(scoreShow(segs, [gold('a', 2)], [{ productId: 'a', segment: 1 }])).toMatchObject({ tp: 0, fp: 1 });
  });
  it('uses each suggestion and each gold mention once, first usable suggestion first', () => {
    const r = scoreShow(segs, [gold('a', 2), gold('a', 3)], [{ productId: 'a', segment: 3 }]);
    expect(r).toMatchObject({ tp: 1, fn: 1, fp: 0 });
    expect(r.missed[0]?.segment).toBe(3);
  });
  it('ignores repeats within 30 s after a matched suggestion but counts later ones', () => {
    const r = scoreShow(segs, [gold('a', 1)], [
      { productId: 'a', segment: 1 }, { productId: 'a', segment: 3 }, { productId: 'a', segment: 4 }, { productId: 'a', segment: 5 },
    ]);
    // Matched at 10 000; 30 000 and 40 000 are within 30 s, 50 000 is not.
    expect(r).toMatchObject({ tp: 1, ignored: 2, fp: 1 });
    // The exception is per product.
    expect(scoreShow(segs, [gold('a', 1)], [{ productId: 'a', segment: 1 }, { productId: 'b', segment: 2 }]).fp).toBe(1);
  });
  it('does not excuse a repeat that comes before the match', () => {
    const r = scoreShow(segs, [gold('a', 5)], [{ productId: 'a', segment: 0 }, { productId: 'a', segment: 5 }]);
    expect(r).toMatchObject({ tp: 1, fp: 1, ignored: 0 });
  });
  it('records recall per kind', () => {
    const r = scoreShow(segs, [gold('a', 1, 'sku'), gold('b', 4, 'partial')], [{ productId: 'a', segment: 1 }]);
    expect(r.byKind).toEqual({ sku: [1, 1], partial: [0, 1] });
  });
});

describe('scorePooled', () => {
  it('pools counts over shows before computing ratios', () => {
    const a = scoreShow(segs, [gold('a', 1)], [{ productId: 'a', segment: 1 }]);
    const b = scoreShow(segs, [gold('b', 1), gold('c', 5), gold('d', 9)], [{ productId: 'x', segment: 2 }]);
    const r = scorePooled([a, b]);
    expect(r).toMatchObject({ tp: 1, fp: 1, fn: 3 });
    expect(r.precision).toBeCloseTo(0.5);
    expect(r.recall).toBeCloseTo(0.25);
    expect(r.f1).toBeCloseTo((2 * 0.5 * 0.25) / 0.75);
    expect(r.kindRecall.exact).toBeCloseTo(0.25);
  });
  it('is zero, not NaN, with nothing to score', () => {
    expect(scorePooled([])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import type { Product } from '../contract/product.js';
import holdout from './fixtures/holdout.json' with { type: 'json' };
import { createMentionTracker, indexCatalog, scorePooled, scoreShow, type Suggestion } from './index.js';

// The holdout set (other products, hosts and phrasing than the dev set) streamed end to end.
describe('holdout dataset', () => {
  it('keeps F1 at or above 0.9 when streamed segment by segment', () => {
    const index = indexCatalog(holdout.catalog as unknown as Product[]);
    const scored = holdout.shows.map((show) => {
      const tracker = createMentionTracker(index, { rundown: show.linkedProductIds });
      const suggestions: Suggestion[] = [];
      show.segments.forEach((seg, i) => {
        for (const m of tracker.push({ id: String(i), ...seg, final: true })) suggestions.push({ productId: m.productId, segment: i });
      });
      return scoreShow(show.segments, show.mentions, suggestions);
    });
    expect(scorePooled(scored).f1).toBeGreaterThanOrEqual(0.9);
  });
});

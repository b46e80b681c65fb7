import { describe, expect, it } from 'vitest';
import { cardMetricsText } from './metrics-store.js';

describe('live tile wording', () => {
  it('says a card\'s clicks and adds of the last minute, and nothing before the relay said', () => {
    const metrics = { viewersNow: 4, perCard: [{ cardId: 'k1', productId: 'p', clicks: 3, addToCarts: 1 }] };
    expect(cardMetricsText(metrics, 'k1')).toBe('3 clicks · 1 add to cart in the last minute');
    expect(cardMetricsText({ ...metrics, perCard: [{ cardId: 'k1', productId: 'p', clicks: 1, addToCarts: 2 }] }, 'k1')).toBe('1 click · 2 adds to cart in the last minute');
    expect(cardMetricsText(metrics, 'other')).toBeNull();
    expect(cardMetricsText(null, 'k1')).toBeNull();
  });
});

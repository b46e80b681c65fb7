import { describe, expect, it } from 'vitest';
import { isOverlayState } from './overlay-guard.js';

const card = { cardId: 'c1', productId: 'p1', title: 'Mug', price: { amount: '12.00', currencyCode: 'USD' }, available: true, firedAt: 1 };

describe('isOverlayState', () => {
  it('accepts a state from the relay', () => {
    expect(isOverlayState({ showId: 'demo', seq: 2, status: 'live', featured: [card], banner: { text: 'Hi' } })).toBe(true);
    expect(isOverlayState({ showId: 'demo', seq: 0, status: 'scheduled', featured: [], banner: null })).toBe(true);
  });
  it('drops malformed messages', () => {
    expect(isOverlayState(null)).toBe(false);
    expect(isOverlayState({ showId: 'demo', seq: '2', status: 'live', featured: [], banner: null })).toBe(false);
    expect(isOverlayState({ showId: 'demo', seq: 2, status: 'live', featured: [{ ...card, price: 12 }], banner: null })).toBe(false);
    expect(isOverlayState({ showId: 'demo', seq: 2, status: 'live', featured: [{ ...card, offer: { text: 1 } }], banner: null })).toBe(false);
  });
});

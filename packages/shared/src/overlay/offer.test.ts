import { describe, expect, it } from 'vitest';
import { runningOfferPrice } from './offer.js';

const price = { amount: '1.00', currencyCode: 'USD' };

describe('runningOfferPrice', () => {
  it('is the offer price until the offer ends, and nothing for an offer without a price', () => {
    expect(runningOfferPrice({ text: 'Deal', price }, 5)).toEqual(price);
    expect(runningOfferPrice({ text: 'Deal', price, endsAt: 10 }, 9)).toEqual(price);
    expect(runningOfferPrice({ text: 'Deal', price, endsAt: 10 }, 10)).toBeUndefined();
    expect(runningOfferPrice({ text: 'Free shipping' }, 0)).toBeUndefined();
    expect(runningOfferPrice(undefined, 0)).toBeUndefined();
  });
});

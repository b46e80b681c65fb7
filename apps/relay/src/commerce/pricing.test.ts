import { describe, expect, it } from 'vitest';
import { emptyOverlay, type OverlayState, type Product } from '@cuecart/shared';
import { lineIdOf, quoteLine, runningOffer } from './pricing.js';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });
const kettle: Product = { id: 'k', title: 'Kettle', price: usd('10.00'), available: true };
const onAir = (offer: { text: string; price?: { amount: string; currencyCode: string }; endsAt?: number }, status: OverlayState['status'] = 'live'): OverlayState => ({
  ...emptyOverlay('s', status),
  featured: [{ cardId: 'c', productId: 'k', title: 'Kettle', price: usd('10.00'), available: true, offer, firedAt: 0 }],
});

describe('runningOffer', () => {
  it('is the offer price of the product’s card while it is on air, the show is not over and the offer has not ended', () => {
    expect(runningOffer(onAir({ text: 'Deal', price: usd('1.00'), endsAt: 2000 }), 'k', 1999)).toEqual({ price: usd('1.00'), text: 'Deal', endsAt: 2000 });
    expect(runningOffer(onAir({ text: 'Deal', price: usd('1.00'), endsAt: 2000 }), 'k', 2000)).toBeUndefined();
    expect(runningOffer(onAir({ text: 'Deal', price: usd('1.00') }, 'ended'), 'k', 0)).toBeUndefined();
    expect(runningOffer(onAir({ text: 'Free shipping' }), 'k', 0)).toBeUndefined();
    expect(runningOffer(onAir({ text: 'Deal', price: usd('1.00') }), 'other', 0)).toBeUndefined();
    expect(runningOffer(undefined, 'k', 0)).toBeUndefined();
  });
});

describe('quoteLine', () => {
  it('puts an offer line apart from the list-price line of the same product', () => {
    const offer = quoteLine(kettle, undefined, onAir({ text: 'Deal', price: usd('1.00') }), 0);
    const list = quoteLine(kettle, undefined, emptyOverlay('s', 'live'), 0);
    expect(offer.ok && list.ok && offer.value.lineId !== list.value.lineId).toBe(true);
    expect(list.ok && list.value.lineId).toBe(lineIdOf('k', undefined, undefined));
  });

  it('refuses a variant for a product without variants', () => {
    expect(quoteLine(kettle, 'v1', undefined, 0)).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

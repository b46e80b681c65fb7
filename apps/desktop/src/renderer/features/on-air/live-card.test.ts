import { describe, expect, it } from 'vitest';
import type { Card, Product } from '@cuecart/shared';
import { liveCard } from './OnAirPanel.js';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });
const card: Card = { cardId: 'c', productId: 'p', title: 'Serum', price: usd('42.00'), compareAtPrice: usd('52.00'), available: true, firedAt: 1000 };
const product = (extra: Partial<Product>): Product => ({ id: 'p', title: 'Serum', price: usd('39.00'), available: false, ...extra });

describe('the on-air card with live price and stock', () => {
  it('takes the store values confirmed after the fire', () => {
    expect(liveCard(card, product({ checkedAt: 2000 }))).toMatchObject({ price: usd('39.00'), available: false });
    expect(liveCard(card, product({ checkedAt: 2000 })).compareAtPrice).toBeUndefined();
  });
  it('keeps the card as fired for values older than it, or never checked by a store', () => {
    expect(liveCard(card, product({ checkedAt: 500 }))).toBe(card);
    expect(liveCard(card, product({}))).toBe(card);
    expect(liveCard(card, undefined)).toBe(card);
  });
});

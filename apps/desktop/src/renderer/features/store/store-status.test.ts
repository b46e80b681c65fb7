import { describe, expect, it } from 'vitest';
import { ago, storeStatusView } from './store-status.js';

const NOW = 1_800_000_000_000;
const base = { provider: 'shopify' as const, shopDomain: 'brand.myshopify.com' };

describe('store status wording', () => {
  it('says how long ago prices were checked', () => {
    expect(ago(4_000)).toBe('4 s ago');
    expect(ago(150_000)).toBe('3 min ago');
    expect(storeStatusView({ ...base, ok: true, checkedAt: NOW - 12_000 }, NOW)).toMatchObject({ tone: 'ok', label: 'Shopify · prices checked 12 s ago' });
  });

  it('turns stale when the last check is old, and says when inventory cannot be read', () => {
    const view = storeStatusView({ ...base, ok: true, checkedAt: NOW - 5 * 60_000, inventory: false }, NOW);
    expect(view.tone).toBe('stale');
    expect(view.detail).toMatch(/in stock or sold out only/);
  });

  it('says what is wrong while the store fails, that cards keep their values, and when it tries again', () => {
    const view = storeStatusView({ ...base, ok: false, checkedAt: NOW - 90_000, message: 'Shopify refused the Storefront token', nextTryAt: NOW + 30_000 }, NOW);
    expect(view).toMatchObject({ tone: 'failing', label: 'Shopify unreachable · prices checked 2 min ago' });
    expect(view.detail).toBe('Shopify refused the Storefront token. Cards keep the last known price and stock (checked 2 min ago). Trying again in 30 s.');
  });
});

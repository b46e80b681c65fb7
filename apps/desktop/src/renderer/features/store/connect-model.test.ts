import { describe, expect, it } from 'vitest';
import type { Product } from '@cuecart/shared';
import { EMPTY_FORM, filterProducts, formProblem, specFrom } from './connect-model.js';

const usd = { amount: '10.00', currencyCode: 'USD' };
const p = (id: string, extra: Partial<Product> = {}): Product => ({ id, title: id, price: usd, available: true, ...extra });

describe('connect a store', () => {
  it('builds the spec from the form, leaving out empty fields and completing a bare shop name', () => {
    expect(specFrom({ ...EMPTY_FORM, shopDomain: ' Northwind ', storefrontToken: ' tok ' })).toEqual({ provider: 'shopify', shopDomain: 'northwind.myshopify.com', storefrontToken: 'tok' });
    expect(specFrom({ ...EMPTY_FORM, shopDomain: 'https://northwind.myshopify.com/admin', storefrontToken: 't', collection: 'live', webhookSecret: 's' })).toEqual({
      provider: 'shopify',
      shopDomain: 'northwind.myshopify.com',
      storefrontToken: 't',
      collection: 'live',
      webhookSecret: 's',
    });
  });

  it('says what is missing before a test', () => {
    expect(formProblem(EMPTY_FORM)).toMatch(/shop domain/);
    expect(formProblem({ ...EMPTY_FORM, shopDomain: 'a' })).toMatch(/Storefront access token/);
    expect(formProblem({ ...EMPTY_FORM, shopDomain: 'a', storefrontToken: 'b' })).toBeNull();
  });

  it('finds products by every word of the query across title, SKU, vendor and tags', () => {
    const all = [p('Trail Hoodie', { tags: ['apparel'], vendor: 'Northwind' }), p('Cedar Candle', { sku: 'CND-1' }), p('Hydra Serum', { tags: ['skincare'] })];
    expect(filterProducts(all, 'hoodie').map((x) => x.id)).toEqual(['Trail Hoodie']);
    expect(filterProducts(all, 'northwind apparel').map((x) => x.id)).toEqual(['Trail Hoodie']);
    expect(filterProducts(all, 'cnd').map((x) => x.id)).toEqual(['Cedar Candle']);
    expect(filterProducts(all, '  ')).toHaveLength(3);
  });
});

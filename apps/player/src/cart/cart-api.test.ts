import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCartApi } from './cart-api.js';
import { unitPriceText } from './cart-drawer.js';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

afterEach(() => vi.unstubAllGlobals());

describe('createCartApi', () => {
  it('speaks for the viewer session on every request on the cart, so the relay answers only the shopper who made it', async () => {
    const calls: Array<{ url: string; headers: Record<string, string> }> = [];
    vi.stubGlobal('fetch', async (url: string, init: { headers: Record<string, string> }) => {
      calls.push({ url, headers: init.headers });
      return new Response(JSON.stringify({ id: 'cart_1', lines: [] }), { status: 200 });
    });
    const api = createCartApi('https://relay.test', 'demo', 'viewer-7');
    await api.create('replay');
    await api.get('cart_1');
    await api.addLine('cart_1', { productId: 'p1' });
    await api.setQuantity('cart_1', 'ln_abc', 2);
    await api.checkout('cart_1');
    await api.placeOrder('cart_1', { name: 'Ada', email: 'ada@example.com' });
    expect(calls.map((c) => c.url)).toEqual([
      'https://relay.test/api/shows/demo/carts',
      'https://relay.test/api/carts/cart_1',
      'https://relay.test/api/carts/cart_1/lines',
      'https://relay.test/api/carts/cart_1/lines/ln_abc',
      'https://relay.test/api/carts/cart_1/checkout',
      'https://relay.test/api/carts/cart_1/orders',
    ]);
    for (const call of calls.slice(1)) expect(call.headers['x-cuecart-session'], call.url).toBe('viewer-7');
  });
});

describe('unitPriceText', () => {
  it('says which price a line is charged: a live offer names the list price it replaces', () => {
    expect(unitPriceText({ lineId: 'a', productId: 'p', title: 'Kettle', price: usd('10.00'), priceSource: 'list', quantity: 1, available: true })).toBe('$10.00');
    expect(unitPriceText({ lineId: 'b', productId: 'p', title: 'Kettle', price: usd('1.00'), priceSource: 'offer', listPrice: usd('10.00'), quantity: 1, available: true })).toBe(
      '$1.00 live offer (list $10.00)',
    );
  });
});

// The demo store's cart and checkout over REST, and the purchase it records for analytics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createShow, removeDataDir, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

let relay: RelayProcess;
let tokens: Awaited<ReturnType<typeof createShow>>;
const S1 = { session: 'sess-1' };
const S2 = { session: 'sess-2' };

beforeAll(async () => {
  relay = await startRelay();
  tokens = await createShow(relay, 'shop');
});
afterAll(async () => {
  expect(await relay.stop()).toBe(0);
  removeDataDir(relay.dataDir);
});

describe('demo store', () => {
  it('runs a cart from add to order, priced from the catalog', async () => {
    const cart = await api(relay, 'POST', '/api/shows/shop/carts', { sessionId: 'sess-1' });
    expect(cart).toMatchObject({ status: 201, body: { showId: 'shop', lines: [], subtotal: { amount: '0.00', currencyCode: 'USD' }, itemCount: 0 } });
    const id = cart.body.id as string;
    await api(relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-kettle', cardId: 'card-1' }, S1);
    const two = await api(relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-kettle' }, S1);
    expect(two.body.lines).toEqual([expect.objectContaining({ productId: 'p-kettle', quantity: 2, price: { amount: '89.00', currencyCode: 'USD' } })]);
    const more = await api(relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-mug', quantity: 3 }, S1);
    expect(more.body).toMatchObject({ subtotal: { amount: '244.00' }, itemCount: 5 });
    const less = await api(relay, 'PATCH', `/api/carts/${id}/lines/p-kettle`, { quantity: 1 }, S1);
    expect(less.body.subtotal.amount).toBe('155.00');
    const gone = await api(relay, 'PATCH', `/api/carts/${id}/lines/p-mug`, { quantity: 0 }, S1);
    expect(gone.body.lines.map((l: { productId: string }) => l.productId)).toEqual(['p-kettle']);

    const checkout = await api(relay, 'POST', `/api/carts/${id}/checkout`, undefined, S1);
    expect(checkout.body).toMatchObject({ kind: 'inline', cart: { id } });
    const order = await api(relay, 'POST', `/api/carts/${id}/orders`, { name: 'Ada', email: 'ada@example.com' }, S1);
    expect(order).toMatchObject({ status: 201, body: { showId: 'shop', cartId: id, total: { amount: '89.00' }, name: 'Ada' } });
    // The order names who bought and the card that sold each line.
    expect(order.body).toMatchObject({ sessionId: 'sess-1', lines: [{ productId: 'p-kettle', cardId: 'card-1' }] });
    const again = await api(relay, 'POST', `/api/carts/${id}/orders`, { name: 'Ada', email: 'ada@example.com' }, S1);
    expect(again).toMatchObject({ status: 200, body: { id: order.body.id } });

    const orders = await api(relay, 'GET', '/api/shows/shop/orders', undefined, tokens.producer);
    expect(orders.body.map((o: { id: string }) => o.id)).toEqual([order.body.id]);
    expect((await api(relay, 'GET', '/api/shows/shop/orders')).status).toBe(401);
    expect((await api(relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-mug' }, S1)).body.error.code).toBe('conflict');

    // The store recorded the purchase itself, with the card that sold it.
    const analytics = await api(relay, 'GET', '/api/shows/shop/analytics', undefined, tokens.producer);
    expect(analytics.body).toMatchObject({ funnel: { purchase: 1 }, revenue: { live: 89, replay: 0 }, orders: 1 });
  });

  it('answers bad cart requests clearly', async () => {
    const id = (await api(relay, 'POST', '/api/shows/shop/carts', { sessionId: 'sess-2' })).body.id;
    expect((await api(relay, 'POST', '/api/shows/ghost/carts', { sessionId: 's' })).body.error.code).toBe('not_found');
    expect((await api(relay, 'POST', '/api/shows/shop/carts', {})).body.error.code).toBe('invalid');
    expect((await api(relay, 'GET', '/api/carts/nope', undefined, S2)).status).toBe(404);
    const soldOut = await api(relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-scarf' }, S2);
    expect(soldOut).toMatchObject({ status: 409, body: { error: { code: 'conflict', message: expect.stringContaining('sold out') } } });
    expect((await api(relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-kettle', quantity: 500 }, S2)).status).toBe(400);
    expect((await api(relay, 'POST', `/api/carts/${id}/lines`, { productId: 'ghost' }, S2)).status).toBe(404);
    expect((await api(relay, 'PATCH', `/api/carts/${id}/lines/p-lamp`, { quantity: 1 }, S2)).status).toBe(404);
    expect((await api(relay, 'POST', `/api/carts/${id}/checkout`, undefined, S2)).body.error.message).toContain('empty');
    await api(relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-lamp' }, S2);
    expect((await api(relay, 'POST', `/api/carts/${id}/orders`, { name: 'x', email: 'not-an-email' }, S2)).status).toBe(400);
  });

  it('lets a brand page on another origin call the viewer routes (CORS, no credentials)', async () => {
    const pre = await fetch(`${relay.url}/api/shows/shop/carts`, {
      method: 'OPTIONS',
      headers: { origin: 'https://brand.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toContain('Content-Type');
    const get = await fetch(`${relay.url}/api/shows/shop`, { headers: { origin: 'https://brand.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('*');
    expect(get.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('serves the watch page with the show, escaping catalog text', async () => {
    const res = await fetch(`${relay.url}/watch/shop`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const page = await res.text();
    expect(page).toContain('<cuecart-player show="shop">');
    expect(page).toContain('Pour-Over Kettle');
    expect((await fetch(`${relay.url}/watch/%3Cscript%3E`)).status).toBe(404);
    expect(await (await fetch(`${relay.url}/watch/%3Cscript%3E`)).text()).not.toContain('<script>');
  });
});

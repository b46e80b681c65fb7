// A Shopify show in cluster mode: one relay polls the store (a lease in Redis), not every relay, and a price
// change it finds reaches viewers on the other relay; a cart made on one relay is the same Shopify cart on the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterPair } from '@cuecart/testkit/cluster-pair';
import { ADMIN_TOKEN, api, connect, mintToken, next, sleep } from '@cuecart/testkit/relay';
import { demoShopFixture, sendShopifyWebhook, startShopifyServer, type ShopifyServer } from '@cuecart/testkit/shopify-server';

const cluster = clusterPair({ CUECART_SHOPIFY_POLL_SECONDS: '1' });
const SERUM = 'gid://shopify/Product/1001';
let shop: ShopifyServer;

beforeAll(async () => {
  shop = await startShopifyServer(demoShopFixture(), { storefrontToken: 'public-token' });
});
afterAll(async () => {
  await shop?.close();
});

describe('Shopify in cluster mode', () => {
  it('polls a live show from one relay only, and its changes reach viewers on both', async () => {
    const { a, b } = cluster;
    const catalog = { provider: 'shopify', shopDomain: 'northwind.myshopify.com', storefrontToken: 'public-token', endpoint: shop.endpoint, collection: 'live' };
    expect((await api(a, 'POST', '/api/shows', { id: 'cluster-shopify', title: 'Cluster', catalog, rundown: [SERUM] }, ADMIN_TOKEN)).status).toBe(201);
    const producer = await mintToken(a, 'cluster-shopify', 'producer');
    // The viewer's relay learns of the show before it goes live.
    expect((await api(b, 'GET', '/api/shows/cluster-shopify')).status).toBe(200);
    const onB = await connect(b, '/viewer', { show: 'cluster-shopify' });
    try {
      expect((await api(a, 'POST', '/api/shows/cluster-shopify/commands', { id: 'live-1', type: 'status', status: 'live' }, producer)).body.ok).toBe(true);
      const from = Date.now();
      await sleep(4500);
      const polls = shop.requests.filter((r) => r.operationName === 'ProductsById' && r.at >= from).length;
      // Every second from one relay; two relays polling would make about twice as many.
      expect(polls).toBeGreaterThanOrEqual(2);
      expect(polls).toBeLessThanOrEqual(6);

      shop.setVariant('gid://shopify/ProductVariant/1001', { price: '36.0' });
      const changed = await next<{ id: string; price: { amount: string } }[]>(onB, 'products', (ps) => ps.some((p: { id: string; price: { amount: string } }) => p.id === SERUM && p.price.amount === '36.00'), 8000);
      expect(changed.find((p) => p.id === SERUM)?.price.amount).toBe('36.00');
      // Both relays charge the new price: a cart made on A, filled on B.
      const cart = await api(a, 'POST', '/api/shows/cluster-shopify/carts', { sessionId: 'cl-shopper' });
      const filled = await api(b, 'POST', `/api/carts/${cart.body.id}/lines`, { productId: SERUM }, { session: 'cl-shopper' });
      expect(filled.body).toMatchObject({ subtotal: { amount: '36.00' }, lines: [{ productId: SERUM, quantity: 1 }] });
      expect((await api(b, 'GET', '/api/shows/cluster-shopify/products')).body[0].price.amount).toBe('36.00');
    } finally {
      onB.close();
      await api(a, 'POST', '/api/shows/cluster-shopify/commands', { id: 'end-1', type: 'status', status: 'ended' }, producer);
    }
    expect(shop.invalid).toEqual([]);
  });

  it('acts on a webhook once whichever relay takes it, and a refund on one nets the revenue on the other', async () => {
    const { a, b } = cluster;
    const catalog = { provider: 'shopify', shopDomain: 'northwind.myshopify.com', storefrontToken: 'public-token', endpoint: shop.endpoint, webhookSecret: 'cluster-whsec', collection: 'live' };
    expect((await api(a, 'POST', '/api/shows', { id: 'cluster-orders', title: 'Orders', catalog, rundown: [SERUM] }, ADMIN_TOKEN)).status).toBe(201);
    const producer = await mintToken(a, 'cluster-orders', 'producer');
    expect((await api(b, 'GET', '/api/shows/cluster-orders')).status).toBe(200);
    const hook = (relay: { url: string }, topic: string, payload: unknown, eventId: string) =>
      sendShopifyWebhook(relay.url, { topic, shopDomain: 'northwind.myshopify.com', secret: 'cluster-whsec', payload, eventId });
    const order = { id: 4242, currency: 'USD', subtotal_price: '84.00', note_attributes: [{ name: '_cuecart_show', value: 'cluster-orders' }], line_items: [{ product_id: 1001, variant_id: 1001, title: 'Hydra Glow Serum', quantity: 2, price: '42.00' }] };
    expect((await hook(a, 'orders/create', order, 'evt-cl-1')).body.outcome).toBe('order recorded');
    expect((await hook(b, 'orders/create', order, 'evt-cl-1')).body.outcome).toBe('duplicate');
    const refund = { id: 77, order_id: 4242, refund_line_items: [{ quantity: 1, subtotal: '42.00' }] };
    expect((await hook(b, 'refunds/create', refund, 'evt-cl-2')).body.outcome).toBe('refund recorded');
    expect((await hook(a, 'refunds/create', refund, 'evt-cl-3')).body.outcome).toBe('refund already recorded');
    const analytics = await api(a, 'GET', '/api/shows/cluster-orders/analytics', undefined, producer);
    expect(analytics.body).toMatchObject({ orders: 1, revenue: { live: 42 } });
  });
});

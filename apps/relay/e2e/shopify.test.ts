// Shows sold from a Shopify store, end to end through the real relay and a loopback server that answers
// Shopify's Storefront API from fixtures (every query checked against Shopify's real schema): catalog,
// cart and checkout, connection test, live price and stock, and webhooks with real HMACs.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, api, connect, mintToken, next, sleep } from '@cuecart/testkit/relay';
import { suiteRelay } from '@cuecart/testkit/suite-relay';
import { demoShopFixture, sendShopifyWebhook, startShopifyServer, type FixtureProduct, type ShopifyServer } from '@cuecart/testkit/shopify-server';

const SECRET = 'whsec-test-0123456789';
const DOMAIN = 'northwind.myshopify.com';
const PUBLIC = 'public-storefront-token';
const PRIVATE = 'shpat-private-token';
const SERUM = 'gid://shopify/Product/1001';
const HOODIE = 'gid://shopify/Product/2001';
const CANDLE = 'gid://shopify/Product/3001';
const HOODIE_M_SAND = 'gid://shopify/ProductVariant/202';
const HOODIE_M_FOREST = 'gid://shopify/ProductVariant/204';

const suite = suiteRelay({ env: { CUECART_SHOPIFY_POLL_SECONDS: '1' } });
let shop: ShopifyServer;
let producer: string;

function catalog(extra: Record<string, unknown> = {}) {
  return { provider: 'shopify', shopDomain: DOMAIN, storefrontToken: PUBLIC, privateToken: PRIVATE, endpoint: shop.endpoint, webhookSecret: SECRET, collection: 'live', ...extra };
}

async function webhook(topic: string, payload: unknown, extra: { eventId?: string; secret?: string; signature?: string } = {}) {
  return sendShopifyWebhook(suite.relay.url, { topic, shopDomain: DOMAIN, secret: extra.secret ?? SECRET, payload, ...extra });
}

beforeAll(async () => {
  shop = await startShopifyServer(demoShopFixture(), { storefrontToken: PUBLIC, privateToken: PRIVATE });
  const created = await api(suite.relay, 'POST', '/api/shows', { id: 'shopify-live', title: 'Northwind live', catalog: catalog(), rundown: [SERUM, HOODIE, CANDLE] }, ADMIN_TOKEN);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  producer = await mintToken(suite.relay, 'shopify-live', 'producer');
});
afterAll(async () => {
  await shop?.close();
});
afterEach(() => {
  // Every query the relay sent must be one Shopify's schema accepts.
  expect(shop.invalid).toEqual([]);
});

describe('Shopify catalog', () => {
  it('loads the collection with variants, options, prices and stock, and never echoes the tokens', async () => {
    const show = await api(suite.relay, 'GET', '/api/shows/shopify-live');
    expect(show.body.catalog).toEqual({ provider: 'shopify', productCount: 3, shopDomain: DOMAIN });
    expect(JSON.stringify(show.body)).not.toMatch(new RegExp(`${PUBLIC}|${PRIVATE}|${SECRET}`));
    const products = await api(suite.relay, 'GET', '/api/shows/shopify-live/catalog', undefined, producer);
    const hoodie = products.body.find((p: { id: string }) => p.id === HOODIE);
    expect(hoodie).toMatchObject({
      title: 'Trail Hoodie',
      price: { amount: '68.00', currencyCode: 'USD' },
      available: true,
      inventory: 12,
      options: [
        { name: 'Size', values: ['S', 'M'] },
        { name: 'Colour', values: ['Sand', 'Forest'] },
      ],
    });
    expect(hoodie.variants).toHaveLength(4);
    expect(hoodie.variants.find((v: { id: string }) => v.id === HOODIE_M_FOREST)).toMatchObject({ available: false, inventory: 0, options: [{ name: 'Size', value: 'M' }, { name: 'Colour', value: 'Forest' }] });
    expect(products.body.find((p: { id: string }) => p.id === SERUM)).toMatchObject({ price: { amount: '42.00' }, compareAtPrice: { amount: '52.00' }, sku: 'HGS-30' });
    expect(JSON.stringify(products.body)).not.toContain(PRIVATE);
  });

  it('pages through a collection of thousands', async () => {
    const big = demoShopFixture();
    const many: FixtureProduct[] = Array.from({ length: 620 }, (_, i) => ({
      id: `gid://shopify/Product/${9000 + i}`,
      handle: `item-${i}`,
      title: `Item ${i}`,
      variants: [{ id: `gid://shopify/ProductVariant/${9000 + i}`, title: 'Default Title', price: '5.0', quantity: 1, options: [{ name: 'Title', value: 'Default Title' }] }],
    }));
    big.products.push(...many);
    big.collections = { all: many.map((p) => p.id) };
    const server = await startShopifyServer(big, { storefrontToken: PUBLIC });
    try {
      const res = await api(suite.relay, 'POST', '/api/shows', { title: 'Big', catalog: { provider: 'shopify', shopDomain: DOMAIN, storefrontToken: PUBLIC, endpoint: server.endpoint, collection: 'all' } }, ADMIN_TOKEN);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.catalog.productCount).toBe(620);
      expect(server.requests.filter((r) => r.operationName === 'CollectionProducts')).toHaveLength(3);
      expect(server.invalid).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('loads by handles and by ids, and names the handles the store does not have', async () => {
    const byHandles = await api(suite.relay, 'POST', '/api/shows', { title: 'Handles', catalog: catalog({ collection: undefined, handles: ['cedar-candle', 'trail-hoodie'] }) }, ADMIN_TOKEN);
    expect(byHandles.body.catalog.productCount).toBe(2);
    const byIds = await api(suite.relay, 'POST', '/api/shows', { title: 'Ids', catalog: catalog({ collection: undefined, productIds: [SERUM] }) }, ADMIN_TOKEN);
    expect(byIds.body.catalog.productCount).toBe(1);
    const missing = await api(suite.relay, 'POST', '/api/shows', { title: 'Missing', catalog: catalog({ collection: undefined, handles: ['cedar-candle', 'no-such-thing'] }) }, ADMIN_TOKEN);
    expect(missing).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('"no-such-thing"') } } });
  });

  it('says exactly what is wrong: a refused token, an unknown collection, plain http to a public host', async () => {
    const badToken = await api(suite.relay, 'POST', '/api/commerce/shopify/test', { ...catalog(), storefrontToken: 'wrong', privateToken: undefined }, ADMIN_TOKEN);
    expect(badToken).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/refused the Storefront token/) } } });
    const noCollection = await api(suite.relay, 'POST', '/api/commerce/shopify/test', catalog({ collection: 'ghost' }), ADMIN_TOKEN);
    expect(noCollection.body.error.message).toMatch(/no collection "ghost"/);
    const plainHttp = await api(suite.relay, 'POST', '/api/commerce/shopify/test', catalog({ endpoint: 'http://shop.example.com/api/graphql.json' }), ADMIN_TOKEN);
    expect(plainHttp).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('plain http only to a loopback address') } } });
  });

  it('tests a connection: the shop name and product count, and a token without the inventory scope', async () => {
    const ok = await api(suite.relay, 'POST', '/api/commerce/shopify/test', catalog(), ADMIN_TOKEN);
    expect(ok.body).toMatchObject({ shopName: 'Northwind Outfitters', currencyCode: 'USD', productCount: 3, inventory: true, collection: 'live' });
    shop.setInventoryScope(false);
    try {
      const noScope = await api(suite.relay, 'POST', '/api/commerce/shopify/test', catalog(), ADMIN_TOKEN);
      expect(noScope.body).toMatchObject({ inventory: false, notes: [expect.stringContaining('unauthenticated_read_product_inventory')] });
      const picker = await api(suite.relay, 'POST', '/api/commerce/shopify/products', catalog(), ADMIN_TOKEN);
      expect(picker.body.inventory).toBe(false);
      expect(picker.body.products.map((p: { id: string }) => p.id)).toEqual([SERUM, HOODIE, CANDLE]);
      expect(picker.body.products[0].inventory).toBeUndefined();
    } finally {
      shop.setInventoryScope(true);
    }
  });

  it('rides out 429 and throttled answers with backoff', async () => {
    shop.rateLimit(1, 0);
    shop.throttle(1);
    const res = await api(suite.relay, 'POST', '/api/commerce/shopify/test', catalog(), ADMIN_TOKEN);
    expect(res.body.shopName).toBe('Northwind Outfitters');
  });
});

describe('Shopify cart and checkout', () => {
  it('puts the chosen variant in a real Shopify cart with the attribution attributes, and redirects to its checkout', async () => {
    const sessionId = 'sess-shopify-1';
    const as = { session: sessionId };
    const cart = await api(suite.relay, 'POST', '/api/shows/shopify-live/carts', { sessionId, mode: 'live' });
    expect(cart.status, JSON.stringify(cart.body)).toBe(201);
    const gid = [...shop.carts.values()].at(-1)!;
    expect(Object.fromEntries(gid.attributes.map((a) => [a.key, a.value]))).toEqual({ _cuecart_show: 'shopify-live', _cuecart_session: sessionId, _cuecart_mode: 'live', _cuecart_cart: cart.body.id });

    const unchosen = await api(suite.relay, 'POST', `/api/carts/${cart.body.id}/lines`, { productId: HOODIE }, as);
    expect(unchosen).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('choose one') } } });
    const soldOut = await api(suite.relay, 'POST', `/api/carts/${cart.body.id}/lines`, { productId: HOODIE, variantId: HOODIE_M_FOREST }, as);
    expect(soldOut).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('sold out') } } });

    const added = await api(suite.relay, 'POST', `/api/carts/${cart.body.id}/lines`, { productId: HOODIE, variantId: HOODIE_M_SAND, cardId: 'card-7' }, as);
    expect(added.body).toMatchObject({ itemCount: 1, subtotal: { amount: '68.00', currencyCode: 'USD' }, lines: [{ productId: HOODIE, variantId: HOODIE_M_SAND, variantTitle: 'M / Sand', quantity: 1 }] });
    expect(gid.lines).toEqual([expect.objectContaining({ variantId: HOODIE_M_SAND, quantity: 1, attributes: [{ key: '_cuecart_card', value: 'card-7' }] })]);
    const again = await api(suite.relay, 'POST', `/api/carts/${cart.body.id}/lines`, { productId: HOODIE, variantId: HOODIE_M_SAND }, as);
    expect(again.body.lines).toEqual([expect.objectContaining({ quantity: 2 })]);
    const serum = await api(suite.relay, 'POST', `/api/carts/${cart.body.id}/lines`, { productId: SERUM }, as);
    expect(serum.body).toMatchObject({ itemCount: 3, subtotal: { amount: '178.00' } });
    const less = await api(suite.relay, 'PATCH', `/api/carts/${cart.body.id}/lines/${encodeURIComponent(HOODIE)}`, { quantity: 1 }, as);
    expect(less.body).toMatchObject({ itemCount: 2, subtotal: { amount: '110.00' } });

    // The private token went with the buyer's address; the public one never left the relay for this show.
    const cartCalls = shop.requests.filter((r) => r.operationName?.startsWith('Cart'));
    expect(cartCalls.every((r) => r.headers.private === PRIVATE && r.headers.buyerIp && r.headers.public === undefined)).toBe(true);

    const checkout = await api(suite.relay, 'POST', `/api/carts/${cart.body.id}/checkout`, undefined, as);
    expect(checkout.body).toEqual({ kind: 'redirect', url: expect.stringMatching(new RegExp(`^${shop.url}/cart/c/`)) });
    const page = await fetch(checkout.body.url);
    expect(await page.text()).toContain('Trail Hoodie — M / Sand × 1');
    expect((await api(suite.relay, 'POST', `/api/carts/${cart.body.id}/orders`, { name: 'A', email: 'a@example.com' }, as)).body.error.message).toMatch(/checks out on its own page/);
    expect((await api(suite.relay, 'GET', `/api/carts/${cart.body.id}`, undefined, { session: 'someone-else' })).status).toBe(404);
  });

  it('tells a shopper plainly when Shopify is down, and keeps the cart', async () => {
    const sessionId = 'sess-shopify-down';
    const cart = await api(suite.relay, 'POST', '/api/shows/shopify-live/carts', { sessionId });
    await api(suite.relay, 'POST', `/api/carts/${cart.body.id}/lines`, { productId: CANDLE }, { session: sessionId });
    shop.setDown(true);
    try {
      const failed = await api(suite.relay, 'POST', `/api/carts/${cart.body.id}/lines`, { productId: SERUM }, { session: sessionId });
      expect(failed).toMatchObject({ status: 503, body: { error: { code: 'unavailable', message: expect.stringContaining('Your cart is kept') } } });
    } finally {
      shop.setDown(false);
    }
    const kept = await api(suite.relay, 'GET', `/api/carts/${cart.body.id}`, undefined, { session: sessionId });
    expect(kept.body.lines.map((l: { productId: string }) => l.productId)).toEqual([CANDLE]);
  });
});

describe('offers on a Shopify show', () => {
  it('refuses an offer price the Shopify checkout would not charge, and takes an offer as text', async () => {
    const priced = await api(suite.relay, 'POST', '/api/shows/shopify-live/commands', { id: 'offer-priced', type: 'feature', productId: SERUM, offer: { text: 'Live deal', price: { amount: '30.00', currencyCode: 'USD' } } }, producer);
    expect(priced.body).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('charges its own prices') } });
    const text = await api(suite.relay, 'POST', '/api/shows/shopify-live/commands', { id: 'offer-text', type: 'feature', productId: SERUM, offer: { text: 'Free gift with every serum' } }, producer);
    expect(text.body.ok).toBe(true);
    await api(suite.relay, 'POST', '/api/shows/shopify-live/commands', { id: 'offer-clear', type: 'clear' }, producer);
  });
});

describe('Shopify webhooks', () => {
  const order = (id: number, extra: Record<string, unknown> = {}) => ({
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    created_at: new Date().toISOString(),
    currency: 'USD',
    subtotal_price: '110.00',
    note_attributes: [
      { name: '_cuecart_show', value: 'shopify-live' },
      { name: '_cuecart_session', value: 'sess-buyer' },
      { name: '_cuecart_mode', value: 'replay' },
    ],
    line_items: [
      { id: 1, product_id: 2001, variant_id: 202, title: 'Trail Hoodie', variant_title: 'M / Sand', quantity: 1, price: '68.00', properties: [{ name: '_cuecart_card', value: 'card-7' }] },
      { id: 2, product_id: 1001, variant_id: 1001, title: 'Hydra Glow Serum', quantity: 1, price: '42.00', properties: [] },
    ],
    ...extra,
  });

  it('refuses a bad signature with 401 and stores nothing', async () => {
    const forged = await webhook('orders/create', order(555), { signature: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' });
    expect(forged.status).toBe(401);
    const wrongKey = await webhook('orders/create', order(555), { secret: 'not-the-secret' });
    expect(wrongKey.status).toBe(401);
    const orders = await api(suite.relay, 'GET', '/api/shows/shopify-live/orders', undefined, producer);
    expect(orders.body.find((o: { id: string }) => o.id === 'shopify_555')).toBeUndefined();
  });

  it('records an attributed order once, and a refund nets the revenue', async () => {
    const before = (await api(suite.relay, 'GET', '/api/shows/shopify-live/analytics', undefined, producer)).body.revenue;
    const first = await webhook('orders/create', order(777), { eventId: 'evt-777' });
    expect(first).toMatchObject({ status: 200, body: { ok: true, outcome: 'order recorded' } });
    const replayed = await webhook('orders/create', order(777), { eventId: 'evt-777' });
    expect(replayed.body.outcome).toBe('duplicate');
    const paid = await webhook('orders/paid', order(777), { eventId: 'evt-777-paid' });
    expect(paid.body.outcome).toBe('order already recorded');
    const orders = await api(suite.relay, 'GET', '/api/shows/shopify-live/orders', undefined, producer);
    const recorded = orders.body.find((o: { id: string }) => o.id === 'shopify_777');
    expect(recorded).toMatchObject({ source: 'shopify', mode: 'replay', total: { amount: '110.00' }, externalId: 'gid://shopify/Order/777' });
    expect(recorded.lines.map((l: { productId: string }) => l.productId)).toEqual([HOODIE, SERUM]);
    expect(recorded).toMatchObject({ sessionId: 'sess-buyer', lines: [{ cardId: 'card-7' }, {}] });
    expect(recorded.lines[1].cardId).toBeUndefined();
    const after = (await api(suite.relay, 'GET', '/api/shows/shopify-live/analytics', undefined, producer)).body.revenue;
    expect(after.replay - before.replay).toBeCloseTo(110);

    const refund = { id: 9001, order_id: 777, created_at: new Date().toISOString(), refund_line_items: [{ quantity: 1, subtotal: '42.00', line_item: { product_id: 1001 } }], transactions: [{ kind: 'refund', status: 'success', amount: '42.00' }] };
    expect((await webhook('refunds/create', refund)).body.outcome).toBe('refund recorded');
    expect((await webhook('refunds/create', refund)).body.outcome).toBe('refund already recorded');
    const net = (await api(suite.relay, 'GET', '/api/shows/shopify-live/analytics', undefined, producer)).body.revenue;
    expect(net.replay - before.replay).toBeCloseTo(68);
    const refunded = (await api(suite.relay, 'GET', '/api/shows/shopify-live/orders', undefined, producer)).body.find((o: { id: string }) => o.id === 'shopify_777');
    expect(refunded.refunded).toEqual({ amount: '42.00', currencyCode: 'USD' });
  });

  it('ignores orders that no show made, and answers a webhook for an unknown shop 401', async () => {
    const plain = await webhook('orders/create', order(888, { note_attributes: [] }));
    expect(plain.body.outcome).toBe('not an order from a show');
    const other = await sendShopifyWebhook(suite.relay.url, { topic: 'orders/create', shopDomain: 'other.myshopify.com', secret: SECRET, payload: order(889) });
    expect(other.status).toBe(401);
    const notJson = await fetch(`${suite.relay.url}/api/webhooks/shopify`, { method: 'POST', headers: { 'x-shopify-topic': 'orders/create' }, body: 'x' });
    expect(notJson.status).toBe(401);
  });
});

describe('live price and stock', () => {
  it('a sold-out webhook reaches viewers as products, and the product can no longer be added', async () => {
    const viewer = await connect(suite.relay, '/viewer', { show: 'shopify-live' });
    const consoleSocket = await connect(suite.relay, '/producer', { show: 'shopify-live', token: producer });
    try {
      shop.setVariant('gid://shopify/ProductVariant/3001', { quantity: 0 });
      const sent = Date.now();
      const seen = next<{ id: string; available: boolean }[]>(viewer, 'products', (ps) => ps.some((p: { id: string }) => p.id === CANDLE));
      const seenByConsole = next(consoleSocket, 'products', (ps) => ps.some((p: { id: string }) => p.id === CANDLE));
      const hook = await webhook('products/update', { id: 3001, admin_graphql_api_id: CANDLE, title: 'Cedar Candle' });
      expect(hook.status).toBe(200);
      const products = await seen;
      await seenByConsole;
      process.stdout.write(`sold out: webhook → viewer in ${Date.now() - sent} ms\n`);
      expect(products.find((p) => p.id === CANDLE)).toMatchObject({ available: false, inventory: 0 });
      const current = await api(suite.relay, 'GET', '/api/shows/shopify-live/products');
      expect(current.body.find((p: { id: string }) => p.id === CANDLE).available).toBe(false);
      const cart = await api(suite.relay, 'POST', '/api/shows/shopify-live/carts', { sessionId: 'sess-late' });
      const refused = await api(suite.relay, 'POST', `/api/carts/${cart.body.id}/lines`, { productId: CANDLE }, { session: 'sess-late' });
      expect(refused).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining('sold out') } } });
    } finally {
      shop.setVariant('gid://shopify/ProductVariant/3001', { quantity: 30 });
      viewer.close();
      consoleSocket.close();
    }
  });

  it('polls a live show without webhooks: a price change reaches viewers; a failing store is reported with the last check time', async () => {
    // No webhook secret: the relay polls (every second in this suite).
    const created = await api(suite.relay, 'POST', '/api/shows', { id: 'shopify-poll', title: 'Polled', catalog: catalog({ webhookSecret: undefined }), rundown: [SERUM, CANDLE] }, ADMIN_TOKEN);
    expect(created.status).toBe(201);
    const pollProducer = await mintToken(suite.relay, 'shopify-poll', 'producer');
    const go = await api(suite.relay, 'POST', '/api/shows/shopify-poll/commands', { id: 'go-live-1', type: 'status', status: 'live' }, pollProducer);
    expect(go.body.ok).toBe(true);
    const viewer = await connect(suite.relay, '/viewer', { show: 'shopify-poll' });
    try {
      shop.setVariant('gid://shopify/ProductVariant/1001', { price: '39.0' });
      const changed = await next<{ id: string; price: { amount: string } }[]>(viewer, 'products', (ps) => ps.some((p: { id: string; price: { amount: string } }) => p.id === SERUM && p.price.amount === '39.00'), 8000);
      expect(changed.find((p) => p.id === SERUM)?.price).toEqual({ amount: '39.00', currencyCode: 'USD' });
      const healthy = await api(suite.relay, 'GET', '/api/shows/shopify-poll/store', undefined, pollProducer);
      expect(healthy.body).toMatchObject({ provider: 'shopify', shopDomain: DOMAIN, ok: true, checkedAt: expect.any(Number) });

      shop.setDown(true);
      let status = healthy.body;
      for (let i = 0; i < 40 && status.ok; i++) {
        await sleep(250);
        status = (await api(suite.relay, 'GET', '/api/shows/shopify-poll/store', undefined, pollProducer)).body;
      }
      expect(status).toMatchObject({ ok: false, message: expect.stringContaining('503'), checkedAt: healthy.body.checkedAt });
      // The cards keep the last known price meanwhile.
      const current = await api(suite.relay, 'GET', '/api/shows/shopify-poll/products');
      expect(current.body.find((p: { id: string }) => p.id === SERUM).price.amount).toBe('39.00');
    } finally {
      shop.setDown(false);
      shop.setVariant('gid://shopify/ProductVariant/1001', { price: '42.0' });
      await api(suite.relay, 'POST', '/api/shows/shopify-poll/commands', { id: 'go-ended-1', type: 'status', status: 'ended' }, pollProducer);
      viewer.close();
    }
  });
});

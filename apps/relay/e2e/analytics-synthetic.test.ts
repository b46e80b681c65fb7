// A seeded synthetic show of 10,000 sessions (live and replay, resent batches, duplicate impressions, clicks on
// unseen cards, heartbeats from the future, fake purchase beacons, real orders and a refund by webhook): the
// report reproduces the totals counted by construction, exactly, on one relay and on two relays sharing Redis
// with the beacons split between them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterPair } from '@cuecart/testkit/cluster-pair';
import { ADMIN_TOKEN, api, connect, emitAck, mintToken, products, received, sleep, type RelayProcess } from '@cuecart/testkit/relay';
import { suiteRelay } from '@cuecart/testkit/suite-relay';
import { demoShopFixture, sendShopifyWebhook, startShopifyServer, type ShopifyServer } from '@cuecart/testkit/shopify-server';
import { orderWebhook, syntheticShow, type Expected } from '@cuecart/testkit/synthetic-show';

const SESSIONS = 10_000;
const SECRET = 'syn-whsec';
const DOMAIN = 'northwind.myshopify.com';
const CARDS = [
  { cardId: 'card-serum', productId: 'gid://shopify/Product/1001', shopifyId: 1001, price: 42 },
  { cardId: 'card-hoodie', productId: 'gid://shopify/Product/2001', shopifyId: 2001, price: 68 },
  { cardId: 'card-candle', productId: 'gid://shopify/Product/3001', shopifyId: 3001, price: 24.5 },
];
const LIVE_EDGE_MS = 2 * 3600_000;
const env = { CUECART_RATE_LIMITS: 'off' };
const one = suiteRelay({ env });
const pair = clusterPair(env);
let shop: ShopifyServer;

beforeAll(async () => {
  shop = await startShopifyServer(demoShopFixture(), { storefrontToken: 'public-token' });
});
afterAll(async () => {
  await shop?.close();
});

/** Creates the show on `relays[0]`, sends every batch spread over the relays (8 at a time), then the orders and the refund. */
async function replay(relays: RelayProcess[], showId: string): Promise<{ producer: string; expected: Expected }> {
  const catalog = { provider: 'shopify', shopDomain: DOMAIN, storefrontToken: 'public-token', endpoint: shop.endpoint, webhookSecret: SECRET, collection: 'live' };
  const created = await api(relays[0]!, 'POST', '/api/shows', { id: showId, title: 'Synthetic', streamEpochMs: Date.now() - LIVE_EDGE_MS, catalog }, ADMIN_TOKEN);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  for (const r of relays) expect((await api(r, 'GET', `/api/shows/${showId}`)).status).toBe(200);
  const show = syntheticShow({ showId, sessions: SESSIONS, cards: CARDS, liveEdgeMs: LIVE_EDGE_MS, seed: 42 });
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < show.batches.length; i = next++) {
      const res = await api(relays[i % relays.length]!, 'POST', '/api/track', { events: show.batches[i] });
      if (res.status !== 202) throw new Error(`batch ${i}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  for (const [i, order] of show.orders.entries()) {
    const hook = await sendShopifyWebhook(relays[i % relays.length]!.url, { topic: 'orders/create', shopDomain: DOMAIN, secret: SECRET, payload: orderWebhook(showId, order) });
    expect(hook.body.outcome).toBe('order recorded');
  }
  const refund = { id: show.refund.id, order_id: show.refund.orderId, refund_line_items: [{ quantity: 1, subtotal: show.refund.amount.toFixed(2) }] };
  expect((await sendShopifyWebhook(relays.at(-1)!.url, { topic: 'refunds/create', shopDomain: DOMAIN, secret: SECRET, payload: refund })).body.outcome).toBe('refund recorded');
  return { producer: await mintToken(relays[0]!, showId, 'producer'), expected: show.expected };
}

function expectReport(body: Record<string, any>, expected: Expected) {
  expect(body).toMatchObject({
    viewers: expected.viewers,
    peakConcurrent: expected.peakConcurrent,
    impressions: expected.impressions,
    clicks: expected.clicks,
    addToCarts: expected.addToCarts,
    orders: expected.orders,
    buyers: expected.buyers,
  });
  expect(body.viewerMinutes).toBeCloseTo(expected.viewerMinutes, 9);
  for (const k of ['live', 'replay', 'clip', 'total'] as const) expect(body.revenue[k]).toBeCloseTo(expected.revenue[k], 6);
  const q = expected.quality;
  expect(body.quality).toEqual({ startupMs: { median: q.startupMedianMs, p90: q.startupP90Ms, sessions: q.sessions }, rebufferingRatio: q.rebufferMs / q.watchMs, watchMs: q.watchMs, rebufferMs: q.rebufferMs });
  for (const [productId, p] of Object.entries(expected.products)) {
    const got = body.products.find((x: { productId: string }) => x.productId === productId);
    expect(got).toMatchObject({ impressions: p.impressions, clicks: p.clicks, addToCarts: p.addToCarts, orders: p.orders, units: p.units });
    expect(got.revenue).toBeCloseTo(p.revenue, 6);
  }
}

describe(`a synthetic show of ${SESSIONS} sessions`, () => {
  it('is reproduced exactly by one relay', async () => {
    const { producer, expected } = await replay([one.relay], 'syn-one');
    const report = await api(one.relay, 'GET', '/api/shows/syn-one/analytics', undefined, producer);
    console.log(`synthetic show: ${expected.viewers} viewers, ${expected.impressions} impressions, ${expected.orders} orders, revenue ${expected.revenue.total}`);
    expectReport(report.body, expected);
  });

  it('is reproduced exactly by two relays sharing Redis, whichever took each beacon', async () => {
    const { producer, expected } = await replay([pair.a, pair.b], 'syn-two');
    for (const relay of [pair.a, pair.b]) expectReport((await api(relay, 'GET', '/api/shows/syn-two/analytics', undefined, producer)).body, expected);
  });
});

describe('screen time in a cluster', () => {
  it('is read from the shared command log, the same on both relays', async () => {
    const created = await api(pair.a, 'POST', '/api/shows', { id: 'screen-two', title: 'Screen time', streamEpochMs: Date.now() - 60_000, catalog: { provider: 'inline', products } }, ADMIN_TOKEN);
    expect(created.status).toBe(201);
    const producer = await mintToken(pair.a, 'screen-two', 'producer');
    const command = (relay: RelayProcess, id: string, body: Record<string, unknown>) => api(relay, 'POST', '/api/shows/screen-two/commands', { id, ...body }, producer);
    expect((await command(pair.a, 'live', { type: 'status', status: 'live' })).body.ok).toBe(true);
    // On air through relay A, off through relay B.
    expect((await command(pair.a, 'on', { type: 'feature', productId: 'p-kettle' })).body.ok).toBe(true);
    await sleep(400);
    expect((await command(pair.b, 'off', { type: 'unfeature', productId: 'p-kettle' })).body.ok).toBe(true);
    const times = [];
    for (const relay of [pair.a, pair.b]) {
      const body = (await api(relay, 'GET', '/api/shows/screen-two/analytics', undefined, producer)).body;
      times.push(body.products.find((p: { productId: string }) => p.productId === 'p-kettle').screenTimeMs as number);
    }
    expect(times[0]).toBeGreaterThanOrEqual(350);
    expect(times[0]).toBeLessThan(5000);
    expect(times[1]).toBe(times[0]);
  });
});

describe('live tiles in a cluster', () => {
  it("count the beacons every relay took, for a producer on either", async () => {
    const created = await api(pair.a, 'POST', '/api/shows', { id: 'tiles-two', title: 'Tiles', streamEpochMs: Date.now() - 60_000, catalog: { provider: 'inline', products } }, ADMIN_TOKEN);
    expect(created.status).toBe(201);
    const producer = await mintToken(pair.a, 'tiles-two', 'producer');
    expect((await api(pair.a, 'POST', '/api/shows/tiles-two/commands', { id: 'live', type: 'status', status: 'live' }, producer)).body.ok).toBe(true);
    expect((await api(pair.a, 'POST', '/api/shows/tiles-two/commands', { id: 'on', type: 'feature', productId: 'p-kettle' }, producer)).body.ok).toBe(true);
    const onA = await connect(pair.a, '/producer', { token: producer });
    const onB = await connect(pair.b, '/producer', { token: producer });
    try {
      const viewer = await connect(pair.b, '/viewer', { show: 'tiles-two' });
      const cardId = (await emitAck(viewer, 'overlay:get', undefined)).state.featured[0].cardId as string;
      viewer.close();
      const ev = (type: string, sessionId: string, extra: Record<string, unknown> = {}) => ({ type, showId: 'tiles-two', sessionId, mode: 'live', ...extra });
      // Two viewers' beacons reach relay A, one viewer's and the click reach relay B.
      expect((await api(pair.a, 'POST', '/api/track', { events: [ev('view', 'v1'), ev('view', 'v2')] })).status).toBe(202);
      expect((await api(pair.b, 'POST', '/api/track', { events: [ev('view', 'v3'), ev('click', 'v3', { cardId, productId: 'p-kettle' })] })).status).toBe(202);
      for (const socket of [onA, onB]) {
        await expect
          .poll(() => {
            const last = received(socket, 'metrics').at(-1);
            return last && { viewersNow: last.viewersNow, clicks: last.perCard.find((c: { cardId: string }) => c.cardId === cardId)?.clicks };
          }, { timeout: 5000 })
          .toEqual({ viewersNow: 3, clicks: 1 });
      }
    } finally {
      onA.close();
      onB.close();
    }
  });
});

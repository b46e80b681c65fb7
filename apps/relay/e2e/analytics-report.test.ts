// GET /api/shows/:id/analytics in DESIGN.md's shape, from beacons and orders sent through the real relay: every
// figure as worked out by hand, resent batches and impossible events not counted, the cards' time on air from
// the command log.
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, api, mintToken, products, sleep } from '@cuecart/testkit/relay';
import { suiteRelay } from '@cuecart/testkit/suite-relay';

const suite = suiteRelay();
const SHOW = 'report';
let producer: string;
let n = 0;
const ev = (type: string, sessionId: string, extra: Record<string, unknown> = {}) => ({ eventId: `e${++n}`, type, showId: SHOW, sessionId, mode: 'live', ...extra });
const k1 = { cardId: 'k1', productId: 'p-kettle' };
const k2 = { cardId: 'k2', productId: 'p-mug' };

beforeAll(async () => {
  // The stream started 10 minutes ago.
  const created = await api(suite.relay, 'POST', '/api/shows', { id: SHOW, title: 'Report', streamEpochMs: Date.now() - 600_000, catalog: { provider: 'inline', products }, rundown: ['p-kettle', 'p-mug'] }, ADMIN_TOKEN);
  expect(created.status).toBe(201);
  producer = await mintToken(suite.relay, SHOW, 'producer');
});

describe('the analytics report', () => {
  it('reproduces the hand-computed figures', async () => {
    const command = (body: Record<string, unknown>) => api(suite.relay, 'POST', `/api/shows/${SHOW}/commands`, { id: `c${++n}`, ...body }, producer);
    expect((await command({ type: 'status', status: 'live' })).body.ok).toBe(true);
    expect((await command({ type: 'feature', productId: 'p-kettle' })).body.ok).toBe(true);

    const hb = (s: string, mode: string, ...ms: number[]) => ms.map((mediaMs) => ev('heartbeat', s, { mode, mediaMs }));
    const events = [
      ev('view', 'A'), ev('view', 'B'), ev('view', 'C'), ev('view', 'D', { mode: 'replay' }),
      ...hb('A', 'live', 0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000),
      ...hb('B', 'live', 5_000, 15_000, 65_000),
      ...hb('C', 'live', 61_000, 71_000),
      ...hb('D', 'replay', 0, 10_000),
      ev('heartbeat', 'C', { mediaMs: 3_600_000 }), // an hour into a 10-minute show: not counted
      ev('impression', 'A', k1), ev('impression', 'A', k1), ev('impression', 'B', k1), ev('impression', 'C', k1), ev('impression', 'D', { ...k2, mode: 'replay' }),
      ev('click', 'A', k1), ev('click', 'B', k1), ev('click', 'B', k1),
      ev('click', 'C', k2), // C never saw k2: not counted
      ev('add_to_cart', 'A', k1), ev('add_to_cart', 'B', k1), ev('add_to_cart', 'D', { ...k2, mode: 'replay' }),
      ev('purchase', 'A', { ...k1, value: 1e6 }), // a page's purchase: a signal, never money
      // Playback quality: A started in 0.6 s and stalled 1 s in 20 s; B in 1.8 s; C in 3.0 s (its second startup is not counted).
      ev('quality', 'A', { startupMs: 600, watchMs: 600, rebufferMs: 0 }), ev('quality', 'A', { watchMs: 19_400, rebufferMs: 1_000 }),
      ev('quality', 'B', { startupMs: 1_800, watchMs: 10_000, rebufferMs: 0 }),
      ev('quality', 'C', { startupMs: 3_000, watchMs: 5_000, rebufferMs: 500 }), ev('quality', 'C', { startupMs: 100, watchMs: 5_000, rebufferMs: 0 }),
    ];
    expect((await api(suite.relay, 'POST', '/api/track', { events })).body).toEqual({ accepted: events.length - 1, ignored: 1 });
    // A quality beacon claiming more stall than watch is refused, and so is the rest of its batch.
    const bad = await api(suite.relay, 'POST', '/api/track', { events: [ev('view', 'E'), ev('quality', 'E', { watchMs: 1_000, rebufferMs: 2_000 })] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('rebufferMs is part of watchMs');
    // The same batch again (a lost answer): nothing changes.
    expect((await api(suite.relay, 'POST', '/api/track', { events })).body).toMatchObject({ accepted: 0 });

    // Two real orders through the demo store: A live (one kettle, 89), D in the replay (two mugs, 44).
    const buy = async (sessionId: string, mode: string, productId: string, quantity: number) => {
      const cart = await api(suite.relay, 'POST', `/api/shows/${SHOW}/carts`, { sessionId, mode });
      await api(suite.relay, 'POST', `/api/carts/${cart.body.id}/lines`, { productId, quantity }, { session: sessionId });
      return api(suite.relay, 'POST', `/api/carts/${cart.body.id}/orders`, { name: 'X', email: 'x@example.com', mode }, { session: sessionId });
    };
    expect((await buy('A', 'live', 'p-kettle', 1)).status).toBe(201);
    expect((await buy('D', 'replay', 'p-mug', 2)).status).toBe(201);
    await sleep(300);
    expect((await command({ type: 'unfeature', productId: 'p-kettle' })).body.ok).toBe(true);

    const { status, body } = await api(suite.relay, 'GET', `/api/shows/${SHOW}/analytics`, undefined, producer);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      showId: SHOW,
      viewers: 4,
      viewerMinutes: (14 * 10) / 60,
      peakConcurrent: 3,
      impressions: 4,
      clicks: 2,
      addToCarts: 3,
      orders: 2,
      buyers: 2,
      revenue: { live: 89, replay: 44, clip: 0, total: 133, currencyCode: 'USD' },
      viewToPurchase: 0.5,
      byMode: {
        live: { viewers: 3, viewerMinutes: 2, impressions: 3, clicks: 2, addToCarts: 2, orders: 1, revenue: 89 },
        replay: { viewers: 1, impressions: 1, clicks: 0, addToCarts: 1, orders: 1, revenue: 44 },
      },
      purchaseSignals: 1,
    });
    expect(body.revenuePerViewerMinute).toBeCloseTo(133 / (140 / 60), 10);
    // Startups 600, 1800, 3000: median 1800, p90 3000; rebuffering 1500 of 40,000 ms watched.
    expect(body.quality).toEqual({ startupMs: { median: 1_800, p90: 3_000, sessions: 3 }, rebufferingRatio: 1_500 / 40_000, watchMs: 40_000, rebufferMs: 1_500 });
    const kettle = body.products.find((p: { productId: string }) => p.productId === 'p-kettle');
    expect(kettle).toMatchObject({ impressions: 3, clicks: 2, ctr: 2 / 3, addToCarts: 2, orders: 1, units: 1, revenue: 89 });
    // On air from its take to its take-off, a few hundred ms here.
    expect(kettle.screenTimeMs).toBeGreaterThanOrEqual(250);
    expect(kettle.screenTimeMs).toBeLessThan(10_000);
    expect(body.products.find((p: { productId: string }) => p.productId === 'p-mug')).toMatchObject({ screenTimeMs: 0, orders: 1, units: 2, revenue: 44 });

    const csv = await fetch(`${suite.relay.url}/api/shows/${SHOW}/analytics?format=csv`, { headers: { authorization: `Bearer ${producer}` } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows[0]).toBe('productId,screenTimeMs,impressions,clicks,ctr,addToCarts,orders,units,revenue');
    expect(rows.find((r) => r.startsWith('p-mug,'))).toBe('p-mug,0,1,0,0,1,1,2,44');
  });
});

// What a page may claim with beacons, from how many sockets, and from which origin (security review, issue 11
// findings 1, 3, 4 and 5): beacons never make revenue, name only the show's products, spend one budget per
// address, count once per eventId; an Authorization header never opens a locked show to another origin.
import type { Socket } from 'socket.io-client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, api, connect, createShow, emitAck, products } from '@cuecart/testkit/relay';
import { suiteRelay } from '@cuecart/testkit/suite-relay';

const suite = suiteRelay();
let producer: string;
const sockets: Socket[] = [];
const BRAND = 'https://brand.example';
const EVIL = 'https://evil.example';

beforeAll(async () => {
  producer = (await createShow(suite.relay, 'beacons')).producer;
  const locked = await api(suite.relay, 'POST', '/api/shows', { id: 'locked', title: 'Locked', catalog: { provider: 'inline', products }, rundown: ['p-mug'], allowedOrigins: [BRAND] }, ADMIN_TOKEN);
  expect(locked.status).toBe(201);
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.close();
});

const event = (over: Record<string, unknown> = {}) => ({ type: 'impression', showId: 'beacons', productId: 'p-mug', sessionId: 'viewer-1', mode: 'live', ...over });
const analytics = async (show = 'beacons', token = producer) => (await api(suite.relay, 'GET', `/api/shows/${show}/analytics`, undefined, token)).body;
const post = (path: string, body: string, headers: Record<string, string>) => fetch(suite.relay.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const viewerFrom = async (ip: string, show = 'beacons') => {
  const socket = await connect(suite.relay, '/viewer', { show }, { headers: { 'x-forwarded-for': ip } });
  sockets.push(socket);
  return socket;
};

describe('beacons never make money', () => {
  it('counts a client purchase of 1e9 as a signal, with revenue and orders only from recorded orders', async () => {
    const before = await analytics();
    expect((await api(suite.relay, 'POST', '/api/track', { events: [event({ type: 'purchase', value: 1e9 })] })).status).toBe(202);
    const viewer = await viewerFrom('198.51.100.20');
    expect(await emitAck(viewer, 'track', event({ type: 'purchase', value: 1e9, sessionId: 'viewer-2' }))).toEqual({ ok: true });
    const after = await analytics();
    expect(after.revenue).toEqual({ live: 0, replay: 0, clip: 0, total: 0, currencyCode: 'USD' });
    expect(after.orders).toBe(0);
    expect(after.funnel.purchase).toBe(before.funnel.purchase);
    expect(after.purchaseSignals).toBe(before.purchaseSignals + 2);
  });

  it('refuses beacons for products that are not in the show, over REST and a socket', async () => {
    const rest = await api(suite.relay, 'POST', '/api/track', { events: [event(), event({ productId: 'p-ghost' })] });
    expect(rest).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: expect.stringContaining('p-ghost') } } });
    const viewer = await viewerFrom('198.51.100.21');
    expect(await emitAck(viewer, 'track', event({ productId: 'p-ghost' }))).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('stores an event once however often its eventId is sent', async () => {
    const before = (await analytics()).funnel.click;
    const batch = { events: [event({ type: 'click', eventId: 'ev-dup-1' }), event({ type: 'click', eventId: 'ev-dup-2' })] };
    expect((await api(suite.relay, 'POST', '/api/track', batch)).body).toEqual({ accepted: 2 });
    expect((await api(suite.relay, 'POST', '/api/track', batch)).body).toEqual({ accepted: 0, duplicates: 2 });
    const viewer = await viewerFrom('198.51.100.22');
    expect(await emitAck(viewer, 'track', batch)).toEqual({ ok: true });
    expect((await analytics()).funnel.click).toBe(before + 2);
  });
});

describe('one address, one budget', () => {
  it('makes the viewer sockets of one address share a budget of beacon events, which another address does not spend', async () => {
    const before = (await analytics()).funnel.checkout;
    const flooders = await Promise.all(Array.from({ length: 5 }, () => viewerFrom('203.0.113.50')));
    const batch = { events: Array.from({ length: 100 }, (_, i) => event({ type: 'checkout', sessionId: `flood-${i}` })) };
    const acks = await Promise.all(flooders.flatMap((s) => Array.from({ length: 8 }, () => emitAck(s, 'track', batch))));
    const stored = (await analytics()).funnel.checkout - before;
    // 5 sockets × 8 batches × 100 = 4,000 events sent; one address's budget is a burst of 500 and 50 a second.
    expect(stored).toBeGreaterThanOrEqual(500);
    expect(stored).toBeLessThan(1000);
    expect(acks.filter((a) => a.ok === false && /beacon events from this address/.test(a.error.message)).length).toBeGreaterThan(20);
    const neighbour = await viewerFrom('203.0.113.51');
    expect(await emitAck(neighbour, 'track', event({ type: 'checkout' }))).toEqual({ ok: true });
  });

  it('lets one address hold 200 viewer sockets, refuses the next with rate_limited, and admits again when one closes', async () => {
    const office = await Promise.all(Array.from({ length: 200 }, () => viewerFrom('192.0.2.77')));
    const refused = await connect(suite.relay, '/viewer', { show: 'beacons' }, { headers: { 'x-forwarded-for': '192.0.2.77' } }).then(
      () => undefined,
      (err: { data?: { code: string; message: string } }) => err.data,
    );
    expect(refused).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('200 players') });
    // Another address is not held back.
    await viewerFrom('192.0.2.78');
    office[0]!.close();
    await expect.poll(async () => connect(suite.relay, '/viewer', { show: 'beacons' }, { headers: { 'x-forwarded-for': '192.0.2.77' } }).then((s) => (sockets.push(s), true), () => false), { timeout: 3000 }).toBe(true);
  });

  it('answers a flood of track posts with 429 before reading any body, with an Origin header on a locked show', async () => {
    const headers = { origin: BRAND, 'x-forwarded-for': '203.0.113.60' };
    const answers = await Promise.all(Array.from({ length: 70 }, () => post('/api/track', '{ not json', headers).then((r) => r.status)));
    // The first 60 (the per-address request budget) are read and found invalid; the rest are refused unread.
    expect(answers.filter((s) => s === 400).length).toBeLessThanOrEqual(61);
    expect(answers.filter((s) => s === 429).length).toBeGreaterThanOrEqual(9);
  });
});

describe('an Authorization header does not open a locked show to another origin', () => {
  it('refuses a cart and a beacon from a forbidden origin whatever Authorization they carry, without Access-Control-Allow-Origin', async () => {
    for (const authorization of ['x', `Bearer ${producer}`, `Bearer ${ADMIN_TOKEN}`]) {
      const cart = await post('/api/shows/locked/carts', JSON.stringify({ sessionId: 'evil' }), { origin: EVIL, authorization });
      expect(cart.status, authorization).toBe(403);
      expect(cart.headers.get('access-control-allow-origin'), authorization).toBeNull();
      const beacon = await post('/api/track', JSON.stringify({ events: [event({ showId: 'locked' })] }), { origin: EVIL, authorization });
      expect(beacon.status, authorization).toBe(403);
      expect(beacon.headers.get('access-control-allow-origin'), authorization).toBeNull();
    }
    const pre = await fetch(`${suite.relay.url}/api/shows/locked/carts`, {
      method: 'OPTIONS',
      headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    // The brand's own page still works.
    expect((await post('/api/shows/locked/carts', JSON.stringify({ sessionId: 'brand' }), { origin: BRAND })).status).toBe(201);
  });

  it('judges a cart and a beacon from a forbidden origin however the path is cased or ended, as the routes match it', async () => {
    const cart = (await post('/api/shows/locked/carts', JSON.stringify({ sessionId: 'brand-2' }), { origin: BRAND }).then((r) => r.json())) as { id: string };
    const attempts: Array<[string, string]> = [
      ['/api/Shows/locked/carts', JSON.stringify({ sessionId: 'evil' })],
      ['/api/SHOWS/locked/CARTS/', JSON.stringify({ sessionId: 'evil' })],
      [`/api/Carts/${cart.id}/lines`, JSON.stringify({ productId: 'p-mug', quantity: 1 })],
      ['/api/Track', JSON.stringify({ events: [event({ showId: 'locked' })] })],
      ['/api/track/', JSON.stringify({ events: [event({ showId: 'locked' })] })],
      ['/API/TRACK/', JSON.stringify({ events: [event({ showId: 'locked' })] })],
    ];
    for (const [path, body] of attempts) {
      const answer = await post(path, body, { origin: EVIL, 'x-cuecart-session': 'brand-2' });
      expect(answer.status, path).toBe(403);
      expect(answer.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });

  it('lets a route that verifies a token skip the origin check only once the token verifies', async () => {
    const lockedProducer = (await api(suite.relay, 'POST', '/api/shows/locked/tokens', { role: 'producer' }, ADMIN_TOKEN)).body.token as string;
    const good = await fetch(`${suite.relay.url}/api/shows/locked/analytics`, { headers: { origin: EVIL, authorization: `Bearer ${lockedProducer}` } });
    expect(good.status).toBe(200);
    expect(good.headers.get('access-control-allow-origin')).toBe('*');
    const bad = await fetch(`${suite.relay.url}/api/shows/locked/analytics`, { headers: { origin: EVIL, authorization: 'Bearer forged' } });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();
  });
});

// Rate limits against the real relay: 429 rate_limited with Retry-After on REST, rate_limited acks on
// sockets, a flooding socket disconnected, and a producer at a human pace never held back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { api, createShow, emitAck, next, removeDataDir, sleep, socketPool, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

let relay: RelayProcess;
let tokens: Awaited<ReturnType<typeof createShow>>;
const pool = socketPool(() => relay);

beforeAll(async () => {
  relay = await startRelay();
  tokens = await createShow(relay, 'limits');
});
afterAll(async () => {
  pool.closeAll();
  expect((await api(relay, 'GET', '/healthz')).status).toBe(200);
  expect(await relay.stop()).toBe(0);
  removeDataDir(relay.dataDir);
});

const ERROR = { error: { code: 'rate_limited', message: expect.stringMatching(/try again in \d+ s$/) } };

async function post(path: string, body: unknown, token?: string) {
  // Every request names the shopper session, which the cart routes require (the other routes ignore it).
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-cuecart-session': 'shopper' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(relay.url + path, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as unknown };
}

/** Fires `n` requests at once and returns them in order. */
const burst = (n: number, send: (i: number) => ReturnType<typeof post>) => Promise.all(Array.from({ length: n }, (_, i) => send(i)));

const event = (i: number) => ({ type: 'impression', showId: 'limits', productId: 'p-mug', sessionId: `s-${i}`, mode: 'live' });

describe('REST', () => {
  it('POST /api/track: 60 per 10 s per IP, then 429 rate_limited with Retry-After', async () => {
    const answers = await burst(70, (i) => post('/api/track', { events: [event(i)] }));
    const accepted = answers.filter((a) => a.status === 202).length;
    const refused = answers.filter((a) => a.status === 429);
    expect(accepted).toBeGreaterThanOrEqual(60);
    expect(accepted).toBeLessThan(70);
    expect(refused.length).toBe(70 - accepted);
    expect(refused[0]!.body).toEqual(ERROR);
    expect(Number(refused[0]!.retryAfter)).toBeGreaterThanOrEqual(1);
    // Other routes are not held back by the track bucket.
    expect((await api(relay, 'GET', '/api/shows/limits')).status).toBe(200);
  });

  it('cart routes: one bucket per IP across carts, lines and orders', async () => {
    const cart = await post('/api/shows/limits/carts', { sessionId: 'shopper' });
    expect(cart.status).toBe(201);
    const id = (cart.body as { id: string }).id;
    const answers = await burst(70, () => post(`/api/carts/${id}/lines`, { productId: 'p-mug' }));
    const added = answers.filter((a) => a.status === 200).length;
    // 60 per IP, less the cart made just now, give or take a refill during the burst.
    expect(added).toBeGreaterThanOrEqual(59);
    expect(added).toBeLessThan(70);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body).toEqual(ERROR);
    expect(refused.retryAfter).toMatch(/^\d+$/);
  });

  it('transcript: per token, so a second token of the show still posts', async () => {
    const segment = (i: number) => ({ segments: [{ id: `seg-${i}`, startMs: i * 10, endMs: i * 10 + 5, text: 'hello' }] });
    const answers = await burst(160, (i) => post('/api/shows/limits/transcript', segment(i), tokens.ingest));
    expect(answers.filter((a) => a.status === 202).length).toBeGreaterThanOrEqual(100);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body).toEqual(ERROR);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await post('/api/shows/limits/transcript', segment(999), tokens.producer)).status).toBe(202);
  });
});

describe('sockets', () => {
  it('answers a burst past the bucket with rate_limited acks, and lets it through again after a pause', async () => {
    const viewer = await pool.open('/viewer', { show: 'limits' });
    const answers = await Promise.all(Array.from({ length: 30 }, () => emitAck(viewer, 'overlay:get', null)));
    // A burst of 20, give or take a token refilled while the 30 arrive.
    const passed = answers.filter((a) => a.ok).length;
    expect(passed).toBeGreaterThanOrEqual(20);
    expect(passed).toBeLessThanOrEqual(22);
    const refused = answers.filter((a) => !a.ok);
    expect(refused[0]).toEqual({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/"overlay:get".*try again in 1 s/) } });
    await sleep(250);
    expect((await emitAck(viewer, 'overlay:get', null)).ok).toBe(true);
    // Each event class has its own bucket: tracking still works while overlay:get is spent.
    expect(await emitAck(viewer, 'track', event(1))).toEqual({ ok: true });
  });

  it('lets a producer mashing keys through: 30 presses at once, then 15 a second for 3 s', async () => {
    const producer = await pool.open('/producer', { token: tokens.producer });
    const ids = ['p-kettle', 'p-mug', 'p-lamp'];
    const mash = await Promise.all(Array.from({ length: 30 }, (_, i) => emitAck(producer, 'command', { id: `mash-${i}`, type: 'feature', productId: ids[i % 3] })));
    expect(mash.every((a) => a.ok)).toBe(true);
    for (let i = 0; i < 45; i++) {
      const ack = await emitAck(producer, 'command', i % 2 ? { id: `pace-${i}`, type: 'clear' } : { id: `pace-${i}`, type: 'feature', productId: 'p-mug' });
      expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
      await sleep(66);
    }
  });

  it('disconnects a socket that keeps flooding after being refused, and nobody else', async () => {
    const flooder: Socket = await pool.open('/viewer', { show: 'limits' });
    const bystander = await pool.open('/viewer', { show: 'limits' });
    const gone = next<string>(flooder, 'disconnect');
    for (let i = 0; i < 2000 && flooder.connected; i++) flooder.emit('track', event(i));
    expect(await gone).toBe('io server disconnect');
    expect((await emitAck(bystander, 'overlay:get', null)).ok).toBe(true);
    expect((await api(relay, 'GET', '/healthz')).status).toBe(200);
  });
});

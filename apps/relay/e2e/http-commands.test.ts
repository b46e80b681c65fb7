// The REST command route (Stream Deck / Companion buttons) and the public read routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, connect, createShow, next, removeDataDir, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

let relay: RelayProcess;
let tokens: Awaited<ReturnType<typeof createShow>>;

beforeAll(async () => {
  relay = await startRelay();
  tokens = await createShow(relay, 'rest');
});
afterAll(async () => {
  await relay.stop();
  removeDataDir(relay.dataDir);
});

describe('POST /api/shows/:id/commands', () => {
  it('fires a card that a viewer socket receives', async () => {
    const viewer = await connect(relay, '/viewer', { show: 'rest' });
    const arrival = next(viewer, 'overlay', (s: { seq: number }) => s.seq === 1);
    const res = await api(relay, 'POST', '/api/shows/rest/commands', { id: 'deck-1', type: 'feature', productId: 'p-kettle', offer: { text: 'Tonight only', endsAt: Date.now() + 600_000 } }, tokens.producer);
    expect(res).toEqual({ status: 200, body: { ok: true, seq: 1 } });
    const state = await arrival;
    expect(state.featured[0]).toMatchObject({ productId: 'p-kettle', cardId: 'deck-1', offer: { text: 'Tonight only' }, compareAtPrice: { amount: '109.00' } });
    viewer.close();
  });

  it('refuses a request without a producer token', async () => {
    const none = await api(relay, 'POST', '/api/shows/rest/commands', { id: 'deck-2', type: 'clear' });
    expect(none).toMatchObject({ status: 401, body: { error: { code: 'unauthorized', message: expect.stringContaining('Bearer') } } });
    const host = await api(relay, 'POST', '/api/shows/rest/commands', { id: 'deck-3', type: 'clear' }, tokens.host);
    expect(host).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const state = await api(relay, 'GET', '/api/shows/rest');
    expect(state.body.id).toBe('rest');
  });

  it('answers a repeated button press with the same ack and errors with the API error shape', async () => {
    const cmd = { id: 'deck-4', type: 'banner', text: 'Last call' };
    const first = await api(relay, 'POST', '/api/shows/rest/commands', cmd, tokens.producer);
    const second = await api(relay, 'POST', '/api/shows/rest/commands', cmd, tokens.producer);
    expect(first.body).toEqual({ ok: true, seq: 2 });
    expect(second).toEqual(first);
    const missing = await api(relay, 'POST', '/api/shows/rest/commands', { id: 'deck-5', type: 'unfeature', productId: 'p-mug' }, tokens.producer);
    expect(missing).toMatchObject({ status: 404, body: { ok: false, error: { code: 'not_found' } } });
  });

  it('lists the rundown products and answers health checks', async () => {
    const products = await api(relay, 'GET', '/api/shows/rest/products');
    expect(products.status).toBe(200);
    expect(products.body.map((p: { id: string }) => p.id)).toEqual(['p-kettle', 'p-mug', 'p-scarf', 'p-lamp']);
    expect(products.body[2]).toMatchObject({ available: false, price: { amount: '120.00', currencyCode: 'USD' } });
    const health = await api(relay, 'GET', '/healthz');
    expect(health).toEqual({ status: 200, body: { ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) } });
  });
});

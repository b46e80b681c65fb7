// "Notify me when it's back" (issue 21, item 5) over REST: a shopper's email for a sold-out product, kept with
// the show only with their consent; refused with a message that says what to fix otherwise. One relay keeps
// the alerts across a restart; two relays sharing Redis answer the same list whichever took the request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterPair } from '@cuecart/testkit/cluster-pair';
import { api, createShow, mintToken, removeDataDir, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

const alert = (relay: { url: string }, show: string, body: unknown) => api(relay, 'POST', `/api/shows/${show}/restock-alerts`, body);

describe('restock alerts on one relay', () => {
  let relay: RelayProcess;
  let producer: string;
  beforeAll(async () => {
    relay = await startRelay();
    producer = (await createShow(relay, 'restock')).producer;
  }, 30_000);
  afterAll(async () => {
    await relay?.stop();
    if (relay) removeDataDir(relay.dataDir);
  });

  it('refuses without consent, with a bad email, for a product in stock or not in the show, and says why', async () => {
    const noConsent = await alert(relay, 'restock', { productId: 'p-scarf', email: 'ana@example.com' });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.error.message).toMatch(/tick the box/);
    const badEmail = await alert(relay, 'restock', { productId: 'p-scarf', email: 'ana@', consent: true });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.message).toMatch(/email address does not look right/);
    const inStock = await alert(relay, 'restock', { productId: 'p-kettle', email: 'ana@example.com', consent: true });
    expect(inStock.status).toBe(409);
    expect(inStock.body.error.message).toMatch(/is in stock: add it to your cart/);
    const unknown = await alert(relay, 'restock', { productId: 'p-nope', email: 'ana@example.com', consent: true });
    expect(unknown.status).toBe(404);
    expect((await api(relay, 'GET', '/api/shows/restock/restock-alerts', undefined, producer)).body).toEqual([]);
  });

  it('keeps one alert per email and product, lists them for the producer only, and keeps them across a restart', async () => {
    const first = await alert(relay, 'restock', { productId: 'p-scarf', email: ' Ana@Example.com ', consent: true });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ productId: 'p-scarf', created: true });
    const again = await alert(relay, 'restock', { productId: 'p-scarf', email: 'ana@example.com', consent: true });
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    expect((await alert(relay, 'restock', { productId: 'p-scarf', email: 'bo@example.com', consent: true })).status).toBe(201);

    expect((await api(relay, 'GET', '/api/shows/restock/restock-alerts')).status).toBe(401);
    const host = await mintToken(relay, 'restock', 'host');
    expect((await api(relay, 'GET', '/api/shows/restock/restock-alerts', undefined, host)).status).toBe(403);
    const listed = await api(relay, 'GET', '/api/shows/restock/restock-alerts', undefined, producer);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([{ productId: 'p-scarf', title: 'Silk Scarf', waiting: [{ email: 'ana@example.com', at: expect.any(Number) }, { email: 'bo@example.com', at: expect.any(Number) }] }]);

    expect(await relay.stop()).toBe(0);
    relay = await startRelay({ dataDir: relay.dataDir });
    const after = await api(relay, 'GET', '/api/shows/restock/restock-alerts', undefined, producer);
    expect(after.body).toEqual(listed.body);
  }, 30_000);
});

describe('restock alerts on two relays sharing Redis', () => {
  const pair = clusterPair();

  it('answers the same list on either relay, and keeps a repeat once', async () => {
    const { producer } = await createShow(pair.a, 'restock-c');
    expect((await alert(pair.a, 'restock-c', { productId: 'p-scarf', email: 'ana@example.com', consent: true })).status).toBe(201);
    expect((await alert(pair.b, 'restock-c', { productId: 'p-scarf', email: 'ana@example.com', consent: true })).body.created).toBe(false);
    expect((await alert(pair.b, 'restock-c', { productId: 'p-scarf', email: 'cy@example.com', consent: true })).status).toBe(201);
    const onA = await api(pair.a, 'GET', '/api/shows/restock-c/restock-alerts', undefined, producer);
    const onB = await api(pair.b, 'GET', '/api/shows/restock-c/restock-alerts', undefined, producer);
    expect(onA.body[0].waiting.map((w: { email: string }) => w.email)).toEqual(['ana@example.com', 'cy@example.com']);
    expect(onB.body).toEqual(onA.body);
  });
});

// Transcript in, suggestions out, over the real relay: ingest, matching, fates and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { ADMIN_TOKEN, api, connect, createShow, emitAck, next, received, removeDataDir, sleep, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

let relay: RelayProcess;
let tokens: Awaited<ReturnType<typeof createShow>>;
let producer: Socket;
const post = (segments: unknown[], token = tokens.ingest, show = 'talk') => api(relay, 'POST', `/api/shows/${show}/transcript`, { segments }, token);

beforeAll(async () => {
  relay = await startRelay();
  tokens = await createShow(relay, 'talk');
  producer = await connect(relay, '/producer', { token: tokens.producer });
});
afterAll(async () => {
  producer.close();
  expect(await relay.stop()).toBe(0);
  removeDataDir(relay.dataDir);
});

describe('transcript ingest and suggestions', () => {
  it('broadcasts a posted segment to producers and suggests the product it names', async () => {
    const transcript = next(producer, 'transcript', (s: { id: string }) => s.id === 'seg-1');
    const suggestion = next(producer, 'suggestion');
    const res = await post([{ id: 'seg-1', startMs: 12_000, endMs: 16_000, text: 'okay so this is the pour over kettle and look at that spout', final: true }]);
    expect(res).toEqual({ status: 202, body: { accepted: 1, duplicates: 0, outOfOrder: 0, empty: 0 } });
    expect(await transcript).toMatchObject({ id: 'seg-1', startMs: 12_000, final: true });
    const s = await suggestion;
    expect(s).toMatchObject({ productId: 'p-kettle', segmentId: 'seg-1', mediaMs: 12_000 });
    expect(s.text).toMatch(/kettle/);
    expect(s.score).toBeGreaterThan(0);
  });

  it('answers duplicates, out-of-order and empty segments without suggesting twice', async () => {
    const before = received(producer, 'suggestion').length;
    const dup = await post([{ id: 'seg-1', startMs: 12_000, endMs: 16_000, text: 'okay so this is the pour over kettle and look at that spout', final: true }]);
    expect(dup.body).toEqual({ accepted: 0, duplicates: 1, outOfOrder: 0, empty: 0 });
    const late = await post([{ id: 'seg-0', startMs: 2_000, endMs: 5_000, text: 'the desk lamp is gorgeous', final: true }]);
    expect(late.body).toEqual({ accepted: 1, duplicates: 0, outOfOrder: 1, empty: 0 });
    const empty = await post([{ id: 'seg-e', startMs: 17_000, endMs: 18_000, text: '   ' }]);
    expect(empty.body).toEqual({ accepted: 0, duplicates: 0, outOfOrder: 0, empty: 1 });
    await sleep(200);
    expect(received(producer, 'suggestion').length).toBe(before);
  });

  it('takes partials then the final of one segment without suggesting twice', async () => {
    const before = received(producer, 'suggestion').length;
    await post([{ id: 'seg-2', startMs: 20_000, endMs: 21_000, text: 'and now the stoneware', final: false }]);
    await post([{ id: 'seg-2', startMs: 20_000, endMs: 22_000, text: 'and now the stoneware mug', final: false }]);
    const final = await post([{ id: 'seg-2', startMs: 20_000, endMs: 23_000, text: 'and now the stoneware mug in speckle', final: true }]);
    expect(final.body.accepted).toBe(1);
    await sleep(300);
    const mugs = received(producer, 'suggestion').slice(before).filter((s: { productId: string }) => s.productId === 'p-mug');
    expect(mugs).toHaveLength(1);
  });

  it('lets a producer dismiss a suggestion once, and marks one taken when its product goes on air', async () => {
    const suggestion = next(producer, 'suggestion', (s: { productId: string }) => s.productId === 'p-lamp');
    await post([{ id: 'seg-3', startMs: 40_000, endMs: 44_000, text: 'moving on to the desk lamp which is dimmable', final: true }]);
    const lamp = await suggestion;
    expect(await emitAck(producer, 'suggestion:dismiss', { id: lamp.id })).toEqual({ ok: true });
    expect(await emitAck(producer, 'suggestion:dismiss', { id: lamp.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await emitAck(producer, 'suggestion:dismiss', { nope: 1 })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const scarf = next(producer, 'suggestion', (s: { productId: string }) => s.productId === 'p-scarf');
    await post([{ id: 'seg-4', startMs: 60_000, endMs: 64_000, text: 'and this silk scarf is hand rolled', final: true }]);
    const taken = await scarf;
    expect(await emitAck(producer, 'command', { id: 'take-scarf', type: 'feature', productId: 'p-scarf' })).toMatchObject({ ok: true });
    expect(await emitAck(producer, 'suggestion:dismiss', { id: taken.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('does not suggest a product that is already on air', async () => {
    const before = received(producer, 'suggestion').length;
    await post([{ id: 'seg-5', startMs: 80_000, endMs: 84_000, text: 'the silk scarf again look at the colour', final: true }]);
    await sleep(300);
    expect(received(producer, 'suggestion').slice(before).some((s: { productId: string }) => s.productId === 'p-scarf')).toBe(false);
  });

  it('refuses bad transcript posts with clear answers', async () => {
    expect((await post([{ startMs: 1, endMs: 2, text: 'x' }], tokens.host)).status).toBe(403);
    expect((await api(relay, 'POST', '/api/shows/talk/transcript', { segments: [] })).status).toBe(401);
    const huge = await post([{ id: 'h', startMs: 90_000, endMs: 91_000, text: 'w '.repeat(5000) }]);
    expect(huge).toMatchObject({ status: 400, body: { error: { code: 'invalid', message: expect.stringContaining('text') } } });
    const backwards = await post([{ id: 'b', startMs: 5000, endMs: 1000, text: 'x' }]);
    expect(backwards.body.error.message).toContain('endMs');
    const tooMany = await post(Array.from({ length: 201 }, (_, i) => ({ id: `m${i}`, startMs: i, endMs: i + 1, text: 'x' })));
    expect(tooMany.status).toBe(400);
    expect((await post([{ startMs: 1, endMs: 2, text: 'x' }], tokens.ingest, 'ghost')).status).toBe(403);
  });

  it('copes with emoji, very long and duplicate titles in the catalog', async () => {
    const weird = [
      { id: 'w-1', title: '✨ Glow Serum ✨', price: { amount: '10.00', currencyCode: 'USD' }, available: true },
      { id: 'w-2', title: 'Ultra '.repeat(80).trim(), price: { amount: '10.00', currencyCode: 'USD' }, available: true },
      { id: 'w-3', title: 'Canvas Tote', price: { amount: '10.00', currencyCode: 'USD' }, available: true },
      { id: 'w-4', title: 'Canvas Tote', price: { amount: '12.00', currencyCode: 'USD' }, available: true },
      { id: 'w-5', title: '🔥🔥🔥', price: { amount: '1.00', currencyCode: 'USD' }, available: true },
    ];
    const created = await api(relay, 'POST', '/api/shows', { id: 'weird', title: 'Weird', catalog: { provider: 'inline', products: weird }, rundown: ['w-1', 'w-3'] }, ADMIN_TOKEN);
    expect(created.status).toBe(201);
    const ingest = (await api(relay, 'POST', '/api/shows/weird/tokens', { role: 'ingest' }, ADMIN_TOKEN)).body.token;
    const watcher = await connect(relay, '/producer', { token: (await api(relay, 'POST', '/api/shows/weird/tokens', { role: 'producer' }, ADMIN_TOKEN)).body.token });
    const glow = next(watcher, 'suggestion', (s: { productId: string }) => s.productId === 'w-1');
    for (const [i, text] of ['🔥🔥 hi everyone 🔥', 'ultra ultra ultra ultra', 'the canvas tote', 'مرحبا بالجميع', 'and the glow serum is back'].entries()) {
      const res = await post([{ id: `w${i}`, startMs: i * 5000, endMs: i * 5000 + 4000, text }], ingest, 'weird');
      expect(res.status).toBe(202);
    }
    expect((await glow).productId).toBe('w-1');
    watcher.close();
    expect((await api(relay, 'GET', '/healthz')).status).toBe(200);
  });
});

describe('simulated transcript feed', () => {
  it('plays a script as transcript lines at their show times', async () => {
    const created = await api(
      relay,
      'POST',
      '/api/shows',
      {
        id: 'sim',
        title: 'Simulated',
        streamEpochMs: Date.now(),
        catalog: { provider: 'inline', products: [{ id: 'k', title: 'Pour-Over Kettle', price: { amount: '89.00', currencyCode: 'USD' }, available: true }] },
        rundown: ['k'],
        transcript: { provider: 'simulated', script: [{ atMs: 300, endMs: 900, text: 'hello and welcome' }, { atMs: 1000, endMs: 1600, text: 'this is the pour over kettle' }] },
      },
      ADMIN_TOKEN,
    );
    expect(created.status).toBe(201);
    expect(created.body.transcript).toEqual({ provider: 'simulated' });
    const token = (await api(relay, 'POST', '/api/shows/sim/tokens', { role: 'producer' }, ADMIN_TOKEN)).body.token;
    const console_ = await connect(relay, '/producer', { token });
    const suggestion = await next(console_, 'suggestion', () => true, 5000);
    expect(suggestion).toMatchObject({ productId: 'k', mediaMs: 1000 });
    const lines = received(console_, 'transcript').map((s: { text: string }) => s.text);
    expect(lines).toContain('this is the pour over kettle');
    console_.close();
  });
});

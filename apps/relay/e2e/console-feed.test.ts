// What a console and a prompter get besides the overlay: the rundown (and its reordering), the activity
// log of who fired what, and the whole catalog for search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createShow, emitAck, next, received, removeDataDir, socketPool, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

let relay: RelayProcess;
let tokens: Awaited<ReturnType<typeof createShow>>;
const pool = socketPool(() => relay);
const open = pool.open;

beforeAll(async () => {
  relay = await startRelay();
  tokens = await createShow(relay, 'feed');
});
afterAll(async () => {
  pool.closeAll();
  await relay.stop();
  removeDataDir(relay.dataDir);
});

describe('console feed', () => {
  it('logs who fired what, to every console, including one that joins later', async () => {
    const first = await open('/producer', { token: tokens.producer });
    const entry = next(first, 'activity', (batch: unknown[]) => batch.length === 1);
    await emitAck(first, 'command', { id: 'a-1', type: 'feature', productId: 'p-mug' });
    expect(await entry).toEqual([{ seq: 1, commandId: 'a-1', type: 'feature', productId: 'p-mug', by: 'producer-1', at: expect.any(Number) }]);
    await emitAck(first, 'command', { id: 'a-2', type: 'clear' });
    const late = await open('/producer', { token: tokens.producer });
    await emitAck(late, 'overlay:get', undefined);
    const [history] = received(late, 'activity');
    expect(history.map((e: { commandId: string }) => e.commandId)).toEqual(['a-1', 'a-2']);
  });

  it('reorders the rundown for every console and prompter, and refuses products outside the catalog', async () => {
    const producer = await open('/producer', { token: tokens.producer });
    const host = await open('/host', { token: tokens.host });
    await emitAck(host, 'overlay:get', undefined);
    expect(received(host, 'rundown')[0].map((i: { product: { id: string } }) => i.product.id)).toEqual(['p-kettle', 'p-mug', 'p-scarf', 'p-lamp']);
    const update = next(host, 'rundown');
    expect(await emitAck(producer, 'rundown:set', { productIds: ['p-lamp', 'p-kettle'] })).toEqual({ ok: true });
    expect((await update).map((i: { slot: number; product: { id: string } }) => [i.slot, i.product.id])).toEqual([
      [1, 'p-lamp'],
      [2, 'p-kettle'],
    ]);
    expect(await emitAck(producer, 'rundown:set', { productIds: ['ghost'] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await emitAck(producer, 'rundown:set', { productIds: 'p-lamp' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await emitAck(host, 'rundown:set', { productIds: [] }, 500).catch(() => 'no answer')).toBe('no answer');
    expect((await api(relay, 'GET', '/api/shows/feed')).body.rundown).toEqual(['p-lamp', 'p-kettle']);
  });

  it('gives a producer the whole catalog for search, and nobody else', async () => {
    const catalog = await api(relay, 'GET', '/api/shows/feed/catalog', undefined, tokens.producer);
    expect(catalog.body.map((p: { id: string }) => p.id)).toEqual(['p-kettle', 'p-mug', 'p-scarf', 'p-lamp']);
    expect((await api(relay, 'GET', '/api/shows/feed/catalog', undefined, tokens.host)).status).toBe(403);
    expect((await api(relay, 'GET', '/api/shows/feed/catalog')).status).toBe(401);
  });
});

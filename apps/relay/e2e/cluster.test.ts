// Cluster mode against real processes: two relays sharing a real redis-server. A show created on A is
// known to B, B's viewers get A's cards, and when A is SIGKILLed a producer on B continues the show
// with the next seq.
import { describe, expect, it } from 'vitest';
import { clusterPair } from '@cuecart/testkit/cluster-pair';
import { api, connect, createShow, emitAck, next, record, sleep } from '@cuecart/testkit/relay';

const cluster = clusterPair();

describe('two relays on Redis', () => {
  it('knows on B a show created on A, and fans A’s commands out to B’s viewers with one seq', async () => {
    const { a, b } = cluster;
    const tokens = await createShow(a, 'shared');
    expect((await api(b, 'GET', '/api/shows/shared')).body).toMatchObject({ id: 'shared', rundown: ['p-kettle', 'p-mug', 'p-scarf', 'p-lamp'] });
    const viewerB = await connect(b, '/viewer', { show: 'shared' });
    const viewerA = await connect(a, '/viewer', { show: 'shared' });
    const producerA = await connect(a, '/producer', { token: tokens.producer });
    const producerB = await connect(b, '/producer', { token: tokens.producer });

    const onB = next(viewerB, 'overlay', (s: { seq: number }) => s.seq === 1);
    const onA = next(viewerA, 'overlay', (s: { seq: number }) => s.seq === 1);
    expect(await emitAck(producerA, 'command', { id: 'c-1', type: 'feature', productId: 'p-kettle' })).toEqual({ ok: true, seq: 1 });
    expect((await onB).featured[0].productId).toBe('p-kettle');
    expect((await onA).featured[0].productId).toBe('p-kettle');

    // Commands from both relays interleave with seq strictly +1, and a repeat answers the same on either.
    expect(await emitAck(producerB, 'command', { id: 'c-2', type: 'feature', productId: 'p-mug', exclusive: false })).toEqual({ ok: true, seq: 2 });
    expect(await emitAck(producerA, 'command', { id: 'c-3', type: 'banner', text: 'Two relays, one show' })).toEqual({ ok: true, seq: 3 });
    expect(await emitAck(producerB, 'command', { id: 'c-1', type: 'feature', productId: 'p-kettle' })).toEqual({ ok: true, seq: 1 });
    const concurrent = await Promise.all([
      emitAck(producerA, 'command', { id: 'r-a', type: 'feature', productId: 'p-lamp', exclusive: false }),
      emitAck(producerB, 'command', { id: 'r-b', type: 'banner', text: 'race' }),
    ]);
    expect(concurrent.map((ack) => ack.seq).sort()).toEqual([4, 5]);
    // Each relay's cache follows the show bus: both converge on the same state within moments.
    const snapshot = async (s: typeof viewerA) => (await emitAck(s, 'overlay:get', undefined)).state;
    await expect.poll(async () => (await snapshot(viewerA)).seq, { timeout: 2000 }).toBe(5);
    await expect.poll(async () => (await snapshot(viewerB)).seq, { timeout: 2000 }).toBe(5);
    expect(await snapshot(viewerB)).toEqual(await snapshot(viewerA));
    for (const s of [viewerA, viewerB, producerA, producerB]) s.close();
  });

  it('tells B’s prompter and console of a rundown set on A, once each, from the store’s one publication', async () => {
    const { a, b } = cluster;
    const tokens = await createShow(a, 'rundown-shared');
    const hostB = await connect(b, '/host', { token: tokens.host });
    const producerB = await connect(b, '/producer', { token: tokens.producer });
    const producerA = await connect(a, '/producer', { token: tokens.producer });
    const wanted = ['p-lamp', 'p-kettle'];
    const ids = (items: Array<{ product: { id: string } }>) => items.map((it) => it.product.id);
    const onHostB = next(hostB, 'rundown', (items) => ids(items).join() === wanted.join());
    const onProducerB = next(producerB, 'rundown', (items) => ids(items).join() === wanted.join());
    const seenOnA = record<Array<{ product: { id: string } }>>(producerA, 'rundown');
    expect(await emitAck(producerA, 'rundown:set', { productIds: wanted })).toEqual({ ok: true });
    expect(ids(await onHostB)).toEqual(wanted);
    expect(ids(await onProducerB)).toEqual(wanted);
    expect((await api(b, 'GET', '/api/shows/rundown-shared')).body).toMatchObject({ rundown: wanted });
    // A's own change comes back from Redis too: its console hears of it once, not twice.
    await sleep(300);
    expect(seenOnA.filter((items) => ids(items).join() === wanted.join())).toHaveLength(1);
    for (const s of [hostB, producerB, producerA]) s.close();
  });

  it('continues the show on B with the next seq after A is SIGKILLed', async () => {
    const { a, b } = cluster;
    const tokens = await createShow(a, 'failover');
    const producerA = await connect(a, '/producer', { token: tokens.producer });
    for (let i = 1; i <= 3; i++) {
      expect(await emitAck(producerA, 'command', { id: `f-${i}`, type: 'feature', productId: i % 2 ? 'p-kettle' : 'p-mug' })).toEqual({ ok: true, seq: i });
    }
    await a.kill();
    producerA.close();

    const viewerB = await connect(b, '/viewer', { show: 'failover' });
    // B heard every commit A made (they are published in the same Redis step as the commit).
    await expect.poll(async () => (await emitAck(viewerB, 'overlay:get', undefined)).state.seq, { timeout: 2000 }).toBe(3);
    expect((await emitAck(viewerB, 'overlay:get', undefined)).state).toMatchObject({ seq: 3, featured: [{ productId: 'p-kettle' }] });
    const producerB = await connect(b, '/producer', { token: tokens.producer });
    const arrival = next(viewerB, 'overlay', (s: { seq: number }) => s.seq === 4);
    expect(await emitAck(producerB, 'command', { id: 'f-3', type: 'feature', productId: 'p-kettle' })).toEqual({ ok: true, seq: 3 });
    expect(await emitAck(producerB, 'command', { id: 'f-4', type: 'feature', productId: 'p-lamp' })).toEqual({ ok: true, seq: 4 });
    expect((await arrival).featured.map((c: { productId: string }) => c.productId)).toEqual(['p-lamp']);
    viewerB.close();
    producerB.close();
  });
});

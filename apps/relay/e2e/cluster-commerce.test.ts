// Cluster mode keeps the shopping loop whole: a cart made through one relay is the same cart on every other, and
// a relay will not run on a Redis that could lose acknowledged writes (security review, issue 11 finding 14).
import { describe, expect, it } from 'vitest';
import { clusterPair, CLUSTER_SECRET } from '@cuecart/testkit/cluster-pair';
import { api, createShow, startRelay } from '@cuecart/testkit/relay';
import { removeRedisDir, startRedis } from '@cuecart/testkit/redis';

const cluster = clusterPair();

describe('carts and orders in cluster mode', () => {
  it('finds, fills and orders on relay B a cart made on relay A, and answers a repeat on A with the same order', async () => {
    const { a, b } = cluster;
    const tokens = await createShow(a, 'cluster-shop');
    const as = { session: 'shopper-x' };
    const made = await api(a, 'POST', '/api/shows/cluster-shop/carts', { sessionId: 'shopper-x' });
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    expect((await api(b, 'POST', `/api/carts/${id}/lines`, { productId: 'p-kettle' }, as)).status).toBe(200);
    expect((await api(a, 'POST', `/api/carts/${id}/lines`, { productId: 'p-kettle' }, as)).body.lines).toEqual([expect.objectContaining({ productId: 'p-kettle', quantity: 2 })]);
    expect((await api(b, 'GET', `/api/carts/${id}`, undefined, as)).body).toMatchObject({ itemCount: 2, subtotal: { amount: '178.00' } });
    // Another session is refused on either relay.
    expect((await api(b, 'GET', `/api/carts/${id}`, undefined, { session: 'someone-else' })).status).toBe(404);

    const order = await api(b, 'POST', `/api/carts/${id}/orders`, { name: 'Lin', email: 'lin@example.com' }, as);
    expect(order).toMatchObject({ status: 201, body: { cartId: id, total: { amount: '178.00' }, name: 'Lin' } });
    const again = await api(a, 'POST', `/api/carts/${id}/orders`, { name: 'Lin', email: 'lin@example.com' }, as);
    expect(again).toMatchObject({ status: 200, body: { id: order.body.id } });
    expect(again.body).not.toHaveProperty('email');
    expect((await api(a, 'POST', `/api/carts/${id}/lines`, { productId: 'p-mug' }, as)).body.error.code).toBe('conflict');

    for (const relay of [a, b]) {
      const orders = await api(relay, 'GET', '/api/shows/cluster-shop/orders', undefined, tokens.producer);
      expect(orders.body.map((o: { id: string }) => o.id)).toEqual([order.body.id]);
    }
  });

  it('places one order when the same cart is ordered through two relays at once', async () => {
    const { a, b } = cluster;
    await createShow(a, 'race-shop');
    const as = { session: 'racer' };
    const id = (await api(a, 'POST', '/api/shows/race-shop/carts', { sessionId: 'racer' })).body.id as string;
    await api(b, 'POST', `/api/carts/${id}/lines`, { productId: 'p-mug' }, as);
    const answers = await Promise.all([a, b, a, b].map((relay) => api(relay, 'POST', `/api/carts/${id}/orders`, { name: 'R', email: 'r@example.com' }, as)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);
  });
});

describe('Redis durability', () => {
  for (const [what, args, named] of [
    ['appendfsync everysec', ['--appendfsync', 'everysec'], 'appendfsync is "everysec"'],
    ['no append-only file', ['--appendonly', 'no'], 'appendonly is "no"'],
  ] as const) {
    it(`refuses to start in cluster mode on a Redis with ${what}, with the fix spelled out`, async () => {
      const lossy = await startRedis({ args: [...args] });
      try {
        const started = startRelay({ env: { CUECART_REDIS_URL: lossy.url, CUECART_SECRET: CLUSTER_SECRET } });
        await expect(started).rejects.toThrow(/does not persist every write/);
        const error = String(await started.catch((e: Error) => e.message));
        expect(error).toContain(named);
        expect(error).toContain('--appendonly yes --appendfsync always');
      } finally {
        await lossy.stop();
        removeRedisDir(lossy);
      }
    });
  }
});

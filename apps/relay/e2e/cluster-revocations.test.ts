// Token revocation and rotation in cluster mode, against real processes: relays on a real redis-server
// (AOF on). A token revoked or a role rotated through relay A is refused at once by relay B (its open
// sockets are dropped, new handshakes and REST calls refused), by a relay started later, after a Redis
// restart, and by a relay that was cut off from Redis when it was made; while Redis is down no relay claims
// a revocation it could not save.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { ADMIN_TOKEN, api, connect, createShow, dropped, emitAck, mintToken, refusedConnect, type RelayProcess, removeDataDir, sleep, startRelay } from '@cuecart/testkit/relay';
import { removeRedisDir, startRedis, type RedisProcess } from '@cuecart/testkit/redis';
import { startTcpProxy, type TcpProxy } from '@cuecart/testkit/tcp-proxy';

const REVOKED = { code: 'unauthorized', message: 'this token was revoked: ask the show admin for a new one' };

let redis: RedisProcess;
let a: RelayProcess;
let b: RelayProcess;
const relays: RelayProcess[] = [];
const sockets: Socket[] = [];
const proxies: TcpProxy[] = [];

beforeAll(async () => {
  redis = await startRedis();
  a = await relay();
  b = await relay();
}, 60_000);

afterAll(async () => {
  sockets.splice(0).forEach((s) => s.close());
  await Promise.all(relays.filter((r) => r.proc.exitCode === null && r.proc.signalCode === null).map((r) => r.stop()));
  relays.forEach((r) => removeDataDir(r.dataDir));
  await Promise.all(proxies.map((p) => p.close()));
  if (redis?.proc.exitCode === null && redis.proc.signalCode === null) await redis.stop();
  if (redis) removeRedisDir(redis);
});

/** Another relay of the cluster, with its own (empty) data dir: what it knows of revocations comes from Redis. */
async function relay(redisUrl = redis.url): Promise<RelayProcess> {
  const r = await startRelay({ env: { CUECART_REDIS_URL: redisUrl, CUECART_SECRET: 'cluster-secret-0123456789abcdef0123456789' } });
  relays.push(r);
  return r;
}

async function open(on: RelayProcess, namespace: string, auth: Record<string, unknown>): Promise<Socket> {
  const socket = await connect(on, namespace, auth);
  sockets.push(socket);
  return socket;
}

const jtiOf = (token: string): string => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { jti: string }).jti;


let commands = 0;
const command = (on: RelayProcess, show: string, token: string) => api(on, 'POST', `/api/shows/${show}/commands`, { id: `c-${++commands}`, type: 'feature', productId: 'p-kettle' }, token);

/** The token is refused by that relay on a socket handshake and on a REST command, as revoked. */
async function expectRefused(on: RelayProcess, show: string, token: string): Promise<void> {
  expect(await refusedConnect(on, '/producer', { token })).toEqual(REVOKED);
  expect(await command(on, show, token)).toMatchObject({ status: 401, body: { error: REVOKED } });
}

/** The token still works on that relay, on a socket and on REST. */
async function expectAccepted(on: RelayProcess, show: string, token: string): Promise<void> {
  const socket = await open(on, '/producer', { token });
  expect(await emitAck(socket, 'command', { id: `c-${++commands}`, type: 'feature', productId: 'p-mug' })).toMatchObject({ ok: true });
  socket.close();
  expect(await command(on, show, token)).toMatchObject({ status: 200, body: { ok: true } });
}

describe('revocations across relays on Redis', () => {
  it('a token revoked on A drops its sockets on B (and A), B refuses it, and a fresh token works on both', async () => {
    const t = await createShow(a, 'rev');
    const producerB = await open(b, '/producer', { token: t.producer });
    const asHostB = await open(b, '/host', { token: t.producer });
    const producerA = await open(a, '/producer', { token: t.producer });
    const hostB = await open(b, '/host', { token: t.host });
    const gone = Promise.all([dropped(producerB), dropped(asHostB), dropped(producerA)]);

    expect(await api(a, 'POST', '/api/shows/rev/tokens/revoke', { jti: jtiOf(t.producer) }, ADMIN_TOKEN)).toMatchObject({ status: 200, body: { revoked: true, jti: jtiOf(t.producer) } });
    for (const drop of await gone) expect(drop).toEqual({ reason: 'io server disconnect', revoked: REVOKED });
    expect(hostB.connected).toBe(true);

    await expectRefused(b, 'rev', t.producer);
    await expectRefused(a, 'rev', t.producer);
    const fresh = await mintToken(b, 'rev', 'producer');
    await expectAccepted(a, 'rev', fresh);
    await expectAccepted(b, 'rev', fresh);
  });

  it('rotating the producer role on A refuses every earlier producer token on B, and the new token works on both', async () => {
    const t = await createShow(a, 'rot');
    const second = await mintToken(b, 'rot', 'producer', 'second');
    const producerB = await open(b, '/producer', { token: t.producer });
    const secondB = await open(b, '/producer', { token: second });
    const hostB = await open(b, '/host', { token: t.host });
    const gone = Promise.all([dropped(producerB), dropped(secondB)]);

    const rotated = await api(a, 'POST', '/api/shows/rot/tokens/rotate', { role: 'producer', name: 'Ana' }, ADMIN_TOKEN);
    expect(rotated).toMatchObject({ status: 201, body: { role: 'producer', token: expect.any(String) } });
    for (const drop of await gone) expect(drop).toEqual({ reason: 'io server disconnect', revoked: REVOKED });
    expect(hostB.connected).toBe(true);

    for (const old of [t.producer, second]) await expectRefused(b, 'rot', old);
    await expectAccepted(b, 'rot', rotated.body.token as string);
    await expectAccepted(a, 'rot', rotated.body.token as string);
    await expectAccepted(b, 'rot', await mintToken(b, 'rot', 'producer', 'after'));
  });

  it('a relay started afterwards refuses them too, and so does every relay after a Redis restart', async () => {
    const t = await createShow(a, 'durable');
    const leaked = await mintToken(a, 'durable', 'producer', 'leaked');
    expect((await api(a, 'POST', '/api/shows/durable/tokens/revoke', { token: leaked }, ADMIN_TOKEN)).status).toBe(200);
    expect((await api(a, 'POST', '/api/shows/durable/tokens/rotate', { role: 'host' }, ADMIN_TOKEN)).status).toBe(201);

    const c = await relay();
    await expectRefused(c, 'durable', leaked);
    expect(await refusedConnect(c, '/host', { token: t.host })).toEqual(REVOKED);
    await expectAccepted(c, 'durable', t.producer);

    await redis.stop();
    redis = await startRedis({ port: redis.port, dir: redis.dir });
    const d = await relay();
    await expectRefused(d, 'durable', leaked);
    expect(await refusedConnect(d, '/host', { token: t.host })).toEqual(REVOKED);
    // Relays that were running through the restart still refuse them, and take commands again.
    await expect.poll(async () => (await command(b, 'durable', t.producer)).status, { timeout: 10_000, interval: 200 }).toBe(200);
    await expectRefused(b, 'durable', leaked);
    await expectAccepted(d, 'durable', t.producer);
  });

  it('a relay cut off from Redis when the revocation was made applies it once it is back', async () => {
    const proxy = await startTcpProxy({ port: redis.port });
    proxies.push(proxy);
    const far = await relay(`redis://127.0.0.1:${proxy.port}`);
    const t = await createShow(a, 'missed');
    const producer = await open(far, '/producer', { token: t.producer });

    proxy.cut();
    expect((await api(a, 'POST', '/api/shows/missed/tokens/revoke', { token: t.producer }, ADMIN_TOKEN)).status).toBe(200);
    await sleep(300);
    // The publish is gone for this relay: it has not heard of the revocation yet.
    expect(producer.connected).toBe(true);

    const gone = dropped(producer, 10_000);
    proxy.restore();
    expect(await gone).toEqual({ reason: 'io server disconnect', revoked: REVOKED });
    await expectRefused(far, 'missed', t.producer);
  });

  it('while Redis is down a revoke or rotate is answered with an error to retry, never as done; once it is back the retry takes', async () => {
    const t = await createShow(a, 'outage');
    const producerB = await open(b, '/producer', { token: t.producer });

    await redis.stop();
    const revoke = await api(a, 'POST', '/api/shows/outage/tokens/revoke', { jti: jtiOf(t.producer) }, ADMIN_TOKEN);
    expect(revoke.status).toBe(500);
    expect(revoke.body.error).toEqual({ code: 'internal', message: expect.stringMatching(/not saved: Redis cannot be reached.*again/) });
    const rotate = await api(a, 'POST', '/api/shows/outage/tokens/rotate', { role: 'producer' }, ADMIN_TOKEN);
    expect(rotate).toMatchObject({ status: 500, body: { error: { code: 'internal' } } });
    expect(rotate.body.token).toBeUndefined();
    // Nothing was revoked anywhere: no relay acts on a revocation that did not persist.
    expect(producerB.connected).toBe(true);
    (await open(a, '/producer', { token: t.producer })).close();

    redis = await startRedis({ port: redis.port, dir: redis.dir });
    // Listening from now on; the relays may take a few seconds to reconnect to Redis before the retry takes.
    const gone = dropped(producerB, 15_000);
    await expect.poll(async () => (await api(a, 'POST', '/api/shows/outage/tokens/revoke', { jti: jtiOf(t.producer) }, ADMIN_TOKEN)).status, { timeout: 10_000, interval: 200 }).toBe(200);
    expect(await gone).toEqual({ reason: 'io server disconnect', revoked: REVOKED });
    await expectRefused(b, 'outage', t.producer);
  });
});

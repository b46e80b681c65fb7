// The cluster's revocation store against a real redis-server (on a unix socket in a fresh folder): two
// stores stand for two relays on one Redis.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RedisClientType } from 'redis';
import { MAX_TOKEN_TTL_SECONDS } from '@cuecart/shared';
import { RevocationNotSaved, type Revocation } from '../auth/revocations.js';
import { RedisRevocationStore, REVOCATIONS_CHANNEL } from './redis-revocation-store.js';

const T0 = 1_700_000_000_000;

let dir: string;
let server: ChildProcess;
const clients: RedisClientType[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cuecart-revocations-redis-'));
  await startServer();
});

async function startServer(): Promise<void> {
  const bin = [process.env.CUECART_REDIS_SERVER, '/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => p && existsSync(p));
  if (!bin) throw new Error('redis-server is missing: run the tests with "npm test" (it installs it) or install redis-server');
  server = spawn(bin, ['--port', '0', '--unixsocket', join(dir, 'redis.sock'), '--dir', dir, '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 10_000);
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/Ready to accept connections/i.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once('exit', () => reject(new Error(`redis-server exited:\n${out}`)));
  });
}

async function stopServer(): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

afterEach(async () => {
  await (await client()).flushAll();
  await Promise.allSettled(clients.splice(0).map((c) => c.quit()));
});

afterAll(async () => {
  await Promise.allSettled(clients.splice(0).map((c) => c.quit()));
  await stopServer();
  rmSync(dir, { recursive: true, force: true });
});

async function client(): Promise<RedisClientType> {
  const c = createClient({ socket: { path: join(dir, 'redis.sock'), reconnectStrategy: () => 50 } }) as RedisClientType;
  c.on('error', () => undefined);
  clients.push(c);
  await c.connect();
  return c;
}

/** A relay's store as cluster.ts wires it: subscribed to the channel, then loaded. */
async function relayStore(clock: () => number = () => T0): Promise<{ store: RedisRevocationStore; heard: Revocation[] }> {
  const store = new RedisRevocationStore(await client(), clock);
  const subscriber = await client();
  await subscriber.subscribe(REVOCATIONS_CHANNEL, (message) => store.receive(message));
  await store.load();
  const heard: Revocation[] = [];
  store.onRevoke((r) => heard.push(r));
  return { store, heard };
}

const producer = (over: { jti?: string; iat?: number; show?: string } = {}) => ({ show: 'demo', role: 'producer' as const, jti: 'j-1', iat: T0 - 1, ...over });

describe('RedisRevocationStore', () => {
  it('revokes a jti for the show it was revoked under only, on every relay and after a re-read', async () => {
    const a = await relayStore();
    const b = await relayStore();
    await a.store.revoke('shared-jti', 'show-a');
    await expect.poll(() => b.store.isRevoked(producer({ jti: 'shared-jti', show: 'show-a' }))).toBe(true);
    expect(a.store.isRevoked(producer({ jti: 'shared-jti', show: 'show-b' }))).toBe(false);
    expect(b.store.isRevoked(producer({ jti: 'shared-jti', show: 'show-b' }))).toBe(false);
    const later = await relayStore();
    expect(later.store.isRevoked(producer({ jti: 'shared-jti', show: 'show-a' }))).toBe(true);
    expect(later.store.isRevoked(producer({ jti: 'shared-jti', show: 'show-b' }))).toBe(false);
  });

  it("a token revoked through one relay is refused by the other at once, each hears it once, and a relay started later knows it", async () => {
    const a = await relayStore();
    const b = await relayStore();
    await a.store.revoke('j-1', 'demo');
    expect(a.store.isRevoked(producer())).toBe(true);
    await expect.poll(() => b.store.isRevoked(producer())).toBe(true);
    // Let every echo arrive: neither relay hears it twice (no re-broadcast loop).
    await new Promise((r) => setTimeout(r, 50));
    const expected = { kind: 'token', jti: 'j-1', showId: 'demo', expiresAt: T0 + MAX_TOKEN_TTL_SECONDS * 1000 };
    expect(a.heard).toEqual([expected]);
    expect(b.heard).toEqual([expected]);
    expect(b.store.isRevoked(producer({ jti: 'j-2' }))).toBe(false);

    const c = await relayStore();
    expect(c.store.isRevoked(producer())).toBe(true);
  });

  it('keeps the latest rotation even when a relay with a slower clock rotates after it', async () => {
    const fast = await relayStore(() => T0 + 5_000);
    const slow = await relayStore(() => T0);
    expect(await fast.store.rotate('demo', 'producer')).toBe(T0 + 5_000);
    // The slow relay may not have heard yet: Redis keeps the later instant and tells it so.
    expect(await slow.store.rotate('demo', 'producer')).toBe(T0 + 5_000);
    expect(slow.store.isRevoked(producer({ iat: T0 + 4_999 }))).toBe(true);
    await expect.poll(() => fast.store.isRevoked(producer({ iat: T0 + 4_999 }))).toBe(true);
    expect(fast.store.isRevoked(producer({ iat: T0 + 5_000 }))).toBe(false);
    const later = await relayStore(() => T0);
    expect(later.store.isRevoked(producer({ iat: T0 + 4_999 }))).toBe(true);
    expect(later.store.isRevoked(producer({ iat: T0 + 5_000 }))).toBe(false);
    expect(later.store.isRevoked({ ...producer({ iat: T0 }), role: 'host' })).toBe(false);
  });

  it('applies on a re-read what it missed while away, and tells its listeners only about those', async () => {
    const away = new RedisRevocationStore(await client(), () => T0);
    await away.load();
    const heard: Revocation[] = [];
    away.onRevoke((r) => heard.push(r));
    const other = await relayStore();
    await other.store.revoke('missed', 'demo', T0 + 60_000);
    await other.store.rotate('demo', 'host');
    expect(away.isRevoked(producer({ jti: 'missed' }))).toBe(false);
    await away.load();
    await away.load();
    expect(away.isRevoked(producer({ jti: 'missed' }))).toBe(true);
    expect(heard).toEqual([
      { kind: 'token', jti: 'missed', showId: 'demo', expiresAt: T0 + 60_000 },
      { kind: 'rotation', showId: 'demo', role: 'host', notBefore: T0 },
    ]);
  });

  it('forgets a revoked token once it has expired anyway', async () => {
    let now = T0;
    const a = await relayStore(() => now);
    await a.store.revoke('short', 'demo', T0 + 1_000);
    await a.store.revoke('long', 'demo', T0 + 10_000);
    now = T0 + 2_000;
    const later = await relayStore(() => now);
    expect(later.store.isRevoked(producer({ jti: 'short' }))).toBe(false);
    expect(later.store.isRevoked(producer({ jti: 'long' }))).toBe(true);
    // The next write prunes it from Redis too.
    await a.store.revoke('other', 'demo', T0 + 10_000);
    expect(await (await client()).zCard('cuecart:revoked-tokens')).toBe(2);
  });

  it('ignores what is not a revocation on the channel', async () => {
    const a = await relayStore();
    const raw = await client();
    await raw.publish(REVOCATIONS_CHANNEL, 'not json');
    await raw.publish(REVOCATIONS_CHANNEL, JSON.stringify({ kind: 'rotation', showId: 'demo', role: 'admin', notBefore: T0 + 1 }));
    await raw.publish(REVOCATIONS_CHANNEL, JSON.stringify({ kind: 'token', jti: 'late', showId: 'demo', expiresAt: T0 + 1 }));
    await expect.poll(() => a.store.isRevoked(producer({ jti: 'late' }))).toBe(true);
    expect(a.heard).toEqual([{ kind: 'token', jti: 'late', showId: 'demo', expiresAt: T0 + 1 }]);
  });

  it('refuses to claim a revocation while Redis is down, changes nothing, and saves it once Redis is back', async () => {
    const a = await relayStore();
    await stopServer();
    await expect.poll(() => clients[0]!.isReady).toBe(false);
    await expect(a.store.revoke('j-1', 'demo')).rejects.toBeInstanceOf(RevocationNotSaved);
    await expect(a.store.rotate('demo', 'producer')).rejects.toThrow(/not saved: Redis cannot be reached.*again/);
    expect(a.store.isRevoked(producer())).toBe(false);
    expect(a.heard).toEqual([]);

    await startServer();
    await expect.poll(() => clients[0]!.isReady, { timeout: 5000 }).toBe(true);
    await a.store.revoke('j-1', 'demo');
    expect(a.store.isRevoked(producer())).toBe(true);
    expect((await relayStore()).store.isRevoked(producer())).toBe(true);
  });

  it('reports a write Redis does not answer in time as not saved, instead of hanging', async () => {
    const store = new RedisRevocationStore(await client(), () => T0, 200);
    const pause = await client();
    await pause.sendCommand(['CLIENT', 'PAUSE', '1000', 'WRITE']);
    const started = Date.now();
    await expect(store.revoke('j-1', 'demo')).rejects.toBeInstanceOf(RevocationNotSaved);
    expect(Date.now() - started).toBeLessThan(900);
    expect(store.isRevoked(producer())).toBe(false);
    await pause.sendCommand(['CLIENT', 'UNPAUSE']);
  });
});

// Crash and return against real processes: the relay is SIGKILLed mid-show with viewers and a producer on
// it, restarted on the same port and data dir, and every viewer (reconnecting as the player does, jittered)
// converges on the latest state within 2 s without ever holding an older seq; the producer's takes are
// re-sent with the same ids and applied once (lib/crash.ts). The same on one relay of two in cluster mode,
// whose other relay's viewers keep watching. Then a reconnect storm of every viewer at once.
import { afterAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { api, createShow, freshDataDir, removeDataDir, startRelay, type RelayProcess } from '@cuecart/testkit/relay';
import { freePort, removeRedisDir, startRedis, type RedisProcess } from '@cuecart/testkit/redis';
import { command, crashAndReturn, FINAL_SEQ, memory, OPENING } from './lib/crash.js';
import { killFleets, openFleet, type Fleet } from './lib/fleet.js';
import { producerSocket as openProducer } from './lib/producer.js';
import { figure, LONG, monoMs, pct, SIZES, sleep, waitUntil } from './lib/sizes.js';

const relays: RelayProcess[] = [];
const dataDirs: string[] = [];
const sockets: Socket[] = [];
const fleets: Fleet[] = [];
let redis: RedisProcess | undefined;
const producerSocket = (url: string, token: string) => openProducer(url, token, sockets);
const alive = (r: { proc: { exitCode: number | null; signalCode: NodeJS.Signals | null } }) => r.proc.exitCode === null && r.proc.signalCode === null;

/** A relay that can be restarted on the same port and data dir. */
async function restartable(env: Record<string, string> = {}): Promise<{ start(): Promise<RelayProcess> }> {
  const dataDir = freshDataDir();
  dataDirs.push(dataDir);
  const port = await freePort();
  return {
    async start() {
      const relay = await startRelay({ dataDir, env: { ...env, CUECART_PORT: String(port) }, timeoutMs: 45_000 });
      relays.push(relay);
      return relay;
    },
  };
}

afterAll(async () => {
  await Promise.allSettled(fleets.map((f) => f.close()));
  killFleets();
  sockets.forEach((s) => s.close());
  for (const r of relays) if (alive(r)) await r.stop();
  dataDirs.forEach(removeDataDir);
  if (redis && alive(redis)) await redis.stop();
  if (redis) removeRedisDir(redis);
});

/** Opens the show with OPENING and a fleet of viewers per relay; resolves once every viewer holds it. */
async function openShow(relayUrls: readonly string[], show: string, producer: Socket, viewers: number): Promise<Fleet[]> {
  for (const [i, c] of OPENING.entries()) expect(await command(producer, c)).toEqual({ ok: true, seq: i + 1 });
  const opened: Fleet[] = [];
  for (const [i, url] of relayUrls.entries()) {
    const count = Math.floor(viewers / relayUrls.length) + (i < viewers % relayUrls.length ? 1 : 0);
    const fleet = await openFleet({ url, show, count, ratePerSec: LONG ? 400 : 500, seed: 31 + i });
    fleets.push(fleet);
    opened.push(fleet);
  }
  const holding = async () => (await Promise.all(opened.map((f) => f.stats()))).every((s) => s.maxSeq.every((q) => q === OPENING.length));
  expect(await waitUntil(holding, 30_000, 250)).toBe(true);
  return opened;
}

describe(`relay SIGKILL mid-show (${LONG ? 'long' : 'quick'})`, () => {
  let relay: RelayProcess;
  let producerToken: string;
  const finalSeq = FINAL_SEQ;
  let single: { start(): Promise<RelayProcess> };

  it(`brings ${SIZES.crashViewers} viewers back to the latest state within 2 s, never an older seq, and applies the offline take once`, async () => {
    single = await restartable();
    relay = await single.start();
    producerToken = (await createShow(relay, 'chaos')).producer;
    const producer = await producerSocket(relay.url, producerToken);
    const opened = await openShow([relay.url], 'chaos', producer, SIZES.crashViewers);
    try {
      // The restarted relay is kept at once, so the storm below runs on it even if this test fails late.
      await crashAndReturn({
        relay, restart: async () => (relay = await single.start()), producer, producerToken, show: 'chaos', fleets: opened, sockets,
        name: 'convergence', budgetMs: 2000, timeoutMs: LONG ? 30_000 : 10_000,
      });
    } finally {
      await Promise.all(opened.map((f) => f.close()));
    }
  });

  it(`survives a reconnect storm of ${SIZES.stormViewers} viewers: /healthz answers, the process stays up`, async () => {
    expect(relay, 'the first test starts the relay').toBeDefined();
    const fleet = await openFleet({ url: relay.url, show: 'chaos', count: SIZES.stormViewers, ratePerSec: LONG ? 400 : 500, seed: 11 });
    fleets.push(fleet);
    try {
      expect(await waitUntil(async () => (await fleet.stats()).maxSeq.every((s) => s === finalSeq), 30_000, 250)).toBe(true);

      await relay.kill();
      await sleep(300);
      relay = await single.start();
      const back = monoMs();
      // Every viewer is now retrying on its own jittered schedule: poll /healthz and memory through the storm.
      const health: number[] = [];
      let healthFailed = 0;
      let peakMb = 0;
      let storming = true;
      const poller = (async () => {
        while (storming) {
          const t = monoMs();
          try {
            const res = await fetch(`${relay.url}/healthz`, { signal: AbortSignal.timeout(2000) });
            if (!res.ok || ((await res.json()) as { ok?: unknown }).ok !== true) healthFailed++;
            else health.push(monoMs() - t);
          } catch {
            healthFailed++;
          }
          if (alive(relay)) peakMb = Math.max(peakMb, memory(relay.proc.pid!).rssMb);
          await sleep(100);
        }
      })();
      const reconnected = await waitUntil(async () => (await fleet.stats()).connected === fleet.size, LONG ? 60_000 : 20_000, 100);
      const allBackMs = monoMs() - back;
      // The show goes on: the next take reaches every viewer of the storm.
      fleet.watch(finalSeq + 1);
      const producer = await producerSocket(relay.url, producerToken);
      const fired = monoMs();
      expect(await command(producer, { id: 'after-storm', type: 'clear' })).toEqual({ ok: true, seq: finalSeq + 1 });
      const delivered = await waitUntil(async () => (await fleet.stats()).reachedAt.every((t) => t !== null), 20_000, 100);
      storming = false;
      await poller;
      const stats = await fleet.stats();
      const fanout = stats.reachedAt.filter((t): t is number => t !== null).map((t) => t - fired).sort((a, b) => a - b);
      const mem = memory(relay.proc.pid!);
      health.sort((a, b) => a - b);
      figure('storm', {
        viewers: fleet.size, all_back: `${Math.round(allBackMs)}ms`, healthz_p99: `${Math.round(pct(health, 0.99))}ms`, healthz_max: `${Math.round(health.at(-1) ?? 0)}ms`,
        healthz_failed: healthFailed, storm_rss_mb: Math.max(peakMb, mem.rssMb), peak_rss_mb: mem.peakMb, next_take_p99: `${Math.round(pct(fanout, 0.99))}ms`,
        lost: stats.reachedAt.filter((t) => t === null).length, older: stats.older,
      });
      expect(alive(relay)).toBe(true);
      expect(reconnected).toBe(true);
      expect(delivered).toBe(true);
      expect(healthFailed).toBe(0);
      expect(health.length).toBeGreaterThan(0);
      expect(stats.older).toBe(0);
      expect((await api(relay, 'GET', '/healthz')).body).toMatchObject({ ok: true });
    } finally {
      await fleet.close();
    }
  });
});

describe(`one of two relays SIGKILLed mid-show, cluster mode (${LONG ? 'long' : 'quick'})`, () => {
  it(`brings ${SIZES.clusterCrashViewers} viewers on both relays to the latest state within 2 s, never an older seq, and applies the offline take once`, async () => {
    redis = await startRedis();
    const env = { CUECART_REDIS_URL: redis.url, CUECART_SECRET: 'chaos-cluster-secret-0123456789abcdef0123' };
    const a = await restartable(env);
    const relayA = await a.start();
    const relayB = await (await restartable(env)).start();
    const { producer: producerToken } = await createShow(relayA, 'chaos-cluster');
    // The producer is on A, the relay that dies; half the viewers watch through A, half through B.
    const producer = await producerSocket(relayA.url, producerToken);
    const opened = await openShow([relayA.url, relayB.url], 'chaos-cluster', producer, SIZES.clusterCrashViewers);
    try {
      await crashAndReturn({
        relay: relayA, restart: () => a.start(), producer, producerToken, show: 'chaos-cluster', fleets: opened, sockets,
        name: 'cluster_convergence', budgetMs: 2000, timeoutMs: LONG ? 30_000 : 10_000,
      });
      expect(alive(relayB)).toBe(true);
    } finally {
      await Promise.all(opened.map((f) => f.close()));
    }
  });
});


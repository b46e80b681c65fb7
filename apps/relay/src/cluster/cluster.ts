// Cluster mode (CUECART_REDIS_URL): relays share Socket.IO fan-out through the Redis Streams adapter and
// show state through the Redis show store, which also carries show events (overlay, activity, rundown, new
// shows) on a pub/sub channel so every relay's cache follows.
// Token revocations live in Redis too and travel on their own channel, so every relay refuses them; carts and
// orders live there as well, so a shopper's requests may land on any relay.
// A relay refuses to start on a Redis that does not persist every write: it acknowledges commands once
// Redis has them, and a Redis that loses its last second would lose acknowledged commands.
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient, type RedisClientType } from 'redis';
import type { Server } from 'socket.io';
import type { Logger } from '../logger.js';
import { RedisCartStore } from './redis-cart-store.js';
import { RedisLease } from './redis-lease.js';
import { RedisAggregates } from './redis-aggregates.js';
import { RedisLiveMetrics } from './redis-live-metrics.js';
import type { LiveMetricsWindow } from '../analytics/live-metrics.js';
import type { TrackRepository } from '../analytics/track-repository.js';
import { checkDurability, type DurabilityCheck } from './redis-durability.js';
import { RedisRevocationStore, REVOCATIONS_CHANNEL } from './redis-revocation-store.js';
import { rereadAfterReconnect } from './reread.js';
import { RedisShowStore } from './redis-show-store.js';
import { RedisRestockAlerts } from '../commerce/restock-alerts.js';

export interface Cluster {
  store: RedisShowStore;
  /** Loaded and listening before the relay takes its first request. */
  revocations: RedisRevocationStore;
  carts: RedisCartStore;
  /** "Notify me when it's back", the same on every relay. */
  restockAlerts: RedisRestockAlerts;
  /** Which relay polls a show's store. */
  lease: RedisLease;
  /** The analytics aggregates every relay adds to and reads (raw rows stay in each relay's `track`). */
  aggregates(track: TrackRepository): RedisAggregates;
  /** Feeds `window` with every relay's live beacons; the sink answers where this relay's go. */
  liveMetrics(window: LiveMetricsWindow): Promise<RedisLiveMetrics>;
  /** Starts fan-out through the Redis adapter. */
  attach(io: Server): Promise<void>;
  close(): Promise<void>;
}

export async function connectCluster(url: string, logger: Logger, durability: DurabilityCheck = 'check'): Promise<Cluster> {
  const reconnectStrategy = (retries: number) => Math.min(100 * 2 ** retries, 2000) + Math.floor(Math.random() * 100);
  const redis = createClient({ url, socket: { reconnectStrategy, connectTimeout: 5000 } }) as RedisClientType;
  redis.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis connection error (retrying)'));
  try {
    await redis.connect();
  } catch (error) {
    throw new Error(`cannot reach Redis at ${url}: ${(error as Error).message}. Start redis-server or unset CUECART_REDIS_URL`);
  }
  try {
    const verdict = await checkDurability(redis, url, durability);
    if (verdict) logger.warn(verdict);
  } catch (error) {
    await redis.quit().catch(() => undefined);
    throw error;
  }
  const subscriber = redis.duplicate();
  subscriber.on('error', () => undefined);
  const adapterClient = redis.duplicate();
  adapterClient.on('error', () => undefined);
  await Promise.all([subscriber.connect(), adapterClient.connect()]);

  const revocations = new RedisRevocationStore(redis);
  try {
    // Subscribed before the first read, so a revocation made in between is not missed.
    await subscriber.subscribe(REVOCATIONS_CHANNEL, (message) => revocations.receive(message));
    await revocations.load();
  } catch (error) {
    await Promise.allSettled([subscriber.quit(), adapterClient.quit(), redis.quit()]);
    throw new Error(`cannot read the token revocations from Redis at ${url}: ${(error as Error).message}`);
  }
  // Revocations published while this relay was cut off from Redis are gone: read them again. (Every
  // 'ready' from here on is a reconnect.) Newly learned ones disconnect this relay's sockets.
  subscriber.on('ready', () => rereadAfterReconnect(() => revocations.load(), 'revocations', logger));
  // And every half minute, so a revocation missed in any window (a publish between a reconnect and the
  // re-subscription) is refused within that long at worst.
  const reconcile = setInterval(() => {
    revocations.load().catch(() => undefined);
  }, RECONCILE_MS);
  reconcile.unref();

  return {
    store: new RedisShowStore(redis, subscriber, logger),
    revocations,
    carts: new RedisCartStore(redis),
    restockAlerts: new RedisRestockAlerts(redis),
    lease: new RedisLease(redis),
    aggregates: (track) => new RedisAggregates(redis, track),
    async liveMetrics(window) {
      await RedisLiveMetrics.listen(subscriber, window, logger);
      return new RedisLiveMetrics(redis, logger);
    },
    async attach(io) {
      // Show changes reach the authority through its store (RedisShowStore.watch), not from here.
      io.adapter(createAdapter(adapterClient));
    },
    async close() {
      clearInterval(reconcile);
      await Promise.allSettled([subscriber.quit(), adapterClient.quit(), redis.quit()]);
    },
  };
}

/** How often a relay reads every revocation again, whatever it heard on the channel. */
const RECONCILE_MS = 30_000;


// Two relays in cluster mode on a private redis-server with the same secret, for a whole test file; every
// process still running at the end is stopped and its folder removed.
import { afterAll, beforeAll } from 'vitest';
import { removeDataDir, startRelay, type RelayProcess } from './relay-process.js';
import { removeRedisDir, startRedis, type RedisProcess } from './redis-process.js';

export const CLUSTER_SECRET = 'cluster-secret-0123456789abcdef0123456789';

/** `env`: more settings for both relays. */
export function clusterPair(env: Record<string, string> = {}) {
  const pair = {} as { redis: RedisProcess; a: RelayProcess; b: RelayProcess };
  beforeAll(async () => {
    pair.redis = await startRedis();
    const shared = { ...env, CUECART_REDIS_URL: pair.redis.url, CUECART_SECRET: CLUSTER_SECRET };
    pair.a = await startRelay({ env: shared });
    pair.b = await startRelay({ env: shared });
  }, 60_000);
  afterAll(async () => {
    for (const r of [pair.a, pair.b]) {
      if (r && r.proc.exitCode === null && r.proc.signalCode === null) await r.stop();
      if (r) removeDataDir(r.dataDir);
    }
    await pair.redis?.stop();
    if (pair.redis) removeRedisDir(pair.redis);
  });
  return pair;
}

// Who does a show's periodic work in a cluster (polling a store for price and stock): the relay holding a
// Redis lease. The holder renews it each time; when it stops, the lease runs out and another relay takes it.
import { randomBytes } from 'node:crypto';
import type { RedisClientType } from 'redis';
import type { Lease } from '../commerce/shopify/catalog-refresher.js';

/** KEYS: lease. ARGV: holder, ttl ms. 1 when the holder has the lease now. */
const ACQUIRE = `
local cur = redis.call('GET', KEYS[1])
if cur == false then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if cur == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`;

export class RedisLease implements Lease {
  constructor(private readonly redis: RedisClientType, readonly holder = randomBytes(8).toString('hex')) {}

  async acquire(name: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.eval(ACQUIRE, { keys: [`cuecart:lease:${name}`], arguments: [this.holder, String(Math.max(1, Math.round(ttlMs)))] })) === 1;
  }
}

// Cluster mode acknowledges a command once Redis holds it, so Redis must write every change to disk before
// it answers (`appendonly yes`, `appendfsync always`); on any other setting a Redis crash loses acked commands.
import type { RedisClientType } from 'redis';

/**
 * `check` (the default) refuses to start unless Redis reports both settings; `trust` also starts when Redis will not
 * tell (CONFIG disabled, as on many managed services). A Redis that reports unsafe settings is refused either way.
 */
export type DurabilityCheck = 'check' | 'trust';

export interface PersistenceSettings {
  appendonly?: string | undefined;
  appendfsync?: string | undefined;
}

const FIX =
  'start it with "redis-server --appendonly yes --appendfsync always" (or set both in redis.conf, or run ' +
  '"redis-cli CONFIG SET appendonly yes" and "redis-cli CONFIG SET appendfsync always"), then start the relay again';

/** What is wrong with these settings for cluster mode, or undefined when every write is on disk before Redis answers. */
export function durabilityProblem(settings: PersistenceSettings): string | undefined {
  const wrong: string[] = [];
  if (settings.appendonly?.toLowerCase() !== 'yes') wrong.push(`appendonly is "${settings.appendonly ?? 'unset'}"`);
  if (settings.appendfsync?.toLowerCase() !== 'always') wrong.push(`appendfsync is "${settings.appendfsync ?? 'unset'}"`);
  return wrong.length ? wrong.join(' and ') : undefined;
}

/**
 * Throws with the fix spelled out when Redis does not persist every write (or its settings cannot be read and
 * the operator has not said to trust it); answers a warning to log when `trust` lets an unreadable Redis through.
 */
export async function checkDurability(redis: RedisClientType, url: string, mode: DurabilityCheck): Promise<string | undefined> {
  let settings: PersistenceSettings;
  try {
    const [a, f] = await Promise.all([redis.configGet('appendonly'), redis.configGet('appendfsync')]);
    settings = { appendonly: a.appendonly, appendfsync: f.appendfsync };
  } catch (error) {
    // Managed Redis services often disable CONFIG: the operator must vouch for the settings.
    const why = `cannot read the persistence settings of Redis at ${url} (CONFIG GET: ${(error as Error).message})`;
    if (mode === 'trust') return `${why}; starting anyway because CUECART_REDIS_DURABILITY=trust`;
    throw new Error(`${why}. Make sure it runs with appendonly yes and appendfsync always, then set CUECART_REDIS_DURABILITY=trust`);
  }
  const problem = durabilityProblem(settings);
  if (!problem) return undefined;
  // Settings Redis reports as unsafe are refused whatever the operator said: trust covers only what cannot be read.
  throw new Error(`Redis at ${url} does not persist every write (${problem}): an acknowledged command could be lost if Redis stops. To fix it, ${FIX}`);
}

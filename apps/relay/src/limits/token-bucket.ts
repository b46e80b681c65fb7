// Token buckets with an injected clock: one bucket, and a bounded map of buckets by key (IP, token, show).
//
// No timers: a bucket refills lazily when it is next asked. A bucket idle long enough to be full again
// is indistinguishable from a fresh one, so the map drops it; the map also never holds more than
// `maxKeys` buckets (the least recently used goes first), so a spray of addresses cannot grow memory.

/** `perSecond` tokens come back each second, up to `burst` banked. */
export interface Rate {
  perSecond: number;
  burst: number;
}

export interface Bucket {
  tokens: number;
  /** Clock time of the last refill, in ms. */
  at: number;
}

export type Clock = () => number;

export function fullBucket(rate: Rate, now: number): Bucket {
  return { tokens: rate.burst, at: now };
}

/**
 * Takes `cost` tokens if the bucket has them. Returns 0 when taken, else the ms until it would have
 * them (the bucket is refilled either way, never taken from on a refusal).
 */
export function take(bucket: Bucket, rate: Rate, now: number, cost = 1): number {
  const elapsed = Math.max(0, now - bucket.at);
  bucket.tokens = Math.min(rate.burst, bucket.tokens + (elapsed * rate.perSecond) / 1000);
  bucket.at = Math.max(bucket.at, now);
  if (bucket.tokens >= cost) {
    bucket.tokens -= cost;
    return 0;
  }
  if (cost > rate.burst || rate.perSecond <= 0) return Number.POSITIVE_INFINITY;
  return Math.ceil(((cost - bucket.tokens) * 1000) / rate.perSecond);
}

/** Ms for an empty bucket to fill up: after that long idle, forgetting it changes nothing. */
export function refillMs(rate: Rate): number {
  return rate.perSecond > 0 ? Math.ceil((rate.burst * 1000) / rate.perSecond) : Number.POSITIVE_INFINITY;
}

export interface KeyedBucketsOptions {
  maxKeys: number;
  clock?: Clock;
}

export type Taken = { ok: true } | { ok: false; retryAfterMs: number };

/** One bucket per key, least recently used first in the map so idle ones are found at its front. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly clock: Clock;
  private readonly maxKeys: number;
  private readonly idleMs: number;

  constructor(
    readonly rate: Rate,
    options: KeyedBucketsOptions,
  ) {
    this.clock = options.clock ?? Date.now;
    this.maxKeys = Math.max(1, options.maxKeys);
    this.idleMs = refillMs(rate);
  }

  get size(): number {
    return this.buckets.size;
  }

  take(key: string, cost = 1): Taken {
    const now = this.clock();
    this.evictIdle(now);
    let bucket = this.buckets.get(key);
    if (bucket) {
      this.buckets.delete(key); // re-inserted below: most recently used goes last
    } else {
      bucket = fullBucket(this.rate, now);
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    }
    this.buckets.set(key, bucket);
    const wait = take(bucket, this.rate, now, cost);
    return wait === 0 ? { ok: true } : { ok: false, retryAfterMs: wait };
  }

  /** Drops buckets idle long enough to be full; stops at the first recent one (the map is in use order). */
  private evictIdle(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (now - bucket.at < this.idleMs) return;
      this.buckets.delete(key);
    }
  }
}

import { describe, expect, it } from 'vitest';
import { fullBucket, KeyedBuckets, refillMs, take, type Rate } from './token-bucket.js';

const rate: Rate = { perSecond: 10, burst: 5 };

describe('take', () => {
  it('lets a burst through, then refuses with the wait until the next token', () => {
    const b = fullBucket(rate, 0);
    for (let i = 0; i < 5; i++) expect(take(b, rate, 0)).toBe(0);
    expect(take(b, rate, 0)).toBe(100);
    expect(take(b, rate, 40)).toBe(60);
    expect(take(b, rate, 100)).toBe(0);
  });

  it('refills at the rate and never above the burst', () => {
    const b = fullBucket(rate, 0);
    for (let i = 0; i < 5; i++) take(b, rate, 0);
    take(b, rate, 10_000);
    expect(b.tokens).toBe(4);
  });

  it('does not take on a refusal, and survives a clock that goes back', () => {
    const b = { tokens: 0.5, at: 1000 };
    expect(take(b, rate, 1000)).toBe(50);
    expect(b.tokens).toBe(0.5);
    expect(take(b, rate, 500)).toBe(50);
    expect(b.at).toBe(1000);
  });

  it('a cost above the burst can never be paid', () => {
    expect(take(fullBucket(rate, 0), rate, 0, 6)).toBe(Number.POSITIVE_INFINITY);
  });

  it('a sustained pace at the rate always passes', () => {
    const b = fullBucket(rate, 0);
    for (let t = 0; t < 60_000; t += 100) expect(take(b, rate, t)).toBe(0);
  });
});

describe('KeyedBuckets', () => {
  it('keeps one bucket per key', () => {
    let now = 0;
    const keyed = new KeyedBuckets(rate, { maxKeys: 10, clock: () => now });
    for (let i = 0; i < 5; i++) expect(keyed.take('a').ok).toBe(true);
    expect(keyed.take('a')).toEqual({ ok: false, retryAfterMs: 100 });
    expect(keyed.take('b').ok).toBe(true);
    now = 100;
    expect(keyed.take('a').ok).toBe(true);
  });

  it('forgets buckets idle long enough to be full again', () => {
    let now = 0;
    const keyed = new KeyedBuckets(rate, { maxKeys: 100, clock: () => now });
    for (let i = 0; i < 50; i++) keyed.take(`ip-${i}`);
    expect(keyed.size).toBe(50);
    now = refillMs(rate);
    keyed.take('late');
    expect(keyed.size).toBe(1);
  });

  it('never holds more than maxKeys, dropping the least recently used', () => {
    let now = 0;
    const keyed = new KeyedBuckets(rate, { maxKeys: 3, clock: () => now });
    for (let i = 0; i < 5; i++) keyed.take('hot');
    for (let i = 0; i < 1000; i++) {
      now += 1;
      keyed.take(`spray-${i}`);
      keyed.take('hot'); // stays most recent, so stays limited
      expect(keyed.size).toBeLessThanOrEqual(3);
    }
    now += 1;
    expect(keyed.take('hot').ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { createBackoff } from './backoff.js';

describe('createBackoff', () => {
  it('doubles from 500 ms up to 10 s without jitter at the midpoint', () => {
    const b = createBackoff({ random: () => 0.5 });
    expect(Array.from({ length: 8 }, () => b.next())).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });
  it('spreads each delay by ±50 %', () => {
    expect(createBackoff({ random: () => 0 }).next()).toBe(250);
    expect(createBackoff({ random: () => 0.999999 }).next()).toBe(750);
    const late = createBackoff({ random: () => 0 });
    for (let i = 0; i < 10; i++) late.next();
    expect(late.next()).toBe(5000);
  });
  it('stays within bounds for random jitter', () => {
    const b = createBackoff();
    for (let i = 0; i < 50; i++) {
      const d = b.next();
      expect(d).toBeGreaterThanOrEqual(250);
      expect(d).toBeLessThanOrEqual(15_000);
    }
  });
  it('starts over after a successful connect', () => {
    const b = createBackoff({ random: () => 0.5 });
    b.next();
    b.next();
    expect(b.attempts).toBe(2);
    b.reset();
    expect(b.next()).toBe(500);
  });
});

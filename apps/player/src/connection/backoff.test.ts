import { describe, expect, it } from 'vitest';
import { createBackoff, VIEWER_RECONNECT } from './backoff.js';

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
  it('keeps retries short while an outage is young, then grows them to the patient cap', () => {
    const b = createBackoff({ ...VIEWER_RECONNECT, random: () => 0.5 });
    const delays = Array.from({ length: VIEWER_RECONNECT.patientAfter + 6 }, () => b.next());
    expect(delays.slice(0, 4)).toEqual([250, 500, 800, 800]);
    expect(delays.slice(3, VIEWER_RECONNECT.patientAfter).every((d) => d === 800)).toBe(true);
    expect(delays.slice(VIEWER_RECONNECT.patientAfter)).toEqual([1600, 3200, 6400, 10_000, 10_000, 10_000]);
  });
  it('the viewer policy: every young-outage retry within 1.2 s, so a restarted relay is reached within its 2 s budget', () => {
    for (const random of [() => 0, () => 0.999999, Math.random]) {
      const b = createBackoff({ ...VIEWER_RECONNECT, random });
      const young = Array.from({ length: VIEWER_RECONNECT.patientAfter }, () => b.next());
      expect(Math.max(...young)).toBeLessThanOrEqual(1200);
      expect(young.slice(2).every((d) => d >= 400)).toBe(true);
      // About 45 s of fast retries before slowing down.
      const total = young.reduce((a, d) => a + d, 0);
      if (random !== Math.random) expect(total).toBeGreaterThan(20_000);
    }
    const late = createBackoff({ ...VIEWER_RECONNECT, random: () => 0.999999 });
    for (let i = 0; i < VIEWER_RECONNECT.patientAfter + 10; i++) late.next();
    expect(late.next()).toBe(15_000);
  });
});


import { describe, expect, it } from 'vitest';
import { overlayVerdict, takesOverlay } from './overlay-order.js';

const at = (seq: number, showId = 'demo') => ({ showId, seq });

describe('overlayVerdict', () => {
  it('takes the first state and every newer one', () => {
    expect(overlayVerdict(null, at(0))).toBe('newer');
    expect(overlayVerdict(at(0), at(1))).toBe('newer');
    expect(overlayVerdict(at(3), at(9))).toBe('newer');
  });
  it('calls the same seq the same, and an older one stale', () => {
    expect(overlayVerdict(at(5), at(5))).toBe('same');
    expect(overlayVerdict(at(5), at(4))).toBe('stale');
    expect(overlayVerdict(at(7), at(0))).toBe('stale');
  });
  it('takes an older seq right after a reconnect (a relay that restarted counts from 0 again)', () => {
    expect(overlayVerdict(at(50), at(2), true)).toBe('newer');
    expect(overlayVerdict(at(50), at(50), true)).toBe('same');
  });
  it('takes any state of another show', () => {
    expect(overlayVerdict(at(50, 'a'), at(1, 'b'))).toBe('newer');
  });
  it('refuses a malformed seq, even after a reconnect', () => {
    expect(overlayVerdict(null, at(Number.NaN))).toBe('stale');
    expect(overlayVerdict(at(2), at(-1), true)).toBe('stale');
    expect(overlayVerdict(at(2), at(2.5))).toBe('stale');
  });
  it('takesOverlay keeps everything but stale', () => {
    expect(takesOverlay(at(5), at(5))).toBe(true);
    expect(takesOverlay(at(5), at(6))).toBe(true);
    expect(takesOverlay(at(5), at(4))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { agoText, CUE_FLASH_MS, cueViewAt } from './cue-view.js';

const received = { cue: { id: 'c1', text: 'Wrap up', at: 0, from: 'producer' }, receivedAt: 10_000 };

describe('cue flash', () => {
  it('shows nothing before any cue', () => {
    expect(cueViewAt(null, 0)).toEqual({ flash: null, last: null });
  });

  it('flashes a cue big for its first seconds, then keeps it small', () => {
    expect(cueViewAt(received, 10_000)).toEqual({ flash: received, last: null });
    expect(cueViewAt(received, 10_000 + CUE_FLASH_MS - 1)).toEqual({ flash: received, last: null });
    expect(cueViewAt(received, 10_000 + CUE_FLASH_MS)).toEqual({ flash: null, last: received });
  });

  it('still flashes when the ticking clock lags the arrival by a moment', () => {
    expect(cueViewAt(received, 9_400).flash).toBe(received);
  });

  it('says how long ago the last cue came', () => {
    expect(agoText(6_000)).toBe('just now');
    expect(agoText(45_000)).toBe('45 s ago');
    expect(agoText(185_000)).toBe('3 min ago');
  });
});

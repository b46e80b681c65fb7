import { describe, expect, it } from 'vitest';
import { showMsAt } from './show-ms.js';

const EPOCH = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('showMsAt', () => {
  it('is ms since the stream epoch, rounded; nothing when a date is unknown or before the stream started', () => {
    expect(showMsAt(EPOCH + 1234.6, EPOCH)).toBe(1235);
    expect(showMsAt(EPOCH, EPOCH)).toBe(0);
    expect(showMsAt(EPOCH - 1, EPOCH)).toBeNull();
    expect(showMsAt(null, EPOCH)).toBeNull();
    expect(showMsAt(EPOCH, undefined)).toBeNull();
    expect(showMsAt(Number.NaN, EPOCH)).toBeNull();
  });
});

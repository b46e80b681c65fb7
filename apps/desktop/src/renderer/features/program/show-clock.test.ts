import { describe, expect, it } from 'vitest';
import { formatHms, formatLatency, latencyOf, showMsOf } from './show-clock.js';

describe('program clocks', () => {
  it('maps the playing date to show ms', () => {
    expect(showMsOf(1_000_500, 1_000_000)).toBe(500);
    expect(showMsOf(null, 1)).toBeNull();
    expect(showMsOf(5, undefined)).toBeNull();
    expect(showMsOf(5, 10)).toBeNull();
  });
  it('measures the preview latency', () => {
    expect(latencyOf(1000, 3500)).toBe(2500);
    expect(formatLatency(2500)).toBe('2.5 s');
    expect(formatLatency(null)).toBe('—');
  });
  it('formats the show clock as hh:mm:ss', () => {
    expect(formatHms(3_725_999)).toBe('01:02:05');
    expect(formatHms(null)).toBe('--:--:--');
  });
});

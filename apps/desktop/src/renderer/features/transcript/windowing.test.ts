import { describe, expect, it } from 'vitest';
import { buildOffsets, isAtBottom, rowAt, visibleWindow } from './windowing.js';

describe('windowing', () => {
  const offsets = buildOffsets([20, 40, 20, 20]);
  it('builds offsets with the total at the end', () => {
    expect(Array.from(offsets)).toEqual([0, 20, 60, 80, 100]);
  });
  it('finds the row under a y position', () => {
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 19)).toBe(0);
    expect(rowAt(offsets, 20)).toBe(1);
    expect(rowAt(offsets, 59)).toBe(1);
    expect(rowAt(offsets, 99)).toBe(3);
    expect(rowAt(offsets, 500)).toBe(3);
  });
  it('renders only the rows in view plus overscan', () => {
    expect(visibleWindow(offsets, 20, 40, 0)).toEqual({ start: 1, end: 2 });
    expect(visibleWindow(offsets, 20, 41, 1)).toEqual({ start: 0, end: 4 });
    expect(visibleWindow(buildOffsets([]), 0, 100)).toEqual({ start: 0, end: 0 });
  });
  it('keeps a 2-hour transcript to a few dozen rows', () => {
    const big = buildOffsets(Array.from({ length: 2400 }, (_, i) => 24 + (i % 3) * 18));
    const w = visibleWindow(big, big[1200]!, 600);
    expect(w.start).toBeGreaterThan(1100);
    expect(w.end - w.start).toBeLessThan(40);
  });
  it('knows when the view is at the live edge', () => {
    expect(isAtBottom(380, 100, 500)).toBe(true);
    expect(isAtBottom(200, 100, 500)).toBe(false);
  });
});

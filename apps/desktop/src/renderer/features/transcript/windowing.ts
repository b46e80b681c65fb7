// Windowing maths for the virtual list: row offsets from (measured or estimated) heights, and which rows a
// viewport shows. Pure, so a 2-hour transcript only ever renders the few dozen rows on screen.

/** offsets[i] is the top of row i; offsets[n] is the total height. */
export function buildOffsets(heights: readonly number[]): Float64Array {
  const offsets = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i]! + heights[i]!;
  return offsets;
}

/** The first row whose bottom is below `y` (binary search over the offsets). */
export function rowAt(offsets: Float64Array, y: number): number {
  const n = offsets.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface RowWindow {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row (exclusive). */
  end: number;
}

export function visibleWindow(offsets: Float64Array, scrollTop: number, viewportHeight: number, overscan = 4): RowWindow {
  const n = offsets.length - 1;
  if (n <= 0) return { start: 0, end: 0 };
  const first = rowAt(offsets, Math.max(0, scrollTop));
  const last = rowAt(offsets, Math.max(0, scrollTop + viewportHeight - 1));
  return { start: Math.max(0, first - overscan), end: Math.min(n, last + 1 + overscan) };
}

/** Pinned to the live edge when the bottom is within `slack` pixels. */
export function isAtBottom(scrollTop: number, viewportHeight: number, contentHeight: number, slack = 24): boolean {
  return contentHeight - (scrollTop + viewportHeight) <= slack;
}

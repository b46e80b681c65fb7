import { describe, expect, it } from 'vitest';
import { countdownOf, formatDuration, showClockStart, showClockText, wallTimeText } from './time-text.js';

describe('clock and countdown text', () => {
  it('formats durations as m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(3_723_999)).toBe('1:02:03');
    expect(formatDuration(-300_000)).toBe('−5:00');
  });

  it('counts an offer down, rounding up, louder in the last minute, then says it ended', () => {
    const now = 1_000_000;
    expect(countdownOf(now + 5 * 60_000, now)).toEqual({ text: '5:00 left', urgent: false, over: false });
    expect(countdownOf(now + 60_500, now)).toEqual({ text: '1:01 left', urgent: false, over: false });
    expect(countdownOf(now + 60_000, now)).toEqual({ text: '1:00 left', urgent: true, over: false });
    expect(countdownOf(now + 1, now)).toEqual({ text: '0:01 left', urgent: true, over: false });
    expect(countdownOf(now, now)).toEqual({ text: 'Offer ended', urgent: false, over: true });
    expect(countdownOf(now - 5000, now).over).toBe(true);
  });

  it('runs the show clock from the stream epoch, else from when the show went live', () => {
    expect(showClockStart(1000, 5000)).toBe(1000);
    expect(showClockStart(undefined, 5000)).toBe(5000);
    expect(showClockStart(undefined, null)).toBeNull();
    expect(showClockText(null, 10_000)).toBe('--:--');
    expect(showClockText(0, 754_000)).toBe('12:34');
    expect(showClockText(10_000, 0)).toBe('−0:10');
    // Stopped when the show ended.
    expect(showClockText(0, 999_000, 60_000)).toBe('1:00');
  });

  it('shows the wall time on a 24-hour clock', () => {
    expect(wallTimeText(Date.UTC(2025, 0, 1, 19, 5, 9), 'en-GB', 'UTC')).toBe('19:05:09');
  });
});

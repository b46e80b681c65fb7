import { describe, expect, it } from 'vitest';
import { MediaClock, nativeProgramDate, programDateAt, toShowMs, type DatedFragment } from './media-clock.js';

const EPOCH = Date.UTC(2026, 0, 1, 12, 0, 0);
// Three 2 s segments; the window starts 60 s into the show, at media time 10 s.
const frags: DatedFragment[] = [
  { start: 10, duration: 2, programDateTime: EPOCH + 60_000 },
  { start: 12, duration: 2, programDateTime: EPOCH + 62_000 },
  { start: 14, duration: 2, programDateTime: EPOCH + 64_000 },
];

describe('programDateAt', () => {
  it('uses the fragment that holds the frame', () => {
    expect(programDateAt(12.5, frags)).toBe(EPOCH + 62_500);
    expect(programDateAt(10, frags)).toBe(EPOCH + 60_000);
  });
  it('follows a fragment program date even where segments drift from their durations', () => {
    const drifted: DatedFragment[] = [
      { start: 0, duration: 2, programDateTime: EPOCH },
      { start: 2, duration: 2, programDateTime: EPOCH + 2_040 },
    ];
    expect(programDateAt(3, drifted)).toBe(EPOCH + 3_040);
  });
  it('extrapolates from the nearest dated fragment outside the window', () => {
    expect(programDateAt(17, frags)).toBe(EPOCH + 67_000);
    expect(programDateAt(9.5, frags)).toBe(EPOCH + 59_500);
  });
  it('is null without program dates', () => {
    expect(programDateAt(1, [{ start: 0, duration: 2, programDateTime: null }])).toBeNull();
    expect(programDateAt(Number.NaN, frags)).toBeNull();
  });
});

describe('toShowMs', () => {
  it('is ms since the stream epoch, rounded', () => {
    expect(toShowMs(EPOCH + 1234.6, EPOCH)).toBe(1235);
    expect(toShowMs(null, EPOCH)).toBeNull();
    expect(toShowMs(EPOCH, undefined)).toBeNull();
  });
});

describe('nativeProgramDate', () => {
  it('adds the media time to the start date', () => {
    expect(nativeProgramDate(EPOCH, 2.5)).toBe(EPOCH + 2_500);
    expect(nativeProgramDate(Number.NaN, 2.5)).toBeNull();
  });
});

describe('MediaClock', () => {
  it('reports the last sampled frame in show ms', () => {
    const clock = new MediaClock(EPOCH);
    expect(clock.playheadMs).toBeNull();
    clock.setSource((t) => programDateAt(t, frags));
    expect(clock.sample(12.25)).toBe(62_250);
    expect(clock.playheadMs).toBe(62_250);
    clock.sample(Number.NaN);
    expect(clock.playheadMs).toBe(62_250);
  });
  it('cannot run without a stream epoch', () => {
    const clock = new MediaClock(undefined);
    clock.setSource(() => EPOCH);
    expect(clock.canRun).toBe(false);
    expect(clock.sample(1)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { lastFinished, livePlaylist, recordingPlaylist, recordingSpan, segmentAt, type LoopMedia } from './live-playlist.js';

const media: LoopMedia = { segments: [{ file: 'a.ts', durationMs: 2000 }, { file: 'b.ts', durationMs: 2000 }, { file: 'c.ts', durationMs: 1500 }] };
const epochMs = Date.UTC(2026, 10, 27, 12, 0, 0);
const uri = (n: number) => `seg/${n}.ts`;

describe('live playlist over a looped recording', () => {
  it('maps a global segment index to its file and show time across loops', () => {
    expect(segmentAt(media, 0)).toEqual({ n: 0, file: 'a.ts', startMs: 0, durationMs: 2000 });
    expect(segmentAt(media, 2)).toEqual({ n: 2, file: 'c.ts', startMs: 4000, durationMs: 1500 });
    expect(segmentAt(media, 3)).toEqual({ n: 3, file: 'a.ts', startMs: 5500, durationMs: 2000 });
    expect(segmentAt(media, 7)).toMatchObject({ file: 'b.ts', startMs: 2 * 5500 + 2000 });
  });

  it('knows which segment aired last', () => {
    expect(lastFinished(media, 0)).toBe(-1);
    expect(lastFinished(media, 1999)).toBe(-1);
    expect(lastFinished(media, 2000)).toBe(0);
    expect(lastFinished(media, 5499)).toBe(1);
    expect(lastFinished(media, 5500)).toBe(2);
    expect(lastFinished(media, 5500 * 10 + 2000)).toBe(30);
  });

  it('slides a window with continuous program date times and a discontinuity at each loop', () => {
    const text = livePlaylist(media, { epochMs, nowMs: epochMs + 5500 * 4 + 100, windowSize: 4, segmentUri: uri });
    const lines = text.trim().split('\n');
    expect(lines).toContain('#EXT-X-MEDIA-SEQUENCE:8');
    expect(lines).toContain('#EXT-X-DISCONTINUITY-SEQUENCE:2');
    expect(lines).toContain('#EXT-X-TARGETDURATION:2');
    expect(lines.filter((l) => l.endsWith('.ts'))).toEqual(['seg/8.ts', 'seg/9.ts', 'seg/10.ts', 'seg/11.ts']);
    const dates = lines.filter((l) => l.startsWith('#EXT-X-PROGRAM-DATE-TIME:')).map((l) => Date.parse(l.slice(25)) - epochMs);
    expect(dates).toEqual([2 * 5500 + 4000, 3 * 5500, 3 * 5500 + 2000, 3 * 5500 + 4000]);
    // The loop restarts at segment 9: a discontinuity right before it.
    expect(lines[lines.indexOf('seg/9.ts') - 3]).toBe('#EXT-X-DISCONTINUITY');
  });

  it('lists the first segments before anything has aired, so a player can start at once', () => {
    const text = livePlaylist(media, { epochMs, nowMs: epochMs + 10, windowSize: 3, segmentUri: uri });
    expect(text).toContain('#EXT-X-MEDIA-SEQUENCE:0');
    expect(text.match(/\.ts/g)).toHaveLength(3);
    expect(text).not.toContain('#EXT-X-DISCONTINUITY\n');
  });
});

describe('the recording of what the loop aired', () => {
  it('lists the segments from the one playing at the start to the one playing at the end, dated, as VOD', () => {
    // Aired from 4.5 s (inside c, segment 2) to 12 s (inside a of the third loop, segment 6).
    const lines = recordingPlaylist(media, { epochMs, fromMs: 4500, toMs: 12_000, segmentUri: uri }).trim().split('\n');
    expect(lines.filter((l) => l.startsWith('seg/'))).toEqual(['seg/2.ts', 'seg/3.ts', 'seg/4.ts', 'seg/5.ts', 'seg/6.ts']);
    expect(lines).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(lines.at(-1)).toBe('#EXT-X-ENDLIST');
    // A discontinuity where each loop starts again, and each segment at its show time.
    expect(lines.filter((l) => l === '#EXT-X-DISCONTINUITY')).toHaveLength(2);
    expect(lines[lines.indexOf('seg/3.ts') - 2]).toBe(`#EXT-X-PROGRAM-DATE-TIME:${new Date(epochMs + 5500).toISOString()}`);
    expect(recordingSpan(media, 4500, 12_000)).toEqual({ startMs: 4000, durationMs: 13_000 - 4000 });
  });

  it('covers exactly one loop when the show aired one', () => {
    const lines = recordingPlaylist(media, { epochMs, fromMs: 0, toMs: 5500, segmentUri: uri }).trim().split('\n');
    expect(lines.filter((l) => l.startsWith('seg/'))).toEqual(['seg/0.ts', 'seg/1.ts', 'seg/2.ts']);
    expect(lines).not.toContain('#EXT-X-DISCONTINUITY');
    expect(recordingSpan(media, 0, 5500)).toEqual({ startMs: 0, durationMs: 5500 });
  });
});

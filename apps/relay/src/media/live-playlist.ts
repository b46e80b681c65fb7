// A never-ending live HLS playlist cut from a finite recording: a sliding window over the recording
// played in a loop, with EXT-X-PROGRAM-DATE-TIME continuous from the show's stream epoch.
export interface LoopMedia {
  segments: ReadonlyArray<{ file: string; durationMs: number }>;
}

export interface LiveWindowOptions {
  /** Wall-clock ms of show ms 0: the first segment's EXT-X-PROGRAM-DATE-TIME. */
  epochMs: number;
  nowMs: number;
  /** How many finished segments the window lists. */
  windowSize?: number;
  /** URI of segment n (global, ever-growing index). */
  segmentUri: (n: number) => string;
}

export interface LiveSegment {
  n: number;
  file: string;
  startMs: number;
  durationMs: number;
}

export function loopLength(media: LoopMedia): number {
  return media.segments.reduce((sum, s) => sum + s.durationMs, 0);
}

/** Global segment n of the endless loop: which file, and where it starts in show ms. */
export function segmentAt(media: LoopMedia, n: number): LiveSegment {
  const count = media.segments.length;
  const loop = Math.floor(n / count);
  const i = n % count;
  let offset = loop * loopLength(media);
  for (let k = 0; k < i; k++) offset += media.segments[k]!.durationMs;
  const seg = media.segments[i]!;
  return { n, file: seg.file, startMs: offset, durationMs: seg.durationMs };
}

/** Index of the last segment that has fully "aired" by show time `showMs`, or -1 before the first ends. */
export function lastFinished(media: LoopMedia, showMs: number): number {
  if (showMs <= 0) return -1;
  const total = loopLength(media);
  const count = media.segments.length;
  const loops = Math.floor(showMs / total);
  let n = loops * count - 1;
  let end = loops * total;
  for (const seg of media.segments) {
    if (end + seg.durationMs > showMs) break;
    end += seg.durationMs;
    n++;
  }
  return n;
}

export function livePlaylist(media: LoopMedia, options: LiveWindowOptions): string {
  const windowSize = options.windowSize ?? 6;
  const count = media.segments.length;
  // Before enough has aired, still list the first segments so a player can start at once.
  const last = Math.max(lastFinished(media, options.nowMs - options.epochMs), windowSize - 1);
  const first = Math.max(0, last - windowSize + 1);
  const target = Math.ceil(Math.max(...media.segments.map((s) => s.durationMs)) / 1000);
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${target}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    // Each loop after the first starts with a discontinuity (its timestamps restart).
    `#EXT-X-DISCONTINUITY-SEQUENCE:${Math.floor(first / count)}`,
  ];
  for (let n = first; n <= last; n++) {
    const seg = segmentAt(media, n);
    if (n > 0 && n % count === 0) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(options.epochMs + seg.startMs).toISOString()}`);
    lines.push(`#EXTINF:${(seg.durationMs / 1000).toFixed(3)},`);
    lines.push(options.segmentUri(n));
  }
  return lines.join('\n') + '\n';
}

export interface RecordingOptions {
  epochMs: number;
  /** The recording's stretch of show ms: the segments that aired from `fromMs` until `toMs`. */
  fromMs: number;
  toMs: number;
  segmentUri: (n: number) => string;
}

/**
 * The recording of what the loop aired between two show times, as video on demand: the same global segments
 * the live playlist served, with their program dates, so a frame of the replay has the show ms it had live.
 */
export function recordingPlaylist(media: LoopMedia, o: RecordingOptions): string {
  const count = media.segments.length;
  // The segment playing at fromMs, through the one playing just before toMs.
  const first = Math.max(0, lastFinished(media, o.fromMs) + 1);
  const last = Math.max(first, lastFinished(media, o.toMs - 1) + 1);
  const target = Math.ceil(Math.max(...media.segments.map((s) => s.durationMs)) / 1000);
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-PLAYLIST-TYPE:VOD', `#EXT-X-TARGETDURATION:${target}`, '#EXT-X-MEDIA-SEQUENCE:0', `#EXT-X-DISCONTINUITY-SEQUENCE:0`];
  for (let n = first; n <= last; n++) {
    const seg = segmentAt(media, n);
    if (n > first && n % count === 0) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(o.epochMs + seg.startMs).toISOString()}`);
    lines.push(`#EXTINF:${(seg.durationMs / 1000).toFixed(3)},`);
    lines.push(o.segmentUri(n));
  }
  lines.push('#EXT-X-ENDLIST');
  return lines.join('\n') + '\n';
}

/** Where the recording of [fromMs, toMs) starts and how long it is: whole segments. */
export function recordingSpan(media: LoopMedia, fromMs: number, toMs: number): { startMs: number; durationMs: number } {
  const first = segmentAt(media, Math.max(0, lastFinished(media, fromMs) + 1));
  const lastSeg = segmentAt(media, Math.max(first.n, lastFinished(media, toMs - 1) + 1));
  return { startMs: first.startMs, durationMs: lastSeg.startMs + lastSeg.durationMs - first.startMs };
}

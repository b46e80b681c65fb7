// The media clock: maps the frame on screen to show ms through EXT-X-PROGRAM-DATE-TIME (DESIGN.md "Time").
import { showMsAt } from '@cuecart/shared';

/** What hls.js fragments look like to us: a start on the media timeline and its program date. */
export interface DatedFragment {
  start: number;
  duration: number;
  programDateTime: number | null;
}

/**
 * Wall-clock ms of the frame at `mediaTime` (seconds on the video element's timeline), from the
 * fragment that contains it, else the nearest dated one. Null when nothing carries a program date.
 */
export function programDateAt(mediaTime: number, fragments: readonly DatedFragment[]): number | null {
  if (!Number.isFinite(mediaTime)) return null;
  let nearest: DatedFragment | null = null;
  let nearestGap = Infinity;
  for (const frag of fragments) {
    if (frag.programDateTime === null || !Number.isFinite(frag.programDateTime)) continue;
    const end = frag.start + frag.duration;
    if (mediaTime >= frag.start && mediaTime < end) return frag.programDateTime + (mediaTime - frag.start) * 1000;
    const gap = mediaTime < frag.start ? frag.start - mediaTime : mediaTime - end;
    if (gap < nearestGap) {
      nearest = frag;
      nearestGap = gap;
    }
  }
  return nearest ? nearest.programDateTime! + (mediaTime - nearest.start) * 1000 : null;
}

/** Show ms of a wall-clock program date: whole ms since the stream's first segment. */
/** The one rule of packages/shared: a frame before the stream started has no show time. */
export const toShowMs = showMsAt;

/** Safari's native HLS: `video.getStartDate()` is the program date of media time 0. */
export function nativeProgramDate(startDateMs: number, mediaTime: number): number | null {
  if (!Number.isFinite(startDateMs) || startDateMs <= 0 || !Number.isFinite(mediaTime)) return null;
  return startDateMs + mediaTime * 1000;
}

/** Turns media times into program dates; the stream adapter provides one for hls.js or native HLS. */
export type ProgramDateSource = (mediaTime: number) => number | null;

/**
 * Holds the last sampled frame. `sample` is called once per presented frame (requestVideoFrameCallback
 * `mediaTime`) or per animation frame (`currentTime`); `playheadMs` is then the frame on screen.
 */
export class MediaClock {
  private source: ProgramDateSource | null = null;
  private lastMs: number | null = null;

  constructor(private readonly streamEpochMs: number | undefined) {}

  setSource(source: ProgramDateSource | null): void {
    this.source = source;
    if (!source) this.lastMs = null;
  }

  /** Records the frame at `mediaTime` and returns its show ms (null while the stream carries no dates). */
  sample(mediaTime: number): number | null {
    const ms = this.source ? toShowMs(this.source(mediaTime), this.streamEpochMs) : null;
    if (ms !== null) this.lastMs = ms;
    return ms;
  }

  get playheadMs(): number | null {
    return this.lastMs;
  }

  /** True when show ms can ever be known: the show says when its stream started. */
  get canRun(): boolean {
    return this.streamEpochMs !== undefined;
  }
}

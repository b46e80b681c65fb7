// When the player says a viewer is watching: `view` once after 3 s of playback, `heartbeat` every 10 s of it,
// counted only while the playhead advances at about the speed of the clock (a pause, a stall or a seek adds
// nothing). Fed with the playhead and the wall clock; pure, so the rule is tested on its own.

export const VIEW_AFTER_MS = 3000;
export const HEARTBEAT_EVERY_MS = 10_000;

export type Beat = { type: 'view' | 'heartbeat'; mediaMs: number };

export class PlaybackBeats {
  private last: { playheadMs: number; at: number } | null = null;
  private played = 0;
  private viewed = false;
  private beats = 0;

  /** The beats due after this sample, in order. */
  sample(playheadMs: number | null, at: number): Beat[] {
    const last = this.last;
    this.last = playheadMs === null ? null : { playheadMs, at };
    if (playheadMs === null || last === null) return [];
    const moved = playheadMs - last.playheadMs;
    const elapsed = at - last.at;
    // Forward, and no faster than twice real time: anything else is a pause, a seek or a clock jump.
    if (moved <= 0 || elapsed <= 0 || moved > elapsed * 2 + 250) return [];
    this.played += moved;
    const out: Beat[] = [];
    if (!this.viewed && this.played >= VIEW_AFTER_MS) {
      this.viewed = true;
      out.push({ type: 'view', mediaMs: Math.round(playheadMs) });
    }
    while (this.played >= (this.beats + 1) * HEARTBEAT_EVERY_MS) {
      this.beats += 1;
      out.push({ type: 'heartbeat', mediaMs: Math.round(playheadMs) });
    }
    return out;
  }
}

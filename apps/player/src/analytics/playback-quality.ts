// The playback's quality, as Mux defines it: startup time from the play attempt (the viewer's or autoplay's)
// to the first frame; watch time, every moment not paused from that attempt on (startup and stalls included);
// rebuffering, the stalls after the first frame that no seek caused. Fed with the video's events and a clock;
// `take` answers what accrued since the last take, so each quality beacon adds to the totals and a resent one
// (same event id) counts once. Pure, so the rules are tested on their own.

export interface QualityReport {
  /** Once per session: the first startup. */
  startupMs?: number;
  watchMs: number;
  rebufferMs: number;
}

export class PlaybackQuality {
  private attemptAt: number | null = null;
  private startupMs: number | undefined;
  private startupSent = false;
  private firstFrame = false;
  /** Not paused since then (watch time runs). */
  private watchingSince: number | null = null;
  /** Stalled since then (rebuffering runs). */
  private stalledSince: number | null = null;
  private seeking = false;
  private watchMs = 0;
  private rebufferMs = 0;

  /** The startup time is known and not reported yet. */
  get startupPending(): boolean {
    return !this.startupSent && this.startupMs !== undefined;
  }

  /** `play`: playback was asked for. */
  play(at: number): void {
    if (this.attemptAt === null) this.attemptAt = at;
    this.watchingSince ??= at;
  }

  /** `playing`, or a new frame shown: the playhead moves. */
  frame(at: number): void {
    if (this.watchingSince === null) return;
    if (!this.firstFrame) {
      this.firstFrame = true;
      if (this.attemptAt !== null) this.startupMs = Math.max(0, Math.round(at - this.attemptAt));
    }
    this.endStall(at);
  }

  /** `waiting`: no data to play on. A stall before the first frame is startup; during a seek, seeking. */
  waiting(at: number): void {
    if (this.firstFrame && !this.seeking && this.watchingSince !== null) this.stalledSince ??= at;
  }

  seekStart(at: number): void {
    this.seeking = true;
    this.endStall(at);
  }

  seekEnd(): void {
    this.seeking = false;
  }

  pause(at: number): void {
    this.endStall(at);
    if (this.watchingSince !== null) this.watchMs += at - this.watchingSince;
    this.watchingSince = null;
  }

  /** What accrued since the last take; null when nothing did. A stall or a watch in progress goes on. */
  take(at: number): QualityReport | null {
    if (this.watchingSince !== null) {
      this.watchMs += at - this.watchingSince;
      this.watchingSince = at;
    }
    if (this.stalledSince !== null) {
      this.rebufferMs += at - this.stalledSince;
      this.stalledSince = at;
    }
    const watchMs = Math.round(this.watchMs);
    // Rounded apart, a stall could come out a millisecond longer than the watch that holds it.
    const rebufferMs = Math.min(watchMs, Math.round(this.rebufferMs));
    const startup = !this.startupSent && this.startupMs !== undefined ? Math.min(this.startupMs, watchMs) : undefined;
    if (watchMs === 0 && startup === undefined) return null;
    this.watchMs -= watchMs;
    this.rebufferMs = Math.max(0, this.rebufferMs - rebufferMs);
    if (startup !== undefined) this.startupSent = true;
    return { ...(startup !== undefined ? { startupMs: startup } : {}), watchMs, rebufferMs };
  }

  private endStall(at: number): void {
    if (this.stalledSince === null) return;
    this.rebufferMs += at - this.stalledSince;
    this.stalledSince = null;
  }
}

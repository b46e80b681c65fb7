import { describe, expect, it } from 'vitest';
import { PlaybackQuality } from './playback-quality.js';

describe('playback quality (Mux definitions)', () => {
  it('measures startup from the play attempt to the first frame, and counts it in watch time, once', () => {
    const q = new PlaybackQuality();
    expect(q.take(0)).toBeNull();
    q.play(1000);
    q.waiting(1200); // before the first frame: startup, not rebuffering
    q.frame(2500);
    expect(q.take(2500)).toEqual({ startupMs: 1500, watchMs: 1500, rebufferMs: 0 });
    expect(q.take(12_500)).toEqual({ watchMs: 10_000, rebufferMs: 0 });
  });

  it('counts stalls after the first frame as rebuffering, but not seeks and not paused time', () => {
    const q = new PlaybackQuality();
    q.play(0);
    q.frame(500);
    q.waiting(2000);
    q.frame(3000); // 1 s stalled
    q.seekStart(4000);
    q.waiting(4000); // buffering for the seek: not rebuffering
    q.frame(5000);
    q.seekEnd();
    q.pause(6000);
    q.play(9000); // 3 s paused: not watch time
    q.frame(9100);
    q.waiting(10_000);
    expect(q.take(10_500)).toEqual({ startupMs: 500, watchMs: 7500, rebufferMs: 1500 });
    // A stall still running when taken goes on into the next report.
    q.frame(11_000);
    expect(q.take(11_000)).toEqual({ watchMs: 500, rebufferMs: 500 });
  });

  it('never reports more stall than watch, nor anything before playback was asked for', () => {
    const q = new PlaybackQuality();
    q.frame(100);
    q.waiting(200);
    expect(q.take(5000)).toBeNull();
    q.play(5000);
    q.frame(5000.4);
    q.waiting(5000.6);
    const r = q.take(5001)!;
    expect(r.rebufferMs).toBeLessThanOrEqual(r.watchMs);
    expect(r.startupMs).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { PlaybackBeats } from './playback-beats.js';

/** Plays from `from` for `seconds`, sampled once a second, and returns every beat. */
function play(beats: PlaybackBeats, from: number, seconds: number, at0 = 0) {
  const out = [];
  for (let s = 0; s <= seconds; s++) out.push(...beats.sample(from + s * 1000, at0 + s * 1000));
  return out;
}

describe('playback beats', () => {
  it('sends a view after 3 s of playback and a heartbeat every 10 s, with the show ms on screen', () => {
    const beats = new PlaybackBeats();
    expect(play(beats, 50_000, 21)).toEqual([
      { type: 'view', mediaMs: 53_000 },
      { type: 'heartbeat', mediaMs: 60_000 },
      { type: 'heartbeat', mediaMs: 70_000 },
    ]);
  });

  it('counts nothing while paused, and a seek adds no playback', () => {
    const beats = new PlaybackBeats();
    // Two seconds played, then paused for a minute at the same frame.
    expect(play(beats, 0, 2)).toEqual([]);
    for (let s = 3; s < 60; s++) expect(beats.sample(2000, s * 1000)).toEqual([]);
    // A seek an hour ahead: no view for it.
    expect(beats.sample(3_600_000, 61_000)).toEqual([]);
    // One more second of real playback makes the third.
    expect(beats.sample(3_601_000, 62_000)).toEqual([{ type: 'view', mediaMs: 3_601_000 }]);
  });

  it('sends the view once per session, and no beats without a playhead', () => {
    const beats = new PlaybackBeats();
    expect(beats.sample(null, 0)).toEqual([]);
    const all = play(beats, 0, 40);
    expect(all.filter((b) => b.type === 'view')).toHaveLength(1);
    expect(all.filter((b) => b.type === 'heartbeat')).toHaveLength(4);
  });
});

import { describe, expect, it } from 'vitest';
import { emptyOverlay, takesOverlay as acceptOverlay, type OverlayState } from '@cuecart/shared';
import { nextShowTimes, NO_SHOW_TIMES } from './overlay-sync.js';

const at = (seq: number, extra: Partial<OverlayState> = {}): OverlayState => ({ ...emptyOverlay('demo', 'live'), seq, ...extra });

describe('overlay sync', () => {
  it('takes the first state and newer ones, drops older ones (the shared takesOverlay rule)', () => {
    expect(acceptOverlay(null, at(5), false)).toBe(true);
    expect(acceptOverlay(at(5), at(6), false)).toBe(true);
    expect(acceptOverlay(at(5), at(5), false)).toBe(true);
    expect(acceptOverlay(at(5), at(4), false)).toBe(false);
  });

  it('takes any state right after a reconnect (the relay may have restarted)', () => {
    expect(acceptOverlay(at(50), at(2), true)).toBe(true);
  });

  it('starts the show clock when the show goes live and stops it when it ends', () => {
    const scheduled = nextShowTimes(NO_SHOW_TIMES, { status: 'scheduled' }, 1000);
    expect(scheduled).toEqual({ status: 'scheduled', liveSeenAt: null, endedAt: null });
    const live = nextShowTimes(scheduled, { status: 'live' }, 2000);
    expect(live).toEqual({ status: 'live', liveSeenAt: 2000, endedAt: null });
    // Later overlay changes while live keep the start.
    expect(nextShowTimes(live, { status: 'live' }, 9000)).toBe(live);
    expect(nextShowTimes(live, { status: 'ended', updatedAt: 1 }, 7000)).toEqual({ status: 'ended', liveSeenAt: 2000, endedAt: 7000 });
  });

  it('opened after the show ended, takes the last overlay change as the end', () => {
    expect(nextShowTimes(NO_SHOW_TIMES, { status: 'ended', updatedAt: 4242 }, 9000).endedAt).toBe(4242);
    expect(nextShowTimes(NO_SHOW_TIMES, { status: 'ended' }, 9000).endedAt).toBe(9000);
  });
});

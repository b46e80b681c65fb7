import { beforeEach, describe, expect, it } from 'vitest';
import { emptyOverlay } from '@cuecart/shared';
import { usePrompterStore } from './prompter-store.js';
import { rundown } from './fixtures.test-support.js';

const initial = usePrompterStore.getState();
beforeEach(() => usePrompterStore.setState(initial, true));

describe('prompter store', () => {
  it('drops a late overlay but takes any after a reconnect', () => {
    const s = usePrompterStore.getState();
    s.receiveOverlay({ ...emptyOverlay('demo', 'live'), seq: 7 }, 1);
    s.receiveOverlay({ ...emptyOverlay('demo', 'live'), seq: 6 }, 2);
    expect(usePrompterStore.getState().overlay?.seq).toBe(7);
    s.setConnection('reconnecting');
    s.setConnection('connected');
    s.receiveOverlay({ ...emptyOverlay('demo', 'live'), seq: 1 }, 3);
    expect(usePrompterStore.getState().overlay?.seq).toBe(1);
    expect(usePrompterStore.getState().times.liveSeenAt).toBe(1);
  });

  it('keeps the rundown in slot order', () => {
    usePrompterStore.getState().receiveRundown(rundown('a', 'b', 'c').reverse());
    expect(usePrompterStore.getState().rundown?.map((i) => i.slot)).toEqual([1, 2, 3]);
  });

  it('flashes a repeated cue once', () => {
    const s = usePrompterStore.getState();
    s.receiveCue({ id: 'c1', text: 'Wrap up', at: 0, from: 'p' }, 100);
    s.receiveCue({ id: 'c1', text: 'Wrap up', at: 0, from: 'p' }, 5000);
    expect(usePrompterStore.getState().cue?.receivedAt).toBe(100);
    s.receiveCue({ id: 'c2', text: 'Next product', at: 0, from: 'p' }, 6000);
    expect(usePrompterStore.getState().cue?.cue.text).toBe('Next product');
  });

  it('keeps a session the relay ended ended: no later reconnecting or connected replaces it', () => {
    const s = usePrompterStore.getState();
    s.setConnection('connected');
    s.endSession({ reason: 'expired', detail: 'this host session expired at 2026-12-02T20:00:00.000Z' });
    s.setConnection('reconnecting');
    s.setConnection('connected');
    const after = usePrompterStore.getState();
    expect(after.ended).toEqual({ reason: 'expired', detail: 'this host session expired at 2026-12-02T20:00:00.000Z' });
    expect(after.connection).toBe('refused');
    expect(after.connectionMessage).toContain('expired');
  });

  it('toggles mirror mode', () => {
    const before = usePrompterStore.getState().mirror;
    usePrompterStore.getState().toggleMirror();
    expect(usePrompterStore.getState().mirror).toBe(!before);
  });
});

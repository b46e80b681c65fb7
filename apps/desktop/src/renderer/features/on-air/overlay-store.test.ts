import { beforeEach, describe, expect, it } from 'vitest';
import { emptyOverlay, type OverlayState } from '@cuecart/shared';
import { useOverlay } from './overlay-store.js';

const at = (seq: number, showId = 'demo'): OverlayState => ({ ...emptyOverlay(showId, 'live'), seq });

describe('console overlay store', () => {
  beforeEach(() => useOverlay.setState({ overlay: null, resync: true }));

  it('keeps a newer state and drops a late older one', () => {
    const store = useOverlay.getState();
    store.setOverlay(at(5));
    store.setOverlay(at(6));
    store.setOverlay(at(4));
    expect(useOverlay.getState().overlay?.seq).toBe(6);
  });

  it('takes the first state after a reconnect whatever its seq', () => {
    useOverlay.getState().setOverlay(at(30));
    useOverlay.getState().connected();
    useOverlay.getState().setOverlay(at(1));
    expect(useOverlay.getState().overlay?.seq).toBe(1);
    useOverlay.getState().setOverlay(at(0));
    expect(useOverlay.getState().overlay?.seq).toBe(1);
  });

  it('takes a state of another show', () => {
    useOverlay.getState().setOverlay(at(30, 'a'));
    useOverlay.getState().setOverlay(at(2, 'b'));
    expect(useOverlay.getState().overlay?.showId).toBe('b');
  });
});

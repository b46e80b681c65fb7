// The overlay as the relay last told us (it owns the state; a stale snapshot never overwrites a newer one).
import { create } from 'zustand';
import type { OverlayState } from '@cuecart/shared';

interface OverlayStore {
  overlay: OverlayState | null;
  setOverlay(state: OverlayState): void;
}

export const useOverlay = create<OverlayStore>()((set, get) => ({
  overlay: null,
  setOverlay: (state) => {
    const cur = get().overlay;
    if (cur && cur.showId === state.showId && state.seq < cur.seq) return;
    set({ overlay: state });
  },
}));

export function onAirProductIds(overlay: OverlayState | null): Set<string> {
  return new Set(overlay?.featured.map((c) => c.productId) ?? []);
}

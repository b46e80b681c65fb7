// The overlay as the relay last told us (it owns the state; a stale snapshot never overwrites a newer one).
import { create } from 'zustand';
import { takesOverlay, type OverlayState } from '@cuecart/shared';

interface OverlayStore {
  overlay: OverlayState | null;
  /** True until the first state after a (re)connect: that one is taken whatever its seq. */
  resync: boolean;
  setOverlay(state: OverlayState): void;
  /** A new connection to the relay. */
  connected(): void;
}

export const useOverlay = create<OverlayStore>()((set, get) => ({
  overlay: null,
  resync: true,
  setOverlay: (state) => {
    const { overlay, resync } = get();
    if (!takesOverlay(overlay, state, resync)) return;
    set({ overlay: state, resync: false });
  },
  connected: () => set({ resync: true }),
}));

export function onAirProductIds(overlay: OverlayState | null): Set<string> {
  return new Set(overlay?.featured.map((c) => c.productId) ?? []);
}

// Before a sold-out product goes on air the console asks, once per product: viewers would see a card they
// cannot buy (only "Notify me when it's back"). Whatever asked for the take (a button, Enter, a digit) waits here.
import { create } from 'zustand';

export interface PendingTake {
  productId: string;
  suggestionId?: string;
}

interface SoldOutGuardState {
  pending: PendingTake | null;
  /** Products the producer already chose to take while sold out: not asked again this session. */
  confirmed: ReadonlySet<string>;
  ask(take: PendingTake): void;
  /** Takes it anyway (and does not ask again for this product); answers what to take. */
  confirm(): PendingTake | null;
  cancel(): void;
}

export const useSoldOutGuard = create<SoldOutGuardState>()((set, get) => ({
  pending: null,
  confirmed: new Set(),
  ask: (pending) => set({ pending }),
  confirm: () => {
    const { pending, confirmed } = get();
    if (!pending) return null;
    set({ pending: null, confirmed: new Set([...confirmed, pending.productId]) });
    return pending;
  },
  cancel: () => set({ pending: null }),
}));

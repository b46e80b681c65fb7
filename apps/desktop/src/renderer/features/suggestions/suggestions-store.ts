// Suggestions heard from the transcript, and the ones this console has taken or dismissed.
import { create } from 'zustand';
import type { Suggestion } from '@cuecart/shared';
import { useOverlay, onAirProductIds } from '../on-air/overlay-store.js';
import { rankSuggestions } from './rank.js';

/** Older suggestions fall off the tray's memory; a 2-hour show hears thousands. */
const KEEP = 300;

interface SuggestionsState {
  all: Map<string, Suggestion>;
  hidden: Set<string>;
  add(s: Suggestion): void;
  hide(id: string): void;
  hideProduct(productId: string): void;
}

export const useSuggestions = create<SuggestionsState>()((set, get) => ({
  all: new Map(),
  hidden: new Set(),
  add: (s) => {
    if (get().all.has(s.id)) return;
    const all = new Map(get().all);
    all.set(s.id, s);
    if (all.size > KEEP) all.delete(all.keys().next().value!);
    set({ all });
  },
  hide: (id) => set({ hidden: new Set(get().hidden).add(id) }),
  /** Once a product is taken, every suggestion for it is spent. */
  hideProduct: (productId) => {
    const hidden = new Set(get().hidden);
    for (const s of get().all.values()) if (s.productId === productId) hidden.add(s.id);
    set({ hidden });
  },
}));

/** The tray's list right now, for actions (hotkeys) that must agree with what is on screen. */
export function rankedNow(): Suggestion[] {
  const { all, hidden } = useSuggestions.getState();
  return rankSuggestions(all.values(), onAirProductIds(useOverlay.getState().overlay), hidden);
}

// The show's rundown as the relay last sent it, with an optimistic local order while a change is in flight.
import { create } from 'zustand';
import type { RundownItem } from '@cuecart/shared';

interface RundownState {
  items: RundownItem[];
  setItems(items: RundownItem[]): void;
}

export const useRundown = create<RundownState>()((set) => ({
  items: [],
  setItems: (items) => set({ items: items.map((it, i) => ({ slot: i + 1, product: it.product })) }),
}));

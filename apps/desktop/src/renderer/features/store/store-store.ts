// The show's store status as the relay last told it (`store:status`); none for shows without a store.
import { create } from 'zustand';
import type { StoreStatus } from '@cuecart/shared';

interface StoreState {
  status: StoreStatus | null;
  set(status: StoreStatus): void;
}

export const useStore = create<StoreState>()((set) => ({
  status: null,
  set: (status) => set({ status }),
}));

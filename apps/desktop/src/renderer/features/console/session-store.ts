// Who and where this console is: the relay, the producer token, the show (from the first overlay) and its details.
import { create } from 'zustand';
import type { Show } from '@cuecart/shared';

interface SessionState {
  relay: string;
  token: string;
  showId: string | null;
  show: Show | null;
  init(relay: string, token: string): void;
  setShowId(showId: string): void;
  setShow(show: Show): void;
}

export const useSession = create<SessionState>()((set, get) => ({
  relay: '',
  token: '',
  showId: null,
  show: null,
  init: (relay, token) => set({ relay, token }),
  setShowId: (showId) => {
    if (get().showId !== showId) set({ showId, show: null });
  },
  setShow: (show) => set({ show }),
}));

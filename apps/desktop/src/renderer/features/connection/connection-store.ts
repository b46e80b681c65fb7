// Link state (debounced for display), who else is producing this show.
import { create } from 'zustand';
import type { Presence } from '@cuecart/shared';
import { displayState, msUntilChange, OFFLINE_GRACE_MS, type DisplayState, type LinkFacts } from './connection-display.js';
import type { SessionEnd } from './session-end.js';

interface ConnectionState {
  facts: LinkFacts;
  display: DisplayState;
  lastError: string | null;
  selfId: string | null;
  presence: Presence | null;
  /** Set once the relay ended this session for good (token expired or revoked): no more reconnecting. */
  ended: SessionEnd | null;
  /** What the producer asked for after the session ended: never queued, since it could never be sent. */
  notSent: string[];
  endSession(end: SessionEnd): void;
  noteNotSent(label: string): void;
  /** `silent`: the heartbeat already waited, so the light goes to offline without the blip grace. */
  linkChanged(connected: boolean, selfId?: string | null, silent?: boolean): void;
  setError(message: string | null): void;
  setPresence(presence: Presence): void;
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const useConnection = create<ConnectionState>()((set, get) => {
  const refresh = () => {
    clearTimeout(timer);
    const now = Date.now();
    const { facts } = get();
    set({ display: displayState(facts, now) });
    const wait = msUntilChange(facts, now);
    if (wait !== null) timer = setTimeout(refresh, wait + 10);
  };
  return {
    facts: { link: 'disconnected', since: Date.now(), everConnected: false },
    display: 'connecting',
    lastError: null,
    selfId: null,
    presence: null,
    ended: null,
    notSent: [],
    endSession: (ended) => set({ ended, lastError: ended.detail }),
    noteNotSent: (label) => set({ notSent: [...get().notSent, label].slice(-5) }),
    linkChanged: (connected, selfId, silent = false) => {
      const { facts } = get();
      const link = connected ? 'connected' : 'disconnected';
      if (facts.link !== link) {
        const since = silent ? Date.now() - OFFLINE_GRACE_MS : Date.now();
        set({ facts: { link, since, everConnected: facts.everConnected || connected } });
      }
      if (connected) set({ lastError: null, selfId: selfId ?? get().selfId });
      refresh();
    },
    setError: (lastError) => set({ lastError }),
    setPresence: (presence) => set({ presence }),
  };
});

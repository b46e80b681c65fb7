// The prompter's one store: what the relay last said (overlay, rundown, cue, show) and the host's mirror choice.
import { create } from 'zustand';
import { takesOverlay, type Cue, type OverlayState, type RundownItem } from '@cuecart/shared';
import type { SessionEnd } from '../connection/session-end.js';
import type { ReceivedCue } from './cue-view.js';
import { loadMirror, saveMirror } from './mirror.js';
import { nextShowTimes, NO_SHOW_TIMES, type ShowTimes } from './overlay-sync.js';

export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'refused';

export interface ShowInfo {
  title: string;
  streamEpochMs?: number;
}

interface ConnectionSlice {
  connection: Connection;
  connectionMessage: string | null;
  /** Set on (re)connect: the next overlay is taken whatever its seq. */
  resync: boolean;
  /** Set once the relay ended this session for good (token expired or revoked); nothing replaces it. */
  ended: SessionEnd | null;
  setConnection: (connection: Connection, message?: string | null) => void;
  endSession: (end: SessionEnd) => void;
}

interface ShowSlice {
  overlay: OverlayState | null;
  rundown: RundownItem[] | null;
  show: ShowInfo | null;
  times: ShowTimes;
  receiveOverlay: (state: OverlayState, now?: number) => void;
  receiveRundown: (items: RundownItem[]) => void;
  setShow: (show: ShowInfo) => void;
}

interface CueSlice {
  cue: ReceivedCue | null;
  receiveCue: (cue: Cue, now?: number) => void;
}

interface MirrorSlice {
  mirror: boolean;
  toggleMirror: () => void;
}

export type PrompterState = ConnectionSlice & ShowSlice & CueSlice & MirrorSlice;

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export const usePrompterStore = create<PrompterState>()((set, get) => ({
  connection: 'connecting',
  connectionMessage: null,
  resync: true,
  ended: null,
  setConnection: (connection, message = null) => {
    // A late disconnect or retry must not dress a dead session up as "Reconnecting…".
    if (get().ended) return;
    set(connection === 'connected' ? { connection, connectionMessage: message, resync: true } : { connection, connectionMessage: message });
  },
  endSession: (ended) => set({ ended, connection: 'refused', connectionMessage: ended.detail }),

  overlay: null,
  rundown: null,
  show: null,
  times: NO_SHOW_TIMES,
  receiveOverlay: (state, now = Date.now()) => {
    const { overlay, resync, times } = get();
    if (!takesOverlay(overlay, state, resync)) return;
    set({ overlay: state, resync: false, times: nextShowTimes(times, state, now) });
  },
  receiveRundown: (items) => set({ rundown: [...items].sort((a, b) => a.slot - b.slot) }),
  setShow: (show) => set({ show }),

  cue: null,
  receiveCue: (cue, now = Date.now()) => {
    // The relay drops a re-sent cue, but a reconnecting client could still hear it twice: flash it once.
    if (get().cue?.cue.id === cue.id) return;
    set({ cue: { cue, receivedAt: now } });
  },

  mirror: loadMirror(browserStorage()),
  toggleMirror: () => {
    const mirror = !get().mirror;
    saveMirror(browserStorage(), mirror);
    set({ mirror });
  },
}));

// The program preview's clocks, and a reader the take logic calls for the show ms of the frame on screen.
import { create } from 'zustand';

interface ProgramState {
  showMs: number | null;
  latencyMs: number | null;
  status: 'idle' | 'loading' | 'playing' | 'error';
  message: string | null;
  setClock(showMs: number | null, latencyMs: number | null): void;
  setStatus(status: ProgramState['status'], message?: string | null): void;
}

export const useProgram = create<ProgramState>()((set, get) => ({
  showMs: null,
  latencyMs: null,
  status: 'idle',
  message: null,
  setClock: (showMs, latencyMs) => {
    const cur = get();
    if (cur.showMs !== showMs || cur.latencyMs !== latencyMs) set({ showMs, latencyMs });
  },
  setStatus: (status, message = null) => set({ status, message }),
}));

let reader: (() => number | null) | null = null;

/** The preview registers how to read its current frame; null when there is no preview. */
export function setPreviewReader(read: (() => number | null) | null): void {
  reader = read;
}

/** Show ms of the frame in the producer's preview right now, read fresh at the moment of the take. */
export function previewShowMs(): number | null {
  return reader?.() ?? null;
}

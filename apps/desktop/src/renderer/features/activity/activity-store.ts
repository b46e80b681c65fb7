// Who fired what: the relay's activity feed, newest first, one entry per seq.
import { create } from 'zustand';
import type { Activity } from '@cuecart/shared';

const KEEP = 200;

interface ActivityState {
  entries: Activity[];
  add(entries: Activity[]): void;
}

export const useActivity = create<ActivityState>()((set, get) => ({
  entries: [],
  add: (incoming) => {
    const bySeq = new Map(get().entries.map((e) => [e.seq, e]));
    for (const e of incoming) bySeq.set(e.seq, e);
    set({ entries: [...bySeq.values()].sort((a, b) => b.seq - a.seq).slice(0, KEEP) });
  },
}));

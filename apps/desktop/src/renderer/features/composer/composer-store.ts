// Drafts the producer prepares: the offer for the next take, and the cues sent to the host.
import { create } from 'zustand';
import { emptyOfferDraft, type OfferDraft } from './offer-model.js';

export interface SentCue {
  id: string;
  text: string;
  at: number;
  state: 'sending' | 'sent' | 'failed';
  error?: string;
}

interface ComposerState {
  offer: OfferDraft;
  cues: SentCue[];
  setOffer(patch: Partial<OfferDraft>): void;
  resetOffer(): void;
  cueSent(cue: SentCue): void;
  cueSettled(id: string, state: SentCue['state'], error?: string): void;
}

export const useComposer = create<ComposerState>()((set, get) => ({
  offer: emptyOfferDraft(),
  cues: [],
  setOffer: (patch) => set({ offer: { ...get().offer, ...patch } }),
  resetOffer: () => set({ offer: emptyOfferDraft() }),
  cueSent: (cue) => set({ cues: [cue, ...get().cues].slice(0, 6) }),
  cueSettled: (id, state, error) => set({ cues: get().cues.map((c) => (c.id === id ? { ...c, state, error } : c)) }),
}));

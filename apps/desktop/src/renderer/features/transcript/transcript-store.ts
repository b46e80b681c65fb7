// The live transcript and the words in it that produced suggestions.
import { create } from 'zustand';
import type { TranscriptSegment } from '@cuecart/shared';
import { emptyTranscript, upsertSegment, type TranscriptModel } from './transcript-model.js';

interface TranscriptState {
  model: TranscriptModel;
  /** segment id → matched phrases. */
  highlights: Map<string, string[]>;
  addSegment(segment: TranscriptSegment): void;
  addHighlight(segmentId: string, phrase: string): void;
}

export const useTranscript = create<TranscriptState>()((set, get) => ({
  model: emptyTranscript(),
  highlights: new Map(),
  addSegment: (segment) => {
    const model = upsertSegment(get().model, segment);
    if (model !== get().model) set({ model });
  },
  addHighlight: (segmentId, phrase) => {
    const cur = get().highlights.get(segmentId) ?? [];
    if (cur.includes(phrase)) return;
    const highlights = new Map(get().highlights);
    highlights.set(segmentId, [...cur, phrase]);
    set({ highlights });
  },
}));

// Each card's stretch on air, `[startMs, endMs)` in show ms, from the show's accepted overlay states in seq
// order: the screen time of the analytics and the card timeline of a replay. A card starts at its own
// `mediaMs` (the frame it was fired for), else at the show ms of its fire; it ends at the show ms of the
// first state without it, or at `endMs` (the show's end, or the recording's) when it is still on air.
import type { OverlayState } from '../contract/overlay.js';
import { showMsAt } from '../time/show-ms.js';
import type { CardStretch } from './figures.js';

export interface LoggedState {
  state: OverlayState;
  /** When the relay accepted it (epoch ms). */
  at: number;
}

export function cardStretches(log: readonly LoggedState[], streamEpochMs: number | undefined, endMs: number): CardStretch[] {
  const open = new Map<string, { productId: string; startMs: number }>();
  const out: CardStretch[] = [];
  const close = (cardId: string, at: number) => {
    const s = open.get(cardId);
    open.delete(cardId);
    if (s && at > s.startMs) out.push({ cardId, productId: s.productId, startMs: s.startMs, endMs: at });
  };
  for (const { state, at } of [...log].sort((a, b) => a.state.seq - b.state.seq)) {
    const now = showMsAt(at, streamEpochMs);
    if (now === null) continue; // before the stream started, or no clock to place it on
    const here = new Set(state.featured.map((c) => c.cardId));
    for (const cardId of [...open.keys()]) if (!here.has(cardId)) close(cardId, now);
    for (const card of state.featured) {
      if (open.has(card.cardId)) continue;
      const startMs = card.mediaMs ?? showMsAt(card.firedAt, streamEpochMs) ?? now;
      open.set(card.cardId, { productId: card.productId, startMs });
    }
    if (state.status === 'ended') for (const cardId of [...open.keys()]) close(cardId, now);
  }
  for (const cardId of [...open.keys()]) close(cardId, endMs);
  return out.sort((a, b) => a.startMs - b.startMs || (a.cardId < b.cardId ? -1 : 1));
}

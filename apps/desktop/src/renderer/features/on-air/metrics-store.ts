// The live tiles the relay sends while the show is live (`metrics`): viewers now, per card on air the clicks
// and adds to cart of the last minute.
import { create } from 'zustand';
import type { LiveMetrics } from '@cuecart/shared';

interface MetricsState {
  metrics: LiveMetrics | null;
  set(metrics: LiveMetrics): void;
}

export const useMetrics = create<MetricsState>()((set) => ({
  metrics: null,
  set: (metrics) => set({ metrics }),
}));

/** "3 clicks · 1 add to cart in the last minute", or null before the relay said anything about the card. */
export function cardMetricsText(metrics: LiveMetrics | null, cardId: string): string | null {
  const card = metrics?.perCard.find((c) => c.cardId === cardId);
  if (!card) return null;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${plural(card.clicks, 'click', 'clicks')} · ${plural(card.addToCarts, 'add to cart', 'adds to cart')} in the last minute`;
}

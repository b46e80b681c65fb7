// The producer's live tiles (`metrics` on /producer): viewers now, and per card on air the clicks and adds to
// cart of the last minute. Kept in memory from the beacons this relay takes (in a cluster, every relay's:
// cluster/redis-live-metrics.ts), pruned as they age.
import type { LiveMetrics, TrackEvent } from '@cuecart/shared';

/** A session counts as watching for two heartbeat intervals after its last view or heartbeat. */
export const WATCHING_MS = 20_000;
export const CARD_WINDOW_MS = 60_000;

interface ShowWindow {
  /** Session → when last seen watching. */
  seen: Map<string, number>;
  /** Card interactions of the last minute, oldest first. */
  cards: { at: number; cardId: string; productId: string; type: 'click' | 'add_to_cart' }[];
}

/** Where counted beacons go for the tiles: this relay's window, or in a cluster every relay's. */
export interface LiveMetricsSink {
  add(events: readonly TrackEvent[]): void;
}

export class LiveMetricsWindow implements LiveMetricsSink {
  private readonly shows = new Map<string, ShowWindow>();

  constructor(private readonly now: () => number = Date.now) {}

  add(events: readonly TrackEvent[]): void {
    const at = this.now();
    for (const e of events) {
      if (e.mode !== 'live') continue;
      const w = this.window(e.showId);
      if (e.type === 'view' || e.type === 'heartbeat') w.seen.set(e.sessionId, at);
      else if ((e.type === 'click' || e.type === 'add_to_cart') && e.cardId && e.productId) w.cards.push({ at, cardId: e.cardId, productId: e.productId, type: e.type });
    }
  }

  /** The tiles for these cards on air (each listed, with zeros when nothing happened yet). */
  snapshot(showId: string, onAir: readonly { cardId: string; productId: string }[]): LiveMetrics {
    const w = this.window(showId);
    const at = this.now();
    for (const [session, last] of w.seen) if (at - last > WATCHING_MS) w.seen.delete(session);
    while (w.cards.length && at - w.cards[0]!.at > CARD_WINDOW_MS) w.cards.shift();
    return {
      viewersNow: w.seen.size,
      perCard: onAir.map((c) => ({
        cardId: c.cardId,
        productId: c.productId,
        clicks: w.cards.filter((x) => x.cardId === c.cardId && x.type === 'click').length,
        addToCarts: w.cards.filter((x) => x.cardId === c.cardId && x.type === 'add_to_cart').length,
      })),
    };
  }

  forget(showId: string): void {
    this.shows.delete(showId);
  }

  private window(showId: string): ShowWindow {
    let w = this.shows.get(showId);
    if (!w) this.shows.set(showId, (w = { seen: new Map(), cards: [] }));
    return w;
  }
}

// Viewer beacons (view, heartbeat, impression, click, add_to_cart, checkout, purchase) stored for analytics.
//
// A beacon is what a page says happened, so a client `purchase` is kept as a signal (`purchase_signal`):
// orders and revenue come only from the orders the relay recorded itself. A client-made `eventId` counts once.
// Raw rows older than the retention age are rolled up into daily counts per show, type, product and mode, so
// the database stops growing with old traffic and the counts do not change.
import type { TrackEvent } from '@cuecart/shared';
import type { Db } from '../db/database.js';

/** Who says it happened: a viewer's page, or the relay's own store (an order it recorded). */
export type TrackSource = 'client' | 'store';

export const DAY_MS = 24 * 3600 * 1000;

export class TrackRepository {
  private readonly insertMany;
  private readonly countStmt;
  private readonly rollUpTx;

  constructor(db: Db, private readonly clock: () => number = Date.now) {
    const insert = db.prepare(
      'INSERT OR IGNORE INTO track_events (show_id, event_id, type, product_id, card_id, session_id, mode, media_ms, value, at, clip_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertMany = db.transaction((events: TrackEvent[], source: TrackSource, at: number) => {
      let stored = 0;
      for (const e of events) {
        const type = source === 'client' && e.type === 'purchase' ? 'purchase_signal' : e.type;
        // A playback beat names no product: '' in the column, which the daily rollup groups by.
        stored += insert.run(e.showId, e.eventId ?? null, type, e.productId ?? '', e.cardId ?? null, e.sessionId, e.mode, e.mediaMs ?? null, e.value ?? null, at, e.clipId ?? null).changes;
      }
      return stored;
    });
    this.countStmt = db.prepare<[string, string], { type: string; n: number }>(
      `SELECT type, SUM(n) AS n FROM (
         SELECT type, COUNT(*) AS n FROM track_events WHERE show_id = ? GROUP BY type
         UNION ALL SELECT type, SUM(n) AS n FROM track_daily WHERE show_id = ? GROUP BY type
       ) GROUP BY type`,
    );
    const rollUp = db.prepare(
      `INSERT INTO track_daily (show_id, day, type, product_id, mode, n)
         SELECT show_id, at / ${DAY_MS}, type, product_id, mode, COUNT(*) FROM track_events WHERE at < ? GROUP BY show_id, at / ${DAY_MS}, type, product_id, mode
       ON CONFLICT (show_id, day, type, product_id, mode) DO UPDATE SET n = n + excluded.n`,
    );
    const purge = db.prepare('DELETE FROM track_events WHERE at < ?');
    this.rollUpTx = db.transaction((cutoff: number) => {
      rollUp.run(cutoff);
      return purge.run(cutoff).changes;
    });
  }

  /** Stores the events; answers how many were new (a repeated `eventId` is not stored again). */
  record(events: TrackEvent[], source: TrackSource): number {
    return this.insertMany(events, source, this.clock());
  }

  countsByType(showId: string): Record<string, number> {
    return Object.fromEntries(this.countStmt.all(showId, showId).map((r) => [r.type, r.n]));
  }

  /** Rolls raw rows older than `retentionMs` into daily counts and deletes them; answers how many went. */
  rollUp(retentionMs: number): number {
    return this.rollUpTx(this.clock() - retentionMs);
  }
}

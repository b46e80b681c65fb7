// Viewer beacons (impression, click, add_to_cart, checkout, purchase) stored for analytics.
import type { TrackEvent } from '@cuecart/shared';
import type { Db } from '../db/database.js';

export class TrackRepository {
  private readonly insertMany;
  private readonly countStmt;
  private readonly revenueStmt;

  constructor(db: Db, private readonly clock: () => number = Date.now) {
    const insert = db.prepare(
      'INSERT INTO track_events (show_id, type, product_id, card_id, session_id, mode, media_ms, value, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertMany = db.transaction((events: TrackEvent[], at: number) => {
      for (const e of events) insert.run(e.showId, e.type, e.productId, e.cardId ?? null, e.sessionId, e.mode, e.mediaMs ?? null, e.value ?? null, at);
    });
    this.countStmt = db.prepare<[string], { type: string; n: number }>('SELECT type, COUNT(*) AS n FROM track_events WHERE show_id = ? GROUP BY type');
    this.revenueStmt = db.prepare<[string], { mode: string; revenue: number }>(
      "SELECT mode, COALESCE(SUM(value), 0) AS revenue FROM track_events WHERE show_id = ? AND type = 'purchase' GROUP BY mode",
    );
  }

  record(events: TrackEvent[]): void {
    this.insertMany(events, this.clock());
  }

  countsByType(showId: string): Record<string, number> {
    return Object.fromEntries(this.countStmt.all(showId).map((r) => [r.type, r.n]));
  }

  revenueByMode(showId: string): Record<'live' | 'replay', number> {
    const out = { live: 0, replay: 0 };
    for (const r of this.revenueStmt.all(showId)) if (r.mode === 'live' || r.mode === 'replay') out[r.mode] = Math.round(r.revenue * 100) / 100;
    return out;
  }
}

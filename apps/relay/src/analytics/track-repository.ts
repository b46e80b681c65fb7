// Viewer beacons (view, heartbeat, quality, impression, click, add_to_cart, checkout, purchase) stored for analytics.
//
// A beacon is what a page says happened, so a client `purchase` is kept as a signal (`purchase_signal`):
// orders and revenue come only from the orders the relay recorded itself. A client-made `eventId` counts once.
// Raw rows older than the retention age are rolled up into daily counts per show, type, product and mode, so
// the database stops growing with old traffic and the counts do not change.
import { figures, type Aggregates, type TrackEvent } from '@cuecart/shared';
import type { Db } from '../db/database.js';

/** Who says it happened: a viewer's page, or the relay's own store (an order it recorded). */
export type TrackSource = 'client' | 'store';

export const DAY_MS = 24 * 3600 * 1000;

export class TrackRepository {
  private readonly insertMany;
  private readonly countStmt;
  private readonly rollUpTx;
  private readonly aggregateStmts;

  constructor(db: Db, private readonly clock: () => number = Date.now) {
    const insert = db.prepare(
      'INSERT OR IGNORE INTO track_events (show_id, event_id, type, product_id, card_id, session_id, mode, media_ms, value, at, clip_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const view = db.prepare('INSERT OR IGNORE INTO an_views (show_id, session_id, mode, clip_id) VALUES (?, ?, ?, ?)');
    const heartbeat = db.prepare('INSERT INTO an_heartbeats (show_id, mode, n) VALUES (?, ?, 1) ON CONFLICT (show_id, mode) DO UPDATE SET n = n + 1');
    const liveMinute = db.prepare('INSERT OR IGNORE INTO an_live_minutes (show_id, minute, session_id) VALUES (?, ?, ?)');
    const pair = db.prepare('INSERT OR IGNORE INTO an_pairs (show_id, type, session_id, card_key, product_id, mode) VALUES (?, ?, ?, ?, ?, ?)');
    const quality = db.prepare(
      'INSERT INTO an_quality (show_id, mode, watch_ms, rebuffer_ms) VALUES (?, ?, ?, ?) ON CONFLICT (show_id, mode) DO UPDATE SET watch_ms = watch_ms + excluded.watch_ms, rebuffer_ms = rebuffer_ms + excluded.rebuffer_ms',
    );
    const startup = db.prepare('INSERT OR IGNORE INTO an_startups (show_id, session_id, startup_ms) VALUES (?, ?, ?)');
    // One transaction per batch: the raw rows and the aggregates are written together or not at all, and an
    // event whose id was stored before changes neither.
    this.insertMany = db.transaction((batches: TrackEvent[][], source: TrackSource, at: number) => batches.map((events) => {
      let stored = 0;
      for (const e of events) {
        const type = source === 'client' && e.type === 'purchase' ? 'purchase_signal' : e.type;
        // A playback beat names no product: '' in the column, which the daily rollup groups by.
        const fresh = insert.run(e.showId, e.eventId ?? null, type, e.productId ?? '', e.cardId ?? null, e.sessionId, e.mode, e.mediaMs ?? null, e.value ?? null, at, e.clipId ?? null).changes;
        stored += fresh;
        if (!fresh) continue;
        if (e.type === 'view') view.run(e.showId, e.sessionId, e.mode, e.clipId ?? '');
        else if (e.type === 'heartbeat') {
          heartbeat.run(e.showId, e.mode);
          if (e.mode === 'live' && e.mediaMs !== undefined) liveMinute.run(e.showId, Math.floor(e.mediaMs / 60_000), e.sessionId);
        } else if ((e.type === 'impression' || e.type === 'click' || e.type === 'add_to_cart') && e.productId !== undefined) {
          pair.run(e.showId, e.type, e.sessionId, figures.cardKeyOf(e), e.productId, e.mode);
        } else if (e.type === 'quality') {
          quality.run(e.showId, e.mode, e.watchMs ?? 0, e.rebufferMs ?? 0);
          if (e.startupMs !== undefined) startup.run(e.showId, e.sessionId, e.startupMs);
        }
      }
      return stored;
    }));
    this.aggregateStmts = {
      views: db.prepare<[string], { session_id: string; mode: string; clip_id: string }>('SELECT session_id, mode, clip_id FROM an_views WHERE show_id = ?'),
      heartbeats: db.prepare<[string], { mode: string; n: number }>('SELECT mode, n FROM an_heartbeats WHERE show_id = ?'),
      minutes: db.prepare<[string], { minute: number; session_id: string }>('SELECT minute, session_id FROM an_live_minutes WHERE show_id = ?'),
      pairs: db.prepare<[string], { type: string; session_id: string; card_key: string; product_id: string; mode: string }>('SELECT type, session_id, card_key, product_id, mode FROM an_pairs WHERE show_id = ?'),
      quality: db.prepare<[string], { watch_ms: number | null; rebuffer_ms: number | null }>('SELECT SUM(watch_ms) AS watch_ms, SUM(rebuffer_ms) AS rebuffer_ms FROM an_quality WHERE show_id = ?'),
      startups: db.prepare<[string], { startup_ms: number }>('SELECT startup_ms FROM an_startups WHERE show_id = ?'),
    };
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
    return this.insertMany([events], source, this.clock())[0]!;
  }

  /** Several batches in one transaction (one disk sync for all); answers how many of each were new. */
  recordBatches(batches: TrackEvent[][], source: TrackSource): number[] {
    return this.insertMany(batches, source, this.clock());
  }

  /** The show's analytics aggregates, kept as beacons arrived: the report reads these, never the raw events. */
  aggregates(showId: string): Aggregates {
    type Mode = Aggregates['heartbeats'] extends Record<infer M, number> ? M : never;
    const heartbeats: Aggregates['heartbeats'] = { live: 0, replay: 0, clip: 0 };
    for (const r of this.aggregateStmts.heartbeats.all(showId)) heartbeats[r.mode as Mode] = r.n;
    const q = this.aggregateStmts.quality.get(showId);
    return {
      views: this.aggregateStmts.views.all(showId).map((r) => ({ sessionId: r.session_id, mode: r.mode as Mode, ...(r.clip_id ? { clipId: r.clip_id } : {}) })),
      heartbeats,
      liveMinutes: this.aggregateStmts.minutes.all(showId).map((r) => ({ minute: r.minute, sessionId: r.session_id })),
      pairs: this.aggregateStmts.pairs.all(showId).map((r) => ({ type: r.type as Aggregates['pairs'][number]['type'], sessionId: r.session_id, cardKey: r.card_key, productId: r.product_id, mode: r.mode as Mode })),
      quality: { watchMs: q?.watch_ms ?? 0, rebufferMs: q?.rebuffer_ms ?? 0, startups: this.aggregateStmts.startups.all(showId).map((r) => r.startup_ms) },
    };
  }

  countsByType(showId: string): Record<string, number> {
    return Object.fromEntries(this.countStmt.all(showId, showId).map((r) => [r.type, r.n]));
  }

  /** Rolls raw rows older than `retentionMs` into daily counts and deletes them; answers how many went. */
  rollUp(retentionMs: number): number {
    return this.rollUpTx(this.clock() - retentionMs);
  }
}

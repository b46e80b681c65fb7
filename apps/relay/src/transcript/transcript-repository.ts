// Transcript segments kept with their show: idempotent by segment id, a final replaces its partials.
import type { TranscriptSegment } from '@cuecart/shared';
import type { Db } from '../db/database.js';

export type StoreOutcome = 'new' | 'updated' | 'duplicate';

export class TranscriptRepository {
  private readonly findStmt;
  private readonly upsertStmt;
  private readonly recentStmt;
  private readonly allStmt;

  constructor(db: Db, private readonly clock: () => number = Date.now) {
    this.findStmt = db.prepare<[string, string], { text: string; final: number; start_ms: number; end_ms: number }>(
      'SELECT text, final, start_ms, end_ms FROM transcript_segments WHERE show_id = ? AND segment_id = ?',
    );
    this.upsertStmt = db.prepare(
      `INSERT INTO transcript_segments (show_id, segment_id, start_ms, end_ms, text, final, at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (show_id, segment_id) DO UPDATE SET start_ms = excluded.start_ms, end_ms = excluded.end_ms, text = excluded.text, final = excluded.final, at = excluded.at`,
    );
    this.recentStmt = db.prepare<[string, number], { segment_id: string; start_ms: number; end_ms: number; text: string; final: number }>(
      'SELECT segment_id, start_ms, end_ms, text, final FROM transcript_segments WHERE show_id = ? ORDER BY start_ms DESC LIMIT ?',
    );
    // Rows as arrays (raw): a two-hour show has tens of thousands, and the replay reads them all.
    this.allStmt = db
      .prepare<[string], [string, number, number, string]>('SELECT segment_id, start_ms, end_ms, text FROM transcript_segments WHERE show_id = ? AND final = 1 ORDER BY start_ms, segment_id')
      .raw(true);
  }

  /** Every final segment in time order, for the replay's transcript. */
  all(showId: string): Pick<TranscriptSegment, 'id' | 'startMs' | 'endMs' | 'text'>[] {
    return this.allStmt.all(showId).map(([id, startMs, endMs, text]) => ({ id, startMs, endMs, text }));
  }

  /** A final segment is never overwritten; a partial is replaced by a newer partial or its final. */
  store(showId: string, segment: TranscriptSegment): StoreOutcome {
    const existing = this.findStmt.get(showId, segment.id);
    if (existing) {
      const same = existing.text === segment.text && existing.start_ms === segment.startMs && existing.end_ms === segment.endMs;
      if (existing.final === 1 || (same && !segment.final)) return 'duplicate';
    }
    this.upsertStmt.run(showId, segment.id, segment.startMs, segment.endMs, segment.text, segment.final ? 1 : 0, this.clock());
    return existing ? 'updated' : 'new';
  }

  /** The latest segments in time order, for a console that joins mid-show. */
  recent(showId: string, limit: number): TranscriptSegment[] {
    return this.recentStmt
      .all(showId, limit)
      .reverse()
      .map((r) => ({ id: r.segment_id, startMs: r.start_ms, endMs: r.end_ms, text: r.text, final: r.final === 1 }));
  }
}

// Suggestions with their fate (pending, taken, dismissed, ignored), kept for analytics.
import type { Suggestion } from '@cuecart/shared';
import type { Db } from '../db/database.js';

export type SuggestionFate = 'pending' | 'taken' | 'dismissed' | 'ignored';

export class SuggestionRepository {
  private readonly insertStmt;
  private readonly fateStmt;
  private readonly takeStmt;
  private readonly ignoreStmt;
  private readonly pendingStmt;
  private readonly fatesStmt;
  private readonly mentionsStmt;

  constructor(db: Db, private readonly clock: () => number = Date.now) {
    this.insertStmt = db.prepare(
      'INSERT INTO suggestions (show_id, id, product_id, score, kind, segment_id, text, media_ms, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.fateStmt = db.prepare("UPDATE suggestions SET fate = ?, fate_at = ? WHERE show_id = ? AND id = ? AND fate = 'pending'");
    this.takeStmt = db.prepare("UPDATE suggestions SET fate = 'taken', fate_at = ? WHERE show_id = ? AND product_id = ? AND fate = 'pending'");
    this.ignoreStmt = db.prepare("UPDATE suggestions SET fate = 'ignored', fate_at = ? WHERE show_id = ? AND fate = 'pending' AND at < ?");
    this.pendingStmt = db.prepare<[string, number], { id: string; product_id: string; score: number; segment_id: string; text: string; media_ms: number }>(
      "SELECT id, product_id, score, segment_id, text, media_ms FROM suggestions WHERE show_id = ? AND fate = 'pending' ORDER BY at DESC LIMIT ?",
    );
    this.mentionsStmt = db.prepare<[string], { product_id: string; media_ms: number }>('SELECT product_id, MIN(media_ms) AS media_ms FROM suggestions WHERE show_id = ? GROUP BY product_id');
    this.fatesStmt = db.prepare<[string], { fate: SuggestionFate; n: number }>('SELECT fate, COUNT(*) AS n FROM suggestions WHERE show_id = ? GROUP BY fate');
  }

  add(showId: string, suggestion: Suggestion, kind: string): void {
    this.insertStmt.run(showId, suggestion.id, suggestion.productId, suggestion.score, kind, suggestion.segmentId, suggestion.text, suggestion.mediaMs, this.clock());
  }

  /** Marks one pending suggestion; false when there is no such pending suggestion. */
  setFate(showId: string, id: string, fate: Exclude<SuggestionFate, 'pending'>): boolean {
    return this.fateStmt.run(fate, this.clock(), showId, id).changes > 0;
  }

  /** The producer put the product on air: its pending suggestions were taken. */
  markTaken(showId: string, productId: string): number {
    return this.takeStmt.run(this.clock(), showId, productId).changes;
  }

  /** Pending suggestions older than the cutoff were let go. */
  ignoreOlderThan(showId: string, cutoff: number): number {
    return this.ignoreStmt.run(this.clock(), showId, cutoff).changes;
  }

  pending(showId: string, limit = 20): Suggestion[] {
    return this.pendingStmt.all(showId, limit).map((r) => ({ id: r.id, productId: r.product_id, score: r.score, segmentId: r.segment_id, text: r.text, mediaMs: r.media_ms }));
  }

  /** Each product the matcher heard about, at its first mention (show ms): the replay's mention chapters. */
  mentions(showId: string): { productId: string; mediaMs: number }[] {
    return this.mentionsStmt.all(showId).map((r) => ({ productId: r.product_id, mediaMs: r.media_ms }));
  }

  fates(showId: string): Record<SuggestionFate, number> {
    const counts: Record<SuggestionFate, number> = { pending: 0, taken: 0, dismissed: 0, ignored: 0 };
    for (const row of this.fatesStmt.all(showId)) counts[row.fate] = row.n;
    return counts;
  }
}

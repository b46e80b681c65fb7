// Transcript in, suggestions out: stores each segment, runs the show's mention matcher on it and
// keeps every suggestion with its fate.
import { createHash, randomBytes } from 'node:crypto';
import {
  createMentionTracker,
  indexCatalog,
  type MentionTracker,
  type Suggestion,
  type TranscriptIngestResult,
  type TranscriptSegment,
  type TranscriptSegmentInput,
} from '@cuecart/shared';
import type { Db } from '../db/database.js';
import type { ShowAuthority } from '../shows/show-authority.js';
import { SuggestionRepository } from './suggestion-repository.js';
import { TranscriptRepository } from './transcript-repository.js';

/** A pending suggestion nobody acted on within this long counts as ignored. */
export const IGNORE_AFTER_MS = 60_000;

interface ShowMatcher {
  tracker: MentionTracker;
  lastStartMs: number;
  lastSegmentId: string | undefined;
}

type Listener<T> = (showId: string, value: T) => void;

export class TranscriptService {
  readonly segments: TranscriptRepository;
  readonly suggestions: SuggestionRepository;
  private readonly matchers = new Map<string, ShowMatcher>();
  private readonly transcriptListeners = new Set<Listener<TranscriptSegment>>();
  private readonly suggestionListeners = new Set<Listener<Suggestion>>();
  private readonly inTransaction: <T>(fn: () => T) => T;

  constructor(db: Db, private readonly authority: ShowAuthority, private readonly clock: () => number = Date.now) {
    // One transaction per batch, synced like WAL's NORMAL: a process crash loses nothing, and the speech
    // path skips the fsync that commands pay for (a lost segment on power loss is re-sent by its source).
    this.inTransaction = (fn) => {
      db.pragma('synchronous = NORMAL');
      try {
        return db.transaction(fn)();
      } finally {
        db.pragma('synchronous = FULL');
      }
    };
    this.segments = new TranscriptRepository(db, clock);
    this.suggestions = new SuggestionRepository(db, clock);
    authority.onOverlay((showId, state) => {
      const onAir = state.featured.map((c) => c.productId);
      this.matchers.get(showId)?.tracker.setOnAir(onAir);
      for (const productId of onAir) this.suggestions.markTaken(showId, productId);
    });
    authority.onRundown((showId, rundown) => this.matchers.get(showId)?.tracker.setRundown(rundown));
  }

  /** Takes segments for a show (which must exist). Never throws on odd text; answers what happened to each. */
  ingest(showId: string, inputs: readonly TranscriptSegmentInput[]): TranscriptIngestResult {
    return this.inTransaction(() => this.ingestBatch(showId, inputs));
  }

  private ingestBatch(showId: string, inputs: readonly TranscriptSegmentInput[]): TranscriptIngestResult {
    const result: TranscriptIngestResult = { accepted: 0, duplicates: 0, outOfOrder: 0, empty: 0 };
    // The show has moved on: what nobody took within the window was let go.
    this.suggestions.ignoreOlderThan(showId, this.clock() - IGNORE_AFTER_MS);
    for (const input of inputs) {
      if (input.text.trim() === '') {
        result.empty++;
        continue;
      }
      const segment: TranscriptSegment = { id: input.id ?? derivedId(input), startMs: input.startMs, endMs: input.endMs, text: input.text, final: input.final ?? true };
      if (this.segments.store(showId, segment) === 'duplicate') {
        result.duplicates++;
        continue;
      }
      result.accepted++;
      this.emit(this.transcriptListeners, showId, segment);
      const matcher = this.matcherFor(showId);
      if (!matcher) continue;
      // The matcher reads the show in time order; a late segment is kept and shown, but not matched.
      if (segment.startMs < matcher.lastStartMs && segment.id !== matcher.lastSegmentId) {
        result.outOfOrder++;
        continue;
      }
      matcher.lastStartMs = segment.startMs;
      matcher.lastSegmentId = segment.id;
      this.suggest(showId, segment, matcher);
    }
    return result;
  }

  dismiss(showId: string, suggestionId: string): boolean {
    return this.suggestions.setFate(showId, suggestionId, 'dismissed');
  }

  onTranscript(listener: Listener<TranscriptSegment>): () => void {
    this.transcriptListeners.add(listener);
    return () => this.transcriptListeners.delete(listener);
  }

  onSuggestion(listener: Listener<Suggestion>): () => void {
    this.suggestionListeners.add(listener);
    return () => this.suggestionListeners.delete(listener);
  }

  private suggest(showId: string, segment: TranscriptSegment, matcher: ShowMatcher): void {
    const mentions = matcher.tracker.push(segment);
    for (const mention of mentions) {
      const suggestion: Suggestion = {
        id: `sg-${randomBytes(6).toString('hex')}`,
        productId: mention.productId,
        score: Math.round(mention.score * 1000) / 1000,
        segmentId: segment.id,
        text: mention.text,
        mediaMs: segment.startMs,
      };
      this.suggestions.add(showId, suggestion, mention.kind);
      this.emit(this.suggestionListeners, showId, suggestion);
    }
  }

  /** Built on a show's first segment: indexing a large catalog is work a show that never talks should not pay. */
  private matcherFor(showId: string): ShowMatcher | undefined {
    const existing = this.matchers.get(showId);
    if (existing) return existing;
    const rt = this.authority.get(showId);
    if (!rt) return undefined;
    const tracker = createMentionTracker(indexCatalog(rt.products), { rundown: rt.show.rundown });
    tracker.setOnAir(rt.state.featured.map((c) => c.productId));
    const matcher: ShowMatcher = { tracker, lastStartMs: -1, lastSegmentId: undefined };
    this.matchers.set(showId, matcher);
    return matcher;
  }

  private emit<T>(listeners: Set<Listener<T>>, showId: string, value: T): void {
    for (const listener of listeners) {
      try {
        listener(showId, value);
      } catch {
        // A failing subscriber must not stop ingest.
      }
    }
  }
}

/** Segments posted without an id get one from their content, so a repeated POST is still a duplicate. */
function derivedId(input: TranscriptSegmentInput): string {
  const hash = createHash('sha1').update(`${input.startMs}|${input.endMs}|${input.text}`).digest('hex').slice(0, 12);
  return `auto-${input.startMs}-${hash}`;
}

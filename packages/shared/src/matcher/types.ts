// Public types of the mention matcher.

export type MentionKind = 'exact' | 'partial' | 'asr_error' | 'variant' | 'sku' | 'brand_plus_type';

/** One suggestion: the host is talking about this product now. */
export interface Mention {
  productId: string;
  /** Calibrated confidence in [0, 1]: about this share of suggestions with this score are right (see calibration.ts). */
  score: number;
  /** The words that matched, as heard. */
  text: string;
  kind: MentionKind;
  /** What the score was computed from; only with `explain` (the calibration script). */
  features?: import('./calibration.js').SuggestionFeatures;
}

export interface TrackerOptions {
  /** The show's rundown: a strong prior, not a closed list. */
  rundown?: readonly string[];
  /** Attach each suggestion's features (for fitting the calibration). */
  explain?: boolean;
}

export interface TranscriptSegmentInput {
  id?: string;
  startMs: number;
  endMs: number;
  text: string;
  final?: boolean;
}

export interface MentionTracker {
  /** Feed one transcript segment in time order; returns the suggestions to emit now (usually 0 or 1). */
  push(segment: TranscriptSegmentInput): Mention[];
  /** The producer put a product on air / took it off: nothing is suggested for a product on air. */
  setOnAir(productIds: readonly string[]): void;
  setRundown(productIds: readonly string[]): void;
}

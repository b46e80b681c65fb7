// The product-mention matcher: normalise ASR text, index a catalog, and stream segments into suggestions.
export { normalizeTranscript } from './normalize.js';
export { indexCatalog, type CatalogIndex } from './catalog-index.js';
export { createMentionTracker } from './tracker.js';
export type { Mention, MentionKind, MentionTracker, TrackerOptions, TranscriptSegmentInput } from './types.js';
export { scoreShow, scorePooled, type ScoredShow, type ScoreReport, type Suggestion, type GoldMention } from './score.js';

// @cuecart/shared: the wire contract, the overlay reducer, the analytics figures and the mention matcher.
export * from './contract/index.js';
export * from './overlay/apply-command.js';
export * from './overlay/overlay-order.js';
export * from './format/money.js';
export * from './overlay/offer.js';
export * from './time/show-ms.js';
/** The analytics figures (DESIGN.md "Analytics"), one definition each. */
export * as figures from './analytics/figures.js';
export { cardStretches, type LoggedState } from './analytics/stretches.js';
export type { CardStretch } from './analytics/figures.js';
export { aggregate, analyticsReport, type Aggregates, type AnalyticsReport, type ModeFigures } from './analytics/report.js';
export {
  createMentionTracker,
  indexCatalog,
  normalizeTranscript,
  type CatalogIndex,
  type Mention,
  type MentionKind,
  type MentionTracker,
  type TrackerOptions,
} from './matcher/index.js';
export { airedWindow, replayCards, replayChapters, CHAPTER_JOIN_MS, MENTION_CHAPTER_MS, type Chapter, type ReplayCard, type ReplayMention } from './replay/timeline.js';
export { rng } from './format/rng.js';
export { spokenNumber } from './format/spoken-number.js';

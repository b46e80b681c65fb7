// Suggestions: products the matcher heard, for the producer to take or dismiss.
import { z } from 'zod';
import { ClientId, ExternalId, MediaMs } from './primitives.js';

export const Suggestion = z.object({
  id: ClientId,
  productId: ExternalId,
  score: z.number(),
  segmentId: ClientId,
  /** The words that matched, as heard. */
  text: z.string(),
  mediaMs: MediaMs,
});
export type Suggestion = z.infer<typeof Suggestion>;

export const SuggestionDismiss = z.object({ id: ClientId });
export type SuggestionDismiss = z.infer<typeof SuggestionDismiss>;

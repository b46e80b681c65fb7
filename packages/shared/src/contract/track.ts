// Viewer analytics beacons.
import { z } from 'zod';
import { ClientId, ExternalId, MediaMs, ShowId } from './primitives.js';

export const TrackEventType = z.enum(['impression', 'click', 'add_to_cart', 'checkout', 'purchase']);

export const TrackEvent = z.object({
  /** Client-made; a repeated id (a retried batch) counts once. */
  eventId: ClientId.optional(),
  type: TrackEventType,
  showId: ShowId,
  productId: ExternalId,
  cardId: ClientId.optional(),
  sessionId: ClientId,
  mode: z.enum(['live', 'replay']),
  mediaMs: MediaMs.optional(),
  /** On a client `purchase`: what the page believed it sold. A signal only: revenue comes from recorded orders. */
  value: z.number().finite().min(0).max(1e9).optional(),
});
export type TrackEvent = z.infer<typeof TrackEvent>;

export const MAX_TRACK_BATCH = 100;
export const TrackBody = z.object({ events: z.array(TrackEvent).min(1).max(MAX_TRACK_BATCH) });
export type TrackBody = z.infer<typeof TrackBody>;

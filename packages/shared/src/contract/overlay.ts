// What viewers see: cards on air, a banner and the show status, with the revision `seq`.
import { z } from 'zod';
import { ClientId, displayText, EpochMs, ExternalId, MediaMs, Money, SafeUrl, ShowId } from './primitives.js';

/** The most cards on air at once (Bambuser and Firework use the same cap). */
export const MAX_FEATURED = 3;

export const ShowStatus = z.enum(['scheduled', 'live', 'ended']);
export type ShowStatus = z.infer<typeof ShowStatus>;

export const Badge = displayText(24);

/** A limited-time offer on a card: a line of text, an optional offer price, an optional end. */
export const Offer = z.object({
  text: displayText(80),
  price: Money.optional(),
  endsAt: EpochMs.optional(),
});
export type Offer = z.infer<typeof Offer>;

export const Banner = z.object({ text: displayText(140), endsAt: EpochMs.optional() });
export type Banner = z.infer<typeof Banner>;

export const Card = z.object({
  cardId: ClientId,
  productId: ExternalId,
  title: z.string(),
  price: Money,
  compareAtPrice: Money.optional(),
  imageUrl: SafeUrl.optional(),
  url: SafeUrl.optional(),
  available: z.boolean(),
  badge: Badge.optional(),
  offer: Offer.optional(),
  mediaMs: MediaMs.optional(),
  firedAt: EpochMs,
});
export type Card = z.infer<typeof Card>;

export const OverlayState = z.object({
  showId: ShowId,
  seq: z.number().int().min(0),
  status: ShowStatus,
  featured: z.array(Card).max(MAX_FEATURED),
  banner: Banner.nullable(),
  updatedAt: EpochMs.optional(),
  /** When the show first went live (epoch ms). */
  startedAt: EpochMs.optional(),
  /** When the show ended (epoch ms); cleared when it goes live again. */
  endedAt: EpochMs.optional(),
});
export type OverlayState = z.infer<typeof OverlayState>;

export function emptyOverlay(showId: string, status: ShowStatus = 'scheduled'): OverlayState {
  return { showId, seq: 0, status, featured: [], banner: null };
}

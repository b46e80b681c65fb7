// The rule the card and the cart share: while an offer with a price runs, that price is the one a viewer sees
// on the card and the one the cart charges.
import type { Offer } from '../contract/overlay.js';
import type { Money } from '../contract/primitives.js';

/** The offer's price while it runs (no end, or before its end), else undefined. */
export function runningOfferPrice(offer: Offer | undefined, now: number): Money | undefined {
  if (!offer?.price) return undefined;
  return offer.endsAt === undefined || now < offer.endsAt ? offer.price : undefined;
}

// What a line is charged when it is added: the offer price of the product's card while that offer runs on
// air, else the list price (the variant's where it has one). Pure, so the rule is tested on its own.
import { createHash } from 'node:crypto';
import { runningOfferPrice, type Money, type OverlayState, type Product, type Variant } from '@cuecart/shared';
import type { Result } from './commerce-provider.js';
import type { LineOffer } from './cart-store.js';
import { fail } from './cart-access.js';

export interface Quote {
  lineId: string;
  variant?: Variant | undefined;
  /** Set while an offer with a price runs on the product's card. */
  offer?: LineOffer | undefined;
}

/** The running offer with a price on this product's card, if any: on air, show not ended, not past its end. */
export function runningOffer(state: OverlayState | undefined, productId: string, now: number): LineOffer | undefined {
  if (!state || state.status === 'ended') return undefined;
  const card = state.featured.find((c) => c.productId === productId);
  const offer = card?.offer;
  // The card's own rule (packages/shared): the price it shows is the price charged.
  const price = runningOfferPrice(offer, now);
  if (!offer || !price) return undefined;
  return { price, text: offer.text, ...(offer.endsAt !== undefined ? { endsAt: offer.endsAt } : {}) };
}

/** The variant a shopper named, if it is one of the product's and can be bought; none when none was named. Every store's rule. */
export function namedVariant(product: Product, variantId: string | undefined): Result<Variant | undefined> {
  if (variantId === undefined) return { ok: true, value: undefined };
  if (!product.variants?.length) return fail('invalid', `${product.title} has no variants: add it without a variantId`);
  const variant = product.variants.find((v) => v.id === variantId);
  if (!variant) return fail('not_found', `variant "${variantId}" is not a variant of ${product.title}`);
  if (variant.available === false) return fail('conflict', `${product.title} (${variant.title}) is sold out`);
  return { ok: true, value: variant };
}

export function quoteLine(product: Product, variantId: string | undefined, state: OverlayState | undefined, now: number): Result<Quote> {
  const named = namedVariant(product, variantId);
  if (!named.ok) return named;
  const variant = named.value;
  const offer = runningOffer(state, product.id, now);
  return { ok: true, value: { lineId: lineIdOf(product.id, variant?.id, offer?.price), variant, offer } };
}

/** The list price of a product or one of its variants, as the catalog has it now. */
export function listPrice(product: Product, variantId: string | undefined): Money {
  return product.variants?.find((v) => v.id === variantId)?.price ?? product.price;
}

/** One line per product, variant and charged price: the same add twice grows one line, an offer line stays apart. */
export function lineIdOf(productId: string, variantId: string | undefined, offerPrice: Money | undefined): string {
  const key = JSON.stringify([productId, variantId ?? null, offerPrice ? `${offerPrice.amount} ${offerPrice.currencyCode}` : null]);
  return `ln_${createHash('sha256').update(key).digest('base64url').slice(0, 16)}`;
}

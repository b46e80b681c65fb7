// The overlay reducer: one pure function from (state, command, catalog, now) to the next state or an error.
// The relay's show authority is its one caller: clients never apply commands, they render the states it sends.
import type { Command } from '../contract/commands.js';
import { apiError, type ApiError } from '../contract/errors.js';
import { MAX_FEATURED, type Card, type OverlayState } from '../contract/overlay.js';
import type { CatalogLookup, Product } from '../contract/product.js';

export type ApplyResult = { ok: true; state: OverlayState } | { ok: false; error: ApiError };

/** Commands that still work after the show has ended: making the air empty, or reopening the show. */
const ALLOWED_WHEN_ENDED: ReadonlySet<Command['type']> = new Set(['clear', 'banner.clear', 'status']);

export function applyCommand(state: OverlayState, command: Command, catalog: CatalogLookup, now: number): ApplyResult {
  if (state.status === 'ended' && !ALLOWED_WHEN_ENDED.has(command.type)) {
    return fail('conflict', `the show has ended: set its status to "live" before sending "${command.type}"`);
  }
  const current = dropExpired(state, now);
  switch (command.type) {
    case 'feature': {
      const product = catalog.get(command.productId);
      if (!product) return fail('not_found', `product "${command.productId}" is not in this show's catalog`);
      if (command.offer?.endsAt !== undefined && command.offer.endsAt <= now) {
        return fail('invalid', 'offer.endsAt is in the past: give an end time in the future or none');
      }
      const card = cardFor(product, command, now);
      const exclusive = command.exclusive ?? true;
      const others = exclusive ? [] : current.featured.filter((c) => c.productId !== product.id);
      // Past the cap the card that has been on air longest makes room for the new one.
      const featured = [...others, card].slice(-MAX_FEATURED);
      return next(current, { featured }, now);
    }
    case 'unfeature': {
      if (!current.featured.some((c) => c.productId === command.productId)) {
        return fail('not_found', `product "${command.productId}" is not on air`);
      }
      return next(current, { featured: current.featured.filter((c) => c.productId !== command.productId) }, now);
    }
    case 'clear':
      return next(current, { featured: [] }, now);
    case 'banner': {
      if (command.endsAt !== undefined && command.endsAt <= now) {
        return fail('invalid', 'endsAt is in the past: give an end time in the future or none');
      }
      return next(current, { banner: command.endsAt === undefined ? { text: command.text } : { text: command.text, endsAt: command.endsAt } }, now);
    }
    case 'banner.clear':
      return next(current, { banner: null }, now);
    case 'status':
      // Ending the show takes everything off air, so a replay never opens on a stale card.
      // The first go-live is when the show started; the latest end is when it ended (a reopened show has not).
      return next(current, { ...statusChange(current, command.status, now), ...(command.status === 'ended' ? { featured: [], banner: null } : {}) }, now);
  }
}

function statusChange(current: OverlayState, status: OverlayState['status'], now: number): Partial<OverlayState> {
  const change: Partial<OverlayState> = { status };
  if (status !== 'scheduled' && current.startedAt === undefined) change.startedAt = now;
  if (status === 'ended') change.endedAt = current.status === 'ended' && current.endedAt !== undefined ? current.endedAt : now;
  else change.endedAt = undefined;
  return change;
}

function cardFor(product: Product, command: Extract<Command, { type: 'feature' }>, now: number): Card {
  const card: Card = {
    cardId: command.id,
    productId: product.id,
    title: product.title,
    price: product.price,
    available: product.available,
    firedAt: now,
  };
  if (product.compareAtPrice) card.compareAtPrice = product.compareAtPrice;
  if (product.imageUrl) card.imageUrl = product.imageUrl;
  if (product.url) card.url = product.url;
  if (command.badge !== undefined) card.badge = command.badge;
  if (command.offer !== undefined) card.offer = command.offer;
  if (command.mediaMs !== undefined) card.mediaMs = command.mediaMs;
  return card;
}

/** Offers and banners past their end are gone from the next state. */
function dropExpired(state: OverlayState, now: number): OverlayState {
  const bannerExpired = state.banner?.endsAt !== undefined && state.banner.endsAt <= now;
  const offerExpired = state.featured.some((c) => c.offer?.endsAt !== undefined && c.offer.endsAt <= now);
  if (!bannerExpired && !offerExpired) return state;
  return {
    ...state,
    banner: bannerExpired ? null : state.banner,
    featured: offerExpired ? state.featured.map((c) => (c.offer?.endsAt !== undefined && c.offer.endsAt <= now ? withoutOffer(c) : c)) : state.featured,
  };
}

function withoutOffer(card: Card): Card {
  const { offer: _offer, ...rest } = card;
  return rest;
}

function next(state: OverlayState, change: Partial<OverlayState>, now: number): ApplyResult {
  return { ok: true, state: { ...state, ...change, seq: state.seq + 1, updatedAt: now } };
}

function fail(code: ApiError['code'], message: string): ApplyResult {
  return { ok: false, error: apiError(code, message) };
}

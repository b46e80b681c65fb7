// Who may touch a cart, the same for every store: only the session that made it, and only until it is ordered.
import { apiError } from '@cuecart/shared';
import type { CartRecord, CartStore } from './cart-store.js';
import type { Result } from './commerce-provider.js';

export const fail = <T>(code: Parameters<typeof apiError>[0], message: string): Result<T> => ({ ok: false, error: apiError(code, message) });

/** The cart, if it exists and this session made it. Another session's cart is as good as missing. */
export async function ownCart(store: CartStore, cartId: string, sessionId: string | undefined): Promise<Result<CartRecord>> {
  if (!sessionId) return fail('invalid', 'send the X-Cuecart-Session header with the sessionId that created this cart');
  const record = await store.cart(cartId);
  if (!record || record.sessionId !== sessionId) return fail('not_found', `cart "${cartId}" does not exist for this session: create a new one`);
  return { ok: true, value: record };
}

/** The cart, as `ownCart`, and not ordered yet: an ordered cart takes no more changes. */
export async function openCart(store: CartStore, cartId: string, sessionId: string | undefined): Promise<Result<CartRecord>> {
  const own = await ownCart(store, cartId, sessionId);
  if (!own.ok) return own;
  if (await store.order(cartId)) return fail('conflict', 'this cart has been ordered already: start a new cart');
  return own;
}

// The commerce routes of the relay, as the player calls them, speaking for the viewer's session (a cart
// answers only the session that made it).
import type { AddLineBody, Cart, CART_SESSION_HEADER, CheckoutStart, Order, PlaceOrderBody, ShoppingMode } from '@cuecart/shared';
import { relayUrl } from '../config/urls.js';
import { requestJson } from '../api/relay-http.js';

/** The shared contract's header name, checked by its type, without pulling the contract's schemas into the embed. */
const SESSION_HEADER: typeof CART_SESSION_HEADER = 'x-cuecart-session';

export function createCartApi(relay: string, show: string, sessionId: string) {
  const url = (path: string) => relayUrl(relay, path);
  const cart = (cartId: string) => `/api/carts/${encodeURIComponent(cartId)}`;
  const headers = { [SESSION_HEADER]: sessionId };
  return {
    create: (mode: ShoppingMode) => requestJson<Cart>(url(`/api/shows/${encodeURIComponent(show)}/carts`), { method: 'POST', body: { sessionId, mode } }),
    get: (cartId: string) => requestJson<Cart>(url(cart(cartId)), { headers }),
    addLine: (cartId: string, body: AddLineBody) => requestJson<Cart>(url(`${cart(cartId)}/lines`), { method: 'POST', body, headers }),
    setQuantity: (cartId: string, lineId: string, quantity: number) =>
      requestJson<Cart>(url(`${cart(cartId)}/lines/${encodeURIComponent(lineId)}`), { method: 'PATCH', body: { quantity }, headers }),
    checkout: (cartId: string) => requestJson<CheckoutStart>(url(`${cart(cartId)}/checkout`), { method: 'POST', body: {}, headers }),
    placeOrder: (cartId: string, body: PlaceOrderBody) => requestJson<Order>(url(`${cart(cartId)}/orders`), { method: 'POST', body, headers }),
  };
}

export type CartApi = ReturnType<typeof createCartApi>;

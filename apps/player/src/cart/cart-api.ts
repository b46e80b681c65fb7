// The commerce routes of the relay, as the player calls them.
import type { AddLineBody, Cart, CheckoutStart, Order, PlaceOrderBody } from '@cuecart/shared';
import { relayUrl } from '../config/urls.js';
import { requestJson } from '../api/relay-http.js';

export function createCartApi(relay: string, show: string) {
  const url = (path: string) => relayUrl(relay, path);
  const cart = (cartId: string) => `/api/carts/${encodeURIComponent(cartId)}`;
  return {
    create: (sessionId: string) => requestJson<Cart>(url(`/api/shows/${encodeURIComponent(show)}/carts`), { method: 'POST', body: { sessionId } }),
    get: (cartId: string) => requestJson<Cart>(url(cart(cartId))),
    addLine: (cartId: string, body: AddLineBody) => requestJson<Cart>(url(`${cart(cartId)}/lines`), { method: 'POST', body }),
    setQuantity: (cartId: string, productId: string, quantity: number) =>
      requestJson<Cart>(url(`${cart(cartId)}/lines/${encodeURIComponent(productId)}`), { method: 'PATCH', body: { quantity } }),
    checkout: (cartId: string) => requestJson<CheckoutStart>(url(`${cart(cartId)}/checkout`), { method: 'POST', body: {} }),
    placeOrder: (cartId: string, body: PlaceOrderBody) => requestJson<Order>(url(`${cart(cartId)}/orders`), { method: 'POST', body }),
  };
}

export type CartApi = ReturnType<typeof createCartApi>;

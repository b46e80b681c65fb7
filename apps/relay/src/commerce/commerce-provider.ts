// What the cart routes need from a store. The embedded demo store implements it; Shopify will too.
import type { AddLineBody, ApiError, Cart, CheckoutStart, Order, PlaceOrderBody } from '@cuecart/shared';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface CommerceProvider {
  createCart(showId: string, sessionId: string): Result<Cart>;
  getCart(cartId: string): Result<Cart>;
  addLine(cartId: string, line: Required<Pick<AddLineBody, 'productId' | 'quantity'>> & Pick<AddLineBody, 'variantId' | 'cardId'>): Result<Cart>;
  updateLine(cartId: string, productId: string, quantity: number): Result<Cart>;
  startCheckout(cartId: string): Result<CheckoutStart>;
  /** Stores with an inline checkout only (the demo store); a redirecting store takes orders on its own page. */
  placeOrder(cartId: string, body: Required<PlaceOrderBody>): Result<{ order: Order; created: boolean }>;
  orders(showId: string): Order[];
}

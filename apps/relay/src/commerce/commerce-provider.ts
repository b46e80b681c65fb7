// What the cart routes need from a store: the embedded demo store and Shopify implement it, and the router
// (commerce-router.ts) picks one per show. Every cart operation names the session asking: a cart answers only
// the session that made it. `buyerIp` is the shopper's address, which a store's private API asks for.
import type { ApiError, Cart, CheckoutStart, Order, PlaceOrderBody, ShoppingMode } from '@cuecart/shared';

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface NewLine {
  productId: string;
  quantity: number;
  variantId?: string | undefined;
  cardId?: string | undefined;
}

export interface CommerceProvider {
  createCart(showId: string, sessionId: string, mode?: ShoppingMode, buyerIp?: string): Promise<Result<Cart>>;
  getCart(cartId: string, sessionId: string | undefined, buyerIp?: string): Promise<Result<Cart>>;
  /** The show a cart belongs to, for the origin check that runs before any session is known. */
  cartShow(cartId: string): Promise<string | undefined>;
  addLine(cartId: string, sessionId: string | undefined, line: NewLine, buyerIp?: string): Promise<Result<Cart>>;
  /** `lineId`, or a product id when the cart holds one line of that product. */
  updateLine(cartId: string, sessionId: string | undefined, lineId: string, quantity: number, buyerIp?: string): Promise<Result<Cart>>;
  startCheckout(cartId: string, sessionId: string | undefined, buyerIp?: string): Promise<Result<CheckoutStart>>;
  /** Stores with an inline checkout only (the demo store); a redirecting store takes orders on its own page. */
  placeOrder(cartId: string, sessionId: string | undefined, body: Required<PlaceOrderBody>): Promise<Result<{ order: Order; created: boolean }>>;
  /** Orders the relay itself recorded for the show (net of refunds): the only source of orders and revenue in analytics. */
  orders(showId: string): Promise<Order[]>;
}

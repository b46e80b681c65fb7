// Where the stores keep carts, lines, orders and refunds: the relay's SQLite, or Redis in a cluster so that a
// cart made on one relay is the same cart on every other.
import type { Money, Order, Refund, ShoppingMode } from '@cuecart/shared';

export interface CartRecord {
  id: string;
  showId: string;
  /** The session that made the cart: every later request on it must name the same one. */
  sessionId: string;
  mode?: ShoppingMode | undefined;
  createdAt: number;
  /** The store's own cart id, for carts a store keeps itself (a Shopify cart GID). */
  externalId?: string | undefined;
}

/** The offer a line was added under: its price is kept for that line after the offer ends. */
export interface LineOffer {
  price: Money;
  text: string;
  endsAt?: number | undefined;
}

export interface StoredLine {
  lineId: string;
  productId: string;
  variantId?: string | undefined;
  quantity: number;
  cardId?: string | undefined;
  offer?: LineOffer | undefined;
  addedAt: number;
}

export interface CartStore {
  createCart(cart: CartRecord): Promise<void>;
  cart(cartId: string): Promise<CartRecord | undefined>;
  /** In the order they were first added. */
  lines(cartId: string): Promise<StoredLine[]>;
  /** Adds to the line's quantity (capped at `maxQuantity`), or inserts it. */
  addLine(cartId: string, line: StoredLine, maxQuantity: number): Promise<void>;
  /** 0 removes the line. */
  setQuantity(cartId: string, lineId: string, quantity: number): Promise<void>;
  order(cartId: string): Promise<Order | undefined>;
  /** Stores the cart's order unless it already has one; answers the order that stands (the first wins). */
  insertOrder(order: Order): Promise<{ order: Order; created: boolean }>;
  orders(showId: string): Promise<Order[]>;
  /** Stores a store refund unless its id was stored before; answers whether it is new. */
  insertRefund(refund: Refund): Promise<boolean>;
  refunds(showId: string): Promise<Refund[]>;
  /** True the first time a webhook delivery id is seen, false for a repeat (kept at least a week). */
  firstDelivery(eventId: string, at: number): Promise<boolean>;
}

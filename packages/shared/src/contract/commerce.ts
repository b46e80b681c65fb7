// The cart inside the video: REST bodies of the commerce routes. The relay puts a provider behind
// them (the embedded demo store now, Shopify later); the player only ever speaks this contract.
import { z } from 'zod';
import { ClientId, EpochMs, ExternalId, Money, SafeUrl, ShowId } from './primitives.js';

export const MAX_LINE_QUANTITY = 99;

/**
 * Every request on a cart after its creation carries this header with the `sessionId` that created it: a cart
 * id alone (seen in a log, a store's admin, a shared link) gives no access to the cart or its order.
 */
export const CART_SESSION_HEADER = 'x-cuecart-session';

export const ShoppingMode = z.enum(['live', 'replay', 'clip']);
export type ShoppingMode = z.infer<typeof ShoppingMode>;

/** POST /api/shows/:id/carts */
export const CreateCartBody = z.object({ sessionId: ClientId, mode: ShoppingMode.optional() });
export type CreateCartBody = z.infer<typeof CreateCartBody>;

/** POST /api/carts/:cartId/lines — adds to the line's quantity. */
export const AddLineBody = z.object({
  productId: ExternalId,
  variantId: ExternalId.optional(),
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY).default(1),
  /** The card the shopper tapped, for attribution. */
  cardId: ClientId.optional(),
});
export type AddLineBody = z.input<typeof AddLineBody>;

/** PATCH /api/carts/:cartId/lines/:lineId (or a product id, when the cart has one line of it) — 0 removes the line. */
export const UpdateLineBody = z.object({ quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY) });
export type UpdateLineBody = z.infer<typeof UpdateLineBody>;

/**
 * Which price a line is charged: `list` follows the catalog (the variant's price where it has one); `offer` is
 * the offer price of the card that was on air when the line was added, kept for that line.
 */
export const PriceSource = z.enum(['list', 'offer']);
export type PriceSource = z.infer<typeof PriceSource>;

export const CartLine = z.object({
  /** Names the line in PATCH /api/carts/:cartId/lines/:lineId: one per product, variant and price. */
  lineId: ClientId,
  productId: ExternalId,
  variantId: ExternalId.optional(),
  title: z.string(),
  /** The unit price this line is charged. */
  price: Money,
  priceSource: PriceSource,
  /** With an offer price: the list price it replaces, the offer's text and when the offer ended or ends. */
  listPrice: Money.optional(),
  offerText: z.string().optional(),
  offerEndsAt: EpochMs.optional(),
  variantTitle: z.string().optional(),
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  imageUrl: SafeUrl.optional(),
  available: z.boolean(),
  /** On an order: the card the line was sold from, for attribution. */
  cardId: ClientId.optional(),
});
export type CartLine = z.infer<typeof CartLine>;

export const Cart = z.object({
  id: ClientId,
  showId: ShowId,
  lines: z.array(CartLine),
  subtotal: Money,
  itemCount: z.number().int(),
});
export type Cart = z.infer<typeof Cart>;

/** POST /api/carts/:cartId/checkout → how this store checks out: inside the player, or on the store's page. */
export const CheckoutStart = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('inline'), cart: Cart }),
  z.object({ kind: z.literal('redirect'), url: z.string().url() }),
]);
export type CheckoutStart = z.infer<typeof CheckoutStart>;

/** POST /api/carts/:cartId/orders — the demo store's inline checkout form. */
export const PlaceOrderBody = z.object({
  email: z.string().trim().email().max(254),
  name: z.string().trim().min(1).max(120),
  mode: ShoppingMode.default('live'),
});
export type PlaceOrderBody = z.input<typeof PlaceOrderBody>;

export const Order = z.object({
  id: ClientId,
  showId: ShowId,
  cartId: ClientId,
  lines: z.array(CartLine),
  total: Money,
  /** Where the shopper was when they bought. Orders from before this field count as live. */
  mode: ShoppingMode.optional(),
  /** The viewer session that bought, for attribution (a store order placed outside the player has none). */
  sessionId: ClientId.optional(),
  /** The buyer's details: only in the answer that created the order, never in a repeated answer. */
  email: z.string().optional(),
  name: z.string().optional(),
  createdAt: EpochMs,
  /** Where the order was taken: the demo store's inline checkout, or a store's own checkout reported by webhook. */
  source: z.enum(['demo', 'shopify']).optional(),
  /** The store's own order id (Shopify's order GID). */
  externalId: z.string().max(256).optional(),
  /** What has been refunded of it so far; revenue counts `total − refunded`. */
  refunded: Money.optional(),
});
export type Order = z.infer<typeof Order>;

/** A refund of a store order, recorded once per refund id. */
export const Refund = z.object({
  id: z.string().min(1).max(256),
  showId: ShowId,
  orderId: ClientId,
  amount: Money,
  createdAt: EpochMs,
});
export type Refund = z.infer<typeof Refund>;

/**
 * How a show's store is doing, for the console: when its prices and stock were last confirmed and, while
 * it fails (down, slow, token revoked), what is wrong. Cards keep their last known values meanwhile.
 */
export const StoreStatus = z.object({
  provider: z.literal('shopify'),
  shopDomain: z.string(),
  ok: z.boolean(),
  /** When the store last answered with the show's prices and stock. */
  checkedAt: EpochMs.optional(),
  message: z.string().optional(),
  failingSince: EpochMs.optional(),
  nextTryAt: EpochMs.optional(),
  /** Whether the token may read inventory counts (without it, only in stock or sold out is known). */
  inventory: z.boolean().optional(),
});
export type StoreStatus = z.infer<typeof StoreStatus>;

/** POST /api/commerce/shopify/test: what a store connection gives, or the error that says what is wrong. */
export interface ShopifyConnectionReport {
  shopName: string;
  shopDomain: string;
  currencyCode: string;
  productCount: number;
  /** False: the token lacks unauthenticated_read_product_inventory; cards show in stock or sold out only. */
  inventory: boolean;
  collection?: string;
  /** What to do about anything that works but could be better. */
  notes: string[];
}

/**
 * POST /api/shows/:id/restock-alerts — "notify me when it's back" for a sold-out product: the shopper's email,
 * kept with the show for that alone, and only with their consent.
 */
export const RestockAlertBody = z.object({
  productId: ExternalId,
  email: z.string().trim().toLowerCase().email('that email address does not look right: check it for typos').max(254),
  consent: z.literal(true, { error: 'tick the box to agree that we keep your email to tell you when it is back' }),
});
export type RestockAlertBody = z.input<typeof RestockAlertBody>;

/** GET /api/shows/:id/restock-alerts (producer): who is waiting for which product. */
export const RestockAlerts = z.array(
  z.object({ productId: ExternalId, title: z.string(), waiting: z.array(z.object({ email: z.string(), at: EpochMs })) }),
);
export type RestockAlerts = z.infer<typeof RestockAlerts>;

// The cart inside the video: REST bodies of the commerce routes. The relay puts a provider behind
// them (the embedded demo store now, Shopify later); the player only ever speaks this contract.
import { z } from 'zod';
import { ClientId, EpochMs, ExternalId, Money, SafeUrl, ShowId } from './primitives.js';

export const MAX_LINE_QUANTITY = 99;

/** POST /api/shows/:id/carts */
export const CreateCartBody = z.object({ sessionId: ClientId });
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

/** PATCH /api/carts/:cartId/lines/:productId — 0 removes the line. */
export const UpdateLineBody = z.object({ quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY) });
export type UpdateLineBody = z.infer<typeof UpdateLineBody>;

export const CartLine = z.object({
  productId: ExternalId,
  variantId: ExternalId.optional(),
  title: z.string(),
  price: Money,
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
  imageUrl: SafeUrl.optional(),
  available: z.boolean(),
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
  mode: z.enum(['live', 'replay']).default('live'),
});
export type PlaceOrderBody = z.input<typeof PlaceOrderBody>;

export const Order = z.object({
  id: ClientId,
  showId: ShowId,
  cartId: ClientId,
  lines: z.array(CartLine),
  total: Money,
  email: z.string(),
  name: z.string(),
  createdAt: EpochMs,
});
export type Order = z.infer<typeof Order>;

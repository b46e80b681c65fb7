// A show's cart in the brand's own Shopify store: the relay keeps which session made which cart and talks to
// Shopify (cartCreate, cartLinesAdd, cartLinesUpdate) with the attributes that attribute the order to the show,
// session, mode and card. Checkout is Shopify's own page (a redirect to the cart's checkoutUrl). Orders come
// back by webhook (shopify-webhooks.ts).
import { randomBytes } from 'node:crypto';
import { MAX_LINE_QUANTITY, type Cart, type CartLine, type CheckoutStart, type Order, type Product, type ShoppingMode } from '@cuecart/shared';
import type { ShowAuthority } from '../../shows/show-authority.js';
import { fail, openCart, ownCart } from '../cart-access.js';
import type { CartRecord, CartStore } from '../cart-store.js';
import type { CommerceProvider, NewLine, Result } from '../commerce-provider.js';
import { moneyOf } from '../money.js';
import { lineIdOf, namedVariant } from '../pricing.js';
import { storefrontError } from './shopify-catalog.js';
import type { ShopifyShops } from './shopify-shops.js';
import type { StorefrontResult } from './storefront-client.js';

/** The attributes DESIGN.md names; `_cuecart_cart` also names Cuecart's cart, so an order finds it. */
export const ATTR = { show: '_cuecart_show', session: '_cuecart_session', mode: '_cuecart_mode', cart: '_cuecart_cart', card: '_cuecart_card' } as const;

interface MoneyNode {
  amount: string;
  currencyCode: string;
}

export interface CartNode {
  id: string;
  checkoutUrl: string;
  totalQuantity: number;
  attributes: { key: string; value: string }[];
  cost: { subtotalAmount: MoneyNode };
  lines: {
    nodes: {
      id: string;
      quantity: number;
      attributes: { key: string; value: string }[];
      cost: { amountPerQuantity: MoneyNode };
      merchandise: { id?: string; title?: string; availableForSale?: boolean; image?: { url: string } | null; product?: { id: string; title: string } };
    }[];
  };
}

interface CartPayload {
  cart: CartNode | null;
  userErrors: { field: string[] | null; message: string; code: string | null }[];
  warnings: { code: string; message: string }[];
}

/** Called when Shopify says a product is sold out: the show's catalog should learn it at once. */
export type SoldOutHint = (showId: string, productId: string) => void;

export class ShopifyStore implements CommerceProvider {
  constructor(
    private readonly store: CartStore,
    private readonly authority: ShowAuthority,
    private readonly shops: ShopifyShops,
    private readonly onSoldOut: SoldOutHint = () => undefined,
    private readonly clock: () => number = Date.now,
  ) {}

  async createCart(showId: string, sessionId: string, mode?: ShoppingMode, buyerIp?: string): Promise<Result<Cart>> {
    const client = this.shops.clientFor(showId);
    if (!client) return fail('not_found', `show "${showId}" does not exist`);
    const id = `cart_${randomBytes(12).toString('base64url')}`;
    const attributes = [
      { key: ATTR.show, value: showId },
      { key: ATTR.session, value: sessionId },
      { key: ATTR.mode, value: mode ?? 'live' },
      { key: ATTR.cart, value: id },
    ];
    const answer = await client.request<{ cartCreate: CartPayload }>('cartCreate', { input: { attributes } }, buyerIp);
    const created = this.payload(answer, (d) => d.cartCreate);
    if (!created.ok) return created;
    const record: CartRecord = { id, showId, sessionId, mode, createdAt: this.clock(), externalId: created.value.cart.id };
    await this.store.createCart(record);
    return { ok: true, value: this.view(record, created.value.cart) };
  }

  async getCart(cartId: string, sessionId: string | undefined, buyerIp?: string): Promise<Result<Cart>> {
    const own = await ownCart(this.store, cartId, sessionId);
    if (!own.ok) return own;
    const node = await this.fetchCart(own.value, buyerIp);
    return node.ok ? { ok: true, value: this.view(own.value, node.value) } : node;
  }

  async cartShow(cartId: string): Promise<string | undefined> {
    return (await this.store.cart(cartId))?.showId;
  }

  async addLine(cartId: string, sessionId: string | undefined, line: NewLine, buyerIp?: string): Promise<Result<Cart>> {
    const own = await openCart(this.store, cartId, sessionId);
    if (!own.ok) return own;
    const record = own.value;
    const product = this.authority.get(record.showId)?.catalog.get(line.productId);
    if (!product) return fail('not_found', `product "${line.productId}" is not in this show's catalog`);
    const variant = pickVariant(product, line.variantId);
    if (!variant.ok) return variant;
    const client = this.shops.clientFor(record.showId);
    if (!client) return fail('not_found', `show "${record.showId}" does not exist`);
    const current = await this.fetchCart(record, buyerIp);
    if (!current.ok) return current;
    // One line per variant: a second add grows it (the first card that sold it keeps the attribution).
    const existing = current.value.lines.nodes.find((l) => l.merchandise.id === variant.value);
    type Changed = { cartLinesUpdate?: CartPayload; cartLinesAdd?: CartPayload };
    const answer = existing
      ? await client.request<Changed>('cartLinesUpdate', { cartId: record.externalId, lines: [{ id: existing.id, quantity: Math.min(MAX_LINE_QUANTITY, existing.quantity + line.quantity) }] }, buyerIp)
      : await client.request<Changed>(
          'cartLinesAdd',
          { cartId: record.externalId, lines: [{ merchandiseId: variant.value, quantity: line.quantity, attributes: line.cardId ? [{ key: ATTR.card, value: line.cardId }] : [] }] },
          buyerIp,
        );
    const changed = this.payload(answer, (d) => d.cartLinesUpdate ?? d.cartLinesAdd);
    if (!changed.ok) return changed;
    if (changed.value.warnings.some((w) => w.code === 'MERCHANDISE_OUT_OF_STOCK')) {
      this.onSoldOut(record.showId, product.id);
      return fail('conflict', `${product.title}${variantLabel(product, variant.value)} is sold out`);
    }
    return { ok: true, value: this.view(record, changed.value.cart) };
  }

  async updateLine(cartId: string, sessionId: string | undefined, lineId: string, quantity: number, buyerIp?: string): Promise<Result<Cart>> {
    const own = await openCart(this.store, cartId, sessionId);
    if (!own.ok) return own;
    const record = own.value;
    const current = await this.fetchCart(record, buyerIp);
    if (!current.ok) return current;
    const lines = current.value.lines.nodes;
    const byId = lines.find((l) => l.merchandise.product && lineIdOf(l.merchandise.product.id, l.merchandise.id, undefined) === lineId);
    const byProduct = lines.filter((l) => l.merchandise.product?.id === lineId);
    const target = byId ?? (byProduct.length === 1 ? byProduct[0] : undefined);
    if (!target) {
      if (byProduct.length > 1) return fail('invalid', `this cart has ${byProduct.length} lines of product "${lineId}": name the line by its lineId`);
      return fail('not_found', `"${lineId}" is not a line of this cart`);
    }
    const client = this.shops.clientFor(record.showId);
    if (!client) return fail('not_found', `show "${record.showId}" does not exist`);
    const answer = await client.request<{ cartLinesUpdate: CartPayload }>('cartLinesUpdate', { cartId: record.externalId, lines: [{ id: target.id, quantity }] }, buyerIp);
    const changed = this.payload(answer, (d) => d.cartLinesUpdate);
    return changed.ok ? { ok: true, value: this.view(record, changed.value.cart) } : changed;
  }

  async startCheckout(cartId: string, sessionId: string | undefined, buyerIp?: string): Promise<Result<CheckoutStart>> {
    const own = await ownCart(this.store, cartId, sessionId);
    if (!own.ok) return own;
    const node = await this.fetchCart(own.value, buyerIp);
    if (!node.ok) return node;
    if (node.value.totalQuantity === 0) return fail('invalid', 'the cart is empty: add a product first');
    return { ok: true, value: { kind: 'redirect', url: node.value.checkoutUrl } };
  }

  async placeOrder(): Promise<Result<{ order: Order; created: boolean }>> {
    return fail('invalid', "this show's store checks out on its own page: POST /api/carts/:cartId/checkout answers the checkout URL to open");
  }

  async orders(showId: string): Promise<Order[]> {
    return this.store.orders(showId);
  }

  private async fetchCart(record: CartRecord, buyerIp: string | undefined): Promise<Result<CartNode>> {
    const client = this.shops.clientFor(record.showId);
    if (!client || !record.externalId) return fail('not_found', `cart "${record.id}" does not exist for this session: create a new one`);
    const answer = await client.request<{ cart: CartNode | null }>('cart', { id: record.externalId }, buyerIp);
    if (!answer.ok) return unavailable(answer.failure.message, storefrontError(answer.failure).code);
    if (!answer.data.cart) return fail('not_found', `the store no longer has cart "${record.id}" (Shopify drops carts after checkout or some days): create a new one`);
    return { ok: true, value: answer.data.cart };
  }

  /** A mutation's payload with its cart, or its first user error as a message a shopper can act on. */
  private payload<D>(answer: StorefrontResult<D>, pick: (data: D) => CartPayload | undefined): Result<CartPayload & { cart: CartNode }> {
    if (!answer.ok) return unavailable(answer.failure.message, storefrontError(answer.failure).code);
    const payload = pick(answer.data);
    const error = payload?.userErrors[0];
    if (error) return fail(error.code === 'INVALID' && /does not exist/.test(error.message) ? 'not_found' : 'invalid', `the store refused the change: ${error.message}`);
    if (!payload?.cart) return fail('unavailable', 'the store answered without a cart: try again');
    return { ok: true, value: { ...payload, cart: payload.cart } };
  }

  private view(record: CartRecord, node: CartNode): Cart {
    const catalog = this.authority.get(record.showId)?.catalog;
    const lines: CartLine[] = node.lines.nodes.flatMap((l) => {
      const m = l.merchandise;
      if (!m.id || !m.product) return [];
      const product = catalog?.get(m.product.id);
      const line: CartLine = {
        lineId: lineIdOf(m.product.id, m.id, undefined),
        productId: m.product.id,
        variantId: m.id,
        title: m.product.title,
        price: moneyOf(l.cost.amountPerQuantity.amount, l.cost.amountPerQuantity.currencyCode),
        priceSource: 'list',
        quantity: Math.max(1, Math.min(MAX_LINE_QUANTITY, l.quantity)),
        available: m.availableForSale !== false,
      };
      if (m.title && m.title !== 'Default Title') line.variantTitle = m.title;
      const image = m.image?.url ?? product?.imageUrl;
      if (image) line.imageUrl = image;
      return [line];
    });
    const subtotal = node.cost.subtotalAmount;
    return { id: record.id, showId: record.showId, lines, subtotal: moneyOf(subtotal.amount, subtotal.currencyCode), itemCount: node.totalQuantity };
  }
}

/** The variant to put in the cart: the one named (the stores' common rule), or the product's only one. */
export function pickVariant(product: Product, variantId: string | undefined): Result<string> {
  const variants = product.variants ?? [];
  if (variantId === undefined) {
    if (variants.length === 1) return variants[0]!.available === false ? fail('conflict', `${product.title} is sold out`) : { ok: true, value: variants[0]!.id };
    if (variants.length === 0) return fail('invalid', `${product.title} has no variants in the store: it cannot be added`);
    return fail('invalid', `${product.title} comes in ${variants.length} variants: choose one (send its variantId)`);
  }
  const named = namedVariant(product, variantId);
  if (!named.ok) return named;
  if (!product.available) return fail('conflict', `${product.title} (${named.value!.title}) is sold out`);
  return { ok: true, value: named.value!.id };
}

function variantLabel(product: Product, variantId: string): string {
  const v = product.variants?.find((x) => x.id === variantId);
  return v && v.title !== 'Default Title' ? ` (${v.title})` : '';
}

function unavailable<T>(message: string, code: Parameters<typeof fail>[0]): Result<T> {
  return fail(code, `${message}. Your cart is kept`);
}

// The embedded demo store: carts and orders in the relay's own store (SQLite, or Redis in a cluster), priced
// from the show's catalog and its cards on air, with an inline checkout, so the whole shopping loop runs offline.
import { randomBytes } from 'node:crypto';
import { MAX_LINE_QUANTITY, type Cart, type CartLine, type Order, type Product, type ShoppingMode } from '@cuecart/shared';
import type { ShowAuthority } from '../shows/show-authority.js';
import type { TrackRepository } from '../analytics/track-repository.js';
import type { CartRecord, CartStore, StoredLine } from './cart-store.js';
import type { CommerceProvider, NewLine, Result } from './commerce-provider.js';
import { fail, openCart, ownCart } from './cart-access.js';
import { fromUnits, times } from './money.js';
import { lineIdOf, listPrice, quoteLine, runningOffer } from './pricing.js';


export class DemoStore implements CommerceProvider {
  constructor(
    private readonly store: CartStore,
    private readonly authority: ShowAuthority,
    private readonly track: TrackRepository,
    private readonly clock: () => number = Date.now,
  ) {}

  async createCart(showId: string, sessionId: string, mode?: ShoppingMode): Promise<Result<Cart>> {
    if (!this.authority.get(showId)) return fail('not_found', `show "${showId}" does not exist`);
    const record: CartRecord = { id: `cart_${randomBytes(12).toString('base64url')}`, showId, sessionId, mode, createdAt: this.clock() };
    await this.store.createCart(record);
    return { ok: true, value: await this.view(record) };
  }

  async getCart(cartId: string, sessionId: string | undefined): Promise<Result<Cart>> {
    const own = await this.own(cartId, sessionId);
    return own.ok ? { ok: true, value: await this.view(own.value) } : own;
  }

  async cartShow(cartId: string): Promise<string | undefined> {
    return (await this.store.cart(cartId))?.showId;
  }

  async addLine(cartId: string, sessionId: string | undefined, line: NewLine): Promise<Result<Cart>> {
    const own = await this.open(cartId, sessionId);
    if (!own.ok) return own;
    const rt = this.authority.get(own.value.showId);
    const product = rt?.catalog.get(line.productId);
    if (!rt || !product) return fail('not_found', `product "${line.productId}" is not in this show's catalog`);
    if (!product.available) return fail('conflict', `${product.title} is sold out`);
    const now = this.clock();
    const quote = quoteLine(product, line.variantId, rt.state, now);
    if (!quote.ok) return quote;
    const charged = quote.value.offer?.price ?? listPrice(product, line.variantId);
    const cart = await this.view(own.value);
    const currency = cart.lines[0]?.price.currencyCode;
    if (currency && currency !== charged.currencyCode) return fail('invalid', `this cart is in ${currency}; ${product.title} is priced in ${charged.currencyCode}`);
    const stored: StoredLine = { lineId: quote.value.lineId, productId: product.id, variantId: quote.value.variant?.id, quantity: line.quantity, cardId: line.cardId, offer: quote.value.offer, addedAt: now };
    await this.store.addLine(cartId, stored, MAX_LINE_QUANTITY);
    return { ok: true, value: await this.view(own.value) };
  }

  async updateLine(cartId: string, sessionId: string | undefined, lineId: string, quantity: number): Promise<Result<Cart>> {
    const own = await this.open(cartId, sessionId);
    if (!own.ok) return own;
    const lines = await this.store.lines(cartId);
    const byId = lines.find((l) => l.lineId === lineId);
    const byProduct = lines.filter((l) => l.productId === lineId);
    const target = byId ?? (byProduct.length === 1 ? byProduct[0] : undefined);
    if (!target) {
      if (byProduct.length > 1) return fail('invalid', `this cart has ${byProduct.length} lines of product "${lineId}": name the line by its lineId`);
      return fail('not_found', `"${lineId}" is not a line of this cart`);
    }
    const more = quantity - target.quantity;
    const rt = this.authority.get(own.value.showId);
    const product = rt?.catalog.get(target.productId);
    // An offer line that grows after its offer ended: the extra units go on a list-price line.
    const stillOffered = product && runningOffer(rt?.state, product.id, this.clock())?.price;
    const offerEnded = target.offer && !(stillOffered && lineIdOf(target.productId, target.variantId, stillOffered) === target.lineId);
    if (more > 0 && offerEnded && product) {
      const list: StoredLine = { lineId: lineIdOf(product.id, target.variantId, undefined), productId: product.id, variantId: target.variantId, quantity: more, cardId: target.cardId, addedAt: this.clock() };
      await this.store.addLine(cartId, list, MAX_LINE_QUANTITY);
    } else {
      await this.store.setQuantity(cartId, target.lineId, quantity);
    }
    return { ok: true, value: await this.view(own.value) };
  }

  async startCheckout(cartId: string, sessionId: string | undefined): Promise<Result<{ kind: 'inline'; cart: Cart }>> {
    const cart = await this.getCart(cartId, sessionId);
    if (!cart.ok) return cart;
    if (cart.value.lines.length === 0) return fail('invalid', 'the cart is empty: add a product first');
    return { ok: true, value: { kind: 'inline', cart: cart.value } };
  }

  async placeOrder(cartId: string, sessionId: string | undefined, body: { email: string; name: string; mode: ShoppingMode }): Promise<Result<{ order: Order; created: boolean }>> {
    const own = await this.own(cartId, sessionId);
    if (!own.ok) return own;
    const earlier = await this.store.order(cartId);
    // Placing the same cart twice (a double click, a retry) answers with the first order, without the buyer's details.
    if (earlier) return { ok: true, value: { order: receipt(earlier), created: false } };
    const cart = await this.view(own.value);
    if (cart.lines.length === 0) return fail('invalid', 'the cart is empty: add a product first');
    const soldOut = cart.lines.find((l) => !l.available);
    if (soldOut) return fail('conflict', `${soldOut.title} sold out while it was in the cart: remove it to continue`);
    const now = this.clock();
    const cards = new Map((await this.store.lines(cartId)).map((l) => [l.lineId, l.cardId]));
    const order: Order = {
      id: `order_${randomBytes(6).toString('hex')}`,
      showId: cart.showId,
      cartId,
      // Each line with the card it was added from: the order says which card sold what.
      lines: cart.lines.map((l) => {
        const cardId = cards.get(l.lineId);
        return cardId ? { ...l, cardId } : l;
      }),
      total: cart.subtotal,
      mode: body.mode,
      sessionId: own.value.sessionId,
      email: body.email,
      name: body.name,
      createdAt: now,
    };
    const placed = await this.store.insertOrder(order);
    if (!placed.created) return { ok: true, value: { order: receipt(placed.order), created: false } };
    // The purchase event comes from the store, not the browser: it cannot be lost or faked by a page.
    this.track.record(
      order.lines.map((l) => ({ type: 'purchase' as const, showId: order.showId, productId: l.productId, sessionId: own.value.sessionId, mode: body.mode, value: times(l.price, l.quantity) / 10_000, ...(l.cardId ? { cardId: l.cardId } : {}) })),
      'store',
    );
    return { ok: true, value: placed };
  }

  async orders(showId: string): Promise<Order[]> {
    return this.store.orders(showId);
  }

  private own(cartId: string, sessionId: string | undefined): Promise<Result<CartRecord>> {
    return ownCart(this.store, cartId, sessionId);
  }

  private open(cartId: string, sessionId: string | undefined): Promise<Result<CartRecord>> {
    return openCart(this.store, cartId, sessionId);
  }

  /** The cart as the shopper sees it: list lines at today's catalog price, offer lines at the price they were added at. */
  private async view(record: CartRecord): Promise<Cart> {
    const catalog = this.authority.get(record.showId)?.catalog ?? new Map<string, Product>();
    const lines: CartLine[] = [];
    for (const l of await this.store.lines(record.id)) {
      const product = catalog.get(l.productId);
      if (!product) continue; // gone from the catalog: it can no longer be bought
      lines.push(cartLine(product, l));
    }
    const currency = lines[0]?.price.currencyCode ?? firstCurrency(catalog) ?? 'USD';
    const subtotal = fromUnits(lines.reduce((sum, l) => sum + times(l.price, l.quantity), 0), currency);
    return { id: record.id, showId: record.showId, lines, subtotal, itemCount: lines.reduce((n, l) => n + l.quantity, 0) };
  }
}

function cartLine(product: Product, l: StoredLine): CartLine {
  const variant = product.variants?.find((v) => v.id === l.variantId);
  const list = listPrice(product, l.variantId);
  const line: CartLine = {
    lineId: l.lineId,
    productId: product.id,
    title: product.title,
    price: l.offer?.price ?? list,
    priceSource: l.offer ? 'offer' : 'list',
    quantity: l.quantity,
    available: product.available && variant?.available !== false,
  };
  if (l.offer) {
    line.listPrice = list;
    line.offerText = l.offer.text;
    if (l.offer.endsAt !== undefined) line.offerEndsAt = l.offer.endsAt;
  }
  if (l.variantId) line.variantId = l.variantId;
  if (variant) line.variantTitle = variant.title;
  if (product.imageUrl) line.imageUrl = product.imageUrl;
  return line;
}

/** What a repeated order answer may carry: the order, never who placed it. */
function receipt(order: Order): Order {
  const { email: _email, name: _name, ...rest } = order;
  return rest;
}

function firstCurrency(catalog: Map<string, Product>): string | undefined {
  for (const p of catalog.values()) return p.price.currencyCode;
  return undefined;
}

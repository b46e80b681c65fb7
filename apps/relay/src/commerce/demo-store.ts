// The embedded demo store: carts and orders in the relay's SQLite, priced from the show's catalog,
// with an inline checkout, so the whole shopping loop runs offline.
import { randomBytes } from 'node:crypto';
import { apiError, type Cart, type CartLine, type Order, type Product } from '@cuecart/shared';
import type { Db } from '../db/database.js';
import type { ShowAuthority } from '../shows/show-authority.js';
import type { TrackRepository } from '../analytics/track-repository.js';
import type { CommerceProvider, Result } from './commerce-provider.js';
import { fromUnits, times } from './money.js';

interface LineRow {
  product_id: string;
  variant_id: string | null;
  quantity: number;
  card_id: string | null;
}

const fail = <T>(code: Parameters<typeof apiError>[0], message: string): Result<T> => ({ ok: false, error: apiError(code, message) });

export class DemoStore implements CommerceProvider {
  private readonly stmts;

  constructor(
    db: Db,
    private readonly authority: ShowAuthority,
    private readonly track: TrackRepository,
    private readonly clock: () => number = Date.now,
  ) {
    this.stmts = {
      insertCart: db.prepare('INSERT INTO carts (id, show_id, session_id, created_at) VALUES (?, ?, ?, ?)'),
      cart: db.prepare<[string], { id: string; show_id: string; session_id: string }>('SELECT id, show_id, session_id FROM carts WHERE id = ?'),
      lines: db.prepare<[string], LineRow>('SELECT product_id, variant_id, quantity, card_id FROM cart_lines WHERE cart_id = ? ORDER BY added_at, product_id'),
      addLine: db.prepare(
        `INSERT INTO cart_lines (cart_id, product_id, variant_id, quantity, card_id, added_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = MIN(99, quantity + excluded.quantity), variant_id = COALESCE(excluded.variant_id, variant_id), card_id = COALESCE(excluded.card_id, card_id)`,
      ),
      setQty: db.prepare('UPDATE cart_lines SET quantity = ? WHERE cart_id = ? AND product_id = ?'),
      removeLine: db.prepare('DELETE FROM cart_lines WHERE cart_id = ? AND product_id = ?'),
      orderByCart: db.prepare<[string], { order_json: string }>('SELECT order_json FROM orders WHERE cart_id = ?'),
      insertOrder: db.prepare('INSERT INTO orders (id, show_id, cart_id, order_json, created_at) VALUES (?, ?, ?, ?, ?)'),
      orders: db.prepare<[string], { order_json: string }>('SELECT order_json FROM orders WHERE show_id = ? ORDER BY created_at'),
    };
  }

  createCart(showId: string, sessionId: string): Result<Cart> {
    if (!this.authority.get(showId)) return fail('not_found', `show "${showId}" does not exist`);
    const id = `cart_${randomBytes(12).toString('base64url')}`;
    this.stmts.insertCart.run(id, showId, sessionId, this.clock());
    return this.getCart(id);
  }

  getCart(cartId: string): Result<Cart> {
    const row = this.stmts.cart.get(cartId);
    if (!row) return fail('not_found', `cart "${cartId}" does not exist: create a new one`);
    const catalog = this.authority.get(row.show_id)?.catalog ?? new Map<string, Product>();
    const lines: CartLine[] = [];
    for (const l of this.stmts.lines.all(cartId)) {
      const product = catalog.get(l.product_id);
      if (!product) continue; // gone from the catalog: it can no longer be bought
      const line: CartLine = { productId: product.id, title: product.title, price: product.price, quantity: l.quantity, available: product.available };
      if (l.variant_id) line.variantId = l.variant_id;
      if (product.imageUrl) line.imageUrl = product.imageUrl;
      lines.push(line);
    }
    const currency = lines[0]?.price.currencyCode ?? firstCurrency(catalog) ?? 'USD';
    const subtotal = fromUnits(lines.reduce((sum, l) => sum + times(l.price, l.quantity), 0), currency);
    return { ok: true, value: { id: row.id, showId: row.show_id, lines, subtotal, itemCount: lines.reduce((n, l) => n + l.quantity, 0) } };
  }

  addLine(cartId: string, line: { productId: string; quantity: number; variantId?: string | undefined; cardId?: string | undefined }): Result<Cart> {
    const cart = this.getCart(cartId);
    if (!cart.ok) return cart;
    if (this.ordered(cartId)) return fail('conflict', 'this cart has been ordered already: start a new cart');
    const product = this.authority.get(cart.value.showId)?.catalog.get(line.productId);
    if (!product) return fail('not_found', `product "${line.productId}" is not in this show's catalog`);
    if (!product.available) return fail('conflict', `${product.title} is sold out`);
    const currency = cart.value.lines[0]?.price.currencyCode;
    if (currency && currency !== product.price.currencyCode) return fail('invalid', `this cart is in ${currency}; ${product.title} is priced in ${product.price.currencyCode}`);
    if (line.variantId && product.variants && !product.variants.some((v) => v.id === line.variantId)) {
      return fail('not_found', `variant "${line.variantId}" is not a variant of ${product.title}`);
    }
    this.stmts.addLine.run(cartId, product.id, line.variantId ?? null, line.quantity, line.cardId ?? null, this.clock());
    return this.getCart(cartId);
  }

  updateLine(cartId: string, productId: string, quantity: number): Result<Cart> {
    const cart = this.getCart(cartId);
    if (!cart.ok) return cart;
    if (this.ordered(cartId)) return fail('conflict', 'this cart has been ordered already: start a new cart');
    if (!cart.value.lines.some((l) => l.productId === productId)) return fail('not_found', `product "${productId}" is not in this cart`);
    if (quantity === 0) this.stmts.removeLine.run(cartId, productId);
    else this.stmts.setQty.run(quantity, cartId, productId);
    return this.getCart(cartId);
  }

  startCheckout(cartId: string): Result<{ kind: 'inline'; cart: Cart }> {
    const cart = this.getCart(cartId);
    if (!cart.ok) return cart;
    if (cart.value.lines.length === 0) return fail('invalid', 'the cart is empty: add a product first');
    return { ok: true, value: { kind: 'inline', cart: cart.value } };
  }

  placeOrder(cartId: string, body: { email: string; name: string; mode: 'live' | 'replay' }): Result<{ order: Order; created: boolean }> {
    const earlier = this.stmts.orderByCart.get(cartId);
    // Placing the same cart twice (a double click, a retry) answers with the first order.
    if (earlier) return { ok: true, value: { order: JSON.parse(earlier.order_json) as Order, created: false } };
    const cart = this.getCart(cartId);
    if (!cart.ok) return cart;
    if (cart.value.lines.length === 0) return fail('invalid', 'the cart is empty: add a product first');
    const soldOut = cart.value.lines.find((l) => !l.available);
    if (soldOut) return fail('conflict', `${soldOut.title} sold out while it was in the cart: remove it to continue`);
    const now = this.clock();
    const order: Order = {
      id: `order_${randomBytes(6).toString('hex')}`,
      showId: cart.value.showId,
      cartId,
      lines: cart.value.lines,
      total: cart.value.subtotal,
      email: body.email,
      name: body.name,
      createdAt: now,
    };
    const session = this.stmts.cart.get(cartId)!.session_id;
    const cards = new Map(this.stmts.lines.all(cartId).map((l) => [l.product_id, l.card_id]));
    this.stmts.insertOrder.run(order.id, order.showId, cartId, JSON.stringify(order), now);
    // The purchase beacon comes from the store, not the browser: it cannot be lost or faked by a page.
    this.track.record(
      order.lines.map((l) => ({
        type: 'purchase' as const,
        showId: order.showId,
        productId: l.productId,
        sessionId: session,
        mode: body.mode,
        value: times(l.price, l.quantity) / 10_000,
        ...(cards.get(l.productId) ? { cardId: cards.get(l.productId)! } : {}),
      })),
    );
    return { ok: true, value: { order, created: true } };
  }

  orders(showId: string): Order[] {
    return this.stmts.orders.all(showId).map((r) => JSON.parse(r.order_json) as Order);
  }

  private ordered(cartId: string): boolean {
    return this.stmts.orderByCart.get(cartId) !== undefined;
  }
}

function firstCurrency(catalog: Map<string, Product>): string | undefined {
  for (const p of catalog.values()) return p.price.currencyCode;
  return undefined;
}

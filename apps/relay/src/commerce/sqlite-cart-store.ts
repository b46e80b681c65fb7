// Carts, lines and orders of a single relay, in its SQLite.
import type { Order, Refund } from '@cuecart/shared';
import type { Db } from '../db/database.js';
import type { CartRecord, CartStore, LineOffer, StoredLine } from './cart-store.js';

interface CartRow {
  id: string;
  show_id: string;
  session_id: string;
  mode: string | null;
  created_at: number;
  external_id: string | null;
}

interface LineRow {
  line_id: string;
  product_id: string;
  variant_id: string | null;
  quantity: number;
  card_id: string | null;
  offer_json: string | null;
  added_at: number;
}

export class SqliteCartStore implements CartStore {
  private readonly stmts;
  private readonly placeOrder;

  constructor(db: Db) {
    this.stmts = {
      insertCart: db.prepare('INSERT INTO carts (id, show_id, session_id, mode, created_at, external_id) VALUES (?, ?, ?, ?, ?, ?)'),
      cart: db.prepare<[string], CartRow>('SELECT id, show_id, session_id, mode, created_at, external_id FROM carts WHERE id = ?'),
      lines: db.prepare<[string], LineRow>('SELECT line_id, product_id, variant_id, quantity, card_id, offer_json, added_at FROM cart_items WHERE cart_id = ? ORDER BY added_at, line_id'),
      addLine: db.prepare(
        `INSERT INTO cart_items (cart_id, line_id, product_id, variant_id, quantity, card_id, offer_json, added_at) VALUES (?, ?, ?, ?, MIN(?, ?), ?, ?, ?)
         ON CONFLICT (cart_id, line_id) DO UPDATE SET quantity = MIN(?, quantity + excluded.quantity), card_id = COALESCE(excluded.card_id, card_id)`,
      ),
      setQty: db.prepare('UPDATE cart_items SET quantity = ? WHERE cart_id = ? AND line_id = ?'),
      removeLine: db.prepare('DELETE FROM cart_items WHERE cart_id = ? AND line_id = ?'),
      order: db.prepare<[string], { order_json: string }>('SELECT order_json FROM orders WHERE cart_id = ?'),
      insertOrder: db.prepare('INSERT INTO orders (id, show_id, cart_id, order_json, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (cart_id) DO NOTHING'),
      orders: db.prepare<[string], { order_json: string }>('SELECT order_json FROM orders WHERE show_id = ? ORDER BY created_at'),
      insertRefund: db.prepare('INSERT INTO refunds (id, show_id, order_id, refund_json, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING'),
      refunds: db.prepare<[string], { refund_json: string }>('SELECT refund_json FROM refunds WHERE show_id = ? ORDER BY created_at'),
      delivery: db.prepare('INSERT INTO webhook_deliveries (event_id, received_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING'),
    };
    this.placeOrder = db.transaction((order: Order) => {
      const done = this.stmts.insertOrder.run(order.id, order.showId, order.cartId, JSON.stringify(order), order.createdAt);
      return { order: done.changes === 1 ? order : (JSON.parse(this.stmts.order.get(order.cartId)!.order_json) as Order), created: done.changes === 1 };
    });
  }

  async createCart(cart: CartRecord): Promise<void> {
    this.stmts.insertCart.run(cart.id, cart.showId, cart.sessionId, cart.mode ?? null, cart.createdAt, cart.externalId ?? null);
  }

  async cart(cartId: string): Promise<CartRecord | undefined> {
    const row = this.stmts.cart.get(cartId);
    if (!row) return undefined;
    return {
      id: row.id,
      showId: row.show_id,
      sessionId: row.session_id,
      mode: (row.mode ?? undefined) as CartRecord['mode'],
      createdAt: row.created_at,
      ...(row.external_id ? { externalId: row.external_id } : {}),
    };
  }

  async lines(cartId: string): Promise<StoredLine[]> {
    return this.stmts.lines.all(cartId).map((r) => ({
      lineId: r.line_id,
      productId: r.product_id,
      variantId: r.variant_id ?? undefined,
      quantity: r.quantity,
      cardId: r.card_id ?? undefined,
      offer: r.offer_json ? (JSON.parse(r.offer_json) as LineOffer) : undefined,
      addedAt: r.added_at,
    }));
  }

  async addLine(cartId: string, line: StoredLine, maxQuantity: number): Promise<void> {
    const offer = line.offer ? JSON.stringify(line.offer) : null;
    this.stmts.addLine.run(cartId, line.lineId, line.productId, line.variantId ?? null, maxQuantity, line.quantity, line.cardId ?? null, offer, line.addedAt, maxQuantity);
  }

  async setQuantity(cartId: string, lineId: string, quantity: number): Promise<void> {
    if (quantity === 0) this.stmts.removeLine.run(cartId, lineId);
    else this.stmts.setQty.run(quantity, cartId, lineId);
  }

  async order(cartId: string): Promise<Order | undefined> {
    const row = this.stmts.order.get(cartId);
    return row ? (JSON.parse(row.order_json) as Order) : undefined;
  }

  async insertOrder(order: Order): Promise<{ order: Order; created: boolean }> {
    return this.placeOrder(order);
  }

  async orders(showId: string): Promise<Order[]> {
    return this.stmts.orders.all(showId).map((r) => JSON.parse(r.order_json) as Order);
  }

  async insertRefund(refund: Refund): Promise<boolean> {
    return this.stmts.insertRefund.run(refund.id, refund.showId, refund.orderId, JSON.stringify(refund), refund.createdAt).changes === 1;
  }

  async refunds(showId: string): Promise<Refund[]> {
    return this.stmts.refunds.all(showId).map((r) => JSON.parse(r.refund_json) as Refund);
  }

  async firstDelivery(eventId: string, at: number): Promise<boolean> {
    return this.stmts.delivery.run(eventId, at).changes === 1;
  }
}

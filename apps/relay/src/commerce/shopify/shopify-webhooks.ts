// POST /api/webhooks/shopify: orders and refunds become the show's orders (attributed by the cart attributes
// that became the order's note_attributes), product and inventory changes refresh live price and stock. The
// signature is checked over the raw body before anything is read; a delivery is acted on once per event id.
import type { IncomingHttpHeaders } from 'node:http';
import { ClientId, Order, ShoppingMode, type CartLine, type Refund, type TrackEvent } from '@cuecart/shared';
import type { TrackRepository } from '../../analytics/track-repository.js';
import type { Logger } from '../../logger.js';
import type { ShowAuthority } from '../../shows/show-authority.js';
import type { CartStore } from '../cart-store.js';
import { fromUnits, moneyOf, toUnits } from '../money.js';
import { lineIdOf } from '../pricing.js';
import type { CatalogRefresher } from './catalog-refresher.js';
import type { ShopifyShops } from './shopify-shops.js';
import { ATTR } from './shopify-store.js';
import { readWebhookHeaders, verifyShopifyHmac, type ShopifyTopic } from './webhook-auth.js';

export interface WebhookAnswer {
  status: number;
  body: { ok: true; outcome: string } | { error: { code: string; message: string } };
}

interface NameValue {
  name?: string;
  key?: string;
  value?: unknown;
}

interface OrderPayload {
  id?: number | string;
  admin_graphql_api_id?: string;
  created_at?: string;
  currency?: string;
  subtotal_price?: string;
  current_subtotal_price?: string;
  note_attributes?: NameValue[];
  line_items?: {
    product_id?: number | string | null;
    variant_id?: number | string | null;
    title?: string;
    variant_title?: string | null;
    quantity?: number;
    price?: string;
    properties?: NameValue[];
  }[];
}

interface RefundPayload {
  id?: number | string;
  order_id?: number | string;
  created_at?: string;
  refund_line_items?: { subtotal?: string | number; subtotal_set?: { shop_money?: { amount?: string; currency_code?: string } } }[];
  transactions?: { kind?: string; status?: string; amount?: string; currency?: string }[];
}

const ok = (outcome: string): WebhookAnswer => ({ status: 200, body: { ok: true, outcome } });
const refuse = (status: number, code: string, message: string): WebhookAnswer => ({ status, body: { error: { code, message } } });

export class ShopifyWebhooks {
  constructor(
    private readonly shops: ShopifyShops,
    private readonly authority: ShowAuthority,
    private readonly store: CartStore,
    private readonly track: TrackRepository,
    private readonly refresher: CatalogRefresher,
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  async receive(rawHeaders: IncomingHttpHeaders, raw: Buffer): Promise<WebhookAnswer> {
    const read = readWebhookHeaders(rawHeaders);
    if (!read.ok) return refuse(401, 'unauthorized', read.message);
    const { headers } = read;
    const candidates = this.shops.showsOf(headers.shopDomain).filter((id) => this.shops.specOf(id)?.webhookSecret);
    if (!candidates.length) {
      return refuse(401, 'unauthorized', `no show on this relay has a webhook secret for ${headers.shopDomain}: set "webhookSecret" in the show's Shopify catalog`);
    }
    // The shows whose secret signed these exact bytes: only they hear of it.
    const shows = candidates.filter((id) => verifyShopifyHmac(raw, headers.hmac, this.shops.specOf(id)!.webhookSecret!));
    if (!shows.length) return refuse(401, 'unauthorized', 'the X-Shopify-Hmac-Sha256 signature does not match: check that the show\'s webhookSecret is the store\'s webhook signing secret');
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      return refuse(400, 'invalid', 'the webhook body is not JSON');
    }
    if (payload === null || typeof payload !== 'object') return refuse(400, 'invalid', 'the webhook body is not a JSON object');
    if (!headers.topic) return ok(`topic ${headers.rawTopic} is not one the relay acts on`);
    // Shopify delivers at least once: a repeated event id is answered, never acted on again.
    if (!(await this.store.firstDelivery(`shopify:${headers.shopDomain}:${headers.eventId}`, this.clock()))) return ok('duplicate');
    return this.act(headers.topic, payload, shows);
  }

  private async act(topic: ShopifyTopic, payload: object, shows: string[]): Promise<WebhookAnswer> {
    switch (topic) {
      case 'orders/create':
      case 'orders/paid':
        return this.order(payload as OrderPayload, shows);
      case 'refunds/create':
        return this.refund(payload as RefundPayload, shows);
      case 'products/update': {
        const gid = productGid(payload as { id?: unknown; admin_graphql_api_id?: unknown });
        const affected = gid ? shows.filter((id) => this.authority.get(id)?.catalog.has(gid)) : [];
        for (const id of affected) void this.refresher.refreshNow(id, [gid!]);
        return ok(affected.length ? `refreshing ${affected.length} show(s)` : 'product not in any show');
      }
      case 'inventory_levels/update': {
        // The inventory item names no product the Storefront knows: read the show's products again.
        const live = shows.filter((id) => this.authority.get(id)?.state.status !== 'ended');
        for (const id of live) void this.refresher.refreshNow(id);
        return ok(`refreshing ${live.length} show(s)`);
      }
    }
  }

  private async order(payload: OrderPayload, shows: string[]): Promise<WebhookAnswer> {
    const notes = attributes(payload.note_attributes);
    const showId = notes.get(ATTR.show);
    if (!showId || !shows.includes(showId)) return ok('not an order from a show');
    if (payload.id === undefined || !payload.currency) return refuse(400, 'invalid', 'the order has no id or currency');
    const currency = payload.currency;
    const lines: CartLine[] = (payload.line_items ?? []).flatMap((li) => {
      if (li.product_id === undefined || li.product_id === null || !li.quantity || !li.price) return [];
      const productId = `gid://shopify/Product/${li.product_id}`;
      const variantId = li.variant_id ? `gid://shopify/ProductVariant/${li.variant_id}` : undefined;
      const line: CartLine = {
        lineId: lineIdOf(productId, variantId, undefined),
        productId,
        title: li.title ?? productId,
        price: moneyOf(li.price, currency),
        priceSource: 'list',
        quantity: Math.min(99, Math.max(1, li.quantity)),
        available: true,
      };
      if (variantId) line.variantId = variantId;
      if (li.variant_title) line.variantTitle = li.variant_title;
      const cardId = ClientId.safeParse(attributes(li.properties).get(ATTR.card));
      if (cardId.success) line.cardId = cardId.data;
      return [line];
    });
    const mode = ShoppingMode.safeParse(notes.get(ATTR.mode));
    const session = ClientId.safeParse(notes.get(ATTR.session));
    const id = `shopify_${payload.id}`;
    const candidate = {
      id,
      showId,
      cartId: notes.get(ATTR.cart) ?? id,
      lines,
      // Merchandise after discounts, before shipping and tax: what the show sold.
      total: moneyOf(payload.current_subtotal_price ?? payload.subtotal_price ?? '0', currency),
      mode: mode.success ? mode.data : 'live',
      ...(session.success ? { sessionId: session.data } : {}),
      createdAt: Date.parse(payload.created_at ?? '') || this.clock(),
      source: 'shopify' as const,
      ...(payload.admin_graphql_api_id ? { externalId: payload.admin_graphql_api_id } : {}),
    };
    const parsed = Order.safeParse(candidate);
    if (!parsed.success) return refuse(400, 'invalid', `the order cannot be recorded: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    const placed = await this.store.insertOrder(parsed.data);
    if (!placed.created) return ok('order already recorded');
    const events: TrackEvent[] = parsed.data.lines.map((l) => {
      // An order without a session (placed outside the player) still counts, under the order's own id.
      return { type: 'purchase', showId, productId: l.productId, sessionId: parsed.data.sessionId ?? id, mode: parsed.data.mode ?? 'live', value: (toUnits(l.price.amount) * l.quantity) / 10_000, ...(l.cardId ? { cardId: l.cardId } : {}) };
    });
    if (events.length) this.track.record(events, 'store');
    this.logger.info({ show: showId, order: id, total: parsed.data.total }, 'Shopify order recorded');
    return ok('order recorded');
  }

  private async refund(payload: RefundPayload, shows: string[]): Promise<WebhookAnswer> {
    if (payload.id === undefined || payload.order_id === undefined) return refuse(400, 'invalid', 'the refund has no id or order_id');
    const orderId = `shopify_${payload.order_id}`;
    let order: Order | undefined;
    for (const showId of shows) {
      order = (await this.store.orders(showId)).find((o) => o.id === orderId);
      if (order) break;
    }
    if (!order) return ok('not a refund of a show order');
    const currency = order.total.currencyCode;
    // The merchandise refunded (the basis of the order's total); a refund without lines counts its transactions.
    const lineUnits = (payload.refund_line_items ?? []).reduce((sum, r) => sum + toUnits(String(r.subtotal_set?.shop_money?.amount ?? r.subtotal ?? '0')), 0);
    const txUnits = (payload.transactions ?? []).filter((t) => t.kind === 'refund' && t.status !== 'failure' && t.status !== 'error').reduce((sum, t) => sum + toUnits(t.amount ?? '0'), 0);
    const units = (payload.refund_line_items?.length ? lineUnits : txUnits);
    if (units <= 0) return ok('refund of nothing the show sold');
    const refund: Refund = { id: `shopify_${payload.id}`, showId: order.showId, orderId, amount: fromUnits(units, currency), createdAt: Date.parse(payload.created_at ?? '') || this.clock() };
    const created = await this.store.insertRefund(refund);
    if (created) this.logger.info({ show: order.showId, order: orderId, refund: refund.amount }, 'Shopify refund recorded');
    return ok(created ? 'refund recorded' : 'refund already recorded');
  }
}

function attributes(list: NameValue[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const a of list ?? []) {
    const name = a.name ?? a.key;
    if (typeof name === 'string' && typeof a.value === 'string') map.set(name, a.value);
  }
  return map;
}

function productGid(payload: { id?: unknown; admin_graphql_api_id?: unknown }): string | undefined {
  if (typeof payload.admin_graphql_api_id === 'string' && /^gid:\/\/shopify\/Product\/\d+$/.test(payload.admin_graphql_api_id)) return payload.admin_graphql_api_id;
  if (typeof payload.id === 'number' || (typeof payload.id === 'string' && /^\d+$/.test(payload.id))) return `gid://shopify/Product/${payload.id}`;
  return undefined;
}

// A seeded synthetic show for the analytics: thousands of sessions, live and replay, with the noise real traffic
// has (resent batches, duplicate impressions, clicks on cards never seen, heartbeats from the future, fake purchase
// beacons), orders and a refund as Shopify webhooks. Its expected totals are counted here by construction, from
// what each generated session did, not by the code under test.
import { randomBytes } from 'node:crypto';
import { rng } from './rng.js';

export interface SyntheticCard {
  cardId: string;
  productId: string;
  /** Shopify's numeric product id, for the order webhooks. */
  shopifyId: number;
  price: number;
}

export interface SyntheticOrder {
  id: number;
  sessionId: string;
  mode: 'live' | 'replay';
  lines: { card: SyntheticCard; quantity: number }[];
  subtotal: number;
}

export interface Expected {
  viewers: number;
  viewerMinutes: number;
  peakConcurrent: number;
  impressions: number;
  clicks: number;
  addToCarts: number;
  orders: number;
  buyers: number;
  revenue: { live: number; replay: number; clip: number; total: number };
  products: Record<string, { impressions: number; clicks: number; addToCarts: number; orders: number; units: number; revenue: number }>;
  quality: { watchMs: number; rebufferMs: number; startupMedianMs: number; startupP90Ms: number; sessions: number };
}

export interface SyntheticShow {
  /** Batches as sent (a resent batch appears twice, with the same event ids). */
  batches: Record<string, unknown>[][];
  orders: SyntheticOrder[];
  /** One refund: of this order, this amount (its first line). */
  refund: { id: number; orderId: number; amount: number };
  expected: Expected;
}

export function syntheticShow(options: { showId: string; sessions: number; cards: SyntheticCard[]; liveEdgeMs: number; seed?: number; batchSize?: number }): SyntheticShow {
  const rand = rng(options.seed ?? 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const events: Record<string, unknown>[] = [];
  const run = randomBytes(4).toString('hex');
  let n = 0;
  const ev = (type: string, sessionId: string, mode: string, extra: Record<string, unknown> = {}) => {
    const e = { eventId: `${run}.${++n}`, type, showId: options.showId, sessionId, mode, ...extra };
    events.push(e);
    return e;
  };
  const products: Expected['products'] = Object.fromEntries(options.cards.map((c) => [c.productId, { impressions: 0, clicks: 0, addToCarts: 0, orders: 0, units: 0, revenue: 0 }]));
  let viewers = 0;
  let heartbeats = 0;
  const liveMinutes = new Map<number, Set<string>>();
  let impressions = 0;
  let clicks = 0;
  let addToCarts = 0;
  const orders: SyntheticOrder[] = [];
  const startups: number[] = [];
  let watchMs = 0;
  let rebufferMs = 0;

  for (let s = 0; s < options.sessions; s++) {
    const sessionId = `syn-${s}`;
    const mode = rand() < 0.7 ? 'live' : 'replay';
    // A few sessions never pass 3 s of playback: no view, no heartbeat.
    if (rand() < 0.05) continue;
    viewers += 1;
    const startupMs = 200 + Math.floor(rand() * 3000);
    startups.push(startupMs);
    watchMs += startupMs;
    ev('quality', sessionId, mode, { startupMs, watchMs: startupMs, rebufferMs: 0 });
    ev('view', sessionId, mode, { mediaMs: 0 });
    const start = Math.floor(rand() * (options.liveEdgeMs - 400_000));
    const beats = Math.floor(rand() * 30);
    for (let i = 0; i < beats; i++) {
      const mediaMs = start + (i + 1) * 10_000;
      ev('heartbeat', sessionId, mode, { mediaMs });
      heartbeats += 1;
      const stall = rand() < 0.1 ? Math.floor(rand() * 4000) : 0;
      ev('quality', sessionId, mode, { watchMs: 10_000, rebufferMs: stall });
      watchMs += 10_000;
      rebufferMs += stall;
      if (mode === 'live') {
        const minute = Math.floor(mediaMs / 60_000);
        (liveMinutes.get(minute) ?? liveMinutes.set(minute, new Set()).get(minute)!).add(sessionId);
      }
    }
    // Noise: a heartbeat from the future (past the live edge) is never counted.
    if (rand() < 0.02) ev('heartbeat', sessionId, mode, { mediaMs: options.liveEdgeMs + 3_600_000 });
    for (const card of options.cards) {
      const k = { cardId: card.cardId, productId: card.productId };
      const p = products[card.productId]!;
      if (rand() < 0.5) {
        ev('impression', sessionId, mode, k);
        impressions += 1;
        p.impressions += 1;
        // A duplicate impression of the same card (another event id): counted once.
        if (rand() < 0.2) ev('impression', sessionId, mode, k);
        if (rand() < 0.3) {
          ev('click', sessionId, mode, k);
          clicks += 1;
          p.clicks += 1;
          if (rand() < 0.1) ev('click', sessionId, mode, k);
          if (rand() < 0.5) {
            ev('add_to_cart', sessionId, mode, k);
            addToCarts += 1;
            p.addToCarts += 1;
          }
        }
      } else if (rand() < 0.05) {
        // A click on a card this session never saw: not counted.
        ev('click', sessionId, mode, k);
      }
    }
    // A page claiming a purchase: a signal, never money.
    if (rand() < 0.03) ev('purchase', sessionId, mode, { productId: pick(options.cards).productId, value: 1e6 });
    // A real order for some sessions that added to cart.
    if (rand() < 0.04) {
      const lines = options.cards.filter(() => rand() < 0.4).map((card) => ({ card, quantity: 1 + Math.floor(rand() * 3) }));
      if (lines.length) {
        const subtotal = lines.reduce((sum, l) => sum + l.card.price * l.quantity, 0);
        orders.push({ id: 900_000 + orders.length, sessionId, mode, lines, subtotal });
      }
    }
  }

  // Batches of the given size, shuffled between sessions as traffic interleaves; some resent whole.
  for (let i = events.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [events[i], events[j]] = [events[j]!, events[i]!];
  }
  const size = options.batchSize ?? 100;
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < events.length; i += size) {
    const batch = events.slice(i, i + size);
    batches.push(batch);
    if (rand() < 0.05) batches.push(batch);
  }

  const refundOf = orders[0]!;
  const refund = { id: 77_000, orderId: refundOf.id, amount: refundOf.lines[0]!.card.price };
  const revenue = { live: 0, replay: 0, clip: 0, total: 0 };
  for (const o of orders) {
    const net = o.subtotal - (o.id === refund.orderId ? refund.amount : 0);
    revenue[o.mode] += net;
    revenue.total += net;
    for (const l of o.lines) {
      const p = products[l.card.productId]!;
      p.orders += 1;
      p.units += l.quantity;
      // The refund shrinks every line of its order alike.
      p.revenue += o.subtotal > 0 ? (net * l.card.price * l.quantity) / o.subtotal : 0;
    }
  }
  return {
    batches,
    orders,
    refund,
    expected: {
      viewers,
      viewerMinutes: (heartbeats * 10) / 60,
      peakConcurrent: Math.max(0, ...[...liveMinutes.values()].map((set) => set.size)),
      impressions,
      clicks,
      addToCarts,
      orders: orders.length,
      buyers: new Set(orders.map((o) => o.sessionId)).size,
      revenue,
      products,
      quality: { watchMs, rebufferMs, startupMedianMs: nearestRank(startups, 0.5), startupP90Ms: nearestRank(startups, 0.9), sessions: startups.length },
    },
  };
}

/** The value with at least a share p of the values at or below it. */
function nearestRank(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(p * sorted.length) - 1] ?? 0;
}

/** An order as Shopify's `orders/create` webhook sends it, attributed to the show by its note attributes. */
export function orderWebhook(showId: string, order: SyntheticOrder): Record<string, unknown> {
  return {
    id: order.id,
    currency: 'USD',
    subtotal_price: order.subtotal.toFixed(2),
    note_attributes: [
      { name: '_cuecart_show', value: showId },
      { name: '_cuecart_session', value: order.sessionId },
      { name: '_cuecart_mode', value: order.mode },
    ],
    line_items: order.lines.map((l, i) => ({ id: i + 1, product_id: l.card.shopifyId, title: l.card.productId, quantity: l.quantity, price: l.card.price.toFixed(2), properties: [{ name: '_cuecart_card', value: l.card.cardId }] })),
  };
}

// The analytics figures, exactly as DESIGN.md "Analytics" defines them, as pure functions of what was counted:
// the viewers' events (already deduplicated by event id at ingest), the orders the relay recorded (net of
// refunds), the cards' stretches on air from the command log, and the suggestions' fates. Integrators compare
// these with their own books, so every rule is here once and tested against hand-computed examples.
import type { Order } from '../contract/commerce.js';

export type FigureMode = 'live' | 'replay' | 'clip';
export const FIGURE_MODES: readonly FigureMode[] = ['live', 'replay', 'clip'];

/** One counted viewer event: what the figures need of a TrackEvent. */
export interface FigureEvent {
  type: 'view' | 'heartbeat' | 'impression' | 'click' | 'add_to_cart' | 'checkout' | 'quality';
  sessionId: string;
  mode: FigureMode;
  productId?: string | undefined;
  cardId?: string | undefined;
  clipId?: string | undefined;
  mediaMs?: number | undefined;
  /** On `quality` (contract/track.ts, PLAYBACK_TYPES). */
  startupMs?: number | undefined;
  watchMs?: number | undefined;
  rebufferMs?: number | undefined;
}

/** A card's stretch on air, in show ms: `[startMs, endMs)`. */
export interface CardStretch {
  cardId: string;
  productId: string;
  startMs: number;
  endMs: number;
}

/** The seconds one heartbeat stands for. */
export const HEARTBEAT_SECONDS = 10;
const MINUTE_MS = 60_000;

/** a ÷ b, or 0 when nothing was there to divide by. Unrounded. */
export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}

const sessionsWith = (events: readonly FigureEvent[], type: FigureEvent['type']) => new Set(events.filter((e) => e.type === type).map((e) => e.sessionId));

/** Viewers: distinct sessions with a `view`. */
export function viewers(events: readonly FigureEvent[]): number {
  return sessionsWith(events, 'view').size;
}

/** The viewer-minutes a number of heartbeats stands for: × 10 s ÷ 60. */
export const minutesOf = (heartbeats: number): number => (heartbeats * HEARTBEAT_SECONDS) / 60;

/** Viewer-minutes: heartbeats × 10 s ÷ 60 (each heartbeat once: ingest drops repeated event ids). */
export function viewerMinutes(events: readonly FigureEvent[]): number {
  return minutesOf(events.filter((e) => e.type === 'heartbeat').length);
}

/** The most distinct live sessions with a heartbeat in one minute of show time (minute = ⌊mediaMs ÷ 60,000⌋). */
export function peakConcurrent(events: readonly FigureEvent[]): number {
  return Math.max(0, ...concurrencyByMinute(events).map((m) => m.sessions));
}

/** Distinct live sessions with a heartbeat per minute of show time, for the concurrency chart (minutes with any). */
export function concurrencyByMinute(events: readonly FigureEvent[]): { minute: number; sessions: number }[] {
  const byMinute = new Map<number, Set<string>>();
  for (const e of events) {
    if (e.type !== 'heartbeat' || e.mode !== 'live' || e.mediaMs === undefined) continue;
    const minute = Math.floor(e.mediaMs / MINUTE_MS);
    let set = byMinute.get(minute);
    if (!set) byMinute.set(minute, (set = new Set()));
    set.add(e.sessionId);
  }
  return [...byMinute.entries()].sort((a, b) => a[0] - b[0]).map(([minute, set]) => ({ minute, sessions: set.size }));
}

/** Card interactions, each once per (session, card); a click counts only on a card the session had an impression of. */
export interface CardCounts {
  impressions: number;
  clicks: number;
  addToCarts: number;
}

/** The key a card interaction is counted once under: the card, or the product when no card is named. */
export const cardKeyOf = (e: { cardId?: string | undefined; productId?: string | undefined }): string => e.cardId ?? `product:${e.productId ?? ''}`;

const pair = (e: FigureEvent) => `${e.sessionId}\u0000${cardKeyOf(e)}`;

export function cardCounts(events: readonly FigureEvent[]): CardCounts {
  const seen = new Set(events.filter((e) => e.type === 'impression').map(pair));
  const clicked = new Set(events.filter((e) => e.type === 'click' && seen.has(pair(e))).map(pair));
  const added = new Set(events.filter((e) => e.type === 'add_to_cart').map(pair));
  return { impressions: seen.size, clicks: clicked.size, addToCarts: added.size };
}

/** Click-through rate: clicks ÷ impressions. */
export const ctr = (c: CardCounts): number => ratio(c.clicks, c.impressions);
/** Add-to-cart rate: adds to cart ÷ impressions. */
export const addToCartRate = (c: CardCounts): number => ratio(c.addToCarts, c.impressions);

/** What an order brought in after refunds, in units of the currency (unrounded). */
export function netRevenue(order: Order): number {
  return Math.max(0, Number(order.total.amount) - (order.refunded ? Number(order.refunded.amount) : 0));
}

const modeOf = (order: Order): FigureMode => order.mode ?? 'live';

/** Revenue net of refunds by where the shopper was, and in total. */
export function revenueByMode(orders: readonly Order[]): Record<FigureMode | 'total', number> {
  const out = { live: 0, replay: 0, clip: 0, total: 0 };
  for (const o of orders) {
    const net = netRevenue(o);
    out[modeOf(o)] += net;
    out.total += net;
  }
  return out;
}

/** Buyers: distinct sessions with an attributed order. */
export function buyers(orders: readonly Order[]): number {
  return new Set(orders.flatMap((o) => (o.sessionId ? [o.sessionId] : []))).size;
}

/** View-to-purchase: buyers ÷ viewers. */
export function viewToPurchase(events: readonly FigureEvent[], orders: readonly Order[]): number {
  return ratio(buyers(orders), viewers(events));
}

/** Revenue per viewer-minute: net revenue ÷ viewer-minutes. */
export function revenuePerViewerMinute(events: readonly FigureEvent[], orders: readonly Order[]): number {
  return ratio(revenueByMode(orders).total, viewerMinutes(events));
}

/** Live vs replay split: each mode's share of net revenue (0 each without revenue). */
export function revenueSplit(orders: readonly Order[]): Record<FigureMode, number> {
  const r = revenueByMode(orders);
  return { live: ratio(r.live, r.total), replay: ratio(r.replay, r.total), clip: ratio(r.clip, r.total) };
}

/** How long each product's cards were on air, overlapping stretches of one product counted once. */
export function screenTimeMs(stretches: readonly CardStretch[]): Map<string, number> {
  const byProduct = new Map<string, CardStretch[]>();
  for (const s of stretches) {
    if (s.endMs <= s.startMs) continue;
    const list = byProduct.get(s.productId) ?? [];
    list.push(s);
    byProduct.set(s.productId, list);
  }
  const out = new Map<string, number>();
  for (const [productId, list] of byProduct) {
    list.sort((a, b) => a.startMs - b.startMs);
    let total = 0;
    let [from, to] = [list[0]!.startMs, list[0]!.endMs];
    for (const s of list.slice(1)) {
      if (s.startMs <= to) to = Math.max(to, s.endMs);
      else {
        total += to - from;
        [from, to] = [s.startMs, s.endMs];
      }
    }
    out.set(productId, total + (to - from));
  }
  return out;
}

/** Per card: impression-to-click rate, the seed's "product card engagement". */
export function cardEngagement(events: readonly FigureEvent[]): { cardId: string; productId?: string | undefined; impressions: number; clicks: number; rate: number }[] {
  const cards = new Map<string, string | undefined>();
  for (const e of events) if (e.cardId && (e.type === 'impression' || e.type === 'click')) cards.set(e.cardId, cards.get(e.cardId) ?? e.productId);
  return [...cards].map(([cardId, productId]) => {
    const counts = cardCounts(events.filter((e) => e.cardId === cardId));
    return { cardId, productId, impressions: counts.impressions, clicks: counts.clicks, rate: ctr(counts) };
  });
}

/** Per clip: distinct sessions that viewed it, the buyers among them with a clip order, and orders ÷ viewers. */
export function clipConversion(events: readonly FigureEvent[], orders: readonly Order[]): { clipId: string; viewers: number; orders: number; rate: number }[] {
  const viewersByClip = new Map<string, Set<string>>();
  for (const e of events) {
    if (e.type !== 'view' || e.mode !== 'clip' || !e.clipId) continue;
    const set = viewersByClip.get(e.clipId) ?? new Set<string>();
    set.add(e.sessionId);
    viewersByClip.set(e.clipId, set);
  }
  return [...viewersByClip].map(([clipId, sessions]) => {
    const clipOrders = orders.filter((o) => modeOf(o) === 'clip' && o.sessionId !== undefined && sessions.has(o.sessionId)).length;
    return { clipId, viewers: sessions.size, orders: clipOrders, rate: ratio(clipOrders, sessions.size) };
  });
}

/** Suggestion acceptance: suggestions taken on air ÷ suggestions made. */
export function suggestionAcceptance(fates: { suggested: number; accepted: number }): number {
  return ratio(fates.accepted, fates.suggested);
}

export interface ProductFigures {
  productId: string;
  screenTimeMs: number;
  impressions: number;
  clicks: number;
  ctr: number;
  addToCarts: number;
  /** Orders containing the product. */
  orders: number;
  /** Its quantity in them. */
  units: number;
  /** Its lines' share of each order's net revenue. */
  revenue: number;
}

/** The products table: every product with screen time, an event or an order. */
export function productFigures(events: readonly FigureEvent[], orders: readonly Order[], stretches: readonly CardStretch[]): ProductFigures[] {
  const screen = screenTimeMs(stretches);
  const ids = new Set<string>([...screen.keys()]);
  // Each product's events, grouped once: the table is one pass over the events, not one per product.
  const byProduct = new Map<string, FigureEvent[]>();
  for (const e of events) {
    if (!e.productId || e.type === 'view' || e.type === 'heartbeat' || e.type === 'quality') continue;
    ids.add(e.productId);
    const list = byProduct.get(e.productId);
    if (list) list.push(e);
    else byProduct.set(e.productId, [e]);
  }
  for (const o of orders) for (const l of o.lines) ids.add(l.productId);
  return [...ids].map((productId) => {
    const counts = cardCounts(byProduct.get(productId) ?? []);
    let count = 0;
    let units = 0;
    let revenue = 0;
    for (const o of orders) {
      const lines = o.lines.filter((l) => l.productId === productId);
      if (!lines.length) continue;
      count += 1;
      units += lines.reduce((n, l) => n + l.quantity, 0);
      // A refund shrinks every line of its order alike.
      const gross = o.lines.reduce((sum, l) => sum + Number(l.price.amount) * l.quantity, 0);
      const share = lines.reduce((sum, l) => sum + Number(l.price.amount) * l.quantity, 0);
      revenue += gross > 0 ? (netRevenue(o) * share) / gross : 0;
    }
    return { productId, screenTimeMs: screen.get(productId) ?? 0, ...counts, ctr: ctr(counts), orders: count, units, revenue };
  });
}

/** One counted `quality` event: the playback's quality since the session's previous one. */
export interface QualitySample {
  sessionId: string;
  startupMs?: number | undefined;
  watchMs: number;
  rebufferMs: number;
}

/** What the quality samples add up to: the sums and each session's first startup time. */
export interface QualityTotals {
  watchMs: number;
  rebufferMs: number;
  /** One per session: its first `startupMs`. */
  startups: number[];
}

export function qualityTotals(samples: readonly QualitySample[]): QualityTotals {
  const first = new Map<string, number>();
  let watchMs = 0;
  let rebufferMs = 0;
  for (const s of samples) {
    watchMs += s.watchMs;
    rebufferMs += s.rebufferMs;
    if (s.startupMs !== undefined && !first.has(s.sessionId)) first.set(s.sessionId, s.startupMs);
  }
  return { watchMs, rebufferMs, startups: [...first.values()] };
}

/** The value at `p` (0–1) of sorted values by nearest rank: the smallest with at least p of them at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export interface QualityFigures {
  /** Mux's Video Startup Time: from the play attempt to the first frame, per session (median and 90th percentile). */
  startupMs: { median: number; p90: number; sessions: number };
  /** Mux's Rebuffer Percentage as a ratio: time stalled after the first frame ÷ watch time. */
  rebufferingRatio: number;
  watchMs: number;
  rebufferMs: number;
}

export function qualityFigures(t: QualityTotals): QualityFigures {
  const sorted = [...t.startups].sort((a, b) => a - b);
  return {
    startupMs: { median: percentile(sorted, 0.5), p90: percentile(sorted, 0.9), sessions: sorted.length },
    rebufferingRatio: ratio(t.rebufferMs, t.watchMs),
    watchMs: t.watchMs,
    rebufferMs: t.rebufferMs,
  };
}

// Every figure against a small show worked out by hand (the numbers in the comments).
import { describe, expect, it } from 'vitest';
import type { Order } from '../contract/commerce.js';
import {
  addToCartRate,
  buyers,
  cardCounts,
  cardEngagement,
  clipConversion,
  concurrencyByMinute,
  ctr,
  peakConcurrent,
  productFigures,
  ratio,
  revenueByMode,
  revenuePerViewerMinute,
  revenueSplit,
  screenTimeMs,
  suggestionAcceptance,
  viewerMinutes,
  viewers,
  viewToPurchase,
  type CardStretch,
  type FigureEvent,
} from './figures.js';

const KETTLE = 'kettle';
const MUG = 'mug';
const ev = (type: FigureEvent['type'], sessionId: string, extra: Partial<FigureEvent> = {}): FigureEvent => ({ type, sessionId, mode: 'live', ...extra });
const k1 = { cardId: 'k1', productId: KETTLE };
const k2 = { cardId: 'k2', productId: MUG };
const hb = (sessionId: string, mode: FigureEvent['mode'], ...ms: number[]) => ms.map((mediaMs) => ev('heartbeat', sessionId, { mode, mediaMs }));

// Sessions A, B, C watch live; D the replay; E a clip (c1).
const EVENTS: FigureEvent[] = [
  ev('view', 'A'),
  ev('view', 'B'),
  ev('view', 'C'),
  ev('view', 'D', { mode: 'replay' }),
  ev('view', 'E', { mode: 'clip', clipId: 'c1' }),
  ...hb('A', 'live', 0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000), // 7: minute 0 ×6, minute 1
  ...hb('B', 'live', 5_000, 15_000, 65_000), // 3: minutes 0 and 1
  ...hb('C', 'live', 61_000, 71_000), // 2: minute 1
  ...hb('D', 'replay', 0, 10_000), // 2, not live
  ev('impression', 'A', k1),
  ev('impression', 'A', k1), // the same card again: once
  ev('impression', 'B', k1),
  ev('impression', 'C', k1),
  ev('impression', 'D', { ...k2, mode: 'replay' }),
  ev('click', 'A', k1),
  ev('click', 'B', k1),
  ev('click', 'B', k1), // twice: once
  ev('click', 'E', { ...k1, mode: 'clip' }), // never saw k1: not counted
  ev('add_to_cart', 'A', k1),
  ev('add_to_cart', 'B', k1),
  ev('add_to_cart', 'D', { ...k2, mode: 'replay' }),
];

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });
const line = (productId: string, price: string, quantity: number) => ({ lineId: `l-${productId}`, productId, title: productId, price: usd(price), priceSource: 'list' as const, quantity, available: true });
const order = (id: string, extra: Partial<Order>): Order => ({ id, showId: 's', cartId: `c-${id}`, lines: [], total: usd('0'), createdAt: 0, ...extra });
const ORDERS: Order[] = [
  order('o1', { mode: 'live', sessionId: 'A', lines: [line(KETTLE, '89.00', 1)], total: usd('89.00') }),
  order('o2', { mode: 'replay', sessionId: 'D', lines: [line(MUG, '22.00', 2)], total: usd('44.00'), refunded: usd('22.00') }),
  order('o3', { mode: 'clip', sessionId: 'E', lines: [line(KETTLE, '89.00', 1)], total: usd('89.00') }),
  order('o4', { lines: [line(MUG, '22.00', 1)], total: usd('22.00') }), // a store order without a session: live, no buyer
];

const STRETCHES: CardStretch[] = [
  { cardId: 'k1', productId: KETTLE, startMs: 0, endMs: 30_000 },
  { cardId: 'k1b', productId: KETTLE, startMs: 20_000, endMs: 50_000 }, // overlaps: 0–50 s once
  { cardId: 'k1c', productId: KETTLE, startMs: 100_000, endMs: 110_000 }, // +10 s
  { cardId: 'k2', productId: MUG, startMs: 50_000, endMs: 80_000 },
  { cardId: 'bad', productId: MUG, startMs: 90_000, endMs: 90_000 }, // empty: nothing
];

describe('audience', () => {
  it('viewers are distinct sessions with a view', () => expect(viewers(EVENTS)).toBe(5));
  it('viewer-minutes are heartbeats × 10 s ÷ 60', () => expect(viewerMinutes(EVENTS)).toBeCloseTo((14 * 10) / 60, 12));
  it('peak concurrency is the most live sessions with a heartbeat in one show minute', () => {
    expect(concurrencyByMinute(EVENTS)).toEqual([
      { minute: 0, sessions: 2 },
      { minute: 1, sessions: 3 },
    ]);
    expect(peakConcurrent(EVENTS)).toBe(3);
    expect(peakConcurrent([])).toBe(0);
  });
});

describe('cards', () => {
  it('counts impressions, clicks and adds once per session and card, clicks only after an impression', () => {
    expect(cardCounts(EVENTS)).toEqual({ impressions: 4, clicks: 2, addToCarts: 3 });
    expect(ctr(cardCounts(EVENTS))).toBe(0.5);
    expect(addToCartRate(cardCounts(EVENTS))).toBe(0.75);
  });
  it('card engagement is impression-to-click per card', () => {
    expect(cardEngagement(EVENTS)).toEqual([
      { cardId: 'k1', productId: KETTLE, impressions: 3, clicks: 2, rate: 2 / 3 },
      { cardId: 'k2', productId: MUG, impressions: 1, clicks: 0, rate: 0 },
    ]);
  });
  it('screen time counts overlapping stretches of a product once', () => {
    expect(screenTimeMs(STRETCHES)).toEqual(new Map([[KETTLE, 60_000], [MUG, 30_000]]));
  });
});

describe('money', () => {
  it('revenue is net of refunds, by mode', () => expect(revenueByMode(ORDERS)).toEqual({ live: 111, replay: 22, clip: 89, total: 222 }));
  it('buyers are distinct sessions with an order; view-to-purchase is buyers ÷ viewers', () => {
    expect(buyers(ORDERS)).toBe(3);
    expect(viewToPurchase(EVENTS, ORDERS)).toBe(0.6);
  });
  it('revenue per viewer-minute divides net revenue by viewer-minutes', () => expect(revenuePerViewerMinute(EVENTS, ORDERS)).toBeCloseTo(222 / (140 / 60), 10));
  it('splits revenue between live, replay and clip', () => expect(revenueSplit(ORDERS)).toEqual({ live: 0.5, replay: 22 / 222, clip: 89 / 222 }));
  it('clip conversion is clip orders ÷ the clip\'s viewers', () => expect(clipConversion(EVENTS, ORDERS)).toEqual([{ clipId: 'c1', viewers: 1, orders: 1, rate: 1 }]));
});

describe('the products table', () => {
  it('has screen time, interactions, orders, units and net revenue per product', () => {
    const byId = new Map(productFigures(EVENTS, ORDERS, STRETCHES).map((p) => [p.productId, p]));
    expect(byId.get(KETTLE)).toEqual({ productId: KETTLE, screenTimeMs: 60_000, impressions: 3, clicks: 2, ctr: 2 / 3, addToCarts: 2, orders: 2, units: 2, revenue: 178 });
    expect(byId.get(MUG)).toEqual({ productId: MUG, screenTimeMs: 30_000, impressions: 1, clicks: 0, ctr: 0, addToCarts: 1, orders: 2, units: 3, revenue: 44 });
  });
  it('shares a refund across the lines of its order', () => {
    const mixed = order('o5', { lines: [line(KETTLE, '80.00', 1), line(MUG, '20.00', 1)], total: usd('100.00'), refunded: usd('50.00') });
    const byId = new Map(productFigures([], [mixed], []).map((p) => [p.productId, p.revenue]));
    expect(byId).toEqual(new Map([[KETTLE, 40], [MUG, 10]]));
  });
});

describe('rates', () => {
  it('suggestion acceptance is taken ÷ made, and nothing to divide by is 0', () => {
    expect(suggestionAcceptance({ suggested: 12, accepted: 3 })).toBe(0.25);
    expect(suggestionAcceptance({ suggested: 0, accepted: 0 })).toBe(0);
    expect(ratio(1, 0)).toBe(0);
  });
});

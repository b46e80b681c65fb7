// Every figure against a small show worked out by hand (the numbers in the comments).
import { describe, expect, it } from 'vitest';
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
} from './figures.js';
import * as figures from './figures.js';
import { EVENTS, KETTLE, line, MUG, order, ORDERS, STRETCHES, usd } from './fixtures.test-support.js';

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

describe('playback quality', () => {
  it("is Mux's startup time per session and rebuffering over watch time, worked out by hand", () => {
    const samples = [
      { sessionId: 'a', startupMs: 800, watchMs: 800, rebufferMs: 0 },
      { sessionId: 'a', watchMs: 10_000, rebufferMs: 1_000 },
      // A second startup of the same session (after a reload of the player) does not count again.
      { sessionId: 'a', startupMs: 5_000, watchMs: 5_000, rebufferMs: 0 },
      { sessionId: 'b', startupMs: 2_000, watchMs: 12_000, rebufferMs: 2_000 },
      { sessionId: 'c', startupMs: 1_200, watchMs: 2_200, rebufferMs: 0 },
    ];
    const totals = figures.qualityTotals(samples);
    expect(totals).toEqual({ watchMs: 30_000, rebufferMs: 3_000, startups: [800, 2_000, 1_200] });
    expect(figures.qualityFigures(totals)).toEqual({ startupMs: { median: 1_200, p90: 2_000, sessions: 3 }, rebufferingRatio: 0.1, watchMs: 30_000, rebufferMs: 3_000 });
  });

  it('is zero with nothing measured, and percentiles take the nearest rank', () => {
    expect(figures.qualityFigures(figures.qualityTotals([]))).toEqual({ startupMs: { median: 0, p90: 0, sessions: 0 }, rebufferingRatio: 0, watchMs: 0, rebufferMs: 0 });
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([figures.percentile(ten, 0.5), figures.percentile(ten, 0.9), figures.percentile(ten, 1), figures.percentile([7], 0.9)]).toEqual([5, 9, 10, 7]);
  });
});

import { describe, expect, it } from 'vitest';
import * as figures from './figures.js';
import { aggregate, analyticsReport } from './report.js';
import { EVENTS, KETTLE, ORDERS, STRETCHES } from './fixtures.test-support.js';

describe('the analytics report from aggregates', () => {
  const agg = aggregate(EVENTS);
  const report = analyticsReport('s', agg, ORDERS, STRETCHES, 'USD');

  it('keeps each view, interaction and live minute once, and counts heartbeats', () => {
    expect(agg.views).toHaveLength(5);
    expect(agg.heartbeats).toEqual({ live: 12, replay: 2, clip: 0 });
    expect(agg.liveMinutes).toHaveLength(5); // A and B in minutes 0 and 1, C in minute 1
    // A-k1, B-k1, C-k1, D-k2 impressions; A-k1, B-k1, E-k1 clicks (E's not counted later); A, B, D adds
    expect(agg.pairs).toHaveLength(10);
  });

  it('gives the same figures as the events they came from', () => {
    expect(report).toMatchObject({
      showId: 's',
      viewers: figures.viewers(EVENTS),
      viewerMinutes: figures.viewerMinutes(EVENTS),
      peakConcurrent: figures.peakConcurrent(EVENTS),
      ...figures.cardCounts(EVENTS),
      orders: 4,
      buyers: figures.buyers(ORDERS),
      viewToPurchase: figures.viewToPurchase(EVENTS, ORDERS),
      revenuePerViewerMinute: figures.revenuePerViewerMinute(EVENTS, ORDERS),
      revenue: { live: 111, replay: 22, clip: 89, total: 222, currencyCode: 'USD' },
      concurrency: figures.concurrencyByMinute(EVENTS),
    });
    expect(report.products).toEqual(figures.productFigures(EVENTS, ORDERS, STRETCHES));
  });

  it('splits the audience and the money by mode', () => {
    expect(report.byMode.live).toEqual({ viewers: 3, viewerMinutes: 2, impressions: 3, clicks: 2, addToCarts: 2, orders: 2, revenue: 111 });
    expect(report.byMode.replay).toEqual({ viewers: 1, viewerMinutes: 20 / 60, impressions: 1, clicks: 0, addToCarts: 1, orders: 1, revenue: 22 });
    expect(report.byMode.clip).toEqual({ viewers: 1, viewerMinutes: 0, impressions: 0, clicks: 0, addToCarts: 0, orders: 1, revenue: 89 });
    expect(report.products.find((p) => p.productId === KETTLE)?.revenue).toBe(178);
  });
});

import { describe, expect, it } from 'vitest';
import { acceptance, concurrencySeries, duration, funnelSteps, modeRows, percent, productRows, seconds, type ReportResponse } from './report-model.js';

const zero = { viewers: 0, viewerMinutes: 0, impressions: 0, clicks: 0, addToCarts: 0, orders: 0, revenue: 0 };
const product = (productId: string, revenue: number, screenTimeMs: number) => ({ productId, screenTimeMs, impressions: 10, clicks: 2, ctr: 0.2, addToCarts: 1, orders: 1, units: 1, revenue });
const report: ReportResponse = {
  showId: 's',
  viewers: 40,
  viewerMinutes: 120,
  peakConcurrent: 30,
  impressions: 160,
  clicks: 20,
  addToCarts: 8,
  orders: 2,
  buyers: 2,
  revenue: { live: 90, replay: 30, clip: 0, total: 120, currencyCode: 'USD' },
  viewToPurchase: 0.05,
  revenuePerViewerMinute: 1,
  byMode: { live: { ...zero, viewers: 30, revenue: 90 }, replay: { ...zero, viewers: 10, revenue: 30 }, clip: zero },
  concurrency: [
    { minute: 0, sessions: 12 },
    { minute: 3, sessions: 30 },
  ],
  products: [product('b', 50, 1000), product('a', 70, 9000), product('c', 50, 4000)],
  quality: { startupMs: { median: 900, p90: 2100, sessions: 40 }, rebufferingRatio: 0.012, watchMs: 7_200_000, rebufferMs: 86_400 },
  funnel: { impression: 160, click: 20, add_to_cart: 8, checkout: 3, purchase: 2 },
  purchaseSignals: 1,
  suggestions: { pending: 4, taken: 3, dismissed: 1, ignored: 2 },
};

describe('the report page model', () => {
  it('turns the totals into a funnel with per-viewer impressions and step shares', () => {
    expect(funnelSteps(report)).toEqual([
      { label: 'Viewers', value: 40 },
      { label: 'Card impressions', value: 160, note: '4.0 per viewer' },
      { label: 'Clicks', value: 20, note: '13% of impressions' },
      { label: 'Adds to cart', value: 8, note: '40% of clicks' },
      { label: 'Orders', value: 2, note: '25% of adds' },
    ]);
  });

  it('fills the minutes nobody watched with zero', () => {
    expect(concurrencySeries(report)).toEqual({ minutes: [0, 1, 2, 3], sessions: [12, 0, 0, 30] });
    expect(concurrencySeries({ concurrency: [] })).toEqual({ minutes: [], sessions: [] });
  });

  it('splits revenue by mode with each share of the total', () => {
    expect(modeRows(report).map((r) => [r.label, r.viewers, r.revenue, r.share])).toEqual([
      ['Live', 30, 90, 0.75],
      ['Replay', 10, 30, 0.25],
      ['Clips', 0, 0, 0],
    ]);
  });

  it('titles products from the catalog and sorts them, ties by title', () => {
    const catalog = [
      { id: 'a', title: 'Kettle' },
      { id: 'b', title: 'Apron' },
    ];
    expect(productRows(report, catalog).map((r) => r.title)).toEqual(['Kettle', 'Apron', 'c']);
    expect(productRows(report, catalog, 'screenTimeMs').map((r) => r.productId)).toEqual(['a', 'c', 'b']);
    expect(productRows(report, catalog, 'title').map((r) => r.title)).toEqual(['Apron', 'c', 'Kettle']);
  });

  it('counts suggestion acceptance over the decided ones only', () => {
    expect(acceptance(report.suggestions)).toEqual({ suggested: 6, accepted: 3, rate: 0.5 });
    expect(acceptance({ pending: 2, taken: 0, dismissed: 0, ignored: 0 }).rate).toBe(0);
  });

  it('formats shares and durations for people', () => {
    expect([percent(0), percent(0.0042), percent(0.087), percent(0.5)]).toEqual(['0%', '0.42%', '8.7%', '50%']);
    expect([duration(4_400), duration(245_000), duration(3_720_000)]).toEqual(['4 s', '4 min 05 s', '1 h 02 min']);
    expect([seconds(0), seconds(840), seconds(2_345)]).toEqual(['—', '0.84 s', '2.3 s']);
  });
});

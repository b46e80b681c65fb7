// The analytics report (GET /api/shows/:id/analytics, DESIGN.md "Analytics") from aggregates, not raw events:
// what a relay keeps as beacons arrive (each distinct view, each distinct card interaction, heartbeat counts,
// the live sessions of each show minute). `aggregate` is the same reduction as a pure function, the reference
// the relay's stores are tested against; the figures themselves are the ones in figures.ts.
import type { Order } from '../contract/commerce.js';
import {
  cardCounts,
  cardKeyOf,
  concurrencyByMinute,
  FIGURE_MODES,
  minutesOf,
  peakConcurrent,
  productFigures,
  qualityFigures,
  qualityTotals,
  ratio,
  revenueByMode,
  buyers as countBuyers,
  viewers as countViewers,
  viewToPurchase,
  type CardStretch,
  type FigureEvent,
  type FigureMode,
  type ProductFigures,
  type QualityFigures,
  type QualityTotals,
} from './figures.js';

export type PairType = 'impression' | 'click' | 'add_to_cart';

/** What the report needs, kept incrementally. Every list holds each item once. */
export interface Aggregates {
  /** Distinct (session, mode, clip) with a view. */
  views: { sessionId: string; mode: FigureMode; clipId?: string | undefined }[];
  /** Heartbeats counted, by mode. */
  heartbeats: Record<FigureMode, number>;
  /** Distinct (show minute, session) with a live heartbeat. */
  liveMinutes: { minute: number; sessionId: string }[];
  /** Distinct (type, session, card) interactions, with the product and mode of the first. */
  pairs: { type: PairType; sessionId: string; cardKey: string; productId: string; mode: FigureMode }[];
  /** The playback quality: summed watch and stall time, each session's first startup time. */
  quality: QualityTotals;
}

const PAIR_TYPES = new Set<string>(['impression', 'click', 'add_to_cart']);

/** The aggregates of a list of counted events (the pure reference of what a store maintains). */
export function aggregate(events: readonly FigureEvent[]): Aggregates {
  const quality = qualityTotals(events.flatMap((e) => (e.type === 'quality' ? [{ sessionId: e.sessionId, startupMs: e.startupMs, watchMs: e.watchMs ?? 0, rebufferMs: e.rebufferMs ?? 0 }] : [])));
  const views = new Map<string, Aggregates['views'][number]>();
  const heartbeats: Record<FigureMode, number> = { live: 0, replay: 0, clip: 0 };
  const minutes = new Map<string, Aggregates['liveMinutes'][number]>();
  const pairs = new Map<string, Aggregates['pairs'][number]>();
  for (const e of events) {
    if (e.type === 'view') {
      const key = JSON.stringify([e.sessionId, e.mode, e.clipId ?? '']);
      if (!views.has(key)) views.set(key, { sessionId: e.sessionId, mode: e.mode, ...(e.clipId ? { clipId: e.clipId } : {}) });
    } else if (e.type === 'heartbeat') {
      heartbeats[e.mode] += 1;
      if (e.mode === 'live' && e.mediaMs !== undefined) {
        const minute = Math.floor(e.mediaMs / 60_000);
        const key = JSON.stringify([minute, e.sessionId]);
        if (!minutes.has(key)) minutes.set(key, { minute, sessionId: e.sessionId });
      }
    } else if (PAIR_TYPES.has(e.type) && e.productId !== undefined) {
      const cardKey = cardKeyOf(e);
      const key = JSON.stringify([e.type, e.sessionId, cardKey]);
      if (!pairs.has(key)) pairs.set(key, { type: e.type as PairType, sessionId: e.sessionId, cardKey, productId: e.productId, mode: e.mode });
    }
  }
  return { views: [...views.values()], heartbeats, liveMinutes: [...minutes.values()], pairs: [...pairs.values()], quality };
}

export interface ModeFigures {
  viewers: number;
  viewerMinutes: number;
  impressions: number;
  clicks: number;
  addToCarts: number;
  orders: number;
  revenue: number;
}

export interface AnalyticsReport {
  showId: string;
  viewers: number;
  viewerMinutes: number;
  peakConcurrent: number;
  impressions: number;
  clicks: number;
  addToCarts: number;
  orders: number;
  buyers: number;
  revenue: Record<FigureMode | 'total', number> & { currencyCode: string };
  viewToPurchase: number;
  revenuePerViewerMinute: number;
  byMode: Record<FigureMode, ModeFigures>;
  /** Distinct live sessions with a heartbeat per show minute. */
  concurrency: { minute: number; sessions: number }[];
  products: ProductFigures[];
  /** Startup time and rebuffering (Mux's definitions). */
  quality: QualityFigures;
}

/**
 * The aggregates as the events figures.ts counts: one per distinct view, live minute and interaction (the
 * figures count each of those once anyway), so every definition stays in figures.ts.
 */
function asEvents(agg: Aggregates) {
  const views: FigureEvent[] = agg.views.map((v) => ({ type: 'view', sessionId: v.sessionId, mode: v.mode, clipId: v.clipId }));
  const minutes: FigureEvent[] = agg.liveMinutes.map((m) => ({ type: 'heartbeat', sessionId: m.sessionId, mode: 'live', mediaMs: m.minute * 60_000 }));
  const interactions: FigureEvent[] = agg.pairs.map((p) => ({ type: p.type, sessionId: p.sessionId, mode: p.mode, productId: p.productId, ...(p.cardKey.startsWith('product:') ? {} : { cardId: p.cardKey }) }));
  return { views, minutes, interactions };
}

export function analyticsReport(showId: string, agg: Aggregates, orders: readonly Order[], stretches: readonly CardStretch[], currencyCode: string): AnalyticsReport {
  const { views, minutes, interactions } = asEvents(agg);
  const concurrency = concurrencyByMinute(minutes);
  const viewerMinutes = minutesOf(FIGURE_MODES.reduce((n, m) => n + agg.heartbeats[m], 0));
  const viewers = countViewers(views);
  const revenue = revenueByMode(orders);
  const counts = cardCounts(interactions);
  const buyers = countBuyers(orders);
  const byMode = Object.fromEntries(
    FIGURE_MODES.map((mode) => {
      const c = cardCounts(interactions.filter((e) => e.mode === mode));
      const modeOrders = orders.filter((o) => (o.mode ?? 'live') === mode);
      const figures: ModeFigures = {
        viewers: countViewers(views.filter((v) => v.mode === mode)),
        viewerMinutes: minutesOf(agg.heartbeats[mode]),
        impressions: c.impressions,
        clicks: c.clicks,
        addToCarts: c.addToCarts,
        orders: modeOrders.length,
        revenue: revenue[mode],
      };
      return [mode, figures];
    }),
  ) as Record<FigureMode, ModeFigures>;
  return {
    showId,
    viewers,
    viewerMinutes,
    peakConcurrent: peakConcurrent(minutes),
    impressions: counts.impressions,
    clicks: counts.clicks,
    addToCarts: counts.addToCarts,
    orders: orders.length,
    buyers,
    revenue: { ...revenue, currencyCode },
    viewToPurchase: viewToPurchase(views, orders),
    revenuePerViewerMinute: ratio(revenue.total, viewerMinutes),
    byMode,
    concurrency,
    products: productFigures(interactions, orders, stretches),
    quality: qualityFigures(agg.quality),
  };
}

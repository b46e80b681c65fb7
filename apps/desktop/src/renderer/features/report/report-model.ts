// The post-show report as the page draws it: the answer of GET /api/shows/:id/analytics turned into the funnel,
// the concurrency series, the split by mode and the products table. Every figure is the relay's (figures.ts in
// packages/shared defines them); this only arranges, joins product titles and formats.
import { figures, formatMoney, type AnalyticsReport, type Product } from '@cuecart/shared';

export type SuggestionFate = 'pending' | 'taken' | 'dismissed' | 'ignored';

/** What the relay answers: the DESIGN.md report plus the raw funnel, purchase signals and suggestion fates. */
export interface ReportResponse extends AnalyticsReport {
  funnel: Record<'impression' | 'click' | 'add_to_cart' | 'checkout' | 'purchase', number>;
  purchaseSignals: number;
  suggestions: Record<SuggestionFate, number>;
}

export interface FunnelStep {
  label: string;
  value: number;
  /** How it relates to the step before: "4.4 per viewer", "12% of impressions" (none for the first). */
  note?: string;
}

/**
 * Viewers → card impressions → clicks → adds to cart → orders. A viewer sees several cards, so impressions are
 * per viewer; each later step is its share of the one before (clicks ÷ impressions is the CTR).
 */
export function funnelSteps(r: ReportResponse): FunnelStep[] {
  const perViewer = figures.ratio(r.impressions, r.viewers);
  return [
    { label: 'Viewers', value: r.viewers },
    { label: 'Card impressions', value: r.impressions, note: `${perViewer.toFixed(1)} per viewer` },
    { label: 'Clicks', value: r.clicks, note: `${percent(figures.ratio(r.clicks, r.impressions))} of impressions` },
    { label: 'Adds to cart', value: r.addToCarts, note: `${percent(figures.ratio(r.addToCarts, r.clicks))} of clicks` },
    { label: 'Orders', value: r.orders, note: `${percent(figures.ratio(r.orders, r.addToCarts))} of adds` },
  ];
}

/** Live sessions per show minute from 0 to the last minute with any, the minutes nobody watched as 0. */
export function concurrencySeries(r: Pick<ReportResponse, 'concurrency'>): { minutes: number[]; sessions: number[] } {
  const last = r.concurrency.reduce((m, c) => Math.max(m, c.minute), -1);
  const byMinute = new Map(r.concurrency.map((c) => [c.minute, c.sessions]));
  const minutes = Array.from({ length: last + 1 }, (_, i) => i);
  return { minutes, sessions: minutes.map((m) => byMinute.get(m) ?? 0) };
}

export interface ModeRow {
  mode: 'live' | 'replay' | 'clip';
  label: string;
  viewers: number;
  viewerMinutes: number;
  orders: number;
  revenue: number;
  /** Of the show's net revenue. */
  share: number;
}

const MODE_LABELS = { live: 'Live', replay: 'Replay', clip: 'Clips' } as const;

export function modeRows(r: ReportResponse): ModeRow[] {
  return figures.FIGURE_MODES.map((mode) => {
    const m = r.byMode[mode];
    return { mode, label: MODE_LABELS[mode], viewers: m.viewers, viewerMinutes: m.viewerMinutes, orders: m.orders, revenue: m.revenue, share: figures.ratio(m.revenue, r.revenue.total) };
  });
}

/** A row of the products table: the relay's figures, with the product's title. */
export type ProductRow = figures.ProductFigures & { title: string };

export type SortKey = Exclude<keyof ProductRow, 'productId'>;

/**
 * The products table, titled from the catalog (a product gone from it keeps its id as its title), sorted by
 * `key` (revenue, most first, by default; titles A to Z), ties by title.
 */
export function productRows(r: Pick<ReportResponse, 'products'>, catalog: readonly Pick<Product, 'id' | 'title'>[], key: SortKey = 'revenue'): ProductRow[] {
  const titles = new Map(catalog.map((p) => [p.id, p.title]));
  const rows = r.products.map((p) => ({ ...p, title: titles.get(p.productId) ?? p.productId }));
  const byTitle = (a: ProductRow, b: ProductRow) => a.title.localeCompare(b.title);
  return rows.sort((a, b) => (key === 'title' ? byTitle(a, b) : b[key] - a[key] || byTitle(a, b)));
}

/** Suggestions taken on air ÷ those the producer decided on or let go (pending ones are not decided yet). */
export function acceptance(s: Record<SuggestionFate, number>): { suggested: number; accepted: number; rate: number } {
  const suggested = s.taken + s.dismissed + s.ignored;
  return { suggested, accepted: s.taken, rate: figures.suggestionAcceptance({ suggested, accepted: s.taken }) };
}

export const money = (amount: number, currencyCode: string): string => formatMoney({ amount: amount.toFixed(2), currencyCode });

export function percent(ratio: number): string {
  if (ratio === 0) return '0%';
  const p = ratio * 100;
  return `${p < 1 ? p.toFixed(2) : p < 10 ? p.toFixed(1) : Math.round(p)}%`;
}

export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Screen time: "45 s", "4 min 05 s", "1 h 02 min". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** A short time in seconds: "0.84 s", "2.3 s", "—" when nothing was measured. */
export function seconds(ms: number): string {
  if (ms <= 0) return '—';
  const s = ms / 1000;
  return `${s < 1 ? s.toFixed(2) : s.toFixed(1)} s`;
}

/** Show minute → "0:00", "1:05:00" for the concurrency chart's axis. */
export function showMinute(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:00` : `${m}:00`;
}

/** The counting rules the figures follow, as the report states them. */
export const COUNTING_RULES: readonly string[] = [
  'A viewer is a session that played at least 3 s; viewer-minutes are its heartbeats, one every 10 s of playback.',
  'Impressions, clicks and adds to cart count once per session and card; a click on a card the session never saw is not counted.',
  'A heartbeat counts only at a moment inside the show (not past its live edge or its recording).',
  'Peak concurrency is the most live sessions with a heartbeat in one minute of show time.',
  'Orders and revenue come only from orders the store recorded (the demo checkout or a verified store webhook), net of refunds; a page’s own purchase beacon is a signal, never money.',
  'Startup time and rebuffering follow Mux: startup from the play attempt to the first frame (per session, median and 90th percentile); rebuffering is stalled time after the first frame, not caused by a seek, over watch time.',
  'A repeated event id counts once.',
];

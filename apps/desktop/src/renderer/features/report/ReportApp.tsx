// /console/report/:show: the post-show report for the show's producer — the funnel, concurrency over show time,
// live vs replay vs clips, each product's screen time, impressions, CTR, adds to cart, orders and revenue —
// drawn with uPlot, with the products table as CSV. A live show's report refreshes every 30 s.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Product, Show } from '@cuecart/shared';
import type { Session } from '../../lib/session.js';
import { api } from '../../lib/relay.js';
import { axis, barOptions, Chart } from './Chart.js';
import {
  acceptance,
  concurrencySeries,
  count,
  COUNTING_RULES,
  duration,
  funnelSteps,
  seconds,
  modeRows,
  money,
  percent,
  productRows,
  showMinute,
  type ProductRow,
  type ReportResponse,
  type SortKey,
} from './report-model.js';
import '../console/console.css';
import './report.css';

type Load = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; report: ReportResponse; show: Show; catalog: Product[]; at: number };

const LIVE_REFRESH_MS = 30_000;

export function ReportApp({ session }: { session: Extract<Session, { ok: true }> }) {
  const showId = session.showId!;
  const path = `/api/shows/${encodeURIComponent(showId)}`;
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [sort, setSort] = useState<SortKey>('revenue');
  const [exporting, setExporting] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const [report, show, catalog] = await Promise.all([
      api<ReportResponse>(session.relay, session.token, `${path}/analytics`),
      api<Show>(session.relay, session.token, path),
      api<Product[]>(session.relay, session.token, `${path}/catalog`),
    ]);
    if (!report.ok) return setLoad({ kind: 'failed', message: report.error.message });
    if (!show.ok) return setLoad({ kind: 'failed', message: show.error.message });
    setLoad({ kind: 'loaded', report: report.value, show: show.value, catalog: catalog.ok ? catalog.value : [], at: Date.now() });
  }, [session.relay, session.token, path]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  const live = load.kind === 'loaded' && load.show.status === 'live';
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => void refresh(), LIVE_REFRESH_MS);
    return () => clearInterval(timer);
  }, [live, refresh]);

  async function exportCsv() {
    setExporting('Preparing the CSV…');
    try {
      const res = await fetch(`${session.relay}${path}/analytics?format=csv`, { headers: { authorization: `Bearer ${session.token}` } });
      if (!res.ok) throw new Error(`the relay answered ${res.status}`);
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `${showId}-products.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setExporting(null);
    } catch (error) {
      setExporting(`The CSV could not be made (${(error as Error).message}): try again.`);
    }
  }

  return (
    <div className="cc-console cc-report" data-testid="report">
      <header className="topbar">
        <span className="brand">CUECART</span>
        <span className="show-title">Report · {load.kind === 'loaded' ? load.show.title : showId}</span>
        {load.kind === 'loaded' && <span className={`report-status status-${load.show.status}`}>{load.show.status}</span>}
        <span className="legend-spacer" />
        {load.kind === 'loaded' && <span className="muted">as of {new Date(load.at).toLocaleTimeString()}</span>}
        <button type="button" className="btn" onClick={() => void refresh()}>
          Refresh
        </button>
        <button type="button" className="btn btn-primary" data-testid="export-csv" onClick={() => void exportCsv()} disabled={load.kind !== 'loaded'}>
          Export CSV
        </button>
      </header>
      {exporting && (
        <p className="report-note" role="status">
          {exporting}
        </p>
      )}
      {load.kind === 'loading' && <p className="report-note">Loading the report…</p>}
      {load.kind === 'failed' && (
        <p className="report-note error-text" role="alert" data-testid="report-error">
          The report could not be loaded: {load.message}
        </p>
      )}
      {load.kind === 'loaded' && <ReportBody report={load.report} catalog={load.catalog} sort={sort} onSort={setSort} />}
    </div>
  );
}

function ReportBody({ report, catalog, sort, onSort }: { report: ReportResponse; catalog: Product[]; sort: SortKey; onSort: (k: SortKey) => void }) {
  const currency = report.revenue.currencyCode;
  const cash = useCallback((n: number) => money(n, currency), [currency]);
  const suggestions = acceptance(report.suggestions);
  const rows = useMemo(() => productRows(report, catalog, sort), [report, catalog, sort]);
  const empty = report.viewers === 0 && report.orders === 0 && report.products.length === 0;

  const tiles: { label: string; value: string; hint?: string; id: string }[] = [
    { id: 'viewers', label: 'Viewers', value: count(report.viewers), hint: `${count(report.byMode.live.viewers)} live · ${count(report.byMode.replay.viewers)} replay` },
    { id: 'viewer-minutes', label: 'Viewer-minutes', value: count(report.viewerMinutes) },
    { id: 'peak', label: 'Peak concurrent', value: count(report.peakConcurrent) },
    { id: 'orders', label: 'Orders', value: count(report.orders), hint: `${count(report.buyers)} buyers` },
    { id: 'revenue', label: 'Revenue (net)', value: cash(report.revenue.total) },
    { id: 'view-to-purchase', label: 'View → purchase', value: percent(report.viewToPurchase) },
    { id: 'rpvm', label: 'Revenue / viewer-minute', value: cash(report.revenuePerViewerMinute) },
    { id: 'suggestions', label: 'Suggestions taken', value: percent(suggestions.rate), hint: `${count(suggestions.accepted)} of ${count(suggestions.suggested)}` },
    { id: 'startup', label: 'Startup time', value: seconds(report.quality.startupMs.median), hint: `median · p90 ${seconds(report.quality.startupMs.p90)}` },
    { id: 'rebuffering', label: 'Rebuffering', value: percent(report.quality.rebufferingRatio), hint: 'of watch time' },
  ];

  return (
    <main className="report-grid">
      <section className="report-tiles" aria-label="Totals">
        {tiles.map((t) => (
          <div className="tile" key={t.id} data-testid={`tile-${t.id}`}>
            <span className="tile-label">{t.label}</span>
            <span className="tile-value">{t.value}</span>
            {t.hint && <span className="muted">{t.hint}</span>}
          </div>
        ))}
      </section>
      {empty && (
        <p className="report-note" data-testid="report-empty">
          Nobody has watched this show yet: the report fills in as viewers play it, see its cards and buy.
        </p>
      )}
      <ConcurrencyPanel report={report} />
      <FunnelPanel report={report} />
      <ModePanel report={report} cash={cash} />
      <ProductCharts rows={rows} cash={cash} />
      <ProductsTable rows={rows} sort={sort} onSort={onSort} cash={cash} />
      <section className="panel report-rules" aria-labelledby="rules-title">
        <div className="panel-head">
          <h2 id="rules-title">How these are counted</h2>
        </div>
        <ul>
          {COUNTING_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
          <li>
            Purchase beacons from pages: {count(report.purchaseSignals)} (signals only, not counted as orders).
          </li>
        </ul>
      </section>
    </main>
  );
}

function Panel({ id, title, wide, children }: { id: string; title: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <section className={`panel report-panel${wide ? ' wide' : ''}`} aria-labelledby={`${id}-title`} data-testid={`panel-${id}`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>{title}</h2>
      </div>
      {children}
    </section>
  );
}

function ConcurrencyPanel({ report }: { report: ReportResponse }) {
  const series = useMemo(() => concurrencySeries(report), [report]);
  const options = useMemo(
    () => ({
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: { range: (_u: unknown, _min: number, max: number): [number, number] => [0, max > 0 ? max * 1.15 : 1] } },
      axes: [axis({ values: (_u: unknown, splits: number[]) => splits.map((m) => (Number.isInteger(m) ? showMinute(m) : '')) }), axis({ size: 56 })],
      series: [{ label: 'Show time' }, { label: 'Live viewers', stroke: '#3ea6ff', width: 2, fill: 'rgba(62,166,255,0.18)', points: { show: false } }],
    }),
    [],
  );
  const data = useMemo(() => [series.minutes, series.sessions] as [number[], number[]], [series]);
  return (
    <Panel id="concurrency" title="Live viewers over show time" wide>
      {series.minutes.length === 0 ? <p className="empty">No live heartbeats yet.</p> : <Chart options={options} data={data} height={220} label={`Live viewers per show minute, peak ${report.peakConcurrent}`} testId="chart-concurrency" />}
    </Panel>
  );
}

function FunnelPanel({ report }: { report: ReportResponse }) {
  const steps = useMemo(() => funnelSteps(report), [report]);
  const options = useMemo(() => barOptions(steps.map((s) => s.label), { label: 'Count', fill: '#3ea6ff', value: (v) => count(v) }), [steps]);
  const data = useMemo(() => [steps.map((_, i) => i), steps.map((s) => s.value)] as [number[], number[]], [steps]);
  return (
    <Panel id="funnel" title="Funnel">
      <Chart options={options} data={data} height={190} label="Viewers, impressions, clicks, adds to cart and orders" testId="chart-funnel" />
      <ol className="funnel-steps">
        {steps.map((s) => (
          <li key={s.label}>
            <span>{s.label}</span>
            <b>{count(s.value)}</b>
            <span className="muted">{s.note ?? ''}</span>
          </li>
        ))}
      </ol>
    </Panel>
  );
}

function ModePanel({ report, cash }: { report: ReportResponse; cash: (n: number) => string }) {
  const rows = useMemo(() => modeRows(report), [report]);
  const options = useMemo(() => barOptions(rows.map((r) => r.label), { label: 'Revenue', fill: '#2ecc71', value: cash }), [rows, cash]);
  const data = useMemo(() => [rows.map((_, i) => i), rows.map((r) => r.revenue)] as [number[], number[]], [rows]);
  return (
    <Panel id="modes" title="Live vs replay vs clips">
      <Chart options={options} data={data} height={190} label="Revenue by mode" testId="chart-modes" />
      <table className="report-table compact">
        <thead>
          <tr>
            <th />
            <th>Viewers</th>
            <th>Viewer-min</th>
            <th>Orders</th>
            <th>Revenue</th>
            <th>Share</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.mode} data-testid={`mode-${r.mode}`}>
              <th>{r.label}</th>
              <td>{count(r.viewers)}</td>
              <td>{count(r.viewerMinutes)}</td>
              <td>{count(r.orders)}</td>
              <td>{cash(r.revenue)}</td>
              <td>{percent(r.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function ProductCharts({ rows, cash }: { rows: ProductRow[]; cash: (n: number) => string }) {
  const top = useMemo(() => rows.slice(0, 12), [rows]);
  const revenue = useMemo(() => barOptions(top.map((r) => r.title), { label: 'Revenue', fill: '#2ecc71', value: cash }), [top, cash]);
  const screen = useMemo(() => barOptions(top.map((r) => r.title), { label: 'Screen time', fill: '#f5a623', value: (v) => duration(v) }), [top]);
  const revenueData = useMemo(() => [top.map((_, i) => i), top.map((r) => r.revenue)] as [number[], number[]], [top]);
  const screenData = useMemo(() => [top.map((_, i) => i), top.map((r) => r.screenTimeMs)] as [number[], number[]], [top]);
  if (top.length === 0) return null;
  return (
    <>
      <Panel id="product-revenue" title="Revenue by product">
        <Chart options={revenue} data={revenueData} height={240} label="Net revenue per product" testId="chart-product-revenue" />
      </Panel>
      <Panel id="product-screen" title="Screen time by product">
        <Chart options={screen} data={screenData} height={240} label="Time each product's card was on air" testId="chart-product-screen" />
      </Panel>
    </>
  );
}

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'title', label: 'Product' },
  { key: 'screenTimeMs', label: 'Screen time' },
  { key: 'impressions', label: 'Impressions' },
  { key: 'clicks', label: 'Clicks' },
  { key: 'ctr', label: 'CTR' },
  { key: 'addToCarts', label: 'Adds to cart' },
  { key: 'orders', label: 'Orders' },
  { key: 'units', label: 'Units' },
  { key: 'revenue', label: 'Revenue' },
];

function ProductsTable({ rows, sort, onSort, cash }: { rows: ProductRow[]; sort: SortKey; onSort: (k: SortKey) => void; cash: (n: number) => string }) {
  const cell = (r: ProductRow, key: SortKey) => {
    if (key === 'title') return r.title;
    if (key === 'screenTimeMs') return duration(r.screenTimeMs);
    if (key === 'ctr') return percent(r.ctr);
    if (key === 'revenue') return cash(r.revenue);
    return count(r[key]);
  };
  return (
    <Panel id="products" title="Products" wide>
      {rows.length === 0 ? (
        <p className="empty">No product was on air or bought yet.</p>
      ) : (
        <table className="report-table" data-testid="products-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} aria-sort={sort === c.key ? (c.key === 'title' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" className="sort" onClick={() => onSort(c.key)}>
                    {c.label}
                    {sort === c.key ? (c.key === 'title' ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.productId} data-product-id={r.productId}>
                {COLUMNS.map((c) => (c.key === 'title' ? <th key={c.key}>{cell(r, c.key)}</th> : <td key={c.key}>{cell(r, c.key)}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

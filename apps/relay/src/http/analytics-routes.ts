// REST: the show's analytics for its producer (DESIGN.md "Analytics": the report from the aggregates kept as
// beacons arrived, never the raw events), with the funnel and what happened to suggestions. Orders and revenue
// come only from the orders the relay recorded itself; a page's `purchase` beacon is a signal, counted apart
// (`purchaseSignals`), never money.
import { Router } from 'express';
import { analyticsReport, cardStretches, type Order } from '@cuecart/shared';
import type { RelayContext } from '../context.js';
import { requireShowRole } from './auth.js';
import { send } from './respond.js';

const FUNNEL = ['impression', 'click', 'add_to_cart', 'checkout', 'purchase'] as const;

export function analyticsRoutes(ctx: RelayContext): Router {
  const router = Router();
  router.get('/api/shows/:id/analytics', requireShowRole(ctx.tokens, ['producer']), async (req, res) => {
    const id = String(req.params.id);
    if (!ctx.authority.get(id)) return send(res, 'not_found', `show "${id}" does not exist`);
    const rt = ctx.authority.get(id)!;
    const counts = ctx.track.countsByType(id);
    const funnel = Object.fromEntries(FUNNEL.map((t) => [t, counts[t] ?? 0]));
    const orders = await ctx.commerce.orders(id);
    const log = await ctx.authority.stateLog(id);
    const epoch = rt.show.streamEpochMs;
    // A card still on air counts until now; an ended show's cards ended with it.
    const endMs = epoch === undefined ? 0 : Math.max(0, Date.now() - epoch);
    const currency = orders[0]?.total.currencyCode ?? rt.products[0]?.price.currencyCode ?? 'USD';
    const report = analyticsReport(id, await ctx.aggregates.read(id), orders, cardStretches(log, epoch, endMs), currency);
    if (req.query.format === 'csv') {
      res.type('text/csv').attachment(`${id}-products.csv`).send(productsCsv(report.products));
      return;
    }
    res.json({
      ...report,
      funnel,
      purchaseSignals: counts.purchase_signal ?? 0,
      suggestions: ctx.transcript.suggestions.fates(id),
    });
  });
  return router;
}

const CSV_COLUMNS = ['productId', 'screenTimeMs', 'impressions', 'clicks', 'ctr', 'addToCarts', 'orders', 'units', 'revenue'] as const;

/** The products table as CSV (RFC 4180: fields with a comma, quote or line break are quoted). */
export function productsCsv(products: readonly Record<(typeof CSV_COLUMNS)[number], string | number>[]): string {
  const field = (v: string | number) => {
    const text = String(v);
    // A leading =, +, - or @ would be a formula in a spreadsheet: quote it as text.
    const safe = /^[=+\-@]/.test(text) && typeof v === 'string' ? `'${text}` : text;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [CSV_COLUMNS.join(','), ...products.map((p) => CSV_COLUMNS.map((c) => field(p[c])).join(','))].join('\r\n') + '\r\n';
}

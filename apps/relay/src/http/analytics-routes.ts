// REST: the show's funnel for its producer (impressions → purchases, revenue, what happened to suggestions).
// Orders and revenue come only from the orders the relay recorded itself; a page's `purchase` beacon is a
// signal, counted apart (`purchaseSignals`), never money.
import { Router } from 'express';
import type { Order } from '@cuecart/shared';
import type { RelayContext } from '../context.js';
import { toUnits } from '../commerce/money.js';
import { requireShowRole } from './auth.js';
import { send } from './respond.js';

const FUNNEL = ['impression', 'click', 'add_to_cart', 'checkout', 'purchase'] as const;

export function analyticsRoutes(ctx: RelayContext): Router {
  const router = Router();
  router.get('/api/shows/:id/analytics', requireShowRole(ctx.tokens, ['producer']), async (req, res) => {
    const id = String(req.params.id);
    if (!ctx.authority.get(id)) return send(res, 'not_found', `show "${id}" does not exist`);
    const counts = ctx.track.countsByType(id);
    const funnel = Object.fromEntries(FUNNEL.map((t) => [t, counts[t] ?? 0]));
    const orders = await ctx.commerce.orders(id);
    res.json({
      showId: id,
      funnel,
      purchaseSignals: counts.purchase_signal ?? 0,
      revenue: revenueByMode(orders),
      suggestions: ctx.transcript.suggestions.fates(id),
      orders: orders.length,
    });
  });
  return router;
}

/** Order totals net of refunds by where the shopper was, in the show's currency units (a clip counts with replay here). */
export function revenueByMode(orders: readonly Order[]): { live: number; replay: number } {
  const units = { live: 0, replay: 0 };
  for (const o of orders) units[(o.mode ?? 'live') === 'live' ? 'live' : 'replay'] += toUnits(o.total.amount) - (o.refunded ? toUnits(o.refunded.amount) : 0);
  return { live: units.live / 10_000, replay: units.replay / 10_000 };
}

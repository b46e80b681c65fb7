// REST: the show's funnel for its producer (impressions → purchases, revenue, what happened to suggestions).
import { Router } from 'express';
import type { RelayContext } from '../context.js';
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
    res.json({ showId: id, funnel, revenue: ctx.track.revenueByMode(id), suggestions: ctx.transcript.suggestions.fates(id), orders: (await ctx.commerce.orders(id)).length });
  });
  return router;
}

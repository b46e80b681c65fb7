// REST: the cart inside the video (carts, lines, checkout, orders), behind the show's commerce provider.
import express, { Router, type Request, type Response } from 'express';
import { AddLineBody, CART_SESSION_HEADER, CreateCartBody, ExternalId, PlaceOrderBody, RestockAlertBody, UpdateLineBody, type RestockAlerts } from '@cuecart/shared';
import type { Result } from '../commerce/commerce-provider.js';
import type { RelayContext } from '../context.js';
import { byIp, restRateLimit } from '../limits/rest-limits.js';
import { requireShowRole } from './auth.js';
import { parseBody, send, sendError } from './respond.js';

function reply<T>(res: Response, result: Result<T>, status = 200): void {
  if (!result.ok) return sendError(res, result.error);
  res.status(status).json(result.value);
}

/** The session a cart request speaks for (the cart answers only the session that made it). */
function sessionOf(req: Request): string | undefined {
  const value = req.headers[CART_SESSION_HEADER];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function commerceRoutes(ctx: RelayContext): Router {
  const router = Router();
  const { limits } = ctx;
  // Comes before the body parser on each route: one bucket per IP for every cart and order route.
  const limit = restRateLimit('cart requests from this address', limits.rest.cart, byIp, { limits });
  const small = express.json({ limit: '16kb' });
  const store = ctx.commerce;

  router.post('/api/shows/:id/carts', limit, small, async (req, res) => {
    const body = parseBody(req, res, CreateCartBody, 'the cart');
    if (body) reply(res, await store.createCart(String(req.params.id), body.sessionId, body.mode, req.ip), 201);
  });

  router.get('/api/carts/:cartId', limit, async (req, res) => reply(res, await store.getCart(String(req.params.cartId), sessionOf(req), req.ip)));

  router.post('/api/carts/:cartId/lines', limit, small, async (req, res) => {
    const body = parseBody(req, res, AddLineBody, 'the cart line');
    if (body) reply(res, await store.addLine(String(req.params.cartId), sessionOf(req), body, req.ip));
  });

  router.patch('/api/carts/:cartId/lines/:lineId', limit, small, async (req, res) => {
    const lineId = ExternalId.safeParse(req.params.lineId);
    if (!lineId.success) return send(res, 'invalid', 'the line id in the path is not valid');
    const body = parseBody(req, res, UpdateLineBody, 'the quantity');
    if (body) reply(res, await store.updateLine(String(req.params.cartId), sessionOf(req), lineId.data, body.quantity, req.ip));
  });

  router.post('/api/carts/:cartId/checkout', limit, async (req, res) => reply(res, await store.startCheckout(String(req.params.cartId), sessionOf(req), req.ip)));

  router.post('/api/carts/:cartId/orders', limit, small, async (req, res) => {
    const body = parseBody(req, res, PlaceOrderBody, 'the order');
    if (!body) return;
    const placed = await store.placeOrder(String(req.params.cartId), sessionOf(req), body);
    if (!placed.ok) return sendError(res, placed.error);
    if (placed.value.created) ctx.logger.info({ show: placed.value.order.showId, order: placed.value.order.id, total: placed.value.order.total }, 'order placed');
    res.status(placed.value.created ? 201 : 200).json(placed.value.order);
  });

  router.get('/api/shows/:id/orders', limit, requireShowRole(ctx.tokens, ['producer']), async (req, res) => {
    res.json(await store.orders(String(req.params.id)));
  });

  // "Notify me when it's back": only for a product of the show that is sold out, only with the shopper's consent.
  router.post('/api/shows/:id/restock-alerts', limit, small, async (req, res) => {
    const body = parseBody(req, res, RestockAlertBody, 'the restock alert');
    if (!body) return;
    const showId = String(req.params.id);
    const rt = ctx.authority.get(showId);
    if (!rt) return send(res, 'not_found', `no show "${showId}"`);
    const product = rt.catalog.get(body.productId);
    if (!product) return send(res, 'not_found', `show "${showId}" has no product "${body.productId}"`);
    if (product.available) return send(res, 'conflict', `${product.title} is in stock: add it to your cart instead`);
    const { created } = await ctx.restockAlerts.add(showId, { productId: product.id, email: body.email, at: Date.now() });
    res.status(created ? 201 : 200).json({ productId: product.id, created });
  });

  router.get('/api/shows/:id/restock-alerts', limit, requireShowRole(ctx.tokens, ['producer']), async (req, res) => {
    const showId = String(req.params.id);
    const catalog = ctx.authority.get(showId)?.catalog;
    const byProduct = new Map<string, RestockAlerts[number]>();
    for (const a of await ctx.restockAlerts.list(showId)) {
      const entry = byProduct.get(a.productId) ?? { productId: a.productId, title: catalog?.get(a.productId)?.title ?? a.productId, waiting: [] };
      entry.waiting.push({ email: a.email, at: a.at });
      byProduct.set(a.productId, entry);
    }
    res.json([...byProduct.values()] satisfies RestockAlerts);
  });

  return router;
}

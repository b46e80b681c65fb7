// REST: the cart inside the video (carts, lines, checkout, orders), behind the show's commerce provider.
import express, { Router, type Response } from 'express';
import { AddLineBody, CreateCartBody, ExternalId, PlaceOrderBody, UpdateLineBody } from '@cuecart/shared';
import type { Result } from '../commerce/commerce-provider.js';
import type { RelayContext } from '../context.js';
import { limitsFromEnv } from '../limits/limits.js';
import { byIp, restRateLimit } from '../limits/rest-limits.js';
import { requireShowRole } from './auth.js';
import { parseBody, send, sendError } from './respond.js';

function reply<T>(res: Response, result: Result<T>, status = 200): void {
  if (!result.ok) return sendError(res, result.error);
  res.status(status).json(result.value);
}

export function commerceRoutes(ctx: RelayContext): Router {
  const router = Router();
  const limits = limitsFromEnv();
  // Comes before the body parser on each route: one bucket per IP for every cart and order route.
  const limit = restRateLimit('cart requests from this address', limits.rest.cart, byIp, { limits });
  const small = express.json({ limit: '16kb' });
  const store = ctx.commerce;

  router.post('/api/shows/:id/carts', limit, small, (req, res) => {
    const body = parseBody(req, res, CreateCartBody, 'the cart');
    if (body) reply(res, store.createCart(String(req.params.id), body.sessionId), 201);
  });

  router.get('/api/carts/:cartId', limit, (req, res) => reply(res, store.getCart(String(req.params.cartId))));

  router.post('/api/carts/:cartId/lines', limit, small, (req, res) => {
    const body = parseBody(req, res, AddLineBody, 'the cart line');
    if (body) reply(res, store.addLine(String(req.params.cartId), body));
  });

  router.patch('/api/carts/:cartId/lines/:productId', limit, small, (req, res) => {
    const productId = ExternalId.safeParse(req.params.productId);
    if (!productId.success) return send(res, 'invalid', 'the product id in the path is not valid');
    const body = parseBody(req, res, UpdateLineBody, 'the quantity');
    if (body) reply(res, store.updateLine(String(req.params.cartId), productId.data, body.quantity));
  });

  router.post('/api/carts/:cartId/checkout', limit, (req, res) => reply(res, store.startCheckout(String(req.params.cartId))));

  router.post('/api/carts/:cartId/orders', limit, small, (req, res) => {
    const body = parseBody(req, res, PlaceOrderBody, 'the order');
    if (!body) return;
    const placed = store.placeOrder(String(req.params.cartId), body);
    if (!placed.ok) return sendError(res, placed.error);
    if (placed.value.created) ctx.logger.info({ show: placed.value.order.showId, order: placed.value.order.id, total: placed.value.order.total }, 'order placed');
    res.status(placed.value.created ? 201 : 200).json(placed.value.order);
  });

  router.get('/api/shows/:id/orders', limit, requireShowRole(ctx.tokens, ['producer']), (req, res) => {
    res.json(store.orders(String(req.params.id)));
  });

  return router;
}

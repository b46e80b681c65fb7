// REST for Shopify stores: the webhook endpoint (raw body, signature first), and for the console the
// connection test and the product picker of a store that no show uses yet, and a show's store status.
import express, { Router } from 'express';
import { ShopifyCatalogSpec } from '@cuecart/shared';
import type { RelayContext } from '../context.js';
import { testConnection } from '../commerce/shopify/connection-test.js';
import { ShopifyCatalogReader } from '../commerce/shopify/shopify-catalog.js';
import { requireAdmin, requireShowRole } from './auth.js';
import { parseBody, send, sendError } from './respond.js';

/** Shopify sends bodies up to a few hundred KB (an order with many lines). */
const WEBHOOK_LIMIT = '2mb';

export function shopifyRoutes(ctx: RelayContext): Router {
  const router = Router();
  const admin = requireAdmin(ctx.adminToken);
  const small = express.json({ limit: '64kb' });
  const { shops, webhooks, refresher } = ctx.shopify;

  // The raw bytes, never parsed JSON: the signature is over exactly what Shopify sent.
  router.post('/api/webhooks/shopify', express.raw({ type: () => true, limit: WEBHOOK_LIMIT }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const answer = await webhooks.receive(req.headers, raw);
    res.status(answer.status).json(answer.body);
  });

  router.post('/api/commerce/shopify/test', admin, small, async (req, res) => {
    const spec = parseBody(req, res, ShopifyCatalogSpec, 'the store');
    if (!spec) return;
    const tested = await testConnection(spec, shops.clientOf(spec));
    if (!tested.ok) return sendError(res, tested.error);
    res.json(tested.report);
  });

  router.post('/api/commerce/shopify/products', admin, small, async (req, res) => {
    const spec = parseBody(req, res, ShopifyCatalogSpec, 'the store');
    if (!spec) return;
    const loaded = await new ShopifyCatalogReader(shops.clientOf(spec)).load(spec);
    if (!loaded.ok) return sendError(res, loaded.error);
    res.json({ products: loaded.catalog.products, inventory: loaded.catalog.inventory, skipped: loaded.catalog.skipped });
  });

  router.get('/api/shows/:id/store', requireShowRole(ctx.tokens, ['producer']), (req, res) => {
    const status = refresher.status(String(req.params.id));
    if (!status) return send(res, 'not_found', `show "${String(req.params.id)}" does not sell from a connected store`);
    res.json(status);
  });

  router.post('/api/shows/:id/store/refresh', requireShowRole(ctx.tokens, ['producer']), async (req, res) => {
    const id = String(req.params.id);
    if (!shops.specOf(id)) return send(res, 'not_found', `show "${id}" does not sell from a connected store`);
    await refresher.refreshNow(id);
    res.json(refresher.status(id));
  });

  return router;
}

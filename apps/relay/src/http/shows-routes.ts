// REST: shows (create, list, change, calendar event), tokens (issue, list, revoke, rotate), commands and products (API v1).
import express, { Router } from 'express';
import { Command, CreateShowBody, RevokeTokenBody, RotateTokenBody, TokenRequest, UpdateShowBody, httpStatusOf, type Product } from '@cuecart/shared';
import { loadCatalog } from '../catalog/load-catalog.js';
import { rundownProducts } from '../shows/rundown.js';
import { checkProviderUrl } from '../net/public-address.js';
import type { RelayContext } from '../context.js';
import { RevocationNotSaved } from '../auth/revocations.js';
import { checkRole, sameSecret, type ShowClaims } from '../auth/tokens.js';
import { bearer, requireAdmin, requireAdminOrShowRole, requireShowRole } from './auth.js';
import { showCalendar } from '../shows/calendar.js';
import { parseBody, send, sendError } from './respond.js';

/** Inline catalogs can be large (tens of thousands of products); every other body is small. */
const CATALOG_LIMIT = '25mb';
export const SMALL_LIMIT = '64kb';

export function showsRoutes(ctx: RelayContext): Router {
  const router = Router();
  const small = express.json({ limit: SMALL_LIMIT });
  const admin = requireAdmin(ctx.adminToken);

  router.post('/api/shows', admin, express.json({ limit: CATALOG_LIMIT }), async (req, res) => {
    const body = parseBody(req, res, CreateShowBody, 'the show');
    if (!body) return;
    if (body.transcript?.provider === 'v100') {
      const refused = checkProviderUrl(body.transcript.baseUrl, ctx.config.allowPrivateUrls);
      if (refused) return send(res, 'invalid', `transcript.baseUrl ${refused}: use the V100 API's public https address (an operator can allow private addresses with CUECART_ALLOW_PRIVATE_URLS=1)`);
    }
    const catalog = await loadCatalog(body.catalog, ctx.config.catalogDir, (spec) => ctx.shopify.loadCatalog(spec));
    if (!catalog.ok) return sendError(res, catalog.error);
    const created = await ctx.authority.create({ ...body, spec: body.catalog, products: catalog.products });
    if (!created.ok) return sendError(res, created.error);
    ctx.logger.info({ show: created.show.id, products: catalog.products.length, allowedOrigins: body.allowedOrigins }, 'show created');
    ctx.sources.start(created.show.id);
    res.status(201).json(created.show);
  });

  // The admin sees every show; a producer token its own show only.
  router.get('/api/shows', async (req, res) => {
    const token = bearer(req);
    if (!token) return send(res, 'unauthorized', 'this needs the admin token or a producer token: send "Authorization: Bearer <token>"');
    if (sameSecret(token, ctx.adminToken)) return void res.json({ shows: ctx.authority.publicShows() });
    const verified = await ctx.tokens.verify(token);
    if (!verified.ok) return sendError(res, verified.error);
    const denied = checkRole(verified.claims, verified.claims.show, ['producer']);
    if (denied) return sendError(res, denied);
    const own = (await ctx.authority.ensure(verified.claims.show)) && ctx.authority.publicShow(verified.claims.show);
    res.json({ shows: own ? [own] : [] });
  });

  const adminOrProducer = requireAdminOrShowRole(ctx.adminToken, ctx.tokens, ['producer']);

  router.patch('/api/shows/:id', adminOrProducer, small, async (req, res) => {
    const id = String(req.params.id);
    if (!(await ctx.authority.ensure(id))) return send(res, 'not_found', `show "${id}" does not exist`);
    const body = parseBody(req, res, UpdateShowBody, 'the change');
    if (!body) return;
    const updated = await ctx.authority.update(id, body);
    if (!updated.ok) return sendError(res, updated.error);
    ctx.logger.info({ show: id, changed: Object.keys(body) }, 'show changed');
    if (body.streamUrl !== undefined) await ctx.sources.restart(id);
    res.json(updated.show);
  });

  // "Add to calendar" on the watch page: anyone may download it, like the watch page itself.
  router.get('/api/shows/:id/event.ics', (req, res) => {
    const id = String(req.params.id);
    const show = ctx.authority.publicShow(id);
    const rt = ctx.authority.get(id);
    if (!show || !rt) return send(res, 'not_found', `show "${id}" does not exist`);
    if (!show.scheduledStartAt) return send(res, 'not_found', `show "${id}" has no start time yet: its producer sets one in the console`);
    const host = req.get('host') ?? 'cuecart';
    const watchUrl = `${req.protocol}://${host}/watch/${encodeURIComponent(id)}`;
    const products = show.rundown.map((pid) => rt.catalog.get(pid)).filter((p): p is Product => p !== undefined).map((p) => p.title);
    res.set('Content-Disposition', `attachment; filename="${id}.ics"`);
    res.set('Cache-Control', 'no-cache');
    res.type('text/calendar; charset=utf-8').send(showCalendar({ id, title: show.title, scheduledStartAt: show.scheduledStartAt }, { watchUrl, host: host.replace(/:\d+$/, ''), products }));
  });

  // The tokens handed out for the show (never the tokens themselves): the admin sees all, a producer the host links it made.
  router.get('/api/shows/:id/invites', adminOrProducer, (req, res) => {
    const id = String(req.params.id);
    if (!ctx.authority.get(id)) return send(res, 'not_found', `show "${id}" does not exist`);
    const invites = ctx.authority.invites(id);
    res.json({ invites: res.locals.admin ? invites : invites.filter((i) => i.role === 'host') });
  });

  router.get('/api/shows/:id', (req, res) => {
    const show = ctx.authority.publicShow(req.params.id);
    if (!show) return send(res, 'not_found', `show "${req.params.id}" does not exist`);
    res.json(show);
  });

  // The admin mints any role. A producer of the show may mint a host token for it (the prompter it opens), never
  // longer-lived than its own: a host can do less than a producer, so no one gains a power this way.
  router.post('/api/shows/:id/tokens', small, async (req, res) => {
    const id = String(req.params.id);
    const token = bearer(req);
    if (!token) return send(res, 'unauthorized', 'this needs the admin token, or a producer token of the show for a host token: send "Authorization: Bearer <token>"');
    const isAdmin = sameSecret(token, ctx.adminToken);
    let producer: ShowClaims | undefined;
    if (!isAdmin) {
      const verified = await ctx.tokens.verify(token);
      if (!verified.ok) return sendError(res, verified.error);
      const denied = checkRole(verified.claims, id, ['producer']);
      if (denied) return sendError(res, denied);
      producer = verified.claims;
    }
    if (!ctx.authority.get(id)) return send(res, 'not_found', `show "${id}" does not exist`);
    const body = parseBody(req, res, TokenRequest, 'the token request');
    if (!body) return;
    let ttlSeconds = body.ttlSeconds;
    if (producer) {
      // Answered as a missing credential (as the route always has): minting any other role needs the admin token.
      if (body.role !== 'host') return send(res, 'unauthorized', `a producer token can mint host tokens only: a ${body.role} token needs the admin token`);
      const left = Math.floor((producer.exp - Date.now()) / 1000);
      ttlSeconds = Math.max(1, Math.min(ttlSeconds ?? left, left));
    }
    const name = body.name ?? (producer ? `${producer.name} (prompter)` : body.role);
    const issued = await ctx.tokens.issue(id, body.role, name, ttlSeconds);
    await ctx.authority.addInvite(id, { jti: issued.jti, role: body.role, name, issuedAt: Date.now(), expiresAt: issued.expiresAt });
    res.status(201).json({ token: issued.token, role: body.role, expiresAt: issued.expiresAt, jti: issued.jti });
  });

  // A leaked token: revoke it alone, or every earlier token of its role while handing out a new one.
  // Sockets that came in with a revoked token are disconnected, on every relay of a cluster (see disconnectRevoked).
  /** The show and the revocation list a revoke or rotate acts on, or an answer already sent. */
  const revocationTarget = (req: express.Request, res: express.Response) => {
    const id = String(req.params.id);
    const revocations = ctx.tokens.revocations;
    if (!revocations) return void send(res, 'internal', 'this relay keeps no revocation list');
    if (!ctx.authority.get(id)) return void send(res, 'not_found', `show "${id}" does not exist`);
    return { id, revocations };
  };
  /**
   * Waits for a revocation to be durable. When it could not be (Redis unreachable in a cluster) answers
   * `internal` with what to do and resolves false: no relay may report a revocation that did not persist.
   */
  const persisted = async (res: express.Response, write: Promise<unknown>): Promise<boolean> => {
    try {
      await write;
      return true;
    } catch (error) {
      if (!(error instanceof RevocationNotSaved)) throw error;
      ctx.logger.warn({ err: (error.cause as Error | undefined)?.message }, 'revocation not saved: Redis unreachable');
      send(res, 'internal', error.message);
      return false;
    }
  };

  router.post('/api/shows/:id/tokens/revoke', admin, small, async (req, res) => {
    const target = revocationTarget(req, res);
    if (!target) return;
    const { id, revocations } = target;
    const body = parseBody(req, res, RevokeTokenBody, 'the revocation');
    if (!body) return;
    if (body.jti !== undefined) {
      if (!(await persisted(res, revocations.revoke(body.jti, id)))) return;
      await ctx.authority.markRevoked(id, body.jti);
      ctx.logger.info({ show: id, jti: body.jti }, 'token revoked');
      return void res.json({ revoked: true, jti: body.jti });
    }
    const seen = await ctx.tokens.inspect(body.token!);
    if (!seen) return send(res, 'invalid', 'the token is not one this relay signed');
    if (seen.claims.show !== id) return send(res, 'forbidden', `this token is for show "${seen.claims.show}", not "${id}"`);
    if (!(await persisted(res, revocations.revoke(seen.claims.jti, id, seen.expiresAt)))) return;
    await ctx.authority.markRevoked(id, seen.claims.jti);
    ctx.logger.info({ show: id, role: seen.claims.role, jti: seen.claims.jti }, 'token revoked');
    res.json({ revoked: true, jti: seen.claims.jti });
  });

  router.post('/api/shows/:id/tokens/rotate', admin, small, async (req, res) => {
    const target = revocationTarget(req, res);
    if (!target) return;
    const { id, revocations } = target;
    const body = parseBody(req, res, RotateTokenBody, 'the rotation');
    if (!body) return;
    const rotation = revocations.rotate(id, body.role);
    if (!(await persisted(res, rotation))) return;
    const rotatedAt = await rotation;
    await ctx.authority.markRotated(id, body.role, Date.now());
    const name = body.name ?? body.role;
    const issued = await ctx.tokens.issue(id, body.role, name, body.ttlSeconds, rotatedAt);
    await ctx.authority.addInvite(id, { jti: issued.jti, role: body.role, name, issuedAt: Date.now(), expiresAt: issued.expiresAt });
    ctx.logger.info({ show: id, role: body.role }, 'tokens rotated');
    res.status(201).json({ token: issued.token, role: body.role, expiresAt: issued.expiresAt, jti: issued.jti });
  });

  router.post('/api/shows/:id/commands', requireShowRole(ctx.tokens, ['producer']), small, async (req, res) => {
    const id = String(req.params.id);
    if (!ctx.authority.get(id)) return send(res, 'not_found', `show "${id}" does not exist`);
    const command = parseBody(req, res, Command, 'the command');
    if (!command) return;
    const claims = res.locals.claims as ShowClaims;
    const ack = await ctx.authority.submit(id, command, claims.name);
    res.status(ack.ok ? 200 : httpStatusOf[ack.error.code]).json(ack);
  });

  router.get('/api/shows/:id/catalog', requireShowRole(ctx.tokens, ['producer']), (req, res) => {
    const rt = ctx.authority.get(String(req.params.id));
    if (!rt) return send(res, 'not_found', `show "${String(req.params.id)}" does not exist`);
    res.json(rt.products);
  });

  // The products viewers can see (the rundown's, then any other on air), with current price and stock.
  router.get('/api/shows/:id/products', (req, res) => {
    const rt = ctx.authority.get(req.params.id);
    if (!rt) return send(res, 'not_found', `show "${req.params.id}" does not exist`);
    const listed = rundownProducts(rt);
    const ids = new Set(listed.map((p) => p.id));
    const onAir = rt.state.featured.flatMap((c) => (ids.has(c.productId) ? [] : (ids.add(c.productId), rt.catalog.get(c.productId) ?? [])));
    res.json([...listed, ...onAir]);
  });

  return router;
}

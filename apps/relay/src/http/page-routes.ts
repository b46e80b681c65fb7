// Pages and static assets: /watch/:show, /embed.js, the demo images and the page styles, and the
// security headers every response of the relay carries.
import express, { Router, type RequestHandler } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Product } from '@cuecart/shared';
import type { RelayContext } from '../context.js';
import { CONSOLE_DIST, DEMO_DIR, PLAYER_DIST, RELAY_ASSETS } from '../paths.js';
import { watchPage } from '../pages/watch-page.js';
import { replayPage } from '../pages/replay-page.js';
import { notFoundPage } from '../pages/not-found-page.js';

/** Pages of our own: scripts only from this relay, media and sockets wherever the show streams from. */
export function pageCsp(frameAncestors: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: data: blob:",
    "media-src 'self' https: blob:",
    "connect-src 'self' https: wss: ws:",
    "worker-src 'self' blob:",
    `frame-ancestors ${["'self'", ...frameAncestors].join(' ')}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}
const PAGE_CSP = pageCsp();

/** What brand pages load from the relay without CORS (images, video, the embed script). */
const CROSS_ORIGIN_PATHS = ['/embed.js', '/demo/images/', '/media/'];

/**
 * helmet on every response. Pages set their own CSP; everything else (JSON, media) gets one that
 * allows nothing. No HSTS: the relay speaks plain http and a TLS proxy in front adds it.
 */
export function securityHeaders(): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] } },
      strictTransportSecurity: false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    }),
    (req, res, next) => {
      if (CROSS_ORIGIN_PATHS.some((p) => req.path === p || req.path.startsWith(p))) res.set('Cross-Origin-Resource-Policy', 'cross-origin');
      next();
    },
  ];
}

export function pageRoutes(ctx: RelayContext): Router {
  const router = Router();

  router.get('/embed.js', (_req, res) => {
    const file = join(PLAYER_DIST, 'embed.js');
    if (!existsSync(file)) return res.status(404).type('text/plain').send('embed.js is not built: run "npm run build"');
    // Brands load the embed from their own origin: a module script needs CORS.
    res.set('Access-Control-Allow-Origin', '*');
    res.set('Cache-Control', 'public, max-age=300');
    res.type('text/javascript').sendFile(file);
  });

  // Every page's icon (browsers ask for /favicon.ico on their own): the SVG, never a 404 in the console.
  router.get('/favicon.ico', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=86400');
    res.type('image/svg+xml').sendFile(join(RELAY_ASSETS, 'favicon.svg'));
  });

  router.use('/demo/images', express.static(join(DEMO_DIR, 'images'), { maxAge: '1h', fallthrough: false }));
  router.use('/assets', express.static(RELAY_ASSETS, { maxAge: '1h', fallthrough: false }));

  // The console and the prompter are one single-page app; the fragment carries the token.
  const consoleIndex = join(CONSOLE_DIST, 'index.html');
  const sendConsole = (_req: express.Request, res: express.Response) => {
    res.set('Content-Security-Policy', PAGE_CSP);
    res.set('Cache-Control', 'no-cache');
    if (!existsSync(consoleIndex)) return res.status(404).type('text/plain').send('the console is not built: run "npm run build"');
    res.sendFile(consoleIndex);
  };
  router.use('/console/assets', express.static(join(CONSOLE_DIST, 'assets'), { maxAge: '1y', immutable: true, fallthrough: false }));
  router.get(['/console', '/console/', '/console/store', '/console/report/:show'], sendConsole);
  router.get('/prompter/:show', sendConsole);

  // A show's pages may be framed by the show's own sites; X-Frame-Options cannot say that, so CSP alone does.
  const showPageHeaders = (res: express.Response, showId: string | undefined) => {
    const framers = showId ? ctx.origins.get(showId) : undefined;
    res.set('Content-Security-Policy', framers ? pageCsp(framers) : PAGE_CSP);
    if (framers) res.removeHeader('X-Frame-Options');
  };
  const noSuchShow = (res: express.Response, showId: string) => {
    const demo = ctx.authority.publicShow('demo');
    res.status(404).type('html').send(notFoundPage(showId, demo && demo.status !== 'ended' ? { id: demo.id, title: demo.title } : null));
  };

  router.get('/replay/:show', async (req, res) => {
    const show = ctx.authority.publicShow(req.params.show);
    const replay = show && (await ctx.replays.of(show.id));
    showPageHeaders(res, show?.id);
    if (!show || !replay) return void noSuchShow(res, req.params.show);
    const t = Number(req.query.t);
    const base = `${req.protocol}://${req.get('host')}`;
    res.type('html').send(replayPage(show, replay, base, Number.isFinite(t) && t >= 0 ? Math.floor(t) : null));
  });

  router.get('/watch/:show', (req, res) => {
    const show = ctx.authority.publicShow(req.params.show);
    const rt = ctx.authority.get(req.params.show);
    // An ended show's watch page is its replay (with the moment asked for, if any).
    if (show?.status === 'ended') {
      const t = typeof req.query.t === 'string' && /^\d{1,10}$/.test(req.query.t) ? `?t=${req.query.t}` : '';
      res.redirect(302, `/replay/${encodeURIComponent(show.id)}${t}`);
      return;
    }
    showPageHeaders(res, show?.id);
    if (!show || !rt) return void noSuchShow(res, req.params.show);
    const products = rt.show.rundown.map((id) => rt.catalog.get(id)).filter((p): p is Product => p !== undefined);
    res.type('html').send(watchPage(show, products));
  });

  return router;
}

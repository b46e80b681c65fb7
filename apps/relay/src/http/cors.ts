// CORS for the API. Brands embed the player on their own origins, so viewer routes answer any origin,
// unless the show names the origins it may be embedded on: then only those (and the relay's own pages)
// get an Access-Control-Allow-Origin, and a write from any other page is refused.
// Tokens travel in the Authorization header, never in cookies, so no credentials are allowed. A route that
// verifies a token (commands, tokens, analytics…) is judged by that token, and only once it verifies; every
// other route is a viewer route and is judged by its origin, whatever headers the request carries.
import express, { type NextFunction, type Request, type Response } from 'express';
import { apiError, CART_SESSION_HEADER, TrackBody } from '@cuecart/shared';
import { embedRefusal, type OriginVerdict } from '../auth/origins.js';
import { sameSecret } from '../auth/tokens.js';
import type { RelayContext } from '../context.js';
import { bearer } from './auth.js';
import { sendError } from './respond.js';
import { TRACK_BODY_LIMIT } from './track-routes.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Show routes (under /api/shows/:id/) that need a role token; everything else is a viewer route. */
const TOKEN_SHOW_ROUTES = new Set(['tokens', 'commands', 'catalog', 'transcript', 'analytics', 'orders']);

export function apiCors(ctx: RelayContext) {
  const trackBody = express.json({ limit: TRACK_BODY_LIMIT });

  const decide = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const origin = req.headers.origin;
    const judged = origin !== undefined && !(isTokenRoute(req) && (await verifiedBearer(ctx, req)));
    const verdicts = judged ? (await showsOf(ctx, req)).map((id) => ctx.origins.judge(id, origin, req.headers.host)) : [];
    const denied = verdicts.find((v): v is Extract<OriginVerdict, { kind: 'denied' }> => v.kind === 'denied');
    if (!denied) res.set('Access-Control-Allow-Origin', verdicts.some((v) => v.kind === 'allowed') ? origin! : '*');
    res.set('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.set('Access-Control-Allow-Methods', 'GET, POST, PATCH, OPTIONS');
      res.set('Access-Control-Allow-Headers', `Content-Type, Authorization, ${CART_SESSION_HEADER}`);
      res.set('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    if (denied && !SAFE_METHODS.has(req.method)) return sendError(res, apiError('forbidden', embedRefusal(denied.allowed)));
    next();
  };

  return (req: Request, res: Response, next: NextFunction): void => {
    // Track batches name their shows in the body: read it first (the track route then reuses it). Only when
    // some show limits its origins, and only after the per-address track limit (mounted before this) let it by.
    if (req.method === 'POST' && routeOf(req).first === 'track' && req.headers.origin !== undefined && ctx.origins.restrictsAny()) {
      trackBody(req, res, (err?: unknown) => (err ? next(err) : decide(req, res, next).catch(next)));
      return;
    }
    decide(req, res, next).catch(next);
  };
}

/**
 * Whether the route checks a role token itself. A preflight cannot carry the token, so it is answered for the
 * route (the browser then sends the real request, which is verified).
 */
function isTokenRoute(req: Request): boolean {
  const { first, id, sub } = routeOf(req);
  if (first !== 'shows') return false;
  if (id === undefined || id === '') return true; // POST /api/shows, GET /api/shows: admin and producers
  return sub !== undefined && TOKEN_SHOW_ROUTES.has(sub);
}

/** The request carries a token this relay accepts (the admin token or a valid show token). Preflights pass. */
async function verifiedBearer(ctx: RelayContext, req: Request): Promise<boolean> {
  if (req.method === 'OPTIONS') return true;
  const token = bearer(req);
  if (!token) return false;
  if (sameSecret(token, ctx.adminToken)) return true;
  return (await ctx.tokens.verify(token)).ok;
}

/** The shows a viewer request touches, from its path (relative to /api) or, for track, its body. */
async function showsOf(ctx: RelayContext, req: Request): Promise<string[]> {
  const { first, id } = routeOf(req);
  if (first === 'shows' && id) return [decode(id)];
  if (first === 'carts' && id) {
    const showId = await ctx.commerce.cartShow(decode(id));
    return showId ? [showId] : [];
  }
  if (first === 'track') {
    const batch = TrackBody.safeParse(req.body);
    return batch.success ? [...new Set(batch.data.events.map((e) => e.showId))] : [];
  }
  return [];
}

/**
 * The path under /api as the routes match it: Express routing ignores case and a trailing slash, so the route
 * words are compared lower-cased (ids keep their case, as route params do).
 */
function routeOf(req: Request): { first?: string | undefined; id?: string | undefined; sub?: string | undefined } {
  const [, first, id, sub] = req.path.replace(/\/+$/, '').split('/');
  return { first: first?.toLowerCase(), id, sub: sub?.toLowerCase() };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

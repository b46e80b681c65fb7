// CORS for the API. Brands embed the player on their own origins, so viewer routes answer any origin,
// unless the show names the origins it may be embedded on: then only those (and the relay's own pages)
// get an Access-Control-Allow-Origin, and a write from any other page is refused.
// Tokens travel in the Authorization header, never in cookies, so no credentials are allowed, and a
// request that carries a token is judged by its token, not by the page it came from.
import express, { type NextFunction, type Request, type Response } from 'express';
import { apiError, CART_SESSION_HEADER, TrackBody } from '@cuecart/shared';
import { embedRefusal, type OriginVerdict } from '../auth/origins.js';
import type { RelayContext } from '../context.js';
import { sendError } from './respond.js';

/** The body limit of POST /api/track: its events name the shows the request must be judged against. */
const TRACK_LIMIT = '128kb';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function apiCors(ctx: RelayContext) {
  const trackBody = express.json({ limit: TRACK_LIMIT });

  const decide = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const origin = req.headers.origin;
    const verdicts = origin === undefined || carriesToken(req) ? [] : (await showsOf(ctx, req)).map((id) => ctx.origins.judge(id, origin, req.headers.host));
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
    // Track batches name their shows in the body: read it first (the track route then reuses it).
    // Only when some show limits its origins: otherwise there is nothing to judge, and the track
    // route's own rate limit keeps running before any body is parsed.
    if (req.method === 'POST' && req.path === '/track' && req.headers.origin !== undefined && !carriesToken(req) && ctx.origins.restrictsAny()) {
      trackBody(req, res, (err?: unknown) => (err ? next(err) : decide(req, res, next).catch(next)));
      return;
    }
    decide(req, res, next).catch(next);
  };
}

function carriesToken(req: Request): boolean {
  if (req.headers.authorization !== undefined) return true;
  // A preflight for a request that will carry a token.
  const asked = req.headers['access-control-request-headers'];
  return req.method === 'OPTIONS' && typeof asked === 'string' && asked.toLowerCase().split(',').some((h) => h.trim() === 'authorization');
}

/** The shows a viewer request touches, from its path (relative to /api) or, for track, its body. */
async function showsOf(ctx: RelayContext, req: Request): Promise<string[]> {
  const [, first, second] = req.path.split('/');
  if (first === 'shows' && second) return [decode(second)];
  if (first === 'carts' && second) {
    const showId = await ctx.commerce.cartShow(decode(second));
    return showId ? [showId] : [];
  }
  if (first === 'track') {
    const batch = TrackBody.safeParse(req.body);
    return batch.success ? [...new Set(batch.data.events.map((e) => e.showId))] : [];
  }
  return [];
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

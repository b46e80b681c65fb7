// REST: viewer beacons, for players that cannot keep a socket open.
import express, { Router, type RequestHandler } from 'express';
import { TrackBody } from '@cuecart/shared';
import type { RelayContext } from '../context.js';
import type { Limits } from '../limits/limits.js';
import { byIp, restRateLimit } from '../limits/rest-limits.js';
import { parseBody, sendError } from './respond.js';

/** The body limit of POST /api/track (100 events). */
export const TRACK_BODY_LIMIT = '128kb';

/**
 * Per IP, on the request: mounted before CORS and before any body is read, so a flood costs a bucket lookup,
 * never a JSON parse (CORS reads a track body to learn its shows).
 */
export function trackRequestLimit(limits: Limits): RequestHandler {
  return restRateLimit('track requests from this address', limits.rest.track, byIp, { limits });
}

export function trackRoutes(ctx: RelayContext): Router {
  const router = Router();
  router.post('/api/track', express.json({ limit: TRACK_BODY_LIMIT }), async (req, res) => {
    const body = parseBody(req, res, TrackBody, 'the track batch');
    if (!body) return;
    const taken = await ctx.beacons.accept(body.events, req.ip ?? req.socket.remoteAddress);
    if (!taken.ok) {
      if (taken.retryAfterSeconds !== undefined) res.set('Retry-After', String(taken.retryAfterSeconds));
      return sendError(res, taken.error);
    }
    // `duplicates`: events whose eventId was stored already (a re-sent batch); `ignored`: events that cannot have
    // happened (a heartbeat outside the show). Each said only when there are some.
    res.status(202).json({ accepted: taken.accepted, ...(taken.duplicates ? { duplicates: taken.duplicates } : {}), ...(taken.ignored ? { ignored: taken.ignored } : {}) });
  });
  return router;
}

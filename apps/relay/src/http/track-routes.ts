// REST: viewer beacons, for players that cannot keep a socket open.
import express, { Router } from 'express';
import { TrackBody } from '@cuecart/shared';
import type { RelayContext } from '../context.js';
import { limitsFromEnv } from '../limits/limits.js';
import { byIp, restRateLimit } from '../limits/rest-limits.js';
import { parseBody, send } from './respond.js';

export function trackRoutes(ctx: RelayContext): Router {
  const router = Router();
  const limits = limitsFromEnv();
  // Before the body is read: a flooding client costs a bucket lookup, not a JSON parse.
  const limit = restRateLimit('track requests from this address', limits.rest.track, byIp, { limits });
  router.post('/api/track', limit, express.json({ limit: '128kb' }), (req, res) => {
    const body = parseBody(req, res, TrackBody, 'the track batch');
    if (!body) return;
    const unknown = body.events.find((e) => !ctx.authority.get(e.showId));
    if (unknown) return send(res, 'not_found', `show "${unknown.showId}" does not exist`);
    ctx.track.record(body.events);
    res.status(202).json({ accepted: body.events.length });
  });
  return router;
}

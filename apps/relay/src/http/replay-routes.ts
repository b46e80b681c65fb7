// REST: a show's replay for anyone who may watch it (DESIGN.md "Replay"): the recording, its length and the
// timeline in show ms. `?transcript=0` leaves the transcript out (a player needs only the cards).
import { Router } from 'express';
import type { RelayContext } from '../context.js';
import { send } from './respond.js';

export function replayRoutes(ctx: RelayContext): Router {
  const router = Router();
  router.get('/api/shows/:id/replay', async (req, res) => {
    const replay = await ctx.replays.of(String(req.params.id));
    if (!replay) return send(res, 'not_found', `show "${req.params.id}" does not exist`);
    res.set('Cache-Control', replay.ended ? 'public, max-age=60' : 'no-cache');
    res.json(req.query.transcript === '0' ? { ...replay, transcript: undefined } : replay);
  });
  return router;
}

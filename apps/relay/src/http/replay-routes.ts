// REST: a show's replay for anyone who may watch it (DESIGN.md "Replay"): the recording, its length and the
// timeline in show ms. `?transcript=0` leaves the transcript out (a player needs only the cards).
import { Router } from 'express';
import type { RelayContext } from '../context.js';
import { send } from './respond.js';

export function replayRoutes(ctx: RelayContext): Router {
  const router = Router();
  router.get('/api/shows/:id/replay', async (req, res) => {
    const replay = await ctx.replays.json(String(req.params.id), req.query.transcript !== '0');
    if (!replay) return send(res, 'not_found', `show "${req.params.id}" does not exist`);
    res.set('Cache-Control', replay.ended ? 'public, max-age=60' : 'no-cache');
    res.type('application/json').send(replay.body);
  });
  return router;
}

// REST: transcript ingest (speech-to-text pushes segments here with an ingest or producer token).
import express, { Router } from 'express';
import { TranscriptBody } from '@cuecart/shared';
import type { ShowClaims } from '../auth/tokens.js';
import type { RelayContext } from '../context.js';
import { restRateLimit } from '../limits/rest-limits.js';
import { requireShowRole } from './auth.js';
import { parseBody, send } from './respond.js';

/** 200 segments of 2,000 characters each, with room for the JSON around them. */
const TRANSCRIPT_LIMIT = '512kb';

export function transcriptRoutes(ctx: RelayContext): Router {
  const router = Router();
  const { limits } = ctx;
  // Per token, after it is checked: ingest from one NAT must not starve another show's, and an
  // unauthenticated flood never reaches this bucket (the general /api cap takes it).
  const perToken = (_req: express.Request, res: express.Response) => {
    const claims = res.locals.claims as ShowClaims | undefined;
    return claims ? `${claims.show}/${claims.jti}` : undefined;
  };
  const limit = restRateLimit('transcript posts with this token', limits.rest.transcript, perToken, { limits });
  router.post('/api/shows/:id/transcript', requireShowRole(ctx.tokens, ['ingest', 'producer']), limit, express.json({ limit: TRANSCRIPT_LIMIT }), (req, res) => {
    const id = String(req.params.id);
    if (!ctx.authority.get(id)) return send(res, 'not_found', `show "${id}" does not exist`);
    const body = parseBody(req, res, TranscriptBody, 'the transcript');
    if (!body) return;
    res.status(202).json(ctx.transcript.ingest(id, body.segments));
  });
  return router;
}

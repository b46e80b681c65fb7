// REST: transcript ingest (speech-to-text pushes segments here with an ingest or producer token).
import express, { Router } from 'express';
import { TranscriptBody } from '@cuecart/shared';
import type { RelayContext } from '../context.js';
import { requireShowRole } from './auth.js';
import { parseBody, send } from './respond.js';

/** 200 segments of 2,000 characters each, with room for the JSON around them. */
const TRANSCRIPT_LIMIT = '512kb';

export function transcriptRoutes(ctx: RelayContext): Router {
  const router = Router();
  router.post('/api/shows/:id/transcript', requireShowRole(ctx.tokens, ['ingest', 'producer']), express.json({ limit: TRANSCRIPT_LIMIT }), (req, res) => {
    const id = String(req.params.id);
    if (!ctx.authority.get(id)) return send(res, 'not_found', `show "${id}" does not exist`);
    const body = parseBody(req, res, TranscriptBody, 'the transcript');
    if (!body) return;
    res.status(202).json(ctx.transcript.ingest(id, body.segments));
  });
  return router;
}

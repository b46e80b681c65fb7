// Serves the demo show's committed recording as a never-ending live HLS stream, and what it aired for a show as
// that show's recording.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Router } from 'express';
import { z } from 'zod';
import type { RelayContext } from '../context.js';
import { DEMO_SHOW_ID } from '../demo/seed-demo.js';
import { send } from '../http/respond.js';
import { DEMO_DIR } from '../paths.js';
import { livePlaylist, recordingPlaylist, segmentAt, type LoopMedia } from './live-playlist.js';
import { DEMO_STREAM_URL } from '../replay/replay-service.js';

const MediaManifest = z.object({
  segments: z.array(z.object({ file: z.string().regex(/^[\w.-]+\.ts$/), durationMs: z.number().int().min(100) })).min(1),
});

export const DEMO_MEDIA_DIR = join(DEMO_DIR, 'media');

export function loadDemoMedia(dir = DEMO_MEDIA_DIR): LoopMedia | undefined {
  const file = join(dir, 'media.json');
  if (!existsSync(file)) return undefined;
  const parsed = MediaManifest.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

export function mediaRoutes(ctx: RelayContext, media = ctx.demoMedia): Router {
  const router = Router();

  // A show on the demo's stream: what the loop aired while it was on air, as video on demand.
  router.get('/media/demo/recording/:show.m3u8', async (req, res) => {
    const rt = ctx.authority.get(req.params.show);
    const replay = rt && (await ctx.replays.of(rt.show.id));
    if (!media || !rt || !replay || rt.show.streamUrl !== DEMO_STREAM_URL || replay.durationMs === 0) {
      return send(res, 'not_found', `show "${req.params.show}" has no recording on the demo stream: it never went live there`);
    }
    res.type('application/vnd.apple.mpegurl');
    // A live show's recording grows; an ended one's never changes.
    res.set('Cache-Control', replay.ended ? 'public, max-age=3600' : 'no-cache');
    const epochMs = rt.show.streamEpochMs ?? rt.show.createdAt;
    res.send(recordingPlaylist(media, { epochMs, fromMs: replay.startMs, toMs: replay.startMs + replay.durationMs, segmentUri: (n) => `../seg/${n}.ts` }));
  });

  router.get('/media/demo/live.m3u8', (_req, res) => {
    const show = ctx.authority.get(DEMO_SHOW_ID)?.show;
    if (!media || !show) return send(res, 'not_found', 'the demo stream is not available: start the relay with CUECART_DEMO=1 (npm start)');
    res.type('application/vnd.apple.mpegurl');
    res.set('Cache-Control', 'no-cache');
    res.send(livePlaylist(media, { epochMs: show.streamEpochMs ?? show.createdAt, nowMs: Date.now(), segmentUri: (n) => `seg/${n}.ts` }));
  });

  router.get('/media/demo/seg/:n.ts', (req, res) => {
    const n = Number(req.params.n);
    if (!media || !Number.isSafeInteger(n) || n < 0) return send(res, 'not_found', 'no such segment');
    res.set('Cache-Control', 'public, max-age=3600');
    res.type('video/mp2t');
    res.sendFile(join(DEMO_MEDIA_DIR, segmentAt(media, n).file), (err) => {
      if (err && !res.headersSent) send(res, 'not_found', 'the demo media is missing a segment: regenerate it with scripts/media/make-demo-media.sh');
    });
  });

  return router;
}

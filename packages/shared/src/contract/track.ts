// Viewer analytics beacons.
import { z } from 'zod';
import { ClientId, ExternalId, MediaMs, ShowId } from './primitives.js';

export const TrackEventType = z.enum(['view', 'heartbeat', 'impression', 'click', 'add_to_cart', 'checkout', 'purchase', 'quality']);
export type TrackEventType = z.infer<typeof TrackEventType>;

/** Where the viewer was: the live show, its replay, or a published clip. */
export const TrackMode = z.enum(['live', 'replay', 'clip']);
export type TrackMode = z.infer<typeof TrackMode>;

/**
 * The playback beats: `view` once per session after 3 s of playback, `heartbeat` every 10 s while the playhead
 * advances, and `quality`, the playback's quality since the session's previous one (Mux's definitions):
 * `startupMs` once, from the play attempt to the first frame; `watchMs`, time not paused since the play attempt
 * (startup and stalls included); `rebufferMs`, the part of it stalled after the first frame (not seeking).
 */
export const PLAYBACK_TYPES: readonly TrackEventType[] = ['view', 'heartbeat', 'quality'];
/** The most one quality event may cover: it is sent with each heartbeat and when the page hides. */
export const MAX_QUALITY_SPAN_MS = 10 * 60_000;

export const TrackEvent = z
  .object({
    /** Client-made; a repeated id (a retried batch) counts once. */
    eventId: ClientId.optional(),
    type: TrackEventType,
    showId: ShowId,
    /** Required but on `view` and `heartbeat`. */
    productId: ExternalId.optional(),
    cardId: ClientId.optional(),
    sessionId: ClientId,
    mode: TrackMode,
    /** With mode `clip`: the clip watched. */
    clipId: ClientId.optional(),
    /** Show ms of the frame on screen; required on `heartbeat`. */
    mediaMs: MediaMs.optional(),
    /** On a client `purchase`: what the page believed it sold. A signal only: revenue comes from recorded orders. */
    value: z.number().finite().min(0).max(1e9).optional(),
    /** On `quality`: see PLAYBACK_TYPES. */
    startupMs: z.number().int().min(0).max(MAX_QUALITY_SPAN_MS).optional(),
    watchMs: z.number().int().min(0).max(MAX_QUALITY_SPAN_MS).optional(),
    rebufferMs: z.number().int().min(0).max(MAX_QUALITY_SPAN_MS).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.productId === undefined && !PLAYBACK_TYPES.includes(e.type)) ctx.addIssue({ code: 'custom', path: ['productId'], message: `a ${e.type} event names its product` });
    if (e.type === 'heartbeat' && e.mediaMs === undefined) ctx.addIssue({ code: 'custom', path: ['mediaMs'], message: 'a heartbeat carries the show ms on screen' });
    if (e.type === 'quality') {
      if (e.watchMs === undefined || e.rebufferMs === undefined) ctx.addIssue({ code: 'custom', path: ['watchMs'], message: 'a quality event carries watchMs and rebufferMs' });
      else if (e.rebufferMs > e.watchMs) ctx.addIssue({ code: 'custom', path: ['rebufferMs'], message: 'rebufferMs is part of watchMs, so it cannot be larger' });
      if (e.startupMs !== undefined && e.watchMs !== undefined && e.startupMs > e.watchMs) ctx.addIssue({ code: 'custom', path: ['startupMs'], message: 'startupMs is part of watchMs, so it cannot be larger' });
    } else if (e.startupMs !== undefined || e.watchMs !== undefined || e.rebufferMs !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: 'startupMs, watchMs and rebufferMs belong on a quality event' });
    }
  });
export type TrackEvent = z.infer<typeof TrackEvent>;

export const MAX_TRACK_BATCH = 100;
export const TrackBody = z.object({ events: z.array(TrackEvent).min(1).max(MAX_TRACK_BATCH) });
export type TrackBody = z.infer<typeof TrackBody>;

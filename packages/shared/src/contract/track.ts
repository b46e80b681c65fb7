// Viewer analytics beacons.
import { z } from 'zod';
import { ClientId, ExternalId, MediaMs, ShowId } from './primitives.js';

export const TrackEventType = z.enum(['view', 'heartbeat', 'impression', 'click', 'add_to_cart', 'checkout', 'purchase']);
export type TrackEventType = z.infer<typeof TrackEventType>;

/** Where the viewer was: the live show, its replay, or a published clip. */
export const TrackMode = z.enum(['live', 'replay', 'clip']);
export type TrackMode = z.infer<typeof TrackMode>;

/** The playback beats: `view` once per session after 3 s of playback, `heartbeat` every 10 s while the playhead advances. */
export const PLAYBACK_TYPES: readonly TrackEventType[] = ['view', 'heartbeat'];

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
  })
  .superRefine((e, ctx) => {
    if (e.productId === undefined && !PLAYBACK_TYPES.includes(e.type)) ctx.addIssue({ code: 'custom', path: ['productId'], message: `a ${e.type} event names its product` });
    if (e.type === 'heartbeat' && e.mediaMs === undefined) ctx.addIssue({ code: 'custom', path: ['mediaMs'], message: 'a heartbeat carries the show ms on screen' });
  });
export type TrackEvent = z.infer<typeof TrackEvent>;

export const MAX_TRACK_BATCH = 100;
export const TrackBody = z.object({ events: z.array(TrackEvent).min(1).max(MAX_TRACK_BATCH) });
export type TrackBody = z.infer<typeof TrackBody>;

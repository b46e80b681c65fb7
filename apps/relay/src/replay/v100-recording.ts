// A V100 show's recording: the live event's own (`GET /v1/live/:id` → `recording.hls_url` once `ready`), with
// the program dates of the live stream it recorded, so its frames keep their show ms. Asked for when the replay
// is; a ready answer is kept, anything else is asked again at most every 30 s. The API key goes only to a
// public address (providerFetch), as for the transcript.
import { z } from 'zod';
import type { TranscriptSourceSpec } from '@cuecart/shared';
import type { Logger } from '../logger.js';

const V100Event = z.object({
  recording: z.object({ status: z.string(), hls_url: z.string().url().optional(), duration_ms: z.number().int().min(0).optional() }).optional(),
});

export interface V100Recording {
  url: string;
  durationMs?: number | undefined;
}

/** What the recording is asked with: the show's V100 transcript source. */
type V100Spec = Pick<Extract<TranscriptSourceSpec, { provider: 'v100' }>, 'baseUrl' | 'apiKey' | 'eventId'>;

export const RECHECK_MS = 30_000;
const TIMEOUT_MS = 5_000;

export class V100Recordings {
  private readonly ready = new Map<string, V100Recording>();
  private readonly asked = new Map<string, number>();

  constructor(
    private readonly fetch: typeof globalThis.fetch,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The event's recording, or null while V100 has none ready (or cannot be asked). */
  async of(showId: string, spec: V100Spec): Promise<V100Recording | null> {
    if (!spec.eventId) return null;
    const key = `${showId}|${spec.eventId}`;
    const kept = this.ready.get(key);
    if (kept) return kept;
    const last = this.asked.get(key);
    if (last !== undefined && this.now() - last < RECHECK_MS) return null;
    this.asked.set(key, this.now());
    try {
      const res = await this.fetch(`${spec.baseUrl.replace(/\/+$/, '')}/v1/live/${encodeURIComponent(spec.eventId)}`, {
        headers: { authorization: `Bearer ${spec.apiKey}`, accept: 'application/json' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!res.ok) {
        this.logger.warn({ show: showId, status: res.status }, 'V100 did not answer the live event for its recording');
        return null;
      }
      const event = V100Event.safeParse(await res.json().catch(() => undefined));
      const recording = event.success ? event.data.recording : undefined;
      if (!recording || recording.status !== 'ready' || !recording.hls_url || !/^https?:\/\//.test(recording.hls_url)) return null;
      const found = { url: recording.hls_url, durationMs: recording.duration_ms };
      this.ready.set(key, found);
      return found;
    } catch (error) {
      this.logger.warn({ show: showId, err: (error as Error).message }, 'V100 could not be asked for the recording');
      return null;
    }
  }
}

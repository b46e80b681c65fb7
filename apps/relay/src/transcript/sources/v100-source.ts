// Feeds a show's real-time V100 transcript into ingest: creates the live event if the show has
// none, then follows its transcript stream, reconnecting without replaying what already arrived.
//
// V100 publishes only its JS SDK (`v100.live.create({ ..., transcription: { enabled, realtime,
// language }, metadata: { products } })`), so the HTTP transport below is our documented
// assumption, mirroring the SDK's snake_case shape:
//   POST {baseUrl}/v1/live                         bearer auth, JSON body as the SDK call → { id, embed_url, ... }
//   GET  {baseUrl}/v1/live/{id}/transcript/stream  bearer auth, Server-Sent Events:
//     event: transcript.partial | transcript.final   id: <cursor>
//     data: {"segment_id":"…","start_ms":1200,"end_ms":4100,"text":"…","is_final":true}
//     event: ping (and `:` comments) keep the line alive; event: live.ended ends the show.
//   Reconnects send Last-Event-ID with the last cursor, and V100 resumes after it.
import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { MAX_SEGMENT_CHARS, TranscriptSegmentInput } from '@cuecart/shared';
import { z } from 'zod';
import { NonPublicAddressError, providerFetch } from '../../net/guarded-fetch.js';
import type { Logger } from '../../logger.js';
import type { SourceContext, TranscriptSource } from './source.js';
import { createSseParser, type SseEvent } from './sse-parser.js';

export interface V100Options {
  baseUrl: string;
  apiKey: string;
  eventId?: string;
  language: string;
  title: string;
  productSkus: string[];
  /** Called once when the adapter created a live event, so the relay can keep its id (no second event after a restart). */
  onEventCreated?: (eventId: string) => void;
  /** Defaults to the provider fetch that refuses non-public addresses; the operator's allowance swaps it. */
  fetch?: typeof fetch;
  /** Reconnection delays: exponential from initialMs, capped at maxMs, with jitter. */
  backoff?: { initialMs: number; maxMs: number };
}

const DEFAULT_BACKOFF = { initialMs: 500, maxMs: 10_000 };
const SEGMENT_ID_MAX = 128;

/** V100's segment payload; extra fields are ignored so additions on their side don't break us. */
const V100Segment = z.object({
  segment_id: z.union([z.string().min(1), z.number().int()]),
  start_ms: z.number().finite().nonnegative(),
  end_ms: z.number().finite().nonnegative(),
  text: z.string(),
  is_final: z.boolean().optional(),
});

const V100LiveEvent = z.object({ id: z.string().min(1) });

/** Delay before reconnection attempt `attempt` (0-based): half fixed, half random, so relays don't stampede V100 together. */
export function backoffDelay(attempt: number, backoff: { initialMs: number; maxMs: number }, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Maps a V100 `data:` payload to our segment, or explains why it can't. Pure, for tests and reuse. */
export function mapV100Segment(eventType: string, data: string): { ok: true; segment: TranscriptSegmentInput } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, reason: 'data is not JSON' };
  }
  const parsed = V100Segment.safeParse(json);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`).join('; ') };
  const raw = parsed.data;
  let text = raw.text.length > MAX_SEGMENT_CHARS ? raw.text.slice(-MAX_SEGMENT_CHARS) : raw.text;
  // Cutting may leave half a surrogate pair at the front.
  if (/^[\udc00-\udfff]/.test(text)) text = text.slice(1);
  const candidate = {
    id: segmentId(String(raw.segment_id)),
    startMs: Math.round(raw.start_ms),
    endMs: Math.round(raw.end_ms),
    text,
    final: raw.is_final ?? eventType === 'transcript.final',
  };
  const checked = TranscriptSegmentInput.safeParse(candidate);
  if (!checked.success) return { ok: false, reason: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  if (checked.data.endMs < checked.data.startMs) return { ok: false, reason: 'end_ms is before start_ms' };
  return { ok: true, segment: checked.data };
}

/** Our segment ids allow [A-Za-z0-9_.:-]{1,128}; a long V100 id keeps its head plus a hash, so distinct ids stay distinct. */
function segmentId(v100Id: string): string {
  const id = 'v100-' + v100Id.replace(/[^A-Za-z0-9_.:-]/g, '_');
  if (id.length <= SEGMENT_ID_MAX) return id;
  const hash = createHash('sha1').update(v100Id).digest('hex').slice(0, 16);
  return `${id.slice(0, SEGMENT_ID_MAX - hash.length - 1)}-${hash}`;
}

/** What a non-2xx answer means for us: give up with a clear reason, or try again later. */
function classifyStatus(status: number): 'refused' | 'not-found' | 'rejected' | 'retry' {
  if (status === 401 || status === 403) return 'refused';
  if (status === 404) return 'not-found';
  if (status === 400 || status === 410 || status === 422) return 'rejected';
  return 'retry';
}

/** After a connection: give up, try again with a growing delay, or start the backoff over (it was healthy). */
type Outcome = 'stop' | 'retry' | 'reset';

export function createV100Source(ctx: SourceContext, options: V100Options): TranscriptSource {
  const log: Logger = ctx.logger.child({ source: 'v100', showId: ctx.showId });
  // Public addresses only unless told otherwise: the API key goes with every request.
  const doFetch = options.fetch ?? providerFetch(false);
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const abort = new AbortController();
  let running: Promise<void> | undefined;
  let cursor: string | undefined;

  const authHeaders = { authorization: `Bearer ${options.apiKey}` };

  /** Logs why a non-2xx answer ends the adapter, or returns 'retry'. `request` names it, e.g. "POST /v1/live". */
  async function judge(res: Response, request: string): Promise<Outcome> {
    const body = (await res.text().catch(() => '')).slice(0, 200);
    const detail = `V100 answered ${res.status} to ${request}${body ? `: ${body}` : ''}`;
    switch (classifyStatus(res.status)) {
      case 'refused':
        log.error({ status: res.status }, `the V100 API key was refused: ${detail}. Check the relay's V100 key; not retrying.`);
        return 'stop';
      case 'not-found':
        log.error({ status: res.status }, `the V100 live event was not found: ${detail}. Check the show's V100 event id; not retrying.`);
        return 'stop';
      case 'rejected':
        log.error({ status: res.status }, `V100 rejected the request: ${detail}. Not retrying.`);
        return 'stop';
      case 'retry':
        log.warn({ status: res.status }, `V100 failed: ${detail}; will retry`);
        return 'retry';
    }
  }

  async function createEvent(): Promise<{ eventId: string } | Outcome> {
    const res = await doFetch(`${baseUrl}/v1/live`, {
      method: 'POST',
      headers: { ...authHeaders, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        title: options.title,
        ingest: 'webrtc',
        recording: { enabled: true, auto_publish: true },
        transcription: { enabled: true, realtime: true, language: options.language },
        ai_highlights: true,
        metadata: { products: options.productSkus },
      }),
      signal: abort.signal,
    });
    if (!res.ok) return judge(res, 'POST /v1/live');
    const created = V100LiveEvent.safeParse(await res.json().catch(() => undefined));
    if (!created.success) {
      // Retrying could create a second event; someone has to look.
      log.error('V100 created a live event but its answer has no id. Not retrying.');
      return 'stop';
    }
    log.info({ eventId: created.data.id }, 'created the V100 live event');
    try {
      options.onEventCreated?.(created.data.id);
    } catch (err) {
      log.error({ err }, 'onEventCreated failed; the event id may not be kept');
    }
    return { eventId: created.data.id };
  }

  /** One connection to the transcript stream, read until it ends, fails or the show ends. */
  async function streamOnce(eventId: string): Promise<Outcome> {
    const headers: Record<string, string> = { ...authHeaders, accept: 'text/event-stream', 'cache-control': 'no-cache' };
    if (cursor !== undefined && cursor !== '') headers['last-event-id'] = cursor;
    const path = `/v1/live/${encodeURIComponent(eventId)}/transcript/stream`;
    const res = await doFetch(baseUrl + path, { headers, signal: abort.signal });
    if (!res.ok || !res.body) return res.ok ? 'retry' : judge(res, `GET ${path}`);
    log.info({ eventId, resumeFrom: cursor }, 'V100 transcript stream connected');

    let ended = false;
    let received = false;
    const parser = createSseParser(
      (event) => {
        if (ended) return;
        received = true;
        ended = handleEvent(event);
        cursor = event.lastEventId;
      },
      { lastEventId: cursor ?? '' },
    );
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let drained = false;
    let failure: unknown;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          drained = true;
          break;
        }
        parser.push(decoder.decode(value, { stream: true }));
        if (ended) break;
      }
    } catch (err) {
      if (abort.signal.aborted) return 'stop';
      failure = err;
    } finally {
      // Ending early (show over, bad stream, stop) must close the connection, not leave it to GC.
      if (!drained) await reader.cancel().catch(() => {});
    }
    if (ended) {
      log.info({ eventId }, 'the V100 live event ended; transcript stream closed');
      return 'stop';
    }
    if (failure === undefined) {
      parser.end();
      log.warn({ eventId }, 'the V100 transcript stream closed; reconnecting');
    } else {
      log.warn({ eventId, err: failure }, 'the V100 transcript stream broke; reconnecting');
    }
    // A connection that delivered something was healthy: start the backoff over.
    return received ? 'reset' : 'retry';
  }

  /** Returns true when the show has ended. */
  function handleEvent(event: SseEvent): boolean {
    switch (event.type) {
      case 'live.ended':
        return true;
      case 'transcript.partial':
      case 'transcript.final': {
        const mapped = mapV100Segment(event.type, event.data);
        if (!mapped.ok) {
          log.warn({ cursor: event.lastEventId, reason: mapped.reason }, 'skipped a malformed V100 transcript event');
          return false;
        }
        try {
          ctx.sink([mapped.segment]);
        } catch (err) {
          log.error({ err, segmentId: mapped.segment.id }, 'the transcript sink failed on a V100 segment');
        }
        return false;
      }
      default:
        // `ping` and event types we don't know yet.
        return false;
    }
  }

  async function run(): Promise<void> {
    let attempt = 0;
    let eventId = options.eventId;
    while (!abort.signal.aborted) {
      let outcome: Outcome;
      try {
        if (eventId === undefined) {
          const created = await createEvent();
          if (typeof created === 'object') {
            eventId = created.eventId;
            continue; // connect to the new event's stream at once
          }
          outcome = created;
        } else {
          outcome = await streamOnce(eventId);
        }
      } catch (err) {
        if (abort.signal.aborted) return;
        const refused = nonPublicMessage(err);
        if (refused) {
          log.error(`the V100 baseUrl was refused: ${refused}. Point the show at V100's public https API (or set CUECART_ALLOW_PRIVATE_URLS=1 for a V100 inside your network); not retrying.`);
          return;
        }
        log.warn({ err }, 'the V100 connection failed; will retry');
        outcome = 'retry';
      }
      if (outcome === 'stop') return;
      if (outcome === 'reset') attempt = 0;
      // Even after a healthy connection we pause: a stream that opens and drops at once must not spin.
      const waitMs = backoffDelay(attempt++, backoff);
      log.debug({ waitMs, attempt }, 'waiting before reconnecting to V100');
      await delay(waitMs, undefined, { signal: abort.signal }).catch(() => {});
    }
  }

  return {
    kind: 'v100',
    start() {
      if (running || abort.signal.aborted) return;
      running = run().catch((err: unknown) => log.error({ err }, 'the V100 transcript source stopped unexpectedly'));
    },
    async stop() {
      abort.abort();
      await running;
    },
  };
}

/** The refusal of a non-public address, thrown by the provider fetch directly or as the cause of fetch's TypeError. */
function nonPublicMessage(err: unknown): string | undefined {
  for (let e = err as { cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e instanceof NonPublicAddressError) return e.message;
  }
  return undefined;
}

import { setTimeout as sleep } from 'node:timers/promises';
import type { TranscriptSegmentInput } from '@cuecart/shared';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startV100Server, type ScriptedItem, type V100ServerOptions, type V100TestServer } from '@cuecart/testkit/v100-server';
import type { TranscriptSource } from './source.js';
import { backoffDelay, createV100Source, mapV100Segment, type V100Options } from './v100-source.js';
import { fetch as undiciFetch } from 'undici';
import { providerFetch, publicAgent } from '../../net/guarded-fetch.js';

const KEY = 'sk-test-good-key';
const FAST = { initialMs: 5, maxMs: 20 };

interface LogEntry {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A real pino logger whose lines land in an array. */
function recordingLogger() {
  const entries: LogEntry[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void entries.push(JSON.parse(line) as LogEntry) });
  const at = (level: 'info' | 'warn' | 'error') => entries.filter((e) => e.level === pino.levels.values[level]).map((e) => e.msg);
  return { logger, entries, at };
}

function seg(cursor: string, segmentId: string, startMs: number, endMs: number, text: string, final: boolean): ScriptedItem {
  return {
    id: cursor,
    event: final ? 'transcript.final' : 'transcript.partial',
    data: { segment_id: segmentId, start_ms: startMs, end_ms: endMs, text, is_final: final },
  };
}

const ended: ScriptedItem = { id: 'end', event: 'live.ended', data: { reason: 'host_ended' } };

let server: V100TestServer | undefined;
let source: TranscriptSource | undefined;

afterEach(async () => {
  await source?.stop();
  await server?.close();
  source = undefined;
  server = undefined;
});

async function setup(serverOptions: Partial<V100ServerOptions>, sourceOptions: Partial<V100Options> = {}, host = '127.0.0.1') {
  server = await startV100Server({ apiKey: KEY, afterScript: 'hold', ...serverOptions });
  const log = recordingLogger();
  const received: TranscriptSegmentInput[][] = [];
  const sink = vi.fn((segments: TranscriptSegmentInput[]) => void received.push(segments));
  const onEventCreated = vi.fn();
  source = createV100Source(
    { showId: 'spring-launch', sink, logger: log.logger, clock: Date.now },
    // The fake V100 listens on loopback: allowed the way an operator allows it (CUECART_ALLOW_PRIVATE_URLS=1).
    { baseUrl: server.baseUrl.replace('127.0.0.1', host), apiKey: KEY, language: 'en', title: 'Spring Launch', productSkus: ['SKU-001', 'SKU-002'], onEventCreated, backoff: FAST, fetch: providerFetch(true), ...sourceOptions },
  );
  source.start();
  return { server, source, log, received, sink, onEventCreated };
}

const flat = (received: TranscriptSegmentInput[][]) => received.flat();

describe('createV100Source', () => {
  it('never sends the API key to a loopback V100 unless the operator allows private URLs, and says why it stopped', async () => {
    const { server, log } = await setup({ createdEventId: 'evt_never' }, { fetch: undefined });
    await expect.poll(() => log.at('error').join('\n'), { timeout: 3000 }).toMatch(/baseUrl was refused: .*must use https.*CUECART_ALLOW_PRIVATE_URLS=1/);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.createRequests).toEqual([]);
    expect(server.streamRequests).toEqual([]);
  });

  it('stops with the reason when the V100 host name resolves to a private address at connect time', async () => {
    // The provider agent alone (no URL check first): what a public-looking name that resolves to loopback meets.
    const agent = publicAgent();
    const viaAgent = ((url: string, init?: RequestInit) => undiciFetch(url, { ...(init as object), dispatcher: agent } as never)) as unknown as typeof fetch;
    const { server, log } = await setup({ createdEventId: 'evt_never' }, { fetch: viaAgent }, 'localhost');
    await expect.poll(() => log.at('error').join('\n'), { timeout: 3000 }).toMatch(/baseUrl was refused: localhost resolves to loopback/);
    expect(log.at('warn')).toEqual([]);
    expect(server.createRequests).toEqual([]);
  });

  it('creates the live event with real-time transcription and the SKUs, then streams partial and final segments in order', async () => {
    const { server, log, received, onEventCreated } = await setup({
      createdEventId: 'evt_new',
      script: [
        { comment: 'hello' },
        seg('c1', 's1', 1200, 2500, 'meet the linen', false),
        { event: 'ping' },
        seg('c2', 's1', 1200, 4100, 'meet the linen shirt', true),
        seg('c3', 's2', 4100, 6000, 'in sage green', false),
        ended,
      ],
    });

    await vi.waitFor(() => expect(log.at('info')).toContain('the V100 live event ended; transcript stream closed'));

    expect(server.createRequests).toHaveLength(1);
    expect(server.createRequests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(server.createRequests[0]?.body).toEqual({
      title: 'Spring Launch',
      ingest: 'webrtc',
      recording: { enabled: true, auto_publish: true },
      transcription: { enabled: true, realtime: true, language: 'en' },
      ai_highlights: true,
      metadata: { products: ['SKU-001', 'SKU-002'] },
    });
    expect(onEventCreated).toHaveBeenCalledExactlyOnceWith('evt_new');
    expect(server.streamRequests).toHaveLength(1);
    expect(server.streamRequests[0]?.path).toBe('/v1/live/evt_new/transcript/stream');
    expect(server.streamRequests[0]?.headers.accept).toBe('text/event-stream');
    expect(server.streamRequests[0]?.headers['last-event-id']).toBeUndefined();
    expect(received).toEqual([
      [{ id: 'v100-s1', startMs: 1200, endMs: 2500, text: 'meet the linen', final: false }],
      [{ id: 'v100-s1', startMs: 1200, endMs: 4100, text: 'meet the linen shirt', final: true }],
      [{ id: 'v100-s2', startMs: 4100, endMs: 6000, text: 'in sage green', final: false }],
    ]);
    // The show ended: the connection is closed and nobody reconnects.
    await server.waitForOpenStreams(0);
    await sleep(FAST.maxMs * 3);
    expect(server.streamRequests).toHaveLength(1);
  });

  it('uses a given event id without creating one', async () => {
    const { server, received, onEventCreated } = await setup(
      { knownEventIds: ['evt_existing'], script: [seg('c1', 's1', 0, 900, 'welcome back', true)] },
      { eventId: 'evt_existing' },
    );

    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(server.createRequests).toHaveLength(0);
    expect(onEventCreated).not.toHaveBeenCalled();
    expect(server.streamRequests[0]?.path).toBe('/v1/live/evt_existing/transcript/stream');
    expect(server.streamRequests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('reconnects after a dropped connection and resumes from Last-Event-ID without duplicates', async () => {
    const script = [
      seg('c1', 's1', 0, 1000, 'one', true),
      seg('c2', 's2', 1000, 2000, 'two', true),
      seg('c3', 's3', 2000, 3000, 'three', true),
      seg('c4', 's4', 3000, 4000, 'four', true),
      ended,
    ];
    const { server, log, received } = await setup(
      {
        knownEventIds: ['evt_1'],
        script,
        // Half of event c3 arrives (its id line included) before the drop: it must not count as read.
        connections: [{ dropAfter: 2, dropWithPartial: 'id: c3\nevent: transcript.final\ndata: {"segment_id":"s3","st' }],
      },
      { eventId: 'evt_1' },
    );

    await vi.waitFor(() => expect(log.at('info')).toContain('the V100 live event ended; transcript stream closed'));
    expect(server.streamRequests.map((r) => r.headers['last-event-id'])).toEqual([undefined, 'c2']);
    expect(flat(received).map((s) => s.id)).toEqual(['v100-s1', 'v100-s2', 'v100-s3', 'v100-s4']);
    expect(log.at('warn')).toContain('the V100 transcript stream broke; reconnecting');
  });

  it('reconnects after V100 closes the stream cleanly, resuming after the last event', async () => {
    const { server, log, received } = await setup(
      { knownEventIds: ['evt_1'], script: [seg('c1', 's1', 0, 1000, 'one', true)], afterScript: 'close' },
      { eventId: 'evt_1' },
    );

    await vi.waitFor(() => expect(server.streamRequests.length).toBeGreaterThanOrEqual(2));
    expect(server.streamRequests[1]?.headers['last-event-id']).toBe('c1');
    expect(log.at('warn')).toContain('the V100 transcript stream closed; reconnecting');
    expect(received).toHaveLength(1);
  });

  it('retries HTTP errors with backoff, then streams', async () => {
    const { server, log, received } = await setup(
      { knownEventIds: ['evt_1'], script: [seg('c1', 's1', 0, 1000, 'finally', true)], connections: [{ status: 503 }, { status: 500 }] },
      { eventId: 'evt_1' },
    );

    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(server.streamRequests).toHaveLength(3);
    expect(log.at('warn').filter((m) => m.startsWith('V100 failed: V100 answered 5') && m.includes('GET /v1/live/evt_1/transcript/stream'))).toHaveLength(2);
  });

  it.each([
    ['creating the event', {}],
    ['opening the stream', { eventId: 'evt_1' }],
  ])('stops with a clear error when the API key is refused (%s)', async (_case, extra) => {
    const badKey = 'sk-wrong-key-that-must-not-be-logged';
    const { server, log, sink } = await setup({ knownEventIds: ['evt_1'], script: [seg('c1', 's1', 0, 1, 'x', true)] }, { apiKey: badKey, ...extra });

    await vi.waitFor(() => expect(log.at('error').some((m) => m.startsWith('the V100 API key was refused: V100 answered 401'))).toBe(true));
    await sleep(FAST.maxMs * 3);
    expect(server.createRequests.length + server.streamRequests.length).toBe(1);
    expect(sink).not.toHaveBeenCalled();
    expect(JSON.stringify(log.entries)).not.toContain(badKey);
  });

  it('stops with a clear error when the event does not exist', async () => {
    const { server, log } = await setup({ knownEventIds: [] }, { eventId: 'evt_gone' });

    await vi.waitFor(() => expect(log.at('error').some((m) => m.startsWith('the V100 live event was not found'))).toBe(true));
    await sleep(FAST.maxMs * 3);
    expect(server.streamRequests).toHaveLength(1);
  });

  it('skips malformed events with a warning and keeps streaming', async () => {
    const { log, received } = await setup(
      {
        knownEventIds: ['evt_1'],
        script: [
          seg('c1', 's1', 0, 1000, 'good', true),
          { id: 'c2', event: 'transcript.final', data: '{"segment_id": "s2", "start_ms": 1' },
          { id: 'c3', event: 'transcript.final', data: { segment_id: 's3', text: 'no times' } },
          seg('c4', 's4', 5000, 4000, 'ends before it starts', true),
          seg('c5', 's5', 6000, 7000, 'also good', true),
          ended,
        ],
      },
      { eventId: 'evt_1' },
    );

    await vi.waitFor(() => expect(log.at('info')).toContain('the V100 live event ended; transcript stream closed'));
    expect(flat(received).map((s) => s.text)).toEqual(['good', 'also good']);
    expect(log.at('warn').filter((m) => m === 'skipped a malformed V100 transcript event')).toHaveLength(3);
  });

  it('keeps going when the sink throws', async () => {
    const { log, sink } = await setup(
      { knownEventIds: ['evt_1'], script: [seg('c1', 's1', 0, 1000, 'a', true), seg('c2', 's2', 1000, 2000, 'b', true), ended] },
      { eventId: 'evt_1' },
    );
    sink.mockImplementationOnce(() => {
      throw new Error('ingest exploded');
    });

    await vi.waitFor(() => expect(sink).toHaveBeenCalledTimes(2));
    expect(log.at('error')).toContain('the transcript sink failed on a V100 segment');
  });

  it('stop() mid-stream closes the connection and nothing more arrives', async () => {
    const { server, source, received } = await setup({ knownEventIds: ['evt_1'], script: [seg('c1', 's1', 0, 1000, 'live', false)] }, { eventId: 'evt_1' });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(server.openStreams()).toBe(1);

    await source.stop();
    await server.waitForOpenStreams(0);
    server.push(seg('c2', 's2', 1000, 2000, 'after stop', true));
    await sleep(FAST.maxMs * 3);

    expect(received).toHaveLength(1);
    expect(server.streamRequests).toHaveLength(1);
  });

  it('stop() during a long backoff returns at once', async () => {
    const { server, source, log } = await setup(
      { knownEventIds: ['evt_1'], connections: [{ status: 503 }] },
      { eventId: 'evt_1', backoff: { initialMs: 60_000, maxMs: 60_000 } },
    );
    await vi.waitFor(() => expect(log.at('warn')).toHaveLength(1));

    const before = performance.now();
    await source.stop();
    expect(performance.now() - before).toBeLessThan(1_000);
    expect(server.streamRequests).toHaveLength(1);
  });

  it('retries when fetch itself fails, and start() twice runs one loop', async () => {
    const { logger, at } = recordingLogger();
    const fakeFetch = vi.fn<typeof fetch>(() => Promise.reject(new TypeError('fetch failed')));
    source = createV100Source(
      { showId: 'spring-launch', sink: () => {}, logger, clock: Date.now },
      { baseUrl: 'http://127.0.0.1:9', apiKey: KEY, eventId: 'evt_1', language: 'en', title: 't', productSkus: [], fetch: fakeFetch, backoff: FAST },
    );
    source.start();
    source.start();
    // The first request goes out synchronously, so a second loop would show up here.
    expect(fakeFetch).toHaveBeenCalledTimes(1);

    await vi.waitFor(() => expect(fakeFetch.mock.calls.length).toBeGreaterThanOrEqual(3));
    await source.stop();
    const calls = fakeFetch.mock.calls.length;
    await sleep(FAST.maxMs * 3);
    expect(fakeFetch.mock.calls.length).toBe(calls);
    expect(at('warn')).toContain('the V100 connection failed; will retry');
    expect(fakeFetch.mock.calls[0]?.[0]).toBe('http://127.0.0.1:9/v1/live/evt_1/transcript/stream');
  });

  it('stop() before start() resolves, and start() after stop() does nothing', async () => {
    const fakeFetch = vi.fn<typeof fetch>();
    source = createV100Source(
      { showId: 's', sink: () => {}, logger: recordingLogger().logger, clock: Date.now },
      { baseUrl: 'http://127.0.0.1:9', apiKey: KEY, language: 'en', title: 't', productSkus: [], fetch: fakeFetch },
    );
    await source.stop();
    source.start();
    await sleep(10);
    expect(fakeFetch).not.toHaveBeenCalled();
  });
});

describe('mapV100Segment', () => {
  const data = (fields: Record<string, unknown>) => JSON.stringify({ segment_id: 's1', start_ms: 0, end_ms: 10, text: 'hi', ...fields });

  it('makes V100 segment ids safe for our id rules', () => {
    const result = mapV100Segment('transcript.final', data({ segment_id: 'seg/1 ä#x' }));
    expect(result).toMatchObject({ ok: true, segment: { id: 'v100-seg_1___x' } });
  });

  it('keeps very long ids within 128 characters and distinct', () => {
    const a = mapV100Segment('transcript.final', data({ segment_id: 'x'.repeat(300) + 'a' }));
    const b = mapV100Segment('transcript.final', data({ segment_id: 'x'.repeat(300) + 'b' }));
    if (!a.ok || !b.ok) throw new Error('expected both to map');
    expect(a.segment.id).toMatch(/^[A-Za-z0-9_.:-]{1,128}$/);
    expect(a.segment.id).not.toBe(b.segment.id);
  });

  it('accepts numeric segment ids and rounds fractional milliseconds', () => {
    expect(mapV100Segment('transcript.partial', data({ segment_id: 42, start_ms: 10.4, end_ms: 20.6 }))).toEqual({
      ok: true,
      segment: { id: 'v100-42', startMs: 10, endMs: 21, text: 'hi', final: false },
    });
  });

  it('keeps the last 2000 characters of an overlong text', () => {
    const result = mapV100Segment('transcript.final', data({ text: 'a'.repeat(500) + 'b'.repeat(2000) }));
    expect(result).toMatchObject({ ok: true, segment: { text: 'b'.repeat(2000) } });
  });

  it('does not leave half an emoji where it cut', () => {
    const result = mapV100Segment('transcript.final', data({ text: '😀'.repeat(1000) + '!' }));
    if (!result.ok) throw new Error(result.reason);
    expect(result.segment.text).toBe('😀'.repeat(999) + '!');
  });

  it('takes final from is_final, else from the event type', () => {
    expect(mapV100Segment('transcript.partial', data({ is_final: true }))).toMatchObject({ segment: { final: true } });
    expect(mapV100Segment('transcript.final', data({}))).toMatchObject({ segment: { final: true } });
    expect(mapV100Segment('transcript.partial', data({}))).toMatchObject({ segment: { final: false } });
  });

  it.each([
    ['not JSON', '{"segment_id":'],
    ['a negative time', data({ start_ms: -5 })],
    ['end before start', data({ start_ms: 50, end_ms: 10 })],
    ['an empty segment id', data({ segment_id: '' })],
    ['text that is not a string', data({ text: 7 })],
    ['a time past a week', data({ end_ms: 8 * 24 * 3600 * 1000 })],
  ])('rejects %s', (_case, payload) => {
    expect(mapV100Segment('transcript.final', payload).ok).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially with jitter and stops at the cap', () => {
    const b = { initialMs: 500, maxMs: 10_000 };
    expect(backoffDelay(0, b, () => 0)).toBe(250);
    expect(backoffDelay(0, b, () => 1)).toBe(500);
    expect(backoffDelay(3, b, () => 1)).toBe(4000);
    expect(backoffDelay(10, b, () => 0)).toBe(5000);
    expect(backoffDelay(1000, b, () => 1)).toBe(10_000);
  });
});

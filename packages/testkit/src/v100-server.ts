// A V100-shaped HTTP server for tests: creates live events and serves a scripted transcript SSE
// stream on 127.0.0.1, checking the bearer key and resuming from Last-Event-ID.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One item of the stream: an SSE event, a comment, or raw text for malformed-stream tests. */
export type ScriptedItem =
  | { event?: string; id?: string; data?: unknown }
  | { comment: string }
  | { raw: string };

export interface StreamConnectionPlan {
  /** Answer this status (with a JSON error body) instead of streaming. */
  status?: number;
  /** Destroy the socket after writing this many items. */
  dropAfter?: number;
  /** Text written just before dropping, e.g. half an event. */
  dropWithPartial?: string;
}

export interface V100ServerOptions {
  apiKey: string;
  /** The stream's script; an item with an `id` is a resume point for Last-Event-ID. */
  script?: ScriptedItem[];
  /** Event ids the stream knows (a create adds its own); others answer 404. */
  knownEventIds?: string[];
  /** The id a create answers with. */
  createdEventId?: string;
  /** Plans for successive stream connections (index 0 = first); later ones stream normally. */
  connections?: StreamConnectionPlan[];
  /** After the script: keep the stream open (a live show waiting for speech) or end the response. */
  afterScript?: 'hold' | 'close';
  /** The recording GET /v1/live/:id answers for an event (none: still recording). */
  recordings?: Record<string, { status: 'processing' | 'ready' | 'failed'; hls_url?: string; duration_ms?: number }>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface V100TestServer {
  baseUrl: string;
  createRequests: RecordedRequest[];
  streamRequests: RecordedRequest[];
  /** GET /v1/live/:id requests. */
  eventRequests: RecordedRequest[];
  /** Sets (or replaces) the recording an event answers with. */
  setRecording(eventId: string, recording: { status: 'processing' | 'ready' | 'failed'; hls_url?: string; duration_ms?: number }): void;
  /** Streams currently open. */
  openStreams(): number;
  /** Appends to the script and writes to every open stream. */
  push(item: ScriptedItem): void;
  /** Resolves when the number of open streams reaches `count`. */
  waitForOpenStreams(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function formatItem(item: ScriptedItem): string {
  if ('raw' in item) return item.raw;
  if ('comment' in item) return `: ${item.comment}\n\n`;
  let out = '';
  if (item.id !== undefined) out += `id: ${item.id}\n`;
  if (item.event !== undefined) out += `event: ${item.event}\n`;
  if (item.data !== undefined) {
    const text = typeof item.data === 'string' ? item.data : JSON.stringify(item.data);
    for (const line of text.split('\n')) out += `data: ${line}\n`;
  }
  return out + '\n';
}

export async function startV100Server(options: V100ServerOptions): Promise<V100TestServer> {
  const script = [...(options.script ?? [])];
  const known = new Set(options.knownEventIds ?? []);
  const createdEventId = options.createdEventId ?? 'evt_test_1';
  const createRequests: RecordedRequest[] = [];
  const streamRequests: RecordedRequest[] = [];
  const eventRequests: RecordedRequest[] = [];
  const recordings = new Map(Object.entries(options.recordings ?? {}));
  const open = new Set<ServerResponse>();
  const openWaiters = new Set<() => void>();

  const notifyOpen = () => {
    for (const check of openWaiters) check();
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const recorded: RecordedRequest = { method: req.method ?? '', path: url.pathname, headers: req.headers, body };
      const authorized = req.headers.authorization === `Bearer ${options.apiKey}`;

      if (req.method === 'POST' && url.pathname === '/v1/live') {
        createRequests.push(recorded);
        if (!authorized) return json(res, 401, { error: { code: 'unauthorized', message: 'invalid API key' } });
        known.add(createdEventId);
        return json(res, 201, { id: createdEventId, embed_url: `https://embed.v100.test/live/${createdEventId}`, status: 'scheduled' });
      }

      const event = /^\/v1\/live\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && event) {
        eventRequests.push(recorded);
        if (!authorized) return json(res, 401, { error: { code: 'unauthorized', message: 'invalid API key' } });
        const id = decodeURIComponent(event[1] ?? '');
        if (!known.has(id)) return json(res, 404, { error: { code: 'not_found', message: 'no such live event' } });
        const recording = recordings.get(id);
        return json(res, 200, { id, status: recording ? 'ended' : 'live', embed_url: `https://embed.v100.test/live/${id}`, recording: recording ?? { status: 'recording' } });
      }

      const match = /^\/v1\/live\/([^/]+)\/transcript\/stream$/.exec(url.pathname);
      if (req.method === 'GET' && match) {
        const plan = options.connections?.[streamRequests.length] ?? {};
        streamRequests.push(recorded);
        if (!authorized) return json(res, 401, { error: { code: 'unauthorized', message: 'invalid API key' } });
        if (!known.has(decodeURIComponent(match[1] ?? ''))) return json(res, 404, { error: { code: 'not_found', message: 'no such live event' } });
        if (plan.status !== undefined) return json(res, plan.status, { error: { code: 'unavailable', message: 'try again' } });
        return stream(res, req.headers['last-event-id'], plan);
      }

      json(res, 404, { error: { code: 'not_found', message: 'no such route' } });
    });
  });

  function stream(res: ServerResponse, lastEventIdHeader: string | string[] | undefined, plan: StreamConnectionPlan): void {
    const lastEventId = Array.isArray(lastEventIdHeader) ? lastEventIdHeader[0] : lastEventIdHeader;
    const resumeAt = lastEventId === undefined ? 0 : script.findIndex((item) => 'id' in item && item.id === lastEventId) + 1;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    open.add(res);
    res.on('close', () => {
      open.delete(res);
      notifyOpen();
    });
    notifyOpen();

    const items = script.slice(resumeAt);
    if (plan.dropAfter !== undefined) {
      const text = items.slice(0, plan.dropAfter).map(formatItem).join('') + (plan.dropWithPartial ?? '');
      // Destroy only once the bytes have left, so the client sees exactly this much.
      res.write(text, () => res.socket?.destroy());
      return;
    }
    res.write(items.map(formatItem).join('') || ': open\n\n');
    if (options.afterScript === 'close') res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    createRequests,
    streamRequests,
    eventRequests,
    setRecording: (eventId, recording) => void recordings.set(eventId, recording),
    openStreams: () => open.size,
    push(item) {
      script.push(item);
      for (const res of open) if (!res.writableEnded) res.write(formatItem(item));
    },
    waitForOpenStreams(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          openWaiters.delete(check);
          reject(new Error(`expected ${count} open V100 streams, have ${open.size}`));
        }, timeoutMs);
        const check = () => {
          if (open.size !== count) return;
          clearTimeout(timer);
          openWaiters.delete(check);
          resolve();
        };
        openWaiters.add(check);
        check();
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

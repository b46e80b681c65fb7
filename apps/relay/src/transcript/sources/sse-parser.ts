// An incremental Server-Sent Events parser (WHATWG "event stream interpretation"): text chunks in,
// whole events out, with no I/O so the V100 adapter can feed it straight from a fetch body.

export interface SseEvent {
  /** The `event:` field, or "message" when the event named none. */
  type: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The last `id:` seen on this stream so far (it carries over to later events, as in EventSource). */
  lastEventId: string;
}

export interface SseParserOptions {
  /** The cursor this connection resumed from; events without an `id:` field report it. */
  lastEventId?: string;
  /** A line or an event's data longer than this is treated as a broken stream (guards memory). */
  maxEventChars?: number;
}

export interface SseParser {
  /** Feeds decoded text; complete events are handed to the callback before this returns. */
  push(chunk: string): void;
  /** The stream ended: a final line ending in CR is taken, an event missing its blank line is dropped. */
  end(): void;
}

export class SseOverflowError extends Error {
  constructor(limit: number) {
    super(`an SSE line or event exceeded ${limit} characters`);
    this.name = 'SseOverflowError';
  }
}

const DEFAULT_MAX_EVENT_CHARS = 1_000_000;

export function createSseParser(onEvent: (event: SseEvent) => void, options: SseParserOptions = {}): SseParser {
  const maxChars = options.maxEventChars ?? DEFAULT_MAX_EVENT_CHARS;
  let buffer = '';
  let atStart = true;
  let lastEventId = options.lastEventId ?? '';
  let eventType = '';
  let dataLines: string[] = [];
  let dataChars = 0;

  function dispatch(): void {
    // The spec drops an event without data; we keep a named one, because a control event such as
    // V100's `live.ended` may carry no data and must still be seen.
    if (dataLines.length > 0 || eventType !== '') {
      onEvent({ type: eventType || 'message', data: dataLines.join('\n'), lastEventId });
    }
    eventType = '';
    dataLines = [];
    dataChars = 0;
  }

  function processLine(line: string): void {
    if (line === '') return dispatch();
    if (line.startsWith(':')) return; // comment, often a keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        eventType = value;
        break;
      case 'data':
        dataChars += value.length + 1;
        if (dataChars > maxChars) throw new SseOverflowError(maxChars);
        dataLines.push(value);
        break;
      case 'id':
        if (!value.includes('\u0000')) lastEventId = value;
        break;
      default:
        // `retry:` and unknown fields are ignored; the caller owns its reconnection policy.
        break;
    }
  }

  return {
    push(chunk) {
      buffer += chunk;
      if (atStart && buffer.length > 0) {
        if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
        atStart = buffer.length === 0;
      }
      let lineStart = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer.charCodeAt(i);
        if (c !== 0x0a && c !== 0x0d) continue;
        // A CR at the end of the chunk may be the first half of CRLF: wait for the next chunk.
        if (c === 0x0d && i === buffer.length - 1) break;
        const line = buffer.slice(lineStart, i);
        if (c === 0x0d && buffer.charCodeAt(i + 1) === 0x0a) i++;
        lineStart = i + 1;
        processLine(line);
      }
      buffer = buffer.slice(lineStart);
      if (buffer.length > maxChars) throw new SseOverflowError(maxChars);
    },
    end() {
      if (buffer.endsWith('\r')) processLine(buffer.slice(0, -1));
      buffer = '';
      eventType = '';
      dataLines = [];
      dataChars = 0;
    },
  };
}

import { describe, expect, it } from 'vitest';
import { createSseParser, SseOverflowError, type SseEvent, type SseParserOptions } from './sse-parser.js';

function parse(chunks: string[], options?: SseParserOptions): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e), options);
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return events;
}

const stream =
  ': connected\n\n' +
  'event: transcript.partial\nid: c1\ndata: {"segment_id":"s1","text":"hello"}\n\n' +
  'event: ping\n\n' +
  'event: transcript.final\nid: c2\ndata: {"segment_id":"s1",\ndata: "text":"hello there"}\n\n' +
  'event: live.ended\nid: c3\n\n';

const expected: SseEvent[] = [
  { type: 'transcript.partial', data: '{"segment_id":"s1","text":"hello"}', lastEventId: 'c1' },
  { type: 'ping', data: '', lastEventId: 'c1' },
  { type: 'transcript.final', data: '{"segment_id":"s1",\n"text":"hello there"}', lastEventId: 'c2' },
  { type: 'live.ended', data: '', lastEventId: 'c3' },
];

describe('createSseParser', () => {
  it('reads named events, multi-line data, ids and skips comments', () => {
    expect(parse([stream])).toEqual(expected);
  });

  it('gives the same events however the stream is split, even one character at a time', () => {
    expect(parse([...stream])).toEqual(expected);
    for (let cut = 1; cut < stream.length; cut += 7) {
      expect(parse([stream.slice(0, cut), stream.slice(cut)])).toEqual(expected);
    }
  });

  it('accepts CRLF and lone CR line endings, including CRLF split across chunks', () => {
    const crlf = stream.replaceAll('\n', '\r\n');
    expect(parse([crlf])).toEqual(expected);
    expect(parse([...crlf])).toEqual(expected);
    expect(parse([stream.replaceAll('\n', '\r')])).toEqual(expected);
    // "\r" then "\n" in the next chunk is one line break, not a blank line that would dispatch early.
    expect(parse(['data: a\r', '\ndata: b\r\n\r\n'])).toEqual([{ type: 'message', data: 'a\nb', lastEventId: '' }]);
  });

  it('defaults the type to "message" and strips only one leading space', () => {
    expect(parse(['data:  two spaces\ndata:none\n\n'])).toEqual([{ type: 'message', data: ' two spaces\nnone', lastEventId: '' }]);
  });

  it('treats a field without a colon as an empty value and ignores unknown fields and retry', () => {
    expect(parse(['data\nretry: 10\nfoo: bar\ndata: x\n\n'])).toEqual([{ type: 'message', data: '\nx', lastEventId: '' }]);
  });

  it('does not dispatch an event with neither data nor a type, but keeps its id for the next one', () => {
    expect(parse(['id: 7\n\ndata: later\n\n'])).toEqual([{ type: 'message', data: 'later', lastEventId: '7' }]);
  });

  it('starts from the resumed cursor and lets an empty id reset it', () => {
    expect(parse(['data: a\n\nid\ndata: b\n\n'], { lastEventId: 'c9' })).toEqual([
      { type: 'message', data: 'a', lastEventId: 'c9' },
      { type: 'message', data: 'b', lastEventId: '' },
    ]);
  });

  it('ignores an id containing NUL', () => {
    expect(parse(['id: a\u0000b\ndata: x\n\n'])).toEqual([{ type: 'message', data: 'x', lastEventId: '' }]);
  });

  it('drops an event cut off by the end of the stream', () => {
    expect(parse(['data: whole\n\ndata: half'])).toEqual([{ type: 'message', data: 'whole', lastEventId: '' }]);
    expect(parse(['data: whole\n\ndata: half\n'])).toEqual([{ type: 'message', data: 'whole', lastEventId: '' }]);
  });

  it('takes a final CR as a line break at the end of the stream', () => {
    expect(parse(['data: x\n\r'])).toEqual([{ type: 'message', data: 'x', lastEventId: '' }]);
  });

  it('strips a byte-order mark at the start only', () => {
    expect(parse(['\ufeff', 'data: x\n\n'])).toEqual([{ type: 'message', data: 'x', lastEventId: '' }]);
    expect(parse(['data: \ufeffx\n\n'])).toEqual([{ type: 'message', data: '\ufeffx', lastEventId: '' }]);
  });

  it('throws a typed error when a line or an event grows past the limit', () => {
    const parser = createSseParser(() => {}, { maxEventChars: 16 });
    expect(() => parser.push('data: ' + 'x'.repeat(20))).toThrow(SseOverflowError);
    const lines = createSseParser(() => {}, { maxEventChars: 16 });
    expect(() => lines.push('data: 12345678\ndata: 12345678\n')).toThrow(SseOverflowError);
  });
});

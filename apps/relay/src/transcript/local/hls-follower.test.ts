import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Product } from '@cuecart/shared';
import { livePlaylist, segmentAt, type LoopMedia } from '../../media/live-playlist.js';
import { DEMO_MEDIA_DIR, loadDemoMedia } from '../../media/media-routes.js';
import type { AiredSegment } from './audio-feed.js';
import { decodeAudio } from './audio-feed.js';
import { hlsSegments, parsePlaylist, PlaylistError } from './hls-follower.js';
import { createLocalSource, missingTools } from './local-source.js';
import { SAMPLE_RATE, UtteranceCutter, type Utterance } from './utterances.js';

const silent = pino({ level: 'silent' });

describe('parsePlaylist', () => {
  it('reads a media playlist: sequence numbers, durations, program dates carried across segments, maps, the end', () => {
    const p = parsePlaylist([
      '#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-TARGETDURATION:4', '#EXT-X-MEDIA-SEQUENCE:40',
      '#EXT-X-MAP:URI="init.mp4"',
      '#EXT-X-PROGRAM-DATE-TIME:2026-12-05T10:00:00.000Z', '#EXTINF:4.000,', 'seg40.m4s',
      '#EXTINF:3.5,', 'https://cdn.example.com/seg41.m4s',
      '#EXT-X-DISCONTINUITY', '#EXTINF:4,', 'seg42.m4s',
      '#EXT-X-PROGRAM-DATE-TIME:2026-12-05T10:01:00.000Z', '#EXTINF:4,', 'seg43.m4s',
      '#EXT-X-ENDLIST',
    ].join('\r\n'), 'https://stream.example.com/live/index.m3u8');
    const t0 = Date.parse('2026-12-05T10:00:00.000Z');
    expect(p.targetDurationMs).toBe(4000);
    expect(p.ended).toBe(true);
    expect(p.segments).toEqual([
      { seq: 40, uri: 'https://stream.example.com/live/seg40.m4s', durationMs: 4000, programDateMs: t0, mapUri: 'https://stream.example.com/live/init.mp4' },
      { seq: 41, uri: 'https://cdn.example.com/seg41.m4s', durationMs: 3500, programDateMs: t0 + 4000, mapUri: 'https://stream.example.com/live/init.mp4' },
      // After a discontinuity without a new date, where it sits is unknown.
      { seq: 42, uri: 'https://stream.example.com/live/seg42.m4s', durationMs: 4000, mapUri: 'https://stream.example.com/live/init.mp4' },
      { seq: 43, uri: 'https://stream.example.com/live/seg43.m4s', durationMs: 4000, programDateMs: t0 + 60_000, mapUri: 'https://stream.example.com/live/init.mp4' },
    ]);
  });

  it('lists a multivariant playlist’s renditions, lowest bandwidth first', () => {
    const p = parsePlaylist('#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"\nhi/index.m3u8\n#EXT-X-STREAM-INF:BANDWIDTH=400000,CODECS="avc1.42e00a,mp4a.40.2"\nlo/index.m3u8\n', 'https://s.example.com/master.m3u8');
    expect(p.variants.map((v) => v.uri)).toEqual(['https://s.example.com/lo/index.m3u8', 'https://s.example.com/hi/index.m3u8']);
    expect(p.segments).toEqual([]);
  });

  it('refuses what is not a playlist, saying so', () => {
    expect(() => parsePlaylist('<html>Not found</html>', 'https://s.example.com/x.m3u8')).toThrow(PlaylistError);
    expect(() => parsePlaylist('', 'https://s.example.com/x.m3u8')).toThrow(/not an HLS playlist/);
  });
});

/** A loopback HLS origin on a fake clock: the demo loop's live window, or whatever `route` answers. */
async function origin(route: (path: string, now: number) => { status?: number; body: string | Buffer; type?: string } | undefined, clock: { now: number }): Promise<{ url: string; server: Server; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url!);
    const answer = route(req.url!, clock.now);
    if (!answer) { res.writeHead(404).end('not found'); return; }
    res.writeHead(answer.status ?? 200, { 'content-type': answer.type ?? 'application/octet-stream' }).end(answer.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, hits };
}

/** A wait that moves the fake clock instead of sleeping. */
const fakeTime = (start: number) => {
  const clock = { now: start };
  return { clock, now: () => clock.now, wait: async (at: number) => { clock.now = Math.max(clock.now, at); } };
};

async function take(feed: AsyncGenerator<AiredSegment>, count: number): Promise<AiredSegment[]> {
  const got: AiredSegment[] = [];
  for await (const seg of feed) { got.push(seg); if (got.length === count) break; }
  return got;
}

const servers: Server[] = [];
afterEach(() => { for (const s of servers.splice(0)) s.close(); });

const media: LoopMedia = { segments: [{ file: 'a.ts', durationMs: 2000 }, { file: 'b.ts', durationMs: 2500 }, { file: 'c.ts', durationMs: 1500 }] };
const epochMs = Date.parse('2026-12-05T09:00:00.000Z');

describe('hlsSegments', () => {
  it('follows a live stream from its edge: each new segment once, in order, at the show ms of its program date', async () => {
    const t = fakeTime(epochMs + 9_100);
    const o = await origin((path, now) => {
      if (path === '/live.m3u8') return { body: livePlaylist(media, { epochMs, nowMs: now, windowSize: 3, segmentUri: (n) => `seg/${n}.ts` }) };
      const n = /^\/seg\/(\d+)\.ts$/.exec(path)?.[1];
      return n ? { body: `bytes of ${n}` } : undefined;
    }, t.clock);
    servers.push(o.server);
    const got = await take(hlsSegments({ url: `${o.url}/live.m3u8`, epochMs, fetch, clock: t.now, wait: t.wait, logger: silent }), 5);
    // At show ms 9,100 the newest finished segment is n=3 (6,000–8,000 ms).
    expect(got.map((s) => s.n)).toEqual([3, 4, 5, 6, 7]);
    expect(got.map((s) => s.startMs)).toEqual([3, 4, 5, 6, 7].map((n) => segmentAt(media, n).startMs));
    expect(got.every((s) => s.live !== false)).toBe(true);
    expect((await got[2]!.read()).toString()).toBe('bytes of 5');
  });

  it('keeps trying when the playlist fails, and gives up only after maxFailures', async () => {
    const t = fakeTime(epochMs + 5_000);
    let failuresLeft = 2;
    const warn = vi.fn();
    const logger = { ...silent, warn, info: () => {} } as unknown as typeof silent;
    const o = await origin((path, now) => {
      if (path !== '/live.m3u8') return path.startsWith('/seg/') ? { body: 'x' } : undefined;
      if (failuresLeft-- > 0) return { status: 503, body: 'busy' };
      return { body: livePlaylist(media, { epochMs, nowMs: now, windowSize: 3, segmentUri: (n) => `seg/${n}.ts` }) };
    }, t.clock);
    servers.push(o.server);
    const got = await take(hlsSegments({ url: `${o.url}/live.m3u8`, epochMs, fetch, clock: t.now, wait: t.wait, logger }), 1);
    expect(got).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0]![1])).toMatch(/cannot load the stream's playlist .*check the show's stream URL/);

    const dead = hlsSegments({ url: `${o.url}/gone.m3u8`, epochMs, fetch, clock: t.now, wait: t.wait, logger: silent, maxFailures: 3 });
    await expect(take(dead, 1)).rejects.toThrow(/answered 404/);
  });

  it('reads a recording whole from its start, marked not live, and ends with it; picks the lowest rendition', async () => {
    const t = fakeTime(epochMs + 60_000);
    const o = await origin((path) => {
      if (path === '/master.m3u8') return { body: '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=900000\nhi.m3u8\n#EXT-X-STREAM-INF:BANDWIDTH=200000\nlo.m3u8\n' };
      if (path === '/lo.m3u8') return { body: `#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-PROGRAM-DATE-TIME:${new Date(epochMs + 10_000).toISOString()}\n#EXTINF:2,\nlo/0.ts\n#EXTINF:2,\nlo/1.ts\n#EXTINF:1.5,\nlo/2.ts\n#EXT-X-ENDLIST\n` };
      return path.startsWith('/lo/') ? { body: path } : undefined;
    }, t.clock);
    servers.push(o.server);
    const got = await take(hlsSegments({ url: `${o.url}/master.m3u8`, epochMs, fetch, clock: t.now, wait: t.wait, logger: silent }), 99);
    expect(got.map((s) => [s.startMs, s.durationMs, s.live])).toEqual([[10_000, 2000, false], [12_000, 2000, false], [14_000, 1500, false]]);
    expect((await got[1]!.read()).toString()).toBe('/lo/1.ts');
    expect(o.hits).not.toContain('/hi.m3u8');
  });

  it('puts an fMP4 segment’s init section in front of its bytes, fetched once', async () => {
    const t = fakeTime(epochMs);
    const o = await origin((path) => {
      if (path === '/v.m3u8') return { body: '#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MAP:URI="init.mp4"\n#EXT-X-PROGRAM-DATE-TIME:2026-12-05T09:00:00Z\n#EXTINF:2,\n0.m4s\n#EXTINF:2,\n1.m4s\n#EXT-X-ENDLIST\n' };
      return { body: path === '/init.mp4' ? 'INIT|' : path };
    }, t.clock);
    servers.push(o.server);
    const got = await take(hlsSegments({ url: `${o.url}/v.m3u8`, epochMs, fetch, clock: t.now, wait: t.wait, logger: silent }), 2);
    expect((await got[0]!.read()).toString()).toBe('INIT|/0.m4s');
    expect((await got[1]!.read()).toString()).toBe('INIT|/1.m4s');
    expect(o.hits.filter((h) => h === '/init.mp4')).toHaveLength(1);
  });

  it('without program dates, places segments by when they appear and says transcript times are estimates', async () => {
    const t = fakeTime(epochMs + 30_000);
    const warn = vi.fn();
    const o = await origin((path) => (path === '/u.m3u8' ? { body: '#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:7\n#EXTINF:2,\n7.ts\n#EXTINF:2,\n8.ts\n' } : { body: 'x' }), t.clock);
    servers.push(o.server);
    const feed = hlsSegments({ url: `${o.url}/u.m3u8`, epochMs, fetch, clock: t.now, wait: t.wait, logger: { ...silent, warn, info: () => {} } as unknown as typeof silent, maxFailures: 1 });
    const [first] = await take(feed, 1);
    expect(first!.n).toBe(8);
    expect(first!.startMs).toBe(28_000);
    expect(String(warn.mock.calls[0]![1])).toMatch(/no EXT-X-PROGRAM-DATE-TIME/);
  });

  it('refuses a segment larger than its cap', async () => {
    const t = fakeTime(epochMs);
    const o = await origin((path) => (path === '/v.m3u8' ? { body: '#EXTM3U\n#EXTINF:2,\n0.ts\n#EXT-X-ENDLIST\n' } : { body: Buffer.alloc(5000) }), t.clock);
    servers.push(o.server);
    const [seg] = await take(hlsSegments({ url: `${o.url}/v.m3u8`, epochMs, fetch, clock: t.now, wait: t.wait, logger: silent, maxSegmentBytes: 4096 }), 1);
    await expect(seg!.read()).rejects.toThrow(/larger than 4096 bytes/);
  });
});

const demo = loadDemoMedia();

describe('the local source on an HLS stream (the demo recording served over HTTP, real ffmpeg)', () => {
  it('has what it needs: the committed demo media and ffmpeg (npm test installs it)', () => {
    expect(demo, 'demo media is committed under demo/media').toBeDefined();
    expect(missingTools(['ffmpeg'])).toEqual([]);
  });

  it('decodes every segment of a recording and hands the recognizer all of it, none skipped, at show ms', async () => {
    const count = 12;
    const segs = Array.from({ length: count }, (_, n) => segmentAt(demo!, n));
    const playlist = ['#EXTM3U', '#EXT-X-TARGETDURATION:10', '#EXT-X-PLAYLIST-TYPE:VOD',
      ...segs.flatMap((s) => [`#EXT-X-PROGRAM-DATE-TIME:${new Date(epochMs + s.startMs).toISOString()}`, `#EXTINF:${(s.durationMs / 1000).toFixed(3)},`, `seg/${s.n}.ts`]), '#EXT-X-ENDLIST'].join('\n');
    const o = await origin((path) => {
      if (path === '/rec.m3u8') return { body: playlist };
      const n = /^\/seg\/(\d+)\.ts$/.exec(path)?.[1];
      return n ? { body: readFileSync(join(DEMO_MEDIA_DIR, segs[Number(n)]!.file)) } : undefined;
    }, { now: 0 });
    servers.push(o.server);
    const workRoot = mkdtempSync(join(tmpdir(), 'local-hls-'));
    try {
      const heard: Utterance[] = [];
      // A recognizer slower than the feed: a recording must still reach it whole.
      const recognize = async (u: Utterance) => { heard.push(u); await new Promise((r) => setTimeout(r, 300)); return [{ word: 'serum', startMs: u.startMs, endMs: u.endMs }]; };
      const sink = vi.fn();
      const products: Product[] = [{ id: 'a', title: 'Lumera Dew Serum', vendor: 'Lumera', productType: 'Serum', tags: [], available: true, price: { amount: '49.00', currencyCode: 'USD' }, variants: [] }];
      const source = createLocalSource({ showId: 's', sink, logger: silent, clock: Date.now }, {
        products, rundown: ['a'], media: undefined, mediaDir: workRoot, epochMs, workRoot,
        streamUrl: `${o.url}/rec.m3u8`, fetch, recognizer: () => ({ recognize }),
      });
      source.start();
      const total = segs.reduce((s, x) => s + x.durationMs, 0);
      await source.finished;
      await source.stop();
      expect(o.hits.filter((h) => h.startsWith('/seg/'))).toHaveLength(count);
      expect(sink).toHaveBeenCalledTimes(heard.length);
      // Every utterance of the recording reached the recognizer: the same ones the cutter finds in it read
      // straight from disk. (Fed at once, they would overflow the live backlog of 6 and lose the oldest.)
      const expected: Utterance[] = [];
      const cutter = new UtteranceCutter((u) => expected.push(u));
      for (const seg of segs) cutter.push(await decodeAudio(readFileSync(join(DEMO_MEDIA_DIR, seg.file))), seg.startMs);
      cutter.flush();
      expect(expected.length).toBeGreaterThan(6);
      expect(heard.map((u) => [u.startMs, u.endMs])).toEqual(expected.map((u) => [u.startMs, u.endMs]));
      // What was heard lies inside the recording, in order.
      for (let i = 1; i < heard.length; i++) expect(heard[i]!.startMs).toBeGreaterThanOrEqual(heard[i - 1]!.endMs);
      expect(heard[0]!.startMs).toBeGreaterThanOrEqual(0);
      expect(heard[heard.length - 1]!.endMs).toBeLessThanOrEqual(total + 50);
      expect(heard[heard.length - 1]!.endMs).toBeGreaterThan(total - 3000);
      // Speech fills most of the demo: the utterances cover a good part of the recording.
      const speech = heard.reduce((s, u) => s + u.pcm.length / SAMPLE_RATE * 1000, 0);
      expect(speech).toBeGreaterThan(total * 0.4);
    } finally {
      rmSync(workRoot, { recursive: true, force: true });
    }
  }, 60_000);

  it('ffmpeg decodes a demo segment to 16 kHz mono of its length', async () => {
    const seg = segmentAt(demo!, 0);
    const pcm = await decodeAudio(readFileSync(join(DEMO_MEDIA_DIR, seg.file)));
    expect(Math.abs(pcm.length / SAMPLE_RATE * 1000 - seg.durationMs)).toBeLessThan(150);
  });
});

// Follows any HLS stream for the local recognizer: reloads the playlist the way a player does, yields each new
// media segment with the show ms it starts at (its EXT-X-PROGRAM-DATE-TIME against the show's stream epoch, the
// clock viewers' cards run on), and reads its bytes through the relay's guarded fetch, capped in size.
import type { Logger } from '../../logger.js';
import type { AiredSegment } from './audio-feed.js';

export class PlaylistError extends Error {}

export interface PlaylistSegment {
  /** Media sequence number. */
  seq: number;
  uri: string;
  durationMs: number;
  /** Wall-clock ms of its first frame: its own EXT-X-PROGRAM-DATE-TIME, or carried from the one before. */
  programDateMs?: number;
  /** fMP4 streams: the initialization section (EXT-X-MAP) its bytes need in front. */
  mapUri?: string;
}

export interface Playlist {
  /** A multivariant playlist: its renditions, lowest bandwidth first; no segments. */
  variants: Array<{ uri: string; bandwidth: number }>;
  targetDurationMs: number;
  segments: PlaylistSegment[];
  /** EXT-X-ENDLIST: nothing more will be added. */
  ended: boolean;
}

const attr = (line: string, name: string): string | undefined => {
  const m = new RegExp(`(?:^|[:,])${name}=("([^"]*)"|[^,]*)`).exec(line);
  return m ? (m[2] ?? m[1]) : undefined;
};

/** Parses a media or multivariant playlist; relative URIs resolve against `baseUrl`. */
export function parsePlaylist(text: string, baseUrl: string): Playlist {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines[0] !== '#EXTM3U') throw new PlaylistError(`${baseUrl} is not an HLS playlist (it does not start with #EXTM3U)`);
  const resolve = (uri: string) => new URL(uri, baseUrl).href;
  const playlist: Playlist = { variants: [], targetDurationMs: 6000, segments: [], ended: false };
  let seq = 0;
  let duration: number | undefined;
  let programDate: number | undefined;
  let carried: number | undefined;
  let mapUri: string | undefined;
  let variantBandwidth: number | undefined;
  for (const line of lines) {
    if (variantBandwidth !== undefined && !line.startsWith('#')) {
      playlist.variants.push({ uri: resolve(line), bandwidth: variantBandwidth });
      variantBandwidth = undefined;
    } else if (line.startsWith('#EXT-X-STREAM-INF:')) {
      variantBandwidth = Number(attr(line, 'BANDWIDTH')) || Number.MAX_SAFE_INTEGER;
    } else if (line.startsWith('#EXT-X-TARGETDURATION:')) {
      playlist.targetDurationMs = Math.max(500, Number(line.slice(22)) * 1000 || 6000);
    } else if (line.startsWith('#EXT-X-MEDIA-SEQUENCE:')) {
      seq = Number(line.slice(22)) || 0;
    } else if (line.startsWith('#EXT-X-PROGRAM-DATE-TIME:')) {
      const t = Date.parse(line.slice(25));
      programDate = Number.isFinite(t) ? t : undefined;
    } else if (line.startsWith('#EXT-X-DISCONTINUITY') && !line.startsWith('#EXT-X-DISCONTINUITY-SEQUENCE')) {
      carried = undefined; // the timeline restarts: only a new program date places what follows
    } else if (line.startsWith('#EXT-X-MAP:')) {
      const uri = attr(line, 'URI');
      mapUri = uri ? resolve(uri) : undefined;
    } else if (line.startsWith('#EXTINF:')) {
      duration = Number.parseFloat(line.slice(8));
    } else if (line === '#EXT-X-ENDLIST') {
      playlist.ended = true;
    } else if (!line.startsWith('#')) {
      const durationMs = Number.isFinite(duration) && duration! > 0 ? Math.round(duration! * 1000) : playlist.targetDurationMs;
      const at = programDate ?? carried;
      playlist.segments.push({ seq, uri: resolve(line), durationMs, ...(at !== undefined ? { programDateMs: at } : {}), ...(mapUri ? { mapUri } : {}) });
      carried = at !== undefined ? at + durationMs : undefined;
      programDate = undefined;
      duration = undefined;
      seq++;
    }
  }
  playlist.variants.sort((a, b) => a.bandwidth - b.bandwidth);
  return playlist;
}

export interface HlsFollowOptions {
  url: string;
  /** Wall-clock ms of show ms 0 (the show's stream epoch). */
  epochMs: number;
  fetch: typeof globalThis.fetch;
  clock: () => number;
  /** Resolves at a wall-clock time; rejects when the source stops. */
  wait: (atMs: number) => Promise<void>;
  logger: Logger;
  /** A media segment larger than this is refused (a live segment of speech is well under 10 MB). */
  maxSegmentBytes?: number;
  /** Reloads that fail in a row before it gives up; by default it never does (a stream may come back). */
  maxFailures?: number;
}

const MAX_PLAYLIST_BYTES = 2 * 1024 * 1024;
const MAX_BACKOFF_MS = 30_000;

/** The response body, refused beyond `limit` bytes; a clear error for a non-2xx status. */
async function readCapped(fetcher: typeof globalThis.fetch, url: string, limit: number, timeoutMs: number): Promise<Buffer> {
  const res = await fetcher(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new PlaylistError(`${url} answered ${res.status}`);
  if (Number(res.headers.get('content-length') ?? 0) > limit) throw new PlaylistError(`${url} is larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) throw new PlaylistError(`${url} is larger than ${limit} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/**
 * The stream's media segments as they are published, from the live edge (a playlist that has ended is read
 * from its start, and its segments are marked not live so the recognizer takes its time). Playlist failures
 * are logged and retried with backoff; the generator ends with the stream's EXT-X-ENDLIST.
 */
export async function* hlsSegments(o: HlsFollowOptions): AsyncGenerator<AiredSegment> {
  const maxSegmentBytes = o.maxSegmentBytes ?? 32 * 1024 * 1024;
  const inits = new Map<string, Promise<Buffer>>();
  const readSegment = async (seg: PlaylistSegment): Promise<Buffer> => {
    const body = await readCapped(o.fetch, seg.uri, maxSegmentBytes, 30_000);
    if (!seg.mapUri) return body;
    let init = inits.get(seg.mapUri);
    if (!init) {
      init = readCapped(o.fetch, seg.mapUri, maxSegmentBytes, 30_000);
      inits.set(seg.mapUri, init);
      init.catch(() => inits.delete(seg.mapUri!));
    }
    return Buffer.concat([await init, body]);
  };

  let mediaUrl = o.url;
  let lastSeq: number | undefined;
  let failures = 0;
  let warnedUndated = false;
  let vod: boolean | undefined;
  /** Show ms of the next undated segment, anchored when the first one is seen. */
  let undatedNext: number | undefined;
  for (;;) {
    const began = o.clock();
    let playlist: Playlist;
    try {
      playlist = parsePlaylist((await readCapped(o.fetch, mediaUrl, MAX_PLAYLIST_BYTES, 10_000)).toString('utf8'), mediaUrl);
      if (playlist.variants.length > 0) {
        // The lowest-bandwidth rendition carries the same speech for the least bytes.
        mediaUrl = playlist.variants[0]!.uri;
        o.logger.info({ rendition: mediaUrl, renditions: playlist.variants.length }, 'local recognizer: following the lowest-bandwidth rendition');
        continue;
      }
      if (vod === undefined) o.logger.info({ url: mediaUrl, live: !playlist.ended }, 'local recognizer: following the stream');
      failures = 0;
    } catch (error) {
      failures++;
      if (o.maxFailures !== undefined && failures >= o.maxFailures) throw error;
      const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures - 1, 5));
      o.logger.warn({ err: error, retryInMs: backoff }, `local recognizer cannot load the stream's playlist ${mediaUrl}: check the show's stream URL; trying again`);
      await o.wait(o.clock() + backoff);
      continue;
    }

    // A playlist that had ended when first read is a recording: read all of it, without hurry.
    vod ??= playlist.ended;
    let fresh = playlist.segments.filter((s) => lastSeq === undefined || s.seq > lastSeq);
    // Joining a live stream: start at its newest segment (what is airing now), not minutes back.
    if (lastSeq === undefined && !playlist.ended) fresh = fresh.slice(-1);
    for (const seg of fresh) {
      let startMs: number;
      if (seg.programDateMs !== undefined) {
        startMs = seg.programDateMs - o.epochMs;
        undatedNext = startMs + seg.durationMs;
      } else {
        if (!warnedUndated) {
          warnedUndated = true;
          o.logger.warn({ url: mediaUrl }, 'the stream carries no EXT-X-PROGRAM-DATE-TIME: transcript times are estimated from when segments appear, so cards from it may be early or late for viewers');
        }
        startMs = undatedNext ?? Math.max(0, o.clock() - o.epochMs - seg.durationMs);
        undatedNext = startMs + seg.durationMs;
      }
      lastSeq = seg.seq;
      yield { n: seg.seq, startMs, durationMs: seg.durationMs, live: !vod, read: () => readSegment(seg) };
    }
    if (playlist.ended) return;
    // A playlist that changed is reloaded after its newest segment's length; an unchanged one after half the
    // target duration (the HLS spec's reload rules).
    const after = fresh.length > 0 ? fresh[fresh.length - 1]!.durationMs : playlist.targetDurationMs / 2;
    await o.wait(began + after);
  }
}

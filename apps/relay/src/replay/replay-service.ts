// A show's replay (DESIGN.md "Replay"): where its recording is, how long it is, and its timeline in show ms —
// every card's stretch with the card as fired, the chapters, the transcript and the products on those cards.
// The recording is what the relay served live for the demo's looping stream (a dated VOD playlist of the same
// segments), else the show's `recordingUrl`. An ended show's replay is kept until its log or transcript changes.
import { airedWindow, replayCards, replayChapters, type Chapter, type Product, type ReplayCard } from '@cuecart/shared';
import type { ShowAuthority } from '../shows/show-authority.js';
import type { TranscriptService } from '../transcript/transcript-service.js';
import { recordingSpan, type LoopMedia } from '../media/live-playlist.js';
import type { V100Recordings } from './v100-recording.js';

/** The demo's looping stream: its recording is the segments the loop aired. */
export const DEMO_STREAM_URL = '/media/demo/live.m3u8';

export interface Replay {
  showId: string;
  /** Null while there is nothing to play back (the show never went live, or its origin keeps no recording). */
  recordingUrl: string | null;
  durationMs: number;
  /** Show ms of the recording's first frame. */
  startMs: number;
  ended: boolean;
  chapters: Chapter[];
  cards: ReplayCard[];
  transcript: { id: string; startMs: number; endMs: number; text: string }[];
  /** The products of the cards and chapters, as the store has them now (price, stock, variants). */
  products: Product[];
}

export class ReplayService {
  private readonly cache = new Map<string, Replay>();
  /** Each show's final transcript lines in time order, read once and kept up to date as segments arrive. */
  private readonly transcripts = new Map<string, Replay['transcript']>();
  /** The kept replays as sent: with and without the transcript. */
  private readonly bodies = new WeakMap<Replay, { full?: string; cards?: string }>();

  constructor(
    private readonly authority: ShowAuthority,
    private readonly transcript: TranscriptService,
    private readonly media: LoopMedia | undefined,
    private readonly v100?: V100Recordings,
    private readonly now: () => number = Date.now,
  ) {
    // A change to the show's log, transcript or products makes its replay stale.
    authority.onOverlay((showId) => this.cache.delete(showId));
    authority.onProducts((showId) => this.cache.delete(showId));
    transcript.onTranscript((showId, segment) => {
      this.cache.delete(showId);
      const lines = this.transcripts.get(showId);
      if (lines && segment.final) upsertLine(lines, { id: segment.id, startMs: segment.startMs, endMs: segment.endMs, text: segment.text });
    });
  }

  async of(showId: string): Promise<Replay | undefined> {
    const cached = this.cache.get(showId);
    if (cached) return cached;
    const rt = this.authority.get(showId);
    if (!rt) return undefined;
    const epoch = rt.show.streamEpochMs;
    const log = await this.authority.stateLog(showId);
    const aired = airedWindow(log, epoch, this.now());
    const recording = await this.recording(showId, rt, aired);
    const endMs = recording ? recording.startMs + recording.durationMs : (aired?.endMs ?? 0);
    const cards = replayCards(log, epoch, aired?.endMs ?? endMs);
    const titleOf = (id: string) => rt.catalog.get(id)?.title;
    const chapters = replayChapters(cards, this.transcript.suggestions.mentions(showId), titleOf, endMs);
    const ids = new Set([...cards.map((c) => c.productId), ...chapters.map((c) => c.productId)]);
    const replay: Replay = {
      showId,
      recordingUrl: recording?.url ?? null,
      durationMs: recording?.durationMs ?? 0,
      startMs: recording?.startMs ?? 0,
      ended: aired?.ended ?? false,
      chapters,
      cards,
      transcript: this.transcriptOf(showId),
      products: [...ids].flatMap((id) => rt.catalog.get(id) ?? []),
    };
    // A live show's replay grows by the second: only an ended one is kept, and not while its V100 recording is still being made.
    if (replay.ended && (replay.recordingUrl !== null || rt.transcript?.provider !== 'v100')) this.cache.set(showId, replay);
    return replay;
  }

  /** The replay as JSON, serialized once per kept replay; `transcript: false` leaves the transcript out. */
  async json(showId: string, transcript: boolean): Promise<{ body: string; ended: boolean } | undefined> {
    const replay = await this.of(showId);
    if (!replay) return undefined;
    const kept = this.bodies.get(replay) ?? {};
    const key = transcript ? 'full' : 'cards';
    kept[key] ??= JSON.stringify(transcript ? replay : { ...replay, transcript: undefined });
    this.bodies.set(replay, kept);
    return { body: kept[key], ended: replay.ended };
  }

  private transcriptOf(showId: string): Replay['transcript'] {
    let lines = this.transcripts.get(showId);
    if (!lines) this.transcripts.set(showId, (lines = this.transcript.segments.all(showId)));
    // A copy: the kept replay must not change when a line arrives later.
    return lines.slice();
  }

  /** The show's own recordingUrl; else what the demo loop aired; else a V100 event's recording once it is ready. */
  private async recording(showId: string, rt: NonNullable<ReturnType<ShowAuthority['get']>>, aired: ReturnType<typeof airedWindow>) {
    const span = aired ? aired.endMs - aired.startMs : 0;
    if (rt.show.recordingUrl) return { url: rt.show.recordingUrl, startMs: aired?.startMs ?? 0, durationMs: span };
    if (rt.show.streamUrl === DEMO_STREAM_URL && this.media && aired && aired.endMs > aired.startMs) {
      return { url: `/media/demo/recording/${encodeURIComponent(showId)}.m3u8`, ...recordingSpan(this.media, aired.startMs, aired.endMs) };
    }
    if (rt.transcript?.provider === 'v100' && this.v100 && aired?.ended) {
      const v100 = await this.v100.of(showId, rt.transcript);
      if (v100) return { url: v100.url, startMs: aired.startMs, durationMs: v100.durationMs ?? span };
    }
    return null;
  }

}

/** Puts a final line in its place (time, then id), replacing an earlier version of it. */
export function upsertLine(lines: Replay['transcript'], line: Replay['transcript'][number]): void {
  const at = lines.findIndex((l) => l.id === line.id);
  if (at >= 0) lines.splice(at, 1);
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = lines[mid]!;
    if (m.startMs < line.startMs || (m.startMs === line.startMs && m.id < line.id)) lo = mid + 1;
    else hi = mid;
  }
  lines.splice(lo, 0, line);
}

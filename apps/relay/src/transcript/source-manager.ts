// Runs each show's transcript source (V100, simulated or local recognition) inside the relay and feeds it to ingest.
import type { TranscriptSourceSpec } from '@cuecart/shared';
import type { Logger } from '../logger.js';
import { providerFetch } from '../net/guarded-fetch.js';
import type { ShowAuthority } from '../shows/show-authority.js';
import { tmpdir } from 'node:os';
import type { LoopMedia } from '../media/live-playlist.js';
import { DEMO_MEDIA_DIR } from '../media/media-routes.js';
import { DEMO_STREAM_URL } from '../replay/replay-service.js';
import { createLocalSource } from './local/local-source.js';
import { createSimulatedSource } from './sources/simulated-source.js';
import type { SourceContext, TranscriptSource } from './sources/source.js';
import { createV100Source } from './sources/v100-source.js';
import type { TranscriptService } from './transcript-service.js';

export class SourceManager {
  private readonly running = new Map<string, TranscriptSource>();

  constructor(
    private readonly authority: ShowAuthority,
    private readonly transcript: TranscriptService,
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
    /** What provider sources fetch with: by default it refuses non-public addresses (see net/guarded-fetch.ts). */
    private readonly fetch: typeof globalThis.fetch = providerFetch(false),
    /** What the local recognizer needs: the demo loop (other streams are followed by their HLS playlist) and a folder for each show's model. */
    private readonly local: { media: LoopMedia | undefined; workRoot: string } = { media: undefined, workRoot: tmpdir() },
  ) {}

  startAll(): void {
    for (const id of this.authority.ids()) this.start(id);
  }

  /** Starts the show's source if it has one that runs in the relay; a push show needs nothing. */
  start(showId: string): void {
    const rt = this.authority.get(showId);
    const spec = rt?.transcript;
    if (!rt || !spec || spec.provider === 'push' || this.running.has(showId)) return;
    const ctx: SourceContext = {
      showId,
      clock: this.clock,
      logger: this.logger.child({ show: showId, source: spec.provider }),
      sink: (segments) => {
        const result = this.transcript.ingest(showId, segments);
        if (result.outOfOrder) ctx.logger.warn(result, 'transcript segments arrived out of order');
      },
    };
    const epochMs = rt.show.streamEpochMs ?? rt.show.createdAt;
    const source = spec.provider === 'local'
      ? createLocalSource(ctx, {
        products: rt.products,
        rundown: rt.show.rundown,
        media: rt.show.streamUrl === DEMO_STREAM_URL ? this.local.media : undefined,
        mediaDir: DEMO_MEDIA_DIR,
        ...(rt.show.streamUrl && rt.show.streamUrl !== DEMO_STREAM_URL ? { streamUrl: rt.show.streamUrl } : {}),
        fetch: this.fetch,
        epochMs,
        workRoot: this.local.workRoot,
      })
      : this.create(ctx, spec, epochMs, rt.show.title, rt.products.flatMap((p) => (p.sku ? [p.sku] : [])));
    this.running.set(showId, source);
    source.start();
  }

  /** The show's stream changed: a source that follows the stream (the local recognizer) starts again on the new one. */
  async restart(showId: string): Promise<void> {
    const running = this.running.get(showId);
    if (!running || this.authority.get(showId)?.transcript?.provider !== 'local') return;
    this.running.delete(showId);
    await running.stop();
    this.start(showId);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.values()].map((s) => s.stop()));
    this.running.clear();
  }

  private create(ctx: SourceContext, spec: Exclude<TranscriptSourceSpec, { provider: 'push' | 'local' }>, epochMs: number, title: string, skus: string[]): TranscriptSource {
    if (spec.provider === 'simulated') return createSimulatedSource(ctx, { script: spec.script, loopMs: spec.loopMs, epochMs });
    return createV100Source(ctx, {
      baseUrl: spec.baseUrl,
      apiKey: spec.apiKey,
      language: spec.language,
      title,
      productSkus: skus,
      fetch: this.fetch,
      ...(spec.eventId ? { eventId: spec.eventId } : {}),
      onEventCreated: (eventId) => void this.authority.setTranscript(ctx.showId, { ...spec, eventId }),
    });
  }
}

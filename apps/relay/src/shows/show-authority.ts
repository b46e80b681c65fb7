// The show authority: owns every show's overlay state. A command is validated, applied with the
// shared reducer, logged durably with its seq, and only then acknowledged and broadcast.
import { randomBytes } from 'node:crypto';
import {
  apiError,
  applyCommand,
  emptyOverlay,
  type Ack,
  type Activity,
  type CatalogSpec,
  type Command,
  type OverlayState,
  type Product,
  type Show,
  type TranscriptSourceSpec,
} from '@cuecart/shared';
import type { Db } from '../db/database.js';
import { CommandLog, toActivity } from './command-log.js';
import { ShowRepository } from './show-repository.js';

export interface ShowRuntime {
  show: Show;
  spec: CatalogSpec;
  products: Product[];
  catalog: Map<string, Product>;
  state: OverlayState;
  transcript?: TranscriptSourceSpec | undefined;
}

export interface NewShow {
  id?: string | undefined;
  title: string;
  streamUrl?: string | undefined;
  streamEpochMs?: number | undefined;
  rundown: string[];
  spec: CatalogSpec;
  products: Product[];
  transcript?: TranscriptSourceSpec | undefined;
}

type OverlayListener = (showId: string, state: OverlayState) => void;
type ActivityListener = (showId: string, entry: Activity) => void;
type RundownListener = (showId: string, rundown: string[]) => void;

export class ShowAuthority {
  private readonly shows = new Map<string, ShowRuntime>();
  private readonly repo: ShowRepository;
  private readonly log: CommandLog;
  private readonly listeners = new Set<OverlayListener>();
  private readonly activityListeners = new Set<ActivityListener>();
  private readonly rundownListeners = new Set<RundownListener>();

  constructor(db: Db, private readonly clock: () => number = Date.now) {
    this.repo = new ShowRepository(db);
    this.log = new CommandLog(db);
  }

  /** Rebuilds every show's state from the durable log. */
  load(): number {
    for (const stored of this.repo.all()) {
      const state = this.log.latestState(stored.show.id) ?? emptyOverlay(stored.show.id, stored.show.status);
      this.shows.set(stored.show.id, { ...runtime(stored.show, stored.spec, stored.products, state), transcript: stored.transcript });
    }
    return this.shows.size;
  }

  get(showId: string): ShowRuntime | undefined {
    return this.shows.get(showId);
  }

  ids(): string[] {
    return [...this.shows.keys()];
  }

  /** The show as anyone may see it, with its live status. */
  publicShow(showId: string): Show | undefined {
    const rt = this.shows.get(showId);
    return rt && { ...rt.show, status: rt.state.status };
  }

  create(input: NewShow): { ok: true; show: Show } | { ok: false; error: ReturnType<typeof apiError> } {
    const id = input.id ?? `show-${randomBytes(5).toString('hex')}`;
    if (this.shows.has(id)) return { ok: false, error: apiError('conflict', `a show with id "${id}" already exists: choose another id`) };
    const catalog = new Map(input.products.map((p) => [p.id, p]));
    const missing = input.rundown.filter((pid) => !catalog.has(pid));
    if (missing.length) {
      return { ok: false, error: apiError('invalid', `rundown names products that are not in the catalog: ${missing.slice(0, 5).join(', ')}`) };
    }
    const show: Show = {
      id,
      title: input.title,
      status: 'scheduled',
      rundown: input.rundown,
      catalog: { provider: input.spec.provider, productCount: input.products.length, ...(input.spec.provider === 'shopify' ? { shopDomain: input.spec.shopDomain } : {}) },
      createdAt: this.clock(),
      ...(input.streamUrl ? { streamUrl: input.streamUrl } : {}),
      ...(input.streamEpochMs !== undefined ? { streamEpochMs: input.streamEpochMs } : {}),
      ...(input.transcript ? { transcript: { provider: input.transcript.provider } } : {}),
    };
    this.repo.insert({ show, spec: input.spec, products: input.products, transcript: input.transcript });
    this.shows.set(id, { ...runtime(show, input.spec, input.products, emptyOverlay(id)), transcript: input.transcript });
    return { ok: true, show };
  }

  /** Keeps a show's transcript source settings, e.g. the V100 event id the relay created. */
  setTranscript(showId: string, transcript: TranscriptSourceSpec): void {
    const rt = this.shows.get(showId);
    if (!rt) return;
    this.repo.updateTranscript(showId, transcript);
    rt.transcript = transcript;
  }

  /** Applies a parsed command. The same command id is applied once and always answered the same way. */
  async submit(showId: string, command: Command, by: string): Promise<Ack> {
    const rt = this.shows.get(showId);
    if (!rt) return { ok: false, error: apiError('not_found', `show "${showId}" does not exist`) };
    const body = JSON.stringify(command);
    const earlier = this.log.find(showId, command.id);
    if (earlier) {
      if (earlier.body === body) return earlier.ack;
      return { ok: false, error: apiError('conflict', `command id "${command.id}" was already used for a different command: make a new id for each command`) };
    }
    const now = this.clock();
    const result = applyCommand(rt.state, command, rt.catalog, now);
    const ack: Ack = result.ok ? { ok: true, seq: result.state.seq } : { ok: false, error: result.error };
    // Logged before the ack: an acknowledged command survives a crash, and a rejected one is answered the same way again.
    this.log.append({ showId, commandId: command.id, body, ack, state: result.ok ? result.state : null, by, at: now });
    if (result.ok) {
      rt.state = result.state;
      this.notify(this.listeners, showId, result.state);
      this.notify(this.activityListeners, showId, toActivity(result.state.seq, command, by, now));
    }
    return ack;
  }

  private notify<T>(listeners: Set<(showId: string, value: T) => void>, showId: string, value: T): void {
    for (const listener of listeners) {
      try {
        listener(showId, value);
      } catch {
        // A failing subscriber must not undo or block an acknowledged command.
      }
    }
  }

  onOverlay(listener: OverlayListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onActivity(listener: ActivityListener): () => void {
    this.activityListeners.add(listener);
    return () => this.activityListeners.delete(listener);
  }

  onRundown(listener: RundownListener): () => void {
    this.rundownListeners.add(listener);
    return () => this.rundownListeners.delete(listener);
  }

  recentActivity(showId: string, limit = 50): Activity[] {
    return this.log.recentActivity(showId, limit);
  }

  /** Replaces the rundown (slot order). Every product must be in the show's catalog. */
  setRundown(showId: string, productIds: string[]): ReturnType<typeof apiError> | null {
    const rt = this.shows.get(showId);
    if (!rt) return apiError('not_found', `show "${showId}" does not exist`);
    const missing = productIds.filter((id) => !rt.catalog.has(id));
    if (missing.length) return apiError('not_found', `not in this show's catalog: ${missing.slice(0, 5).join(', ')}`);
    const unique = [...new Set(productIds)];
    rt.show = { ...rt.show, rundown: unique };
    this.repo.update(rt.show);
    this.notify(this.rundownListeners, showId, unique);
    return null;
  }
}

function runtime(show: Show, spec: CatalogSpec, products: Product[], state: OverlayState): ShowRuntime {
  return { show, spec, products, catalog: new Map(products.map((p) => [p.id, p])), state };
}

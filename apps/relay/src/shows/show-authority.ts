// The show authority: owns every show's overlay state. A command is validated, applied with the
// shared reducer, committed durably with its seq (SQLite, or Redis in a cluster), and only then
// acknowledged and broadcast.
import { randomBytes } from 'node:crypto';
import {
  apiError,
  applyCommand,
  emptyOverlay,
  type Ack,
  type Activity,
  type ApiError,
  type CatalogSpec,
  type LoggedState,
  type Command,
  type Invite,
  type OverlayState,
  type Product,
  type Show,
  type TranscriptSourceSpec,
  type UpdateShowBody,
} from '@cuecart/shared';
import { toActivity } from './command-log.js';
import type { CommitEntry, ShowEvent, ShowRecord, ShowStore, StoredShowWithState } from './show-store.js';

/** The most invites a show keeps on its list (the oldest expired ones go first). */
export const MAX_INVITES = 200;

export interface ShowRuntime {
  /** The show as stored: the public Show and its invite list. */
  show: ShowRecord;
  spec: CatalogSpec;
  products: Product[];
  catalog: Map<string, Product>;
  state: OverlayState;
  transcript?: TranscriptSourceSpec | undefined;
}

export interface NewShow {
  id?: string | undefined;
  title: string;
  scheduledStartAt?: string | undefined;
  streamUrl?: string | undefined;
  streamEpochMs?: number | undefined;
  recordingUrl?: string | undefined;
  rundown: string[];
  spec: CatalogSpec;
  products: Product[];
  transcript?: TranscriptSourceSpec | undefined;
  /** Canonical origins the show may be embedded on; none means anywhere. */
  allowedOrigins?: string[] | undefined;
}

type Listener<T> = (showId: string, value: T) => void;

export class ShowAuthority {
  private readonly shows = new Map<string, ShowRuntime>();
  private readonly overlayListeners = new Set<Listener<OverlayState>>();
  private readonly activityListeners = new Set<Listener<Activity>>();
  private readonly rundownListeners = new Set<Listener<string[]>>();
  private readonly productListeners = new Set<Listener<Product[]>>();
  private readonly showListeners = new Set<Listener<Show>>();
  /** Commands of one show run one after another in this relay. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly store: ShowStore, private readonly clock: () => number = Date.now) {}

  /**
   * Rebuilds every show's state from the durable log. A shared store's changes are watched first, so that
   * none made while this reads is missed.
   */
  async load(): Promise<number> {
    await this.store.watch?.({ changed: (event) => this.receive(event), missed: () => this.resync() });
    for (const stored of await this.store.loadAll()) this.remember(stored);
    return this.shows.size;
  }

  get(showId: string): ShowRuntime | undefined {
    return this.shows.get(showId);
  }

  /** Like get, but asks the store for a show this relay has not heard of yet (created on another relay). */
  async ensure(showId: string): Promise<ShowRuntime | undefined> {
    const known = this.shows.get(showId);
    if (known) return known;
    const stored = await this.store.load(showId);
    return stored ? this.remember(stored) : undefined;
  }

  ids(): string[] {
    return [...this.shows.keys()];
  }

  /** The show as anyone may see it, with its live status. */
  publicShow(showId: string): Show | undefined {
    const rt = this.shows.get(showId);
    if (!rt) return undefined;
    const { invites: _private, ...show } = rt.show;
    return {
      ...show,
      status: rt.state.status,
      ...(rt.state.startedAt !== undefined ? { startedAt: rt.state.startedAt } : {}),
      ...(rt.state.endedAt !== undefined ? { endedAt: rt.state.endedAt } : {}),
    };
  }

  /** Every show as anyone may see it, newest first. */
  publicShows(): Show[] {
    return [...this.shows.keys()].map((id) => this.publicShow(id)!).sort((a, b) => b.createdAt - a.createdAt);
  }

  /**
   * Changes what may change after creation (title, start time, rundown, stream, embed origins). The rundown's
   * products must be in the catalog; `null` removes a field. Answers the show as anyone may see it.
   */
  async update(showId: string, patch: UpdateShowBody): Promise<{ ok: true; show: Show } | { ok: false; error: ApiError }> {
    const rt = this.shows.get(showId);
    if (!rt) return { ok: false, error: apiError('not_found', `show "${showId}" does not exist`) };
    if (patch.rundown) {
      const missing = patch.rundown.filter((pid) => !rt.catalog.has(pid));
      if (missing.length) return { ok: false, error: apiError('invalid', `rundown names products that are not in the catalog: ${missing.slice(0, 5).join(', ')}`) };
    }
    const next: ShowRecord = { ...rt.show };
    if (patch.title !== undefined) next.title = patch.title;
    if (patch.rundown !== undefined) next.rundown = [...new Set(patch.rundown)];
    setOrDrop(next, 'scheduledStartAt', patch.scheduledStartAt);
    setOrDrop(next, 'streamUrl', patch.streamUrl);
    setOrDrop(next, 'allowedOrigins', patch.allowedOrigins === undefined ? undefined : patch.allowedOrigins?.length ? [...new Set(patch.allowedOrigins)] : null);
    const rundownChanged = !sameList(rt.show.rundown, next.rundown);
    await this.store.updateShow(next);
    rt.show = next;
    if (rundownChanged) this.notify(this.rundownListeners, showId, next.rundown);
    const shown = this.publicShow(showId)!;
    this.notify(this.showListeners, showId, shown);
    return { ok: true, show: shown };
  }

  /** A show's title, start time, stream or origins changed (here or on another relay of the cluster). */
  onShow(listener: Listener<Show>): () => void {
    this.showListeners.add(listener);
    return () => this.showListeners.delete(listener);
  }

  /** The tokens handed out for a show, newest first. */
  invites(showId: string): Invite[] {
    return [...(this.shows.get(showId)?.show.invites ?? [])].sort((a, b) => b.issuedAt - a.issuedAt);
  }

  /** Keeps a token handed out on the show's invite list (never the token itself). */
  async addInvite(showId: string, invite: Invite): Promise<void> {
    const rt = this.shows.get(showId);
    if (!rt) return;
    const now = this.clock();
    let invites = [...(rt.show.invites ?? []), invite];
    // A long-running show keeps the newest, dropping the ones that ended long ago first.
    if (invites.length > MAX_INVITES) invites = invites.sort((a, b) => Number(b.expiresAt > now) - Number(a.expiresAt > now) || b.issuedAt - a.issuedAt).slice(0, MAX_INVITES);
    await this.saveInvites(rt, invites);
  }

  /** Marks an invite revoked (the revocation itself is the token service's). */
  async markRevoked(showId: string, jti: string): Promise<void> {
    const rt = this.shows.get(showId);
    if (!rt?.show.invites?.some((i) => i.jti === jti && i.revokedAt === undefined)) return;
    const at = this.clock();
    await this.saveInvites(rt, rt.show.invites.map((i) => (i.jti === jti && i.revokedAt === undefined ? { ...i, revokedAt: at } : i)));
  }

  /** Marks every earlier invite of a role revoked (a rotation). */
  async markRotated(showId: string, role: Invite['role'], before: number): Promise<void> {
    const rt = this.shows.get(showId);
    if (!rt?.show.invites) return;
    const at = this.clock();
    await this.saveInvites(rt, rt.show.invites.map((i) => (i.role === role && i.issuedAt <= before && i.revokedAt === undefined ? { ...i, revokedAt: at } : i)));
  }

  private async saveInvites(rt: ShowRuntime, invites: Invite[]): Promise<void> {
    const next = { ...rt.show, invites };
    await this.store.updateShow(next);
    rt.show = next;
  }

  async create(input: NewShow): Promise<{ ok: true; show: Show } | { ok: false; error: ApiError }> {
    const id = input.id ?? `show-${randomBytes(5).toString('hex')}`;
    const catalog = new Map(input.products.map((p) => [p.id, p]));
    const missing = input.rundown.filter((pid) => !catalog.has(pid));
    if (missing.length) {
      return { ok: false, error: apiError('invalid', `rundown names products that are not in the catalog: ${missing.slice(0, 5).join(', ')}`) };
    }
    const show: Show = {
      id,
      title: input.title,
      status: 'scheduled',
      ...(input.scheduledStartAt ? { scheduledStartAt: input.scheduledStartAt } : {}),
      rundown: input.rundown,
      catalog: { provider: input.spec.provider, productCount: input.products.length, ...(input.spec.provider === 'shopify' ? { shopDomain: input.spec.shopDomain } : {}) },
      createdAt: this.clock(),
      ...(input.streamUrl ? { streamUrl: input.streamUrl } : {}),
      ...(input.streamEpochMs !== undefined ? { streamEpochMs: input.streamEpochMs } : {}),
      ...(input.recordingUrl ? { recordingUrl: input.recordingUrl } : {}),
      ...(input.transcript ? { transcript: { provider: input.transcript.provider } } : {}),
      ...(input.allowedOrigins?.length ? { allowedOrigins: [...new Set(input.allowedOrigins)] } : {}),
    };
    const stored = { show, spec: input.spec, products: input.products, transcript: input.transcript };
    if (this.shows.has(id) || !(await this.store.insertShow(stored))) {
      return { ok: false, error: apiError('conflict', `a show with id "${id}" already exists: choose another id`) };
    }
    this.remember(stored);
    return { ok: true, show };
  }

  /** Keeps a show's transcript source settings, e.g. the V100 event id the relay created. */
  async setTranscript(showId: string, transcript: TranscriptSourceSpec): Promise<void> {
    const rt = this.shows.get(showId);
    if (!rt) return;
    await this.store.updateTranscript(showId, transcript);
    rt.transcript = transcript;
  }

  /** Applies a parsed command. The same command id is applied once and always answered the same way. */
  /** `at`: when the command was given, for an episode recorded elsewhere (the demo's); by default now. */
  submit(showId: string, command: Command, by: string, at?: number): Promise<Ack> {
    const previous = this.queues.get(showId) ?? Promise.resolve();
    const run = previous.then(() => this.apply(showId, command, by, at));
    const settled = run.catch(() => undefined);
    this.queues.set(showId, settled);
    void settled.then(() => {
      if (this.queues.get(showId) === settled) this.queues.delete(showId);
    });
    return run;
  }

  private async apply(showId: string, command: Command, by: string, at: number | undefined): Promise<Ack> {
    const rt = await this.ensure(showId);
    if (!rt) return { ok: false, error: apiError('not_found', `show "${showId}" does not exist`) };
    const body = JSON.stringify(command);
    // Decided on the state the store says is current; committed before the ack, so an acknowledged command
    // survives a crash and a rejected one is answered the same way again.
    const decide = (given: OverlayState): CommitEntry => {
      // The store's watch may have brought an even newer state meanwhile: decide on the newest known.
      const state = rt.state.seq > given.seq ? rt.state : given;
      const now = at ?? this.clock();
      const refused = storeRefuses(rt.spec, command);
      const result = refused ? { ok: false as const, error: refused } : applyCommand(state, command, rt.catalog, now);
      const ack: Ack = result.ok ? { ok: true, seq: result.state.seq } : { ok: false, error: result.error };
      return { showId, commandId: command.id, body, ack, state: result.ok ? result.state : null, by, at: now, expectedSeq: state.seq };
    };
    const moved = (state: OverlayState) => {
      if (state.seq > rt.state.seq) this.adoptState(showId, state);
    };
    const outcome = await this.store.commitCommand(showId, command.id, rt.state, decide, moved);
    if (outcome.kind === 'duplicate') return answerRepeat(outcome.answer, body, command.id);
    if (outcome.kind === 'busy') {
      return { ok: false, error: apiError('conflict', 'the show changed too often to apply this command: send it again with the same id') };
    }
    const { entry } = outcome;
    if (entry.state) {
      // (A shared store tells the other relays itself, in the same step as the commit.)
      this.adoptState(showId, entry.state);
      this.notify(this.activityListeners, showId, toActivity(entry.state.seq, command, by, entry.at));
    }
    return entry.ack;
  }

  /** A change made by a relay of the cluster, as the shared store reports it. */
  private async receive(event: ShowEvent): Promise<void> {
    switch (event.type) {
      case 'show':
        await this.ensure(event.showId);
        return;
      case 'committed': {
        const rt = await this.ensure(event.showId);
        // Our own commits come back too: they are not newer than what this relay already has.
        if (!rt || event.state.seq <= rt.state.seq) return;
        this.adoptState(event.showId, event.state);
        this.notify(this.activityListeners, event.showId, event.entry);
        return;
      }
      case 'products': {
        const rt = this.shows.get(event.showId);
        if (!rt) return;
        // Our own refresh comes back too: only products that differ from what this relay holds are news.
        const news = event.products.filter((p) => {
          const known = rt.catalog.get(p.id);
          return known !== undefined && !sameValues(known, p);
        });
        if (!news.length) return;
        this.mergeProducts(rt, news);
        this.notify(this.productListeners, event.showId, news);
        return;
      }
      case 'updated': {
        const rt = this.shows.get(event.showId);
        // Our own change comes back too: nothing to tell anyone.
        if (!rt || JSON.stringify(rt.show) === JSON.stringify(event.show)) return;
        const rundownChanged = !sameList(rt.show.rundown, event.show.rundown);
        rt.show = event.show;
        if (rundownChanged) this.notify(this.rundownListeners, event.showId, event.show.rundown);
        this.notify(this.showListeners, event.showId, this.publicShow(event.showId)!);
        return;
      }
    }
  }

  /** After a reconnect to the store: catch up on whatever was missed while away. */
  private async resync(): Promise<void> {
    for (const stored of await this.store.loadAll()) {
      const rt = this.shows.get(stored.show.id);
      if (!rt) {
        this.remember(stored);
      } else if (stored.state && stored.state.seq > rt.state.seq) {
        this.adoptState(stored.show.id, stored.state);
      }
    }
  }

  onOverlay(listener: Listener<OverlayState>): () => void {
    this.overlayListeners.add(listener);
    return () => this.overlayListeners.delete(listener);
  }

  onActivity(listener: Listener<Activity>): () => void {
    this.activityListeners.add(listener);
    return () => this.activityListeners.delete(listener);
  }

  /** Products whose price or stock changed (a live refresh, a webhook, another relay's refresh). */
  onProducts(listener: Listener<Product[]>): () => void {
    this.productListeners.add(listener);
    return () => this.productListeners.delete(listener);
  }

  /**
   * Takes fresh values of some of a show's products (a store refresh). Only real changes are kept and
   * announced; answers them. Products not in the catalog are ignored: a refresh never grows a catalog.
   */
  async updateProducts(showId: string, fresh: readonly Product[]): Promise<Product[]> {
    const rt = this.shows.get(showId);
    if (!rt) return [];
    const changed = fresh.filter((p) => {
      const known = rt.catalog.get(p.id);
      return known !== undefined && !sameValues(known, p);
    });
    // The check time moves on every refresh, but is not worth a write or a message alone.
    for (const p of fresh) {
      const known = rt.catalog.get(p.id);
      if (known && p.checkedAt !== undefined) known.checkedAt = p.checkedAt;
    }
    if (!changed.length) return [];
    this.mergeProducts(rt, changed);
    await this.store.updateProducts(showId, rt.products, changed);
    this.notify(this.productListeners, showId, changed);
    return changed;
  }

  private mergeProducts(rt: ShowRuntime, changed: readonly Product[]): void {
    const byId = new Map(changed.map((p) => [p.id, p]));
    rt.products = rt.products.map((p) => byId.get(p.id) ?? p);
    for (const p of changed) rt.catalog.set(p.id, p);
  }

  onRundown(listener: Listener<string[]>): () => void {
    this.rundownListeners.add(listener);
    return () => this.rundownListeners.delete(listener);
  }

  /** The show's accepted states in seq order (empty where the store keeps no history: cluster mode, for now). */
  async stateLog(showId: string): Promise<LoggedState[]> {
    return (await this.store.stateLog?.(showId)) ?? [];
  }

  recentActivity(showId: string, limit = 50): Promise<Activity[]> {
    return this.store.recentActivity(showId, limit);
  }

  /** Replaces the rundown (slot order). Every product must be in the show's catalog. */
  async setRundown(showId: string, productIds: string[]): Promise<ApiError | null> {
    const rt = this.shows.get(showId);
    if (!rt) return apiError('not_found', `show "${showId}" does not exist`);
    const missing = productIds.filter((id) => !rt.catalog.has(id));
    if (missing.length) return apiError('not_found', `not in this show's catalog: ${missing.slice(0, 5).join(', ')}`);
    const unique = [...new Set(productIds)];
    rt.show = { ...rt.show, rundown: unique };
    await this.store.updateShow(rt.show);
    this.notify(this.rundownListeners, showId, unique);
    return null;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()]);
    await this.store.close();
  }

  private adoptState(showId: string, state: OverlayState): void {
    const rt = this.shows.get(showId);
    if (!rt) return;
    rt.state = state;
    this.notify(this.overlayListeners, showId, state);
  }

  private remember(stored: StoredShowWithState): ShowRuntime {
    const existing = this.shows.get(stored.show.id);
    if (existing) return existing;
    const rt: ShowRuntime = {
      show: stored.show,
      spec: stored.spec,
      products: stored.products,
      catalog: new Map(stored.products.map((p) => [p.id, p])),
      state: stored.state ?? emptyOverlay(stored.show.id, stored.show.status),
      transcript: stored.transcript,
    };
    this.shows.set(stored.show.id, rt);
    return rt;
  }

  private notify<T>(listeners: Set<Listener<T>>, showId: string, value: T): void {
    for (const listener of listeners) {
      try {
        listener(showId, value);
      } catch {
        // A failing subscriber must not undo or block an acknowledged command.
      }
    }
  }
}

/**
 * What a show's store cannot honour: a Shopify cart charges Shopify's own prices, so an offer price on a card
 * would show a price the checkout does not charge.
 */
function storeRefuses(spec: CatalogSpec, command: Command): ApiError | undefined {
  if (spec.provider !== 'shopify' || command.type !== 'feature' || !command.offer?.price) return undefined;
  return apiError('invalid', "this show's Shopify store charges its own prices, so a card cannot carry an offer price: change the price in Shopify (it reaches the card at once), or send the offer as text only");
}

/** Same product but for when it was last checked. */
function sameValues(a: Product, b: Product): boolean {
  const { checkedAt: _a, ...x } = a;
  const { checkedAt: _b, ...y } = b;
  return JSON.stringify(x) === JSON.stringify(y);
}

/** Sets a field of the stored show, or removes it for `null`; `undefined` leaves it as it is. */
function setOrDrop<K extends 'scheduledStartAt' | 'streamUrl' | 'allowedOrigins'>(show: ShowRecord, key: K, value: ShowRecord[K] | null | undefined): void {
  if (value === undefined) return;
  if (value === null) delete show[key];
  else show[key] = value;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function answerRepeat(earlier: { body: string; ack: Ack }, body: string, id: string): Ack {
  if (earlier.body === body) return earlier.ack;
  return { ok: false, error: apiError('conflict', `command id "${id}" was already used for a different command: make a new id for each command`) };
}

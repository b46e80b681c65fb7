// The three Socket.IO namespaces of API v1 and the overlay fan-out to them.
import type { Server } from 'socket.io';
import {
  apiError,
  Command,
  CueBody,
  parseWith,
  RundownSet,
  SuggestionDismiss,
  TrackBody,
  type Cue,
  type Presence,
  type RundownItem,
} from '@cuecart/shared';
import type { RelayContext } from '../context.js';
import { limitSocket } from '../limits/socket-limits.js';
import { AddressCap } from '../limits/address-cap.js';
import { fail, handle, OK, refuseCommands } from './handle.js';
import { expireWithToken } from './token-expiry.js';
import { rundownItems } from '../shows/rundown.js';
import { tokenHandshake, viewerHandshake } from './handshake.js';
import { relayNamespaces, type OverlaySocket, type ProducerNamespace, type RelaySocket } from './typed.js';

/** How often consoles of a live show get their tiles (only when they changed). */
export const LIVE_METRICS_MS = 1000;

/** Sends each live show's tiles to its consoles on this relay, at most once a second; answers the stop. */
export function startLiveMetrics(io: Server, ctx: RelayContext): () => void {
  const { producer } = relayNamespaces(io);
  const last = new Map<string, string>();
  const timer = setInterval(() => {
    for (const showId of ctx.authority.ids()) {
      const rt = ctx.authority.get(showId);
      if (rt?.state.status !== 'live' || !producer.adapter.rooms.get(showId)?.size) {
        last.delete(showId);
        continue;
      }
      const metrics = ctx.liveMetrics.snapshot(showId, rt.state.featured);
      const text = JSON.stringify(metrics);
      if (last.get(showId) === text) continue;
      last.set(showId, text);
      producer.local.to(showId).emit('metrics', metrics);
    }
  }, LIVE_METRICS_MS);
  timer.unref();
  return () => clearInterval(timer);
}

export function attachNamespaces(io: Server, ctx: RelayContext): void {
  const { viewer, producer, host } = relayNamespaces(io);
  const seenCues = new Map<string, Set<string>>();
  const { limits } = ctx;

  viewer.use(viewerHandshake(ctx, limits.enabled ? new AddressCap(limits.viewers.socketsPerAddress) : undefined));
  producer.use(tokenHandshake(ctx, ['producer']));
  host.use(tokenHandshake(ctx, ['host', 'producer']));

  // One emit per namespace per change: Socket.IO encodes a room broadcast once for all its sockets.
  // Authority events reach every relay of a cluster through its show store (ShowStore.watch), so each emits to its own
  // sockets only (`local`); events born on one relay (transcript, cues, presence) go cluster-wide.
  // Per show, the seq of the state whose viewer broadcast is queued and not yet sent.
  const viewerPending = new Map<string, number>();
  ctx.authority.onOverlay((showId, state) => {
    producer.local.to(showId).emit('overlay', state);
    host.local.to(showId).emit('overlay', state);
    // Thousands of viewers take a while: the producer's ack and the consoles go first. When takes come
    // back to back (a console flushing its queue), a queued state that a newer one has overtaken is not
    // sent: every overlay is the whole state, and a viewer who joined in between already holds the newer
    // one from its snapshot, so it must never be sent the older. Viewers may skip a state, never go back.
    viewerPending.set(showId, state.seq);
    setImmediate(() => {
      if (viewerPending.get(showId) !== state.seq) return;
      viewerPending.delete(showId);
      viewer.local.to(showId).emit('overlay', state);
    });
  });

  ctx.authority.onActivity((showId, entry) => producer.local.to(showId).emit('activity', [entry]));
  // Live price and stock: viewers' cards and consoles take the changed products; the prompter its rundown again.
  ctx.authority.onProducts((showId, products) => {
    viewer.local.to(showId).emit('products', products);
    producer.local.to(showId).emit('products', products);
    const rundown = new Set(ctx.authority.get(showId)?.show.rundown ?? []);
    if (products.some((p) => rundown.has(p.id))) {
      const items = rundownItemsOf(ctx, showId);
      host.local.to(showId).emit('rundown', items);
      producer.local.to(showId).emit('rundown', items);
    }
  });
  // The store's health is this relay's own news (the one polling): told cluster-wide.
  ctx.shopify.refresher.onStatus((showId, status) => producer.to(showId).emit('store:status', status));
  ctx.authority.onRundown((showId) => {
    const items = rundownItemsOf(ctx, showId);
    host.local.to(showId).emit('rundown', items);
    producer.local.to(showId).emit('rundown', items);
  });
  ctx.transcript.onTranscript((showId, segment) => producer.to(showId).emit('transcript', segment));
  ctx.transcript.onSuggestion((showId, suggestion) => producer.to(showId).emit('suggestion', suggestion));

  const snapshot = (socket: RelaySocket) => {
    const { showId } = socket.data;
    const rt = ctx.authority.get(showId);
    return rt ? { ok: true as const, state: rt.state } : { ok: false as const, error: apiError('not_found', `show "${showId}" no longer exists`) };
  };

  // Every socket: rate limits first, so that every event of it, known or not, goes through its buckets (a
  // token socket's expiry check goes before even that), then its show's room, and the overlay snapshot on
  // join and on request. `queued`: the broadcast of this very state is about to reach the socket anyway.
  const join = (socket: RelaySocket, queued = false): string => {
    const { showId } = socket.data;
    limitSocket(socket, limits, ctx.logger);
    void socket.join(showId);
    const overlaySocket = socket as OverlaySocket;
    handle(overlaySocket, ctx.logger, 'overlay:get', () => snapshot(socket));
    const snap = snapshot(socket);
    if (snap.ok && !queued) overlaySocket.emit('overlay', snap.state);
    return showId;
  };

  viewer.on('connection', (socket) => {
    const rt = ctx.authority.get(socket.data.showId);
    // A viewer joining while the broadcast of this very state is queued gets it from that broadcast, once.
    const showId = join(socket, rt !== undefined && viewerPending.get(rt.state.showId) === rt.state.seq);
    refuseCommands(socket, ctx.logger, 'viewer');
    handle(socket, ctx.logger, 'track', async (payload) => {
      const batch = parseWith(TrackBody, payload && typeof payload === 'object' && 'events' in payload ? payload : { events: [payload] }, 'the track event');
      if (!batch.ok) return fail(batch.error);
      if (batch.value.events.some((e) => e.showId !== showId)) {
        return fail(apiError('forbidden', `this socket tracks show "${showId}" only`));
      }
      // The relay's own machine has no per-address cap on sockets, but its beacons spend a budget all the same.
      const taken = await ctx.beacons.accept(batch.value.events, socket.data.address ?? socket.handshake.address);
      return taken.ok ? OK : fail(taken.error);
    });
  });

  host.on('connection', (socket) => {
    // A token's rights end at its exp: checked before anything else the socket sends.
    expireWithToken(socket, socket.data.claims!);
    const showId = join(socket);
    refuseCommands(socket, ctx.logger, 'host');
    socket.emit('rundown', rundownItemsOf(ctx, showId));
  });

  producer.on('connection', (socket) => {
    const claims = socket.data.claims!;
    expireWithToken(socket, claims);
    const showId = join(socket);
    socket.data.connectedAt = Date.now();
    const announce = () => {
      presenceOf(producer, showId)
        .then((p) => producer.to(showId).emit('presence', p))
        .catch((err: Error) => ctx.logger.warn({ err: err.message }, 'presence not sent'));
    };
    announce();
    socket.on('disconnect', announce);
    const store = ctx.shopify.refresher.status(showId);
    if (store) socket.emit('store:status', store);

    // The console's heartbeat: answered at once, so a console notices a silent link long before Socket.IO does.
    handle(socket, ctx.logger, 'link:ping', () => ({ now: Date.now() }));

    handle(socket, ctx.logger, 'command', async (payload) => {
      const command = parseWith(Command, payload, 'the command');
      if (!command.ok) return fail(command.error);
      return ctx.authority.submit(showId, command.value, claims.name);
    });

    socket.emit('rundown', rundownItemsOf(ctx, showId));
    ctx.authority.recentActivity(showId).then(
      (entries) => socket.emit('activity', entries),
      (err: Error) => ctx.logger.warn({ err: err.message }, 'activity history not sent'),
    );
    // A console joining mid-show gets the recent transcript and what is still suggested.
    for (const segment of ctx.transcript.segments.recent(showId, 200)) socket.emit('transcript', segment);
    for (const suggestion of ctx.transcript.suggestions.pending(showId).reverse()) socket.emit('suggestion', suggestion);

    handle(socket, ctx.logger, 'suggestion:dismiss', (payload) => {
      const body = parseWith(SuggestionDismiss, payload, 'the dismissal');
      if (!body.ok) return fail(body.error);
      if (!ctx.transcript.dismiss(showId, body.value.id)) {
        return fail(apiError('not_found', `no pending suggestion "${body.value.id}": it was already taken, dismissed or ignored`));
      }
      return OK;
    });

    handle(socket, ctx.logger, 'rundown:set', async (payload) => {
      const body = parseWith(RundownSet, payload, 'the rundown');
      if (!body.ok) return fail(body.error);
      const error = await ctx.authority.setRundown(showId, body.value.productIds);
      return error ? fail(error) : OK;
    });

    handle(socket, ctx.logger, 'cue', (payload) => {
      const body = parseWith(CueBody, payload, 'the cue');
      if (!body.ok) return fail(body.error);
      const seen = seenCues.get(showId) ?? new Set<string>();
      seenCues.set(showId, seen);
      // A cue re-sent after a reconnect is answered but not flashed twice.
      if (!seen.has(body.value.id)) {
        seen.add(body.value.id);
        if (seen.size > 1000) seen.delete(seen.values().next().value!);
        const cue: Cue = { ...body.value, at: Date.now(), from: claims.name };
        host.to(showId).emit('cue', cue);
        producer.to(showId).emit('cue', cue);
      }
      return OK;
    });
  });
}

/** The rundown with its products, in slot order, for prompters and consoles. */
function rundownItemsOf(ctx: RelayContext, showId: string): RundownItem[] {
  const rt = ctx.authority.get(showId);
  return rt ? rundownItems(rt) : [];
}

/** Who is connected to a show's console, across every relay of a cluster. */
async function presenceOf(producer: ProducerNamespace, showId: string): Promise<Presence> {
  const sockets = await producer.in(showId).fetchSockets();
  const producers = sockets.map((s) => {
    const data = s.data;
    return { id: s.id, name: data.claims?.name ?? 'producer', connectedAt: data.connectedAt ?? 0 };
  });
  producers.sort((a, b) => a.connectedAt - b.connectedAt);
  return { showId, producers };
}

// The viewer's socket to the relay: overlay snapshots in (never older than the last rendered),
// track batches out; reconnects with jittered backoff for as long as the player is on the page.
import type { OkOrError, OverlayState, Product, TrackEvent, ViewerClientToServer, ViewerServerToClient } from '@cuecart/shared';
import { io, type Socket } from 'socket.io-client';
import { socketTarget } from '../config/urls.js';
import { createBackoff, VIEWER_RECONNECT } from './backoff.js';
import { isOverlayState, isProductUpdate } from './overlay-guard.js';
import { createSeqGuard } from './seq-guard.js';

export interface ViewerConnectionOptions {
  relay: string;
  show: string;
  onOverlay(state: OverlayState): void;
  onProducts?(products: Product[]): void;
  onConnectionChange?(connected: boolean): void;
}

export interface ViewerConnection {
  readonly connected: boolean;
  /** Sends a batch over the socket: true once acked, false on a timeout, 'offline' when not connected (use REST). */
  sendTrack(events: TrackEvent[]): Promise<boolean | 'offline'>;
  close(): void;
}

const TRACK_ACK_TIMEOUT_MS = 5000;
// The relay pushes a snapshot on connect; ask for one only if it has not come by then.
const SNAPSHOT_GRACE_MS = 1500;

export function connectViewer(options: ViewerConnectionOptions): ViewerConnection {
  const { url, path } = socketTarget(options.relay, '/viewer');
  const socket: Socket<ViewerServerToClient, ViewerClientToServer> = io(url, {
    path,
    auth: { show: options.show },
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    // Our own backoff (VIEWER_RECONNECT: fast while an outage is young, up to 10 s after) instead of
    // socket.io's, so it is one tested policy.
    reconnection: false,
    timeout: 10_000,
  });
  const guard = createSeqGuard();
  const backoff = createBackoff(VIEWER_RECONNECT);
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let snapshotCheck: ReturnType<typeof setTimeout> | undefined;
  let overlaysSinceConnect = 0;

  const accept = (state: unknown) => {
    if (!isOverlayState(state) || state.showId !== options.show) return;
    overlaysSinceConnect += 1;
    if (guard.check(state) === 'render') options.onOverlay(state);
  };

  const scheduleReconnect = () => {
    if (closed || retry !== undefined) return;
    retry = setTimeout(() => {
      retry = undefined;
      if (!closed && !socket.connected) socket.connect();
    }, backoff.next());
  };

  socket.on('connect', () => {
    backoff.reset();
    overlaysSinceConnect = 0;
    guard.resync();
    options.onConnectionChange?.(true);
    clearTimeout(snapshotCheck);
    snapshotCheck = setTimeout(() => {
      if (overlaysSinceConnect > 0 || !socket.connected) return;
      socket.timeout(5000).emit('overlay:get', (err, answer) => {
        if (!err && answer?.ok) accept(answer.state);
      });
    }, SNAPSHOT_GRACE_MS);
  });
  socket.on('overlay', accept);
  socket.on('products', (products) => {
    if (Array.isArray(products)) options.onProducts?.(products.filter(isProductUpdate) as Product[]);
  });
  socket.on('connect_error', scheduleReconnect);
  socket.on('disconnect', (reason) => {
    options.onConnectionChange?.(false);
    if (reason !== 'io client disconnect') scheduleReconnect();
  });

  return {
    get connected() {
      return socket.connected;
    },
    sendTrack(events) {
      if (!socket.connected) return Promise.resolve('offline');
      return new Promise((resolve) => {
        // `track`'s ack is optional in the contract, which socket.io's typings cannot express with a timeout.
        const untyped = socket as unknown as Socket;
        untyped.timeout(TRACK_ACK_TIMEOUT_MS).emit('track', { events }, (err: Error | null, answer?: OkOrError) => {
          // A refusal (invalid, rate limited) is final: do not resend the same batch over REST.
          resolve(!err && answer !== undefined);
        });
      });
    },
    close() {
      closed = true;
      clearTimeout(retry);
      clearTimeout(snapshotCheck);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}

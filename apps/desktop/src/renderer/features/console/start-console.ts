// Opens the producer socket and routes every relay event to the feature store that owns it.
import { api, connectProducer } from '../../lib/relay.js';
import type { Show } from '@cuecart/shared';
import { useActivity } from '../activity/activity-store.js';
import { useCatalog } from '../catalog/catalog-store.js';
import { useCommands } from '../commands/commands-store.js';
import { useConnection } from '../connection/connection-store.js';
import { watchLink, type LinkWatch } from '../connection/link-watch.js';
import { setLinkSilent, setProducerSocket } from '../connection/producer-link.js';
import { sessionEndOf } from '../connection/session-end.js';
import { useOverlay } from '../on-air/overlay-store.js';
import { useMetrics } from '../on-air/metrics-store.js';
import { useRundown } from '../rundown/rundown-store.js';
import { useStore } from '../store/store-store.js';
import { useSuggestions } from '../suggestions/suggestions-store.js';
import { useTranscript } from '../transcript/transcript-store.js';
import { useSession } from './session-store.js';

export function startConsole(relay: string, token: string): () => void {
  useSession.getState().init(relay, token);
  const socket = connectProducer(relay, token);
  setProducerSocket(socket);
  const connection = useConnection.getState();

  // Back (or first connected): whatever waited while we were away goes out now, with its original ids.
  const linkUp = () => {
    setLinkSilent(false);
    useConnection.getState().linkChanged(true, socket.id ?? null);
    useCommands.getState().flush();
  };
  let watch: LinkWatch | null = null;
  socket.on('connect', () => {
    linkUp();
    useOverlay.getState().connected();
    watch?.stop();
    watch = watchLink({
      ping: (heard) => socket.emit('link:ping', () => heard()),
      // The relay stopped answering without closing the connection: offline now, and takes wait in the queue.
      onSilent: () => {
        setLinkSilent(true);
        useConnection.getState().linkChanged(false, null, true);
        useCommands.getState().linkDown();
      },
      // Answers again on the same connection: catch up on the overlay (a newer state only) and send what waited.
      onHeard: () => {
        linkUp();
        socket.emit('overlay:get', (answer) => {
          if (answer.ok) useOverlay.getState().setOverlay(answer.state);
        });
      },
      // Still silent: start over with a fresh connection rather than wait for Socket.IO's own timeout.
      onStuck: () => socket.io.engine?.close(),
    });
  });
  // The relay ends a session for good when its token expires or is revoked: say so, and stop reconnecting.
  const end = (event: 'session:expired' | 'revoked' | 'connect_error', detail: string) => {
    useConnection.getState().endSession(sessionEndOf(event, detail));
    socket.disconnect();
  };
  socket.on('session:expired', (error) => end('session:expired', error.message));
  socket.on('revoked', (error) => end('revoked', error.message));
  socket.on('disconnect', (reason) => {
    watch?.stop();
    watch = null;
    connection.linkChanged(false);
    useCommands.getState().linkDown();
    // A server-side disconnect (relay restart) is not retried by Socket.IO on its own; an ended session is not retried.
    if (reason === 'io server disconnect' && !useConnection.getState().ended) socket.connect();
  });
  socket.on('connect_error', (err) => {
    connection.linkChanged(false);
    connection.setError(err.message);
    // A refused handshake (bad, expired or revoked token) is final: Socket.IO stops retrying.
    if (!socket.active) end('connect_error', err.message);
  });

  socket.on('overlay', (state) => {
    useOverlay.getState().setOverlay(state);
    const session = useSession.getState();
    if (session.showId !== state.showId) {
      session.setShowId(state.showId);
      void loadShow(relay, token, state.showId);
    }
  });
  socket.on('transcript', (segment) => useTranscript.getState().addSegment(segment));
  socket.on('suggestion', (s) => {
    useSuggestions.getState().add(s);
    useTranscript.getState().addHighlight(s.segmentId, s.text);
  });
  socket.on('presence', (p) => useConnection.getState().setPresence(p));
  socket.on('rundown', (items) => {
    useRundown.getState().setItems(items);
    useCatalog.getState().remember(items.map((it) => it.product));
  });
  socket.on('activity', (entries) => useActivity.getState().add(entries));
  // Live price and stock from the show's store, and how the store is doing.
  socket.on('products', (products) => useCatalog.getState().remember(products));
  socket.on('store:status', (status) => useStore.getState().set(status));
  socket.on('metrics', (metrics) => useMetrics.getState().set(metrics));

  return () => {
    watch?.stop();
    socket.removeAllListeners();
    socket.disconnect();
    setProducerSocket(null);
  };
}

async function loadShow(relay: string, token: string, showId: string): Promise<void> {
  const show = await api<Show>(relay, token, `/api/shows/${encodeURIComponent(showId)}`);
  if (show.ok) useSession.getState().setShow(show.value);
  await useCatalog.getState().load(relay, token, showId);
}

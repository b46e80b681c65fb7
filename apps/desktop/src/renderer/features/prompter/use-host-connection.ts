// Wires the /host socket and the show's REST record into the prompter store for the life of the page.
import { useEffect } from 'react';
import type { Show } from '@cuecart/shared';
import { api, connectHost } from '../../lib/relay.js';
import { sessionEndOf } from '../connection/session-end.js';
import { usePrompterStore } from './prompter-store.js';

export interface PrompterSession {
  relay: string;
  token: string;
  showId?: string;
}

export function useHostConnection({ relay, token, showId }: PrompterSession): void {
  useEffect(() => {
    const store = usePrompterStore.getState();
    const socket = connectHost(relay, token);
    let closed = false;

    const loadShow = async () => {
      if (!showId) return;
      const result = await api<Show>(relay, token, `/api/shows/${encodeURIComponent(showId)}`);
      if (closed || !result.ok) return;
      const { title, streamEpochMs } = result.value;
      store.setShow(streamEpochMs === undefined ? { title } : { title, streamEpochMs });
    };

    socket.on('connect', () => {
      store.setConnection('connected');
      void loadShow();
    });
    // The relay ends the session when the token expires or is revoked: say why and stop reconnecting.
    const end = (event: 'session:expired' | 'revoked' | 'connect_error', message: string) => {
      store.endSession(sessionEndOf(event, message));
      socket.disconnect();
    };
    socket.on('session:expired', (error) => end('session:expired', error.message));
    socket.on('revoked', (error) => end('revoked', error.message));
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') store.setConnection('reconnecting');
    });
    socket.on('connect_error', (error) => {
      // A refused handshake (bad, expired or revoked token) is final: Socket.IO stops retrying, so say why.
      if (socket.active) store.setConnection('reconnecting');
      else end('connect_error', error.message);
    });
    socket.on('overlay', (state) => store.receiveOverlay(state));
    socket.on('rundown', (items) => store.receiveRundown(items));
    socket.on('cue', (cue) => store.receiveCue(cue));

    return () => {
      closed = true;
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [relay, token, showId]);
}

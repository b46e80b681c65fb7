// The relay's namespaces and sockets, typed with the shared event maps of packages/shared (contract/events.ts):
// an event the map does not name, or a payload of the wrong shape, fails to compile here and in the clients.
import type { Namespace, Server, Socket } from 'socket.io';
import type {
  HostClientToServer,
  HostServerToClient,
  ProducerClientToServer,
  ProducerServerToClient,
  ViewerClientToServer,
  ViewerServerToClient,
} from '@cuecart/shared';
import type { SocketData } from './handshake.js';

/** No events between relays: a cluster shares state through its store and the Redis adapter. */
type NoServerEvents = Record<string, never>;

export type ViewerNamespace = Namespace<ViewerClientToServer, ViewerServerToClient, NoServerEvents, SocketData>;
export type ProducerNamespace = Namespace<ProducerClientToServer, ProducerServerToClient, NoServerEvents, SocketData>;
export type HostNamespace = Namespace<HostClientToServer, HostServerToClient, NoServerEvents, SocketData>;

export type ViewerSocket = Socket<ViewerClientToServer, ViewerServerToClient, NoServerEvents, SocketData>;
export type ProducerSocket = Socket<ProducerClientToServer, ProducerServerToClient, NoServerEvents, SocketData>;
export type HostSocket = Socket<HostClientToServer, HostServerToClient, NoServerEvents, SocketData>;
/** A socket of any of the three namespaces. */
export type RelaySocket = ViewerSocket | ProducerSocket | HostSocket;
/** A socket that came in with a show token (producer or host). */
export type TokenSocket = ProducerSocket | HostSocket;
/** What every namespace shares: the overlay pushed to it, and the snapshot it may ask for. */
export type OverlaySocket = Socket<
  Pick<ViewerClientToServer, 'overlay:get'>,
  Pick<ViewerServerToClient, 'overlay'>,
  NoServerEvents,
  SocketData
>;

/**
 * The three namespaces of a server, typed. Socket.IO types a Server with one event map for all its
 * namespaces, so this is the one place that says which map each namespace speaks.
 */
export function relayNamespaces(io: Server): { viewer: ViewerNamespace; producer: ProducerNamespace; host: HostNamespace } {
  return {
    viewer: io.of('/viewer') as unknown as ViewerNamespace,
    producer: io.of('/producer') as unknown as ProducerNamespace,
    host: io.of('/host') as unknown as HostNamespace,
  };
}

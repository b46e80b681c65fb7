// The relay's Socket.IO server options: one home, used by the relay and by the fan-out benchmark's bare baseline.
import type { ServerOptions } from 'socket.io';

/** Largest socket frame accepted; anything bigger closes that socket, not the relay. */
export const MAX_SOCKET_FRAME_BYTES = 100_000;

export const SOCKET_SERVER_OPTIONS = {
  maxHttpBufferSize: MAX_SOCKET_FRAME_BYTES,
  // Overlay states are small and sent to thousands: compressing each costs the fan-out more than it saves.
  perMessageDeflate: false,
  httpCompression: false,
  // Browsers may connect from any page the show is embedded on; the viewer handshake judges the origin.
  cors: { origin: true, credentials: false },
  // Clients bundle socket.io-client; the relay serves no copy of it.
  serveClient: false,
} as const satisfies Partial<ServerOptions>;

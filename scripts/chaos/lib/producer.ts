// A producer socket as the console opens it (its reconnection policy, websocket only here) for the chaos tests.
import { io, type Socket } from 'socket.io-client';
import { CONSOLE_SOCKET_OPTIONS } from '../../../apps/desktop/src/renderer/lib/relay.js';

/** Connects to `/producer` with the console's reconnection options; `opened` collects it for afterAll. */
export function producerSocket(url: string, token: string, opened: Socket[]): Promise<Socket> {
  const socket = io(`${url}/producer`, { ...CONSOLE_SOCKET_OPTIONS, auth: { token }, transports: ['websocket'], forceNew: true });
  opened.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => reject(err));
  });
}

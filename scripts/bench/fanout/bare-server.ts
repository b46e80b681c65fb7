// The fan-out bench's baseline: a bare Socket.IO broadcaster with the relay's server options and nothing else.
// No auth, no validation, no state, no database. `/viewer` sockets join the room named by `auth.show` (the minimum
// any per-show broadcast needs); a `/control` socket emits `fire` `{ room, state }` and the state is broadcast as
// `overlay` to that room, then acked. Prints "listening on http://127.0.0.1:PORT" like the relay.
// Usage (run.ts starts it): node --import tsx scripts/bench/fanout/bare-server.ts
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { SOCKET_SERVER_OPTIONS } from '../../../apps/relay/src/sockets/server-options.js';

const http = createServer((_req, res) => {
  res.writeHead(404).end();
});
// The relay's own options, from their one home.
const io = new Server(http, SOCKET_SERVER_OPTIONS);

const viewer = io.of('/viewer');
viewer.on('connection', (socket) => {
  const auth = socket.handshake.auth as { show?: unknown } | undefined;
  void socket.join(String(auth?.show ?? 'all'));
});

io.of('/control').on('connection', (socket) => {
  socket.on('fire', (msg: { room: string; state: { seq: number } }, ack?: (a: unknown) => void) => {
    viewer.to(msg.room).emit('overlay', msg.state);
    ack?.({ ok: true, seq: msg.state.seq });
  });
});

const shutdown = (): void => {
  io.close(() => process.exit(0));
  http.closeIdleConnections();
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

// Left behind by a crashed bench (its parent gone): stop by ourselves.
const parent = process.ppid;
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    process.exit(0);
  }
}, 2000).unref();

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`listening on http://127.0.0.1:${port}`);
});

// A TCP relay between a process and a server (a relay and its Redis) that a test can cut and restore,
// as a network partition would: while cut, open connections are dropped and new ones closed at once.
// `freeze` is the quieter failure (Wi-Fi gone, a laptop lid): nothing is closed, nothing gets through, and
// whatever was sent meanwhile, on old or new connections, arrives once `thaw` is called, as TCP would retransmit.
import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  cut(): void;
  restore(): void;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host?: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let isCut = false;
  let isFrozen = false;
  /** Connections made while frozen, waiting for the thaw to reach the target. */
  let held: Socket[] = [];
  const pairs = new Set<{ down: Socket; up: Socket }>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const join = (downstream: Socket) => {
    const upstream = connect(target.port, target.host ?? '127.0.0.1');
    track(upstream);
    const pair = { down: downstream, up: upstream };
    pairs.add(pair);
    downstream.pipe(upstream);
    upstream.pipe(downstream);
    downstream.once('close', () => upstream.destroy());
    upstream.once('close', () => {
      pairs.delete(pair);
      downstream.destroy();
    });
  };
  const server = createServer((downstream) => {
    track(downstream);
    if (isCut) return void downstream.destroy();
    if (isFrozen) {
      downstream.pause();
      held.push(downstream);
      return;
    }
    join(downstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const cutAll = () => open.forEach((s) => s.destroy());
  return {
    port: (server.address() as { port: number }).port,
    cut: () => {
      isCut = true;
      cutAll();
    },
    restore: () => {
      isCut = false;
    },
    freeze: () => {
      isFrozen = true;
      for (const { down, up } of pairs) {
        down.unpipe(up);
        up.unpipe(down);
        down.pause();
        up.pause();
      }
    },
    thaw: () => {
      isFrozen = false;
      for (const { down, up } of pairs) {
        down.pipe(up);
        up.pipe(down);
      }
      const waiting = held;
      held = [];
      for (const downstream of waiting) if (!downstream.destroyed) join(downstream);
    },
    close: async () => {
      cutAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

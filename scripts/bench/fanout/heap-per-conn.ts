// Diagnostic for the fan-out bench: retained memory per idle viewer with forced GCs, which RSS (what run.ts reports)
// cannot separate from garbage not collected yet. Runs the built relay (createRelay from apps/relay/dist) or the bare
// broadcaster in this process, connects N viewers from one viewer-worker process, then reads process.memoryUsage()
// after gc() before and after. Not part of the report; for finding where the per-connection bytes go.
// Usage: node --expose-gc --import tsx scripts/bench/fanout/heap-per-conn.ts [--viewers 3000] [--server relay|bare] [--drop-request]
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Server } from 'socket.io';
import { SOCKET_SERVER_OPTIONS } from '../../../apps/relay/src/sockets/server-options.js';
import type { FromWorker, ToWorker } from './protocol.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.error('run with node --expose-gc --import tsx');
  process.exit(2);
}
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg('--viewers') ?? 3000);
const KIND = arg('--server') ?? 'relay';
/** Drop engine.io's reference to each connection's upgrade request (socket.io's "memory usage" advice). */
const DROP_REQUEST = process.argv.includes('--drop-request');
const dropRequest = (io: Server): void => {
  if (DROP_REQUEST) io.engine.on('connection', (raw: { request: unknown }) => {
    raw.request = null;
  });
};
const ROOT = resolve(import.meta.dirname, '../../..');
const SHOW = 'heap-bench';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
async function settled(): Promise<NodeJS.MemoryUsage> {
  for (let i = 0; i < 4; i++) {
    gc!();
    await sleep(200);
  }
  return process.memoryUsage();
}

async function startServer(): Promise<{ url: string; close: () => Promise<void> }> {
  if (KIND === 'bare') {
    const http = createServer();
    const io = new Server(http, SOCKET_SERVER_OPTIONS);
    io.of('/viewer').on('connection', (s) => void s.join(SHOW));
    dropRequest(io);
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    const port = (http.address() as { port: number }).port;
    return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => io.close(() => r())) };
  }
  const { createRelay } = await import(join(ROOT, 'apps/relay/dist/server.js'));
  const { createLogger } = await import(join(ROOT, 'apps/relay/dist/logger.js'));
  const dataDir = mkdtempSync(join(tmpdir(), 'cuecart-heap-'));
  const adminToken = randomBytes(24).toString('hex');
  const relay = await createRelay({ port: 0, host: '127.0.0.1', dataDir, demo: false, logLevel: 'warn', adminToken }, createLogger('warn'));
  dropRequest(relay.io as Server);
  const { port } = await relay.listen();
  const url = `http://127.0.0.1:${port}`;
  const res = await fetch(`${url}/api/shows`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ id: SHOW, title: 'heap', catalog: { provider: 'inline', products: [{ id: 'p1', title: 'Thing', price: { amount: '1.00', currencyCode: 'USD' }, available: true }] } }),
  });
  if (!res.ok) throw new Error(`create show: ${res.status} ${await res.text()}`);
  return {
    url,
    close: async () => {
      await relay.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const server = await startServer();
  const worker = fork(join(import.meta.dirname, 'viewer-worker.ts'), [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = (type: FromWorker['type']): Promise<FromWorker> =>
    new Promise((ok) => {
      const on = (m: FromWorker): void => {
        if (m.type === type) {
          worker.off('message', on);
          ok(m);
        }
      };
      worker.on('message', on);
    });
  await next('ready');
  // A few viewers first, so code compiled for the first connection is in the baseline.
  const warm: ToWorker = { type: 'start', url: `${server.url}/viewer`, show: SHOW, count: 20, ratePerSec: 500, maxInFlight: 250 };
  worker.send(warm);
  await next('connected');
  const before = await settled();
  worker.send({ ...warm, count: N } satisfies ToWorker);
  const done = (await next('connected')) as Extract<FromWorker, { type: 'connected' }>;
  const added = done.connected - 20; // the worker reports all its sockets, the 20 warm ones included
  await sleep(2000);
  const after = await settled();
  const per = (k: keyof NodeJS.MemoryUsage): string => (((after[k] - before[k]) / added) / 1024).toFixed(2);
  console.log(
    `${KIND}${DROP_REQUEST ? ' (request dropped)' : ''}: ${added} viewers; per connection after gc: heapUsed ${per('heapUsed')} KB, external ${per('external')} KB, ` +
      `arrayBuffers ${per('arrayBuffers')} KB, rss ${per('rss')} KB (heapUsed ${(before.heapUsed / 1048576).toFixed(1)} → ${(after.heapUsed / 1048576).toFixed(1)} MB)`,
  );
  worker.send({ type: 'close' } satisfies ToWorker);
  await sleep(500);
  worker.kill('SIGKILL');
  await server.close();
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

// Starts the real relay (apps/relay/dist/main.js) as a child process on a free port, with its own data dir.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RELAY_MAIN as BUILT_RELAY_MAIN, untilListening } from '@cuecart/relay/launch';
import { io, type Socket } from 'socket.io-client';

/** CUECART_RELAY_MAIN runs the suites against another build (an older commit's, to see a new test fail there). */
export const RELAY_MAIN = process.env.CUECART_RELAY_MAIN || BUILT_RELAY_MAIN;
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface RelayProcess {
  url: string;
  dataDir: string;
  proc: ChildProcess;
  output: () => string;
  /** SIGTERM and wait; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait: the crash case. */
  kill(): Promise<void>;
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'cuecart-e2e-'));
}

/** `timeoutMs`: how long the relay may take to listen (a restart during a reconnect storm on a busy machine is slow). */
export async function startRelay(options: { dataDir?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RelayProcess> {
  if (!existsSync(RELAY_MAIN)) throw new Error(`${RELAY_MAIN} is missing: run "npm run build" first`);
  const dataDir = options.dataDir ?? freshDataDir();
  // CUECART_RELAY_NODE_ARGS: extra node flags for every relay a test starts, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.CUECART_RELAY_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, RELAY_MAIN], {
    env: { ...process.env, CUECART_PORT: '0', CUECART_HOST: '127.0.0.1', CUECART_DATA_DIR: dataDir, CUECART_ADMIN_TOKEN: ADMIN_TOKEN, CUECART_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  // A relay that does not come up is killed, or it would keep the port and the data dir's lock.
  const timeoutMs = options.timeoutMs ?? 20_000;
  const { url } = await untilListening(proc, { timeoutMs }).catch((error: Error) => {
    throw new Error(`${error.message.split('\n')[0]}:\n${out}`);
  });
  return {
    url,
    dataDir,
    proc,
    output: () => out,
    stop: async () => {
      proc.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      proc.kill('SIGKILL');
      await exited;
    },
  };
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function readSecret(dataDir: string): string {
  return readFileSync(join(dataDir, 'secret'), 'utf8').trim();
}

/** Who a request speaks as: a bearer token, and/or the viewer session a cart answers to (X-Cuecart-Session). */
export type As = string | { token?: string; session?: string; origin?: string };

export async function api(relay: { url: string }, method: string, path: string, body?: unknown, as?: As): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = {};
  const who = typeof as === 'string' ? { token: as } : (as ?? {});
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (who.token) headers.authorization = `Bearer ${who.token}`;
  if (who.session) headers['x-cuecart-session'] = who.session;
  if (who.origin) headers.origin = who.origin;
  const res = await fetch(relay.url + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the assertion message
  }
  return { status: res.status, body: parsed };
}

export const products = [
  { id: 'p-kettle', sku: 'KTL-1', title: 'Pour-Over Kettle', price: { amount: '89.00', currencyCode: 'USD' }, compareAtPrice: { amount: '109.00', currencyCode: 'USD' }, available: true },
  { id: 'p-mug', title: 'Stoneware Mug', price: { amount: '22.00', currencyCode: 'USD' }, available: true },
  { id: 'p-scarf', title: 'Silk Scarf', price: { amount: '120.00', currencyCode: 'USD' }, available: false },
  { id: 'p-lamp', title: 'Desk Lamp', price: { amount: '99.00', currencyCode: 'USD' }, available: true },
];

/** Creates a show with an inline catalog and returns tokens for each role. */
export async function createShow(relay: { url: string }, id: string): Promise<{ producer: string; host: string; ingest: string }> {
  const created = await api(relay, 'POST', '/api/shows', { id, title: `Show ${id}`, catalog: { provider: 'inline', products }, rundown: products.map((p) => p.id) }, ADMIN_TOKEN);
  if (created.status !== 201) throw new Error(`create show failed: ${JSON.stringify(created)}`);
  return { producer: await mintToken(relay, id, 'producer'), host: await mintToken(relay, id, 'host'), ingest: await mintToken(relay, id, 'ingest') };
}

/** A fresh token for a role of a show, minted with the admin token. */
export async function mintToken(relay: { url: string }, showId: string, role: 'producer' | 'host' | 'ingest', name = `${role}-1`): Promise<string> {
  const res = await api(relay, 'POST', `/api/shows/${showId}/tokens`, { role, name }, ADMIN_TOKEN);
  if (res.status !== 201) throw new Error(`token for ${role} of ${showId} refused: ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

const inbox = new WeakMap<Socket, Array<[string, unknown]>>();

/** Every event a socket made by `connect` has received since before it connected. */
export function received<T = any>(socket: Socket, event: string): T[] {
  return (inbox.get(socket) ?? []).filter(([e]) => e === event).map(([, v]) => v as T);
}

/** Connects and resolves once connected, or rejects with the connect_error's data. */
export function connect(relay: { url: string }, namespace: string, auth: Record<string, unknown>, options: { headers?: Record<string, string> } = {}): Promise<Socket> {
  const socket = io(relay.url + namespace, { auth, transports: ['websocket'], reconnection: false, forceNew: true, ...(options.headers ? { extraHeaders: options.headers } : {}) });
  const box: Array<[string, unknown]> = [];
  inbox.set(socket, box);
  socket.onAny((event: string, value: unknown) => box.push([event, value]));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err: Error & { data?: unknown }) => {
      socket.close();
      reject(Object.assign(new Error(err.message), { data: err.data }));
    });
  });
}

/** Waits for the next `event` on a socket (or the first that matches). */
// Callers narrow the value in the predicate, so the value type stays loose.
export function next<T = any>(socket: Socket, event: string, match: (v: any) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, on);
      reject(new Error(`no "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const on = (v: T) => {
      if (!match(v)) return;
      clearTimeout(timer);
      socket.off(event, on);
      resolve(v);
    };
    socket.on(event, on);
  });
}

/** Collects every `event` a socket receives from now on. */
export function record<T = any>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (v: T) => seen.push(v));
  return seen;
}

export function emitAck<T = any>(socket: Socket, event: string, payload: unknown, timeoutMs = 5000): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sockets a test file opens, closed together at the end. */
export function socketPool(relay: () => { url: string }) {
  const sockets: Socket[] = [];
  return {
    open: async (namespace: string, auth: Record<string, unknown>): Promise<Socket> => {
      const socket = await connect(relay(), namespace, auth);
      sockets.push(socket);
      return socket;
    },
    closeAll: () => sockets.splice(0).forEach((s) => s.close()),
  };
}

/** Resolves with the connect_error's data when the namespace refuses, and fails the test if it accepts. */
export function refusedConnect(relay: { url: string }, namespace: string, auth: Record<string, unknown>): Promise<{ code: string; message: string } | undefined> {
  return connect(relay, namespace, auth).then(
    (s) => {
      s.close();
      throw new Error(`${namespace} accepted ${JSON.stringify(auth).slice(0, 60)}`);
    },
    (err: Error & { data?: { code: string; message: string } }) => err.data,
  );
}

/** Waits until the server drops the socket; resolves with the reason and what its `revoked` event said first. */
export function dropped(socket: Socket, timeoutMs = 5000): Promise<{ reason: string; revoked: unknown }> {
  let revoked: unknown;
  socket.on('revoked', (why: unknown) => (revoked = why));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the socket was not disconnected within ${timeoutMs} ms`)), timeoutMs);
    socket.once('disconnect', (reason: string) => {
      clearTimeout(timer);
      resolve({ reason, revoked });
    });
  });
}

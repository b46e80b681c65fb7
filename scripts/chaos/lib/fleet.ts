// A fleet of chaos viewers spread over forked worker processes (viewer-worker.ts), so thousands of sockets
// do not share the test's event loop; its stats are the workers' merged.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mergeStats, type FromWorker, type ToWorker, type WorkerStats } from './protocol.js';
import { VIEWERS_PER_WORKER } from './sizes.js';

const WORKER = fileURLToPath(new URL('./viewer-worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface Fleet {
  readonly size: number;
  /** Each viewer notes when it first holds an overlay with seq ≥ `seq`. */
  watch(seq: number): void;
  stats(): Promise<WorkerStats>;
  close(): Promise<void>;
}

const live = new Set<ChildProcess>();

/** Kills every worker still running (for afterAll, whatever happened). */
export function killFleets(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

function request<T extends FromWorker['type']>(child: ChildProcess, msg: ToWorker, answer: T, timeoutMs: number): Promise<Extract<FromWorker, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', on);
      reject(new Error(`viewer worker ${child.pid} did not answer "${msg.type}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const on = (m: FromWorker) => {
      if (m.type !== answer) return;
      clearTimeout(timer);
      child.off('message', on);
      resolve(m as Extract<FromWorker, { type: T }>);
    };
    child.on('message', on);
    child.send(msg);
  });
}

/** Opens `count` viewers of `show` at about `ratePerSec` in all, and resolves once every one has connected. */
export async function openFleet(options: { url: string; show: string; count: number; ratePerSec?: number; seed?: number }): Promise<Fleet> {
  const workers = Math.max(1, Math.ceil(options.count / VIEWERS_PER_WORKER));
  const children: ChildProcess[] = [];
  let log = '';
  for (let w = 0; w < workers; w++) {
    const child = fork(WORKER, [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    child.stdout!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
    child.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
    live.add(child);
    child.once('exit', () => live.delete(child));
    children.push(child);
  }
  const share = (w: number) => Math.floor(options.count / workers) + (w < options.count % workers ? 1 : 0);
  const rate = Math.max(20, Math.floor((options.ratePerSec ?? 500) / workers));
  const opened = await Promise.all(
    children.map((child, w) =>
      request(child, { type: 'open', url: options.url, show: options.show, count: share(w), seed: (options.seed ?? 7) * 1000 + w, ratePerSec: rate }, 'opened', 120_000),
    ),
  ).catch((err: Error) => {
    throw new Error(`${err.message}\n${log}`);
  });
  const failed = opened.reduce((n, o) => n + o.failed, 0);
  if (failed) throw new Error(`${failed} of ${options.count} chaos viewers never connected\n${log}`);

  return {
    size: options.count,
    watch: (seq) => children.forEach((c) => c.send({ type: 'watch', seq } satisfies ToWorker)),
    async stats() {
      return mergeStats((await Promise.all(children.map((c) => request(c, { type: 'stats' }, 'stats', 30_000)))).map((m) => m.stats));
    },
    async close() {
      await Promise.all(
        children.map(async (c) => {
          if (c.exitCode !== null || c.signalCode !== null) return;
          const exited = new Promise<void>((r) => c.once('exit', () => r()));
          await request(c, { type: 'close' }, 'closed', 10_000).catch(() => c.kill('SIGKILL'));
          await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
          if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
        }),
      );
    },
  };
}

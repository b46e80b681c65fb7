// Batches viewer beacons: flush every 2 s or at 20 events; what fails to send goes back in line, bounded.

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface BeaconQueueOptions<E> {
  /** Delivers one batch; resolves false when it did not get through (the batch is queued again). */
  send(batch: E[]): Promise<boolean>;
  flushEveryMs?: number;
  maxBatch?: number;
  /** The most events kept while the relay is unreachable; the oldest go first. */
  maxQueued?: number;
  timers?: Timers;
}

export interface BeaconQueue<E> {
  push(event: E): void;
  flush(): Promise<void>;
  /** Takes everything queued, for a last `sendBeacon` on pagehide. */
  drain(): E[];
  readonly size: number;
  dispose(): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createBeaconQueue<E>(options: BeaconQueueOptions<E>): BeaconQueue<E> {
  const { send, flushEveryMs = 2000, maxBatch = 20, maxQueued = 500, timers = realTimers } = options;
  let queue: E[] = [];
  let timer: unknown = null;
  let sending = false;
  let disposed = false;

  const arm = () => {
    if (timer === null && queue.length > 0 && !disposed) timer = timers.setTimeout(() => void flush(), flushEveryMs);
  };
  const disarm = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };

  async function flush(): Promise<void> {
    disarm();
    if (sending || queue.length === 0) return arm();
    sending = true;
    try {
      while (queue.length > 0 && !disposed) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(batch.length);
        let ok = false;
        try {
          ok = await send(batch);
        } catch {
          ok = false;
        }
        if (!ok) {
          queue = [...batch, ...queue].slice(-maxQueued);
          break;
        }
      }
    } finally {
      sending = false;
      arm();
    }
  }

  return {
    push(event) {
      if (disposed) return;
      queue.push(event);
      if (queue.length > maxQueued) queue = queue.slice(-maxQueued);
      if (queue.length >= maxBatch) void flush();
      else arm();
    },
    flush,
    drain() {
      disarm();
      const all = queue;
      queue = [];
      return all;
    },
    get size() {
      return queue.length;
    },
    dispose() {
      disposed = true;
      disarm();
    },
  };
}

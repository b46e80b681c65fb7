import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBeaconQueue } from './beacon-queue.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createBeaconQueue', () => {
  it('flushes what came in within 2 s as one batch', async () => {
    const sent: number[][] = [];
    const q = createBeaconQueue<number>({ send: async (b) => (sent.push(b), true) });
    q.push(1);
    q.push(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([[1, 2]]);
    expect(q.size).toBe(0);
  });

  it('flushes at once at 20 events', async () => {
    const sent: number[][] = [];
    const q = createBeaconQueue<number>({ send: async (b) => (sent.push(b), true) });
    for (let i = 0; i < 20; i++) q.push(i);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(20);
  });

  it('puts a failed batch back in front and retries on the next tick', async () => {
    let fail = true;
    const sent: number[][] = [];
    const q = createBeaconQueue<number>({ send: async (b) => (fail ? false : (sent.push(b), true)) });
    q.push(1);
    await vi.advanceTimersByTimeAsync(2000);
    q.push(2);
    fail = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toEqual([[1, 2]]);
  });

  it('keeps a bounded backlog while the relay is away', async () => {
    const q = createBeaconQueue<number>({ send: async () => false, maxQueued: 5 });
    for (let i = 0; i < 12; i++) q.push(i);
    await vi.advanceTimersByTimeAsync(2000);
    expect(q.drain()).toEqual([7, 8, 9, 10, 11]);
  });

  it('hands everything over on pagehide and stops its timer', async () => {
    const send = vi.fn(async () => true);
    const q = createBeaconQueue<number>({ send });
    q.push(1);
    expect(q.drain()).toEqual([1]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(send).not.toHaveBeenCalled();
  });
});

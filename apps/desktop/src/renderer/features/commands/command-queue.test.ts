import { describe, expect, it } from 'vitest';
import type { Command } from '@cuecart/shared';
import { applyAck, cancel, dueForSend, emptyQueue, enqueue, markSending, markTimedOut, pendingCount, requeueInFlight, SETTLED_HISTORY } from './command-queue.js';

const feature = (id: string): Command => ({ id, type: 'feature', productId: 'p1' });
const clear = (id: string): Command => ({ id, type: 'clear' });

describe('command queue', () => {
  it('queues a command with its own id and sends it once', () => {
    let q = enqueue(emptyQueue(), feature('c1'), 'Take p1', 1);
    expect(dueForSend(q).map((e) => e.id)).toEqual(['c1']);
    q = markSending(q, 'c1', 2);
    expect(dueForSend(q)).toEqual([]);
    q = applyAck(q, 'c1', { ok: true, seq: 7 }, 3);
    expect(q.entries[0]).toMatchObject({ state: 'done', seq: 7, attempts: 1 });
    expect(pendingCount(q)).toBe(0);
  });

  it('ignores the same id enqueued twice', () => {
    const q = enqueue(enqueue(emptyQueue(), feature('c1'), 'a', 1), feature('c1'), 'a', 2);
    expect(q.entries).toHaveLength(1);
  });

  it('re-sends a timed-out command with its original id, and a second ack does not change the result', () => {
    let q = markSending(enqueue(emptyQueue(), feature('c1'), 'a', 1), 'c1', 2);
    q = markTimedOut(q, 'c1');
    expect(dueForSend(q).map((e) => e.command.id)).toEqual(['c1']);
    q = markSending(q, 'c1', 3);
    q = applyAck(q, 'c1', { ok: true, seq: 4 }, 4);
    q = applyAck(q, 'c1', { ok: true, seq: 4 }, 5);
    expect(q.entries[0]).toMatchObject({ state: 'done', seq: 4, attempts: 2, settledAt: 4 });
  });

  it('a late ack after a timeout still settles the command', () => {
    let q = markTimedOut(markSending(enqueue(emptyQueue(), feature('c1'), 'a', 1), 'c1', 2), 'c1');
    q = applyAck(q, 'c1', { ok: true, seq: 9 }, 6);
    expect(q.entries[0]!.state).toBe('done');
    expect(dueForSend(q)).toEqual([]);
  });

  it('keeps a rejected command visible with its error message', () => {
    let q = markSending(enqueue(emptyQueue(), feature('c1'), 'a', 1), 'c1', 2);
    q = applyAck(q, 'c1', { ok: false, error: { code: 'not_found', message: 'no product "p1"' } }, 3);
    expect(q.entries[0]).toMatchObject({ state: 'rejected', error: 'no product "p1"' });
  });

  it('puts in-flight commands back in order when the link drops', () => {
    let q = enqueue(enqueue(emptyQueue(), feature('c1'), 'a', 1), clear('c2'), 'b', 2);
    q = markSending(markSending(q, 'c1', 3), 'c2', 3);
    q = requeueInFlight(q);
    expect(dueForSend(q).map((e) => e.id)).toEqual(['c1', 'c2']);
  });

  it('cancels only commands that have not been sent', () => {
    let q = enqueue(enqueue(emptyQueue(), feature('c1'), 'a', 1), clear('c2'), 'b', 2);
    q = markSending(q, 'c1', 3);
    q = cancel(cancel(q, 'c1', 4), 'c2', 4);
    expect(q.entries.map((e) => e.state)).toEqual(['sending', 'cancelled']);
  });

  it('prunes settled history but never a pending command', () => {
    let q = enqueue(emptyQueue(), feature('keep'), 'k', 0);
    for (let i = 0; i < SETTLED_HISTORY + 10; i++) {
      q = enqueue(q, clear(`c${i}`), 'c', i);
      q = applyAck(markSending(q, `c${i}`, i), `c${i}`, { ok: true, seq: i + 1 }, i);
    }
    expect(q.entries.filter((e) => e.state === 'done')).toHaveLength(SETTLED_HISTORY);
    expect(q.entries[0]!.id).toBe('keep');
  });
});

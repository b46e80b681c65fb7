// The offline command queue: every command keeps the id it got when the producer acted, waits while the relay
// is unreachable (or an ack times out) and is re-sent with that same id, so the relay applies it exactly once.
import type { Ack, Command } from '@cuecart/shared';

export type QueueEntryState = 'queued' | 'sending' | 'done' | 'rejected' | 'cancelled';

export interface QueueEntry {
  id: string;
  command: Command;
  label: string;
  state: QueueEntryState;
  attempts: number;
  createdAt: number;
  sentAt?: number;
  settledAt?: number;
  seq?: number;
  error?: string;
}

export interface QueueState {
  entries: QueueEntry[];
}

/** Settled entries kept on screen as a short history; pending ones are never pruned. */
export const SETTLED_HISTORY = 30;

export const emptyQueue = (): QueueState => ({ entries: [] });

export function isPending(entry: QueueEntry): boolean {
  return entry.state === 'queued' || entry.state === 'sending';
}

export function enqueue(state: QueueState, command: Command, label: string, now: number): QueueState {
  if (state.entries.some((e) => e.id === command.id)) return state;
  const entry: QueueEntry = { id: command.id, command, label, state: 'queued', attempts: 0, createdAt: now };
  return prune({ entries: [...state.entries, entry] });
}

/** The entries to send now, oldest first (order matters: a clear after a take must stay after it). */
export function dueForSend(state: QueueState): QueueEntry[] {
  return state.entries.filter((e) => e.state === 'queued');
}

export function markSending(state: QueueState, id: string, now: number): QueueState {
  return update(state, id, (e) => (e.state === 'queued' ? { ...e, state: 'sending', attempts: e.attempts + 1, sentAt: now } : e));
}

/** An ack settles the entry once; a repeated ack (after a resend) changes nothing. */
export function applyAck(state: QueueState, id: string, ack: Ack, now: number): QueueState {
  return update(state, id, (e) => {
    if (!isPending(e)) return e;
    return ack.ok
      ? { ...e, state: 'done', seq: ack.seq, settledAt: now, error: undefined }
      : { ...e, state: 'rejected', error: ack.error.message, settledAt: now };
  });
}

/** No ack in time: the command may or may not have landed, so it goes back to the queue for a resend. */
export function markTimedOut(state: QueueState, id: string): QueueState {
  return update(state, id, (e) => (e.state === 'sending' ? { ...e, state: 'queued' } : e));
}

/** The link dropped: whatever was in flight waits for the reconnect. */
export function requeueInFlight(state: QueueState): QueueState {
  if (!state.entries.some((e) => e.state === 'sending')) return state;
  return { entries: state.entries.map((e) => (e.state === 'sending' ? { ...e, state: 'queued' } : e)) };
}

/** The producer chose to drop a command that has not been sent yet (never done silently). */
export function cancel(state: QueueState, id: string, now: number): QueueState {
  return update(state, id, (e) => (e.state === 'queued' ? { ...e, state: 'cancelled', settledAt: now } : e));
}

export function pendingCount(state: QueueState): number {
  return state.entries.filter(isPending).length;
}

function update(state: QueueState, id: string, fn: (e: QueueEntry) => QueueEntry): QueueState {
  let changed = false;
  const entries = state.entries.map((e) => {
    if (e.id !== id) return e;
    const next = fn(e);
    if (next !== e) changed = true;
    return next;
  });
  return changed ? prune({ entries }) : state;
}

function prune(state: QueueState): QueueState {
  const settled = state.entries.filter((e) => !isPending(e));
  if (settled.length <= SETTLED_HISTORY) return state;
  const drop = new Set(settled.slice(0, settled.length - SETTLED_HISTORY).map((e) => e.id));
  return { entries: state.entries.filter((e) => !drop.has(e.id)) };
}

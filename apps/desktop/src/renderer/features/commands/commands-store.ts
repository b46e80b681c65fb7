// Sends producer commands through the offline queue: each is shown until the relay acks it, re-sent with its
// original id after a reconnect or an ack timeout.
import { create } from 'zustand';
import type { Ack, Command } from '@cuecart/shared';
import { connectedSocket } from '../connection/producer-link.js';
import * as queue from './command-queue.js';

export const ACK_TIMEOUT_MS = 3000;
/** After a timeout on a live link, wait a little before the resend so a slow relay is not hammered. */
const RETRY_DELAY_MS = 1000;

interface CommandsState {
  queue: queue.QueueState;
  submit(command: Command, label: string): void;
  flush(): void;
  cancel(id: string): void;
  linkDown(): void;
}

let retry: ReturnType<typeof setTimeout> | undefined;

export const useCommands = create<CommandsState>()((set, get) => {
  const apply = (fn: (q: queue.QueueState) => queue.QueueState) => set((s) => ({ queue: fn(s.queue) }));

  const send = (entry: queue.QueueEntry) => {
    const socket = connectedSocket();
    if (!socket) return;
    apply((q) => queue.markSending(q, entry.id, Date.now()));
    socket.timeout(ACK_TIMEOUT_MS).emit('command', entry.command, (err: Error | null, ack: Ack) => {
      if (err) {
        apply((q) => queue.markTimedOut(q, entry.id));
        clearTimeout(retry);
        retry = setTimeout(() => get().flush(), RETRY_DELAY_MS);
        return;
      }
      apply((q) => queue.applyAck(q, entry.id, ack, Date.now()));
    });
  };

  return {
    queue: queue.emptyQueue(),
    submit: (command, label) => {
      apply((q) => queue.enqueue(q, command, label, Date.now()));
      get().flush();
    },
    flush: () => {
      for (const entry of queue.dueForSend(get().queue)) send(entry);
    },
    cancel: (id) => apply((q) => queue.cancel(q, id, Date.now())),
    linkDown: () => apply(queue.requeueInFlight),
  };
});

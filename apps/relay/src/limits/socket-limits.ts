// Per-socket rate limits: one bucket per event class, a rate_limited ack when it is empty, and a
// disconnect for a socket that keeps flooding after being told. State lives and dies with the socket.
import type { Socket } from 'socket.io';
import { apiError } from '@cuecart/shared';
import type { Logger } from '../logger.js';
import { retryAfterSeconds, type Limits, type SocketEventClass } from './limits.js';
import { fullBucket, take, type Bucket, type Clock } from './token-bucket.js';

const CLASSES = new Set<string>(['track', 'command', 'cue', 'suggestion:dismiss', 'rundown:set', 'overlay:get', 'link:ping']);

export function eventClass(event: unknown): SocketEventClass {
  return typeof event === 'string' && CLASSES.has(event) ? (event as SocketEventClass) : 'other';
}

/** Runs before every handler of the socket; a refused event never reaches its handler. */
export function limitSocket(socket: Socket, limits: Limits, logger: Logger, clock: Clock = Date.now): void {
  if (!limits.enabled) return;
  const buckets = new Map<SocketEventClass, Bucket>();
  const refusals = fullBucket(limits.socket.flood, clock());
  socket.use((packet, next) => {
    const now = clock();
    const cls = eventClass(packet[0]);
    const rate = limits.socket.events[cls];
    let bucket = buckets.get(cls);
    if (!bucket) buckets.set(cls, (bucket = fullBucket(rate, now)));
    const wait = take(bucket, rate, now);
    if (wait === 0) return next();

    const last: unknown = packet[packet.length - 1];
    const ack = typeof last === 'function' ? (last as (answer: unknown) => void) : undefined;
    const event = typeof packet[0] === 'string' ? packet[0].slice(0, 64) : 'unnamed';
    if (take(refusals, limits.socket.flood, now) > 0) {
      if (!socket.connected) return;
      logger.warn({ ip: socket.handshake.address, nsp: socket.nsp.name, event }, 'socket kept flooding after rate_limited: disconnected');
      ack?.({ ok: false, error: apiError('rate_limited', 'this socket kept sending after being rate limited and is disconnected: reconnect and slow down') });
      socket.disconnect(true);
      return;
    }
    const seconds = retryAfterSeconds(wait);
    ack?.({ ok: false, error: apiError('rate_limited', `too many "${event}" events on this socket: try again in ${seconds} s`) });
  });
}

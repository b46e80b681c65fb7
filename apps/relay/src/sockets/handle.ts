// Wraps socket event handlers so that bad payloads, missing acks and thrown errors never crash the relay.
import type { Socket } from 'socket.io';
import { apiError, type ApiError } from '@cuecart/shared';
import type { Logger } from '../logger.js';

type Answer = { ok: true; [k: string]: unknown } | { ok: false; error: ApiError };
type Reply = (answer: Answer) => void;

/** Registers `event` so that its last argument, if a function, is the ack; every answer goes through it once. */
export function handle(socket: Socket, logger: Logger, event: string, handler: (payload: unknown) => Answer | Promise<Answer> | void): void {
  socket.on(event, (...args: unknown[]) => {
    const last = args[args.length - 1];
    const reply: Reply = typeof last === 'function' ? (last as Reply) : () => {};
    const payload = typeof args[0] === 'function' ? undefined : args[0];
    Promise.resolve()
      .then(() => handler(payload))
      .then((answer) => {
        if (answer) reply(answer);
      })
      .catch((err: unknown) => {
        logger.error({ err, event }, 'socket handler failed');
        reply({ ok: false, error: apiError('internal', 'the relay failed to handle this event; it has been logged') });
      });
  });
}

/** Any role that may not change the overlay gets a clear answer instead of silence. */
export function refuseCommands(socket: Socket, logger: Logger, role: string): void {
  handle(socket, logger, 'command', () => ({ ok: false, error: apiError('forbidden', `a ${role} cannot change the overlay: use a producer token on /producer`) }));
}

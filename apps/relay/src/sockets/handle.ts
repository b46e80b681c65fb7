// Wraps socket event handlers so that bad payloads, missing acks and thrown errors never crash the relay.
import type { Socket } from 'socket.io';
import { apiError, type ApiError, type Reply } from '@cuecart/shared';
import type { Logger } from '../logger.js';
import type { HostSocket, ViewerSocket } from './typed.js';

type Listener = (...args: never[]) => void;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any socket of any namespace; its map is read below
type AnySocket = Socket<any, any, any, any>;
/** The events a socket's client may send, from the shared event map its namespace is typed with. */
type ClientEvents<S extends AnySocket> = S extends Socket<infer L, infer _S, infer _E, infer _D> ? L : never;

/** What an event's ack is called with, read from the shared event map (never for an event without an ack). */
export type AnswerOf<F> = F extends Listener ? (Extract<Parameters<F>[number], Reply<never>> extends Reply<infer T> ? T : never) : never;

type Failure = { ok: false; error: ApiError };

/** The answers of a handler, typed so that `ok` stays a literal. */
export const OK = { ok: true } as const;
export const fail = (error: ApiError): Failure => ({ ok: false, error });

/**
 * Registers `event` so that its last argument, if a function, is the ack; every answer goes through it once.
 * The payload stays `unknown`: it comes from a client and is parsed by the handler. The answer must be the
 * type the shared map gives the event's ack.
 */
export function handle<S extends AnySocket, E extends keyof ClientEvents<S> & string>(
  socket: S,
  logger: Logger,
  event: E,
  handler: (payload: unknown) => AnswerOf<ClientEvents<S>[E]> | Promise<AnswerOf<ClientEvents<S>[E]>> | void,
): void {
  const failed: Failure = { ok: false, error: apiError('internal', 'the relay failed to handle this event; it has been logged') };
  (socket as Socket).on(event as string, (...args: unknown[]) => {
    const last = args[args.length - 1];
    const reply = typeof last === 'function' ? (last as (answer: unknown) => void) : () => {};
    const payload = typeof args[0] === 'function' ? undefined : args[0];
    Promise.resolve()
      .then(() => handler(payload))
      .then((answer) => {
        if (answer) reply(answer);
      })
      .catch((err: unknown) => {
        logger.error({ err, event }, 'socket handler failed');
        reply(failed);
      });
  });
}

/** Any role that may not change the overlay gets a clear answer instead of silence. */
export function refuseCommands(socket: ViewerSocket | HostSocket, logger: Logger, role: string): void {
  handle(socket as ViewerSocket, logger, 'command', () => fail(apiError('forbidden', `a ${role} cannot change the overlay: use a producer token on /producer`)));
}

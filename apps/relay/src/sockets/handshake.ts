// Socket.IO connection checks: viewers name a public show; producers and hosts bring a role token.
import type { ExtendedError, Socket } from 'socket.io';
import { apiError, ShowId, type ApiError, type TokenRole } from '@cuecart/shared';
import { checkRole, type ShowClaims } from '../auth/tokens.js';
import type { RelayContext } from '../context.js';

export interface SocketData {
  showId: string;
  claims?: ShowClaims;
  connectedAt?: number;
}

type Middleware = (socket: Socket, next: (err?: ExtendedError) => void) => void;

/** A connect_error the client can read: `err.message` and `err.data = { code, message }`. */
export function refusal(error: ApiError): ExtendedError {
  const err = new Error(error.message) as ExtendedError;
  err.data = error;
  return err;
}

function auth(socket: Socket): Record<string, unknown> {
  const a: unknown = socket.handshake.auth;
  return a && typeof a === 'object' ? (a as Record<string, unknown>) : {};
}

export function viewerHandshake(ctx: RelayContext): Middleware {
  return (socket, next) => {
    const show = ShowId.safeParse(auth(socket).show);
    if (!show.success) return next(refusal(apiError('invalid', 'connect with auth: { show: "<show id>" }')));
    ctx.authority.ensure(show.data).then(
      (rt) => {
        if (!rt) return next(refusal(apiError('not_found', `show "${show.data}" does not exist`)));
        (socket.data as SocketData) = { showId: show.data };
        next();
      },
      () => next(refusal(apiError('internal', 'the relay could not look up this show: try again'))),
    );
  };
}

export function tokenHandshake(ctx: RelayContext, roles: readonly TokenRole[]): Middleware {
  return (socket, next) => {
    ctx.tokens
      .verify(auth(socket).token)
      .then((verified) => {
        if (!verified.ok) return next(refusal(verified.error));
        const { claims } = verified;
        const denied = checkRole(claims, claims.show, roles);
        if (denied) return next(refusal(denied));
        return ctx.authority.ensure(claims.show).then((rt) => {
          if (!rt) return next(refusal(apiError('not_found', `show "${claims.show}" does not exist`)));
          (socket.data as SocketData) = { showId: claims.show, claims };
          next();
        });
      })
      .catch(() => next(refusal(apiError('internal', 'the relay could not check this token'))));
  };
}

// Socket.IO connection checks: viewers name a public show (from a page it may be embedded on);
// producers and hosts bring a role token, and are disconnected the moment it is revoked.
import type { ExtendedError, Server, Socket } from 'socket.io';
import { apiError, ShowId, type ApiError, type TokenRole } from '@cuecart/shared';
import { embedRefusal } from '../auth/origins.js';
import type { RevocationStore } from '../auth/revocations.js';
import { checkRole, REVOKED_MESSAGE, type ShowClaims } from '../auth/tokens.js';
import type { RelayContext } from '../context.js';
import type { Logger } from '../logger.js';
import type { AddressCap } from '../limits/address-cap.js';
import { compileTrustProxy, socketAddress, type TrustProxy } from '../limits/client-address.js';

export interface SocketData {
  showId: string;
  /** The client's address (behind a trusted proxy, the one it saw); undefined for the relay's own machine. */
  address?: string | undefined;
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

/** The address a socket speaks for, the way REST's per-IP limits see a request (the same trusted proxies). */
export function addressOf(socket: Socket, trust: TrustProxy): string | undefined {
  return socketAddress(socket.request, trust);
}

/** `cap`: how many viewer sockets one address may hold open (undefined when limits are off). */
export function viewerHandshake(ctx: RelayContext, cap?: AddressCap): Middleware {
  const trust = compileTrustProxy(ctx.config.trustProxy);
  return (socket, next) => {
    const show = ShowId.safeParse(auth(socket).show);
    if (!show.success) return next(refusal(apiError('invalid', 'connect with auth: { show: "<show id>" }')));
    const { origin, host } = socket.handshake.headers;
    const verdict = ctx.origins.judge(show.data, origin, host);
    if (verdict.kind === 'denied') return next(refusal(apiError('forbidden', embedRefusal(verdict.allowed))));
    ctx.authority.ensure(show.data).then(
      (rt) => {
        if (!rt) return next(refusal(apiError('not_found', `show "${show.data}" does not exist`)));
        const address = addressOf(socket, trust);
        if (cap && address !== undefined) {
          // A client gone during the lookup never connects, so it would never 'disconnect' to give its place back.
          if (socket.conn.readyState !== 'open') return next(refusal(apiError('invalid', 'the connection closed during the handshake')));
          if (!cap.admit(address)) {
            return next(refusal(apiError('rate_limited', `this address already has ${cap.max} players connected: close some, or try again in a minute`)));
          }
          socket.once('disconnect', () => cap.release(address));
        }
        (socket.data as SocketData) = { showId: show.data, address };
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

/** The namespaces a show token connects to. */
const TOKEN_NAMESPACES = ['/producer', '/host'] as const;

/**
 * Disconnects, at once, every socket of this relay that came in with a token that has just been revoked.
 * In a cluster every relay hears of each revocation from Redis and drops its own sockets, so none
 * reaches across the adapter. The socket is told why first.
 */
export function disconnectRevoked(io: Server, revocations: RevocationStore, logger: Logger): () => void {
  return revocations.onRevoke(() => {
    for (const name of TOKEN_NAMESPACES) {
      for (const socket of io.of(name).sockets.values()) {
        const claims = (socket.data as SocketData | undefined)?.claims;
        if (!claims || !revocations.isRevoked(claims)) continue;
        socket.emit('revoked', apiError('unauthorized', REVOKED_MESSAGE));
        socket.disconnect(true);
        logger.info({ show: claims.show, role: claims.role, jti: claims.jti, namespace: name }, 'socket with a revoked token disconnected');
      }
    }
  });
}

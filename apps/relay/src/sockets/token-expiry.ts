// A token's rights end at its expiry on an open socket too: the socket is told why and cut off then, and any
// event that arrives after it (a timer can fire late) is refused. REST checks the expiry on every request.
import type { Socket } from 'socket.io';
import { apiError, type ApiError } from '@cuecart/shared';
import type { ShowClaims } from '../auth/tokens.js';

export const SESSION_EXPIRED = 'session:expired';

/** setTimeout's longest delay; a token may live 30 days, so the timer is re-armed until then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function expiredError(claims: Pick<ShowClaims, 'role' | 'exp'>): ApiError {
  const page = claims.role === 'host' ? 'prompter' : 'console';
  return apiError('unauthorized', `this ${claims.role} session expired at ${new Date(claims.exp).toISOString()}: ask the show admin for a new ${claims.role} token and open the ${page} with it`);
}

/** Registers first on the socket, so an expired socket's events spend nothing and reach no handler. */
export function expireWithToken(socket: Socket, claims: ShowClaims, clock: () => number = Date.now): void {
  let timer: NodeJS.Timeout | undefined;
  const cutOff = () => {
    if (!socket.connected) return;
    socket.emit(SESSION_EXPIRED, expiredError(claims));
    socket.disconnect(true);
  };
  const arm = () => {
    const left = claims.exp - clock();
    if (left <= 0) return cutOff();
    timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  socket.use((packet, next) => {
    if (clock() < claims.exp) return next();
    const last: unknown = packet[packet.length - 1];
    if (typeof last === 'function') (last as (answer: unknown) => void)({ ok: false, error: expiredError(claims) });
    cutOff();
  });
  socket.once('disconnect', () => clearTimeout(timer));
  arm();
}

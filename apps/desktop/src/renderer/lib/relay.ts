// The relay, from the renderer: typed sockets per namespace and authenticated REST calls.
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { ApiError, HostClientToServer, HostServerToClient, ProducerClientToServer, ProducerServerToClient } from '@cuecart/shared';

export type ProducerSocket = Socket<ProducerServerToClient, ProducerClientToServer>;
export type HostSocket = Socket<HostServerToClient, HostClientToServer>;

/**
 * Websocket first; Socket.IO's own reconnection with jitter keeps trying while the relay is away, at most
 * 0.5 s apart (±50 %): one console is one socket, and its queued takes should land the moment the relay is back.
 */
export const CONSOLE_SOCKET_OPTIONS: Partial<ManagerOptions & SocketOptions> = { transports: ['websocket', 'polling'], reconnectionDelay: 250, reconnectionDelayMax: 500, randomizationFactor: 0.5, timeout: 5000 };

export function connectProducer(relay: string, token: string): ProducerSocket {
  return io(`${relay}/producer`, { ...CONSOLE_SOCKET_OPTIONS, auth: { token } });
}

export function connectHost(relay: string, token: string): HostSocket {
  return io(`${relay}/host`, { ...CONSOLE_SOCKET_OPTIONS, auth: { token } });
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** GET/POST to the relay with the page's token; never throws, errors come back in the API's shape. */
export async function api<T>(relay: string, token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  try {
    const res = await fetch(relay + path, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const json: unknown = await res.json().catch(() => null);
    if (res.ok) return { ok: true, value: json as T };
    const error = (json as { error?: ApiError } | null)?.error;
    return { ok: false, error: error ?? { code: 'internal', message: `the relay answered ${res.status}` } };
  } catch {
    return { ok: false, error: { code: 'internal', message: 'the relay cannot be reached: check the connection' } };
  }
}

/** A fresh id for each command or cue, so a repeated key press or a resend is never applied twice. */
export function newId(prefix: string): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(9)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${prefix}-${random}`;
}

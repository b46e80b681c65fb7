// JSON over fetch to the relay; every failure becomes a RelayError with a sentence a shopper can read.
import type { ApiError } from '@cuecart/shared';

export class RelayError extends Error {
  constructor(
    readonly code: ApiError['code'] | 'network',
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'RelayError';
  }
}

const OFFLINE = "Can't reach the shop right now. Check your connection and try again.";

export async function requestJson<T>(url: string, init: { method?: string; body?: unknown; signal?: AbortSignal; headers?: Record<string, string> } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? 'GET',
      headers: { accept: 'application/json', ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'omit',
      signal: init.signal,
    });
  } catch (err) {
    if ((err as Error)?.name === 'AbortError') throw err;
    throw new RelayError('network', OFFLINE, 0);
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = (body as { error?: Partial<ApiError> } | undefined)?.error;
    const message = typeof error?.message === 'string' && error.message ? error.message : `The shop answered ${res.status}. Try again.`;
    throw new RelayError((error?.code as ApiError['code']) ?? 'internal', message, res.status);
  }
  return body as T;
}

export function errorMessage(err: unknown): string {
  return err instanceof RelayError ? err.message : 'Something went wrong. Try again.';
}

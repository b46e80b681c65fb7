// May a page of this origin use this show? Origins are parsed and compared whole, never by substring.
import { canonicalOrigin } from '@cuecart/shared';

/**
 * `open`: the show sets no origins, or the request names none (server to server, curl);
 * `allowed`: the origin is one of the show's, or the relay's own; `denied`: anything else.
 */
export type OriginVerdict = { kind: 'open' } | { kind: 'allowed'; origin: string } | { kind: 'denied'; origin: string; allowed: readonly string[] };

/**
 * @param origin the request's `Origin` header, if any
 * @param allowed the show's canonical allowed origins; undefined when the show sets none
 * @param relayHost the request's `Host` header: a page served by the relay itself is always welcome
 */
export function judgeOrigin(origin: string | undefined, allowed: readonly string[] | undefined, relayHost: string | undefined): OriginVerdict {
  if (origin === undefined || origin === '') return { kind: 'open' };
  if (!allowed) return { kind: 'open' };
  const canonical = canonicalOrigin(origin);
  // "null" (sandboxed frames, file: pages) and malformed origins match nothing.
  if (!canonical) return { kind: 'denied', origin, allowed };
  if (allowed.includes(canonical)) return { kind: 'allowed', origin };
  if (relayHost && sameHost(canonical, relayHost)) return { kind: 'allowed', origin };
  return { kind: 'denied', origin, allowed };
}

/** The relay's own pages: the origin's host and port are the ones the request was sent to (any scheme, a TLS proxy may sit in front). */
function sameHost(origin: string, relayHost: string): boolean {
  try {
    const url = new URL(origin);
    const host = new URL(`${url.protocol}//${relayHost}`).host;
    return url.host === host;
  } catch {
    return false;
  }
}

export function embedRefusal(allowed: readonly string[]): string {
  return `this show can only be embedded on: ${allowed.join(', ')}`;
}

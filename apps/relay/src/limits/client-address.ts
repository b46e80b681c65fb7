// The key a client is limited by: its IP, with IPv6 taken by /64 (one subscriber's whole block).
import { isIPv6 } from 'node:net';

/** Groups of an IPv6 address written out in full, or undefined if it is not one. */
function ipv6Groups(ip: string): string[] | undefined {
  if (!isIPv6(ip)) return undefined;
  const [head = '', tail] = ip.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':'));
  let left = part(head);
  let right = tail === undefined ? [] : part(tail);
  // An embedded IPv4 tail ("::ffff:1.2.3.4") is two groups.
  const toGroups = (groups: string[]) =>
    groups.flatMap((g) => {
      if (!g.includes('.')) return [g];
      const [a = 0, b = 0, c = 0, d = 0] = g.split('.').map(Number);
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  left = toGroups(left);
  right = toGroups(right);
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}

export function clientKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  const groups = ipv6Groups(ip);
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : ip;
}

/** Loopback: the relay's own machine, or the reverse proxy in front of it (Express trusts it the same way). */
export function isLoopback(ip: string | undefined): boolean {
  if (!ip) return false;
  return ip === '::1' || /^(::ffff:)?127\./i.test(ip);
}

/**
 * The address a socket's handshake came from, as REST's `req.ip` sees it: behind a loopback proxy, the last hop
 * of X-Forwarded-For (the address the proxy saw), else the peer. Undefined for the relay's own machine without
 * a proxy (local tools, load tests), which no per-address cap applies to.
 */
export function socketAddress(peer: string | undefined, forwardedFor: string | string[] | undefined): string | undefined {
  if (!isLoopback(peer)) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const hops = (header ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  return hops.at(-1);
}

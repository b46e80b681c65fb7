// The key a client is limited by: its IP, with IPv6 taken by /64 (one subscriber's whole block).
import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import proxyaddr from 'proxy-addr';

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

/** Which proxies' X-Forwarded-For to believe: Express's `trust proxy` syntax (CUECART_TRUST_PROXY). */
export type TrustProxy = (address: string, hop: number) => boolean;

export function compileTrustProxy(setting: string): TrustProxy {
  return proxyaddr.compile(setting.split(',').map((s) => s.trim()).filter(Boolean));
}

/**
 * The address a request or socket handshake speaks for, the way Express's `req.ip` reads it: the first hop of
 * X-Forwarded-For that is not a trusted proxy, else the peer. Undefined for the relay's own machine without a
 * proxy (local tools, load tests), which no per-address socket cap applies to.
 */
export function socketAddress(request: IncomingMessage, trust: TrustProxy): string | undefined {
  const address = proxyaddr(request, trust);
  return isLoopback(address) ? undefined : address;
}

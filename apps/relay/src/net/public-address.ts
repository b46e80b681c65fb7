// Which addresses the relay may send a provider's API key to: public ones only, unless the operator allows
// private ones (CUECART_ALLOW_PRIVATE_URLS=1: a provider inside the same network, or tests with a local fake).
import { isIP } from 'node:net';

/** Why an address is not public (loopback, private, link-local…), or undefined when it is. */
export function nonPublicReason(ip: string): string | undefined {
  const v4 = isIP(ip) === 4 ? ip : mappedV4(ip);
  if (v4) return v4Reason(v4);
  if (isIP(ip) !== 6) return 'not an IP address';
  const groups = expandV6(ip);
  const first = groups[0]!;
  if (groups.every((g) => g === 0)) return 'the unspecified address';
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1) return 'loopback';
  // ::a.b.c.d (IPv4-compatible, deprecated) has no business reaching a provider.
  if (groups.slice(0, 6).every((g) => g === 0)) return 'an IPv4-compatible (reserved) address';
  if ((first & 0xfe00) === 0xfc00) return 'a unique-local (private) address';
  if ((first & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((first & 0xffc0) === 0xfec0) return 'a site-local (private) address';
  if (first === 0x100 && groups.slice(1, 4).every((g) => g === 0)) return 'a discard-only address';
  if (first === 0x64 && groups[1] === 0xff9b && groups[2] === 1) return 'a local-use NAT64 address';
  if ((first & 0xff00) === 0xff00) return 'a multicast address';
  if (first === 0x2001 && groups[1] === 0x0db8) return 'a documentation address';
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) embed an IPv4 address: judge that one.
  if (first === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0)) return v4Reason(v4Of(groups[6]!, groups[7]!));
  if (first === 0x2002) return v4Reason(v4Of(groups[1]!, groups[2]!));
  return undefined;
}

function v4Reason(ip: string): string | undefined {
  const [a = 0, b = 0, c = 0] = ip.split('.').map(Number);
  if (a === 127) return 'loopback';
  if (a === 0) return 'the unspecified network';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'a private address';
  if (a === 169 && b === 254) return 'a link-local address (cloud metadata lives there)';
  if (a === 100 && b >= 64 && b <= 127) return 'a carrier-grade NAT address';
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return 'a reserved address';
  if ((a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)) return 'a documentation address';
  if (a === 198 && (b === 18 || b === 19)) return 'a benchmarking address';
  if (a >= 224) return 'a multicast or reserved address';
  return undefined;
}

/** "::ffff:10.0.0.1" and "::ffff:a00:1" are 10.0.0.1. */
function mappedV4(ip: string): string | undefined {
  if (isIP(ip) !== 6) return undefined;
  const dotted = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (dotted) return dotted[1];
  const g = expandV6(ip);
  return g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff ? v4Of(g[6]!, g[7]!) : undefined;
}

function v4Of(hi: number, lo: number): string {
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
}

/** The eight 16-bit groups of an IPv6 address (an IPv4 tail counts as two). */
function expandV6(ip: string): number[] {
  const [head = '', tail] = ip.split('::');
  const parse = (part: string) =>
    part === ''
      ? []
      : part.split(':').flatMap((g) => {
          if (!g.includes('.')) return [parseInt(g, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = g.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(Math.max(0, 8 - left.length - right.length)).fill(0), ...right];
}

/**
 * Whether a provider URL may be used at all, judged before any lookup: https, and no literal non-public IP.
 * Host names are judged again when they resolve (see guarded-fetch.ts).
 */
export function checkProviderUrl(raw: string, allowPrivate: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a URL';
  }
  if (allowPrivate) return url.protocol === 'https:' || url.protocol === 'http:' ? undefined : 'must be an http(s) URL';
  if (url.protocol !== 'https:') return 'must use https (the API key travels with every request)';
  // "localhost." is localhost too.
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'points at this machine (localhost)';
  const reason = isIP(host) ? nonPublicReason(host) : undefined;
  return reason ? `points at ${reason} (${host})` : undefined;
}

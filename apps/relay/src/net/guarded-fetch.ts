// fetch for provider APIs that carry our API keys: the address a host name resolves to is checked at connect
// time, inside the connection itself, so a DNS answer cannot change between the check and the request.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { checkProviderUrl, nonPublicReason } from './public-address.js';

export class NonPublicAddressError extends Error {}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A dns.lookup that refuses non-public answers: every address a name resolves to must be public. */
export function publicLookup(hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true } as { all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const bad = addresses.map((a) => ({ a, why: nonPublicReason(a.address) })).find((x) => x.why);
    if (bad) return callback(Object.assign(new NonPublicAddressError(`${hostname} resolves to ${bad.why} (${bad.a.address}): the relay sends API keys to public addresses only`), { code: 'ENONPUBLIC' }), []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
}

/**
 * The fetch that provider sources use. With `allowPrivate` (CUECART_ALLOW_PRIVATE_URLS=1) it is plain fetch;
 * otherwise a URL that is not https or names a non-public IP is refused outright, and a host name that resolves
 * to one fails to connect.
 */
export function providerFetch(allowPrivate: boolean): typeof fetch {
  if (allowPrivate) return fetch;
  const agent = publicAgent();
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const refused = checkProviderUrl(url, false);
    if (refused) throw new NonPublicAddressError(`${new URL(url).origin} ${refused}`);
    return undiciFetch(url, { ...(init as object), dispatcher: agent } as never) as unknown as Response;
  }) as typeof fetch;
}

/**
 * An undici dispatcher whose every connection goes to a public address: a host name is judged by what it
 * resolves to, and a literal IP (which Node connects to without any lookup) before connecting. Every hop,
 * redirects included, goes through here.
 */
export function publicAgent(): Agent {
  const connector = buildConnector({ lookup: publicLookup as never });
  return new Agent({
    connect: (options, callback) => {
      const host = options.hostname.replace(/^\[|\]$/g, '');
      const why = isIP(host) ? nonPublicReason(host) : undefined;
      if (why) return callback(new NonPublicAddressError(`${host} is ${why}: the relay sends API keys to public addresses only`), null);
      connector(options, callback);
    },
  });
}

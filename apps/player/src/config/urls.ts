// Where the player talks to: the relay base URL, and stream, image and link URLs checked before use.

/** The relay base ("https://relay.example" or with a path prefix), without a trailing slash. */
export function resolveRelay(attribute: string | null | undefined, scriptUrl: string): string {
  const raw = attribute?.trim();
  const url = raw ? new URL(raw, scriptUrl) : new URL(new URL(scriptUrl).origin);
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}

/** `{relay}/api/...`: joins the relay base and an absolute path. */
export function relayUrl(relay: string, path: string): string {
  return relay + (path.startsWith('/') ? path : `/${path}`);
}

/** Absolute http(s) URLs pass; paths ("/media/x.m3u8") resolve against the relay; anything else is refused. */
export function safeUrl(raw: string | null | undefined, relay: string): string | null {
  if (!raw) return null;
  if (/^https?:\/\/[^\s]+$/i.test(raw)) return raw;
  if (/^\/(?![/\\])[^\s]*$/.test(raw)) return relayUrl(relay, raw);
  return null;
}

/** Only absolute http(s) URLs may be opened in a new tab (a checkout redirect, a product page). */
export function openableUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** socket.io needs the origin+namespace and the engine path apart when the relay sits under a prefix. */
export function socketTarget(relay: string, namespace: string): { url: string; path: string } {
  const url = new URL(relay);
  const prefix = url.pathname.replace(/\/+$/, '');
  return { url: url.origin + namespace, path: `${prefix}/socket.io` };
}

// Parses and compares URLs by origin, never by substring: the one place the app decides which URLs it trusts.

/** The origin of an http(s) URL without credentials, or null for anything else (bad syntax, file:, javascript:, data:…). */
export function httpOrigin(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // "http://relay@evil.example" goes to evil.example; a URL carrying credentials is never one of ours.
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.hostname === '') return null;
  return parsed.origin;
}

/** The relay's origin from what a producer typed or passed (`--relay=`), or null when it is not a usable http(s) base. */
export function relayOriginFrom(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  // The relay serves pages, sockets and REST from its root: a path, query or fragment would be ignored silently.
  const origin = httpOrigin(trimmed);
  if (origin === null) return null;
  const parsed = new URL(trimmed);
  if ((parsed.pathname !== '/' && parsed.pathname !== '') || parsed.search !== '' || parsed.hash !== '') return null;
  return origin;
}

export function isSameOrigin(url: string, origin: string): boolean {
  const actual = httpOrigin(url);
  return actual !== null && actual === origin;
}

/** A window may only navigate within the relay that served it. */
export function isAllowedNavigation(url: string, relayOrigin: string | null): boolean {
  return relayOrigin !== null && isSameOrigin(url, relayOrigin);
}

/** Links the page asks to open go to the system browser only when they are plain https (no file:, smb:, custom schemes). */
export function isSafeExternal(url: string): boolean {
  const origin = httpOrigin(url);
  return origin !== null && origin.startsWith('https://');
}

/** A show's report page on the relay itself (`/console/report/:show`). */
export function isRelayReport(url: string, relayOrigin: string | null): boolean {
  if (relayOrigin === null || !isSameOrigin(url, relayOrigin)) return false;
  try {
    return /^\/console\/report\/[^/]+\/?$/.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** True when `url` is exactly the local file page `fileUrl` (any query or fragment). */
export function isLocalPage(url: string, fileUrl: string | null): boolean {
  if (fileUrl === null) return false;
  try {
    const a = new URL(url);
    const b = new URL(fileUrl);
    return a.protocol === 'file:' && b.protocol === 'file:' && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

export function consoleUrl(relayOrigin: string, token: string): string {
  return `${relayOrigin}/console#token=${encodeURIComponent(token)}`;
}

export function prompterUrl(relayOrigin: string, showId: string, token: string): string {
  return `${relayOrigin}/prompter/${encodeURIComponent(showId)}#token=${encodeURIComponent(token)}`;
}

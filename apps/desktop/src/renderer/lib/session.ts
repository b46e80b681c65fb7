// Who this page is: the page (console or prompter), the relay it talks to (its own origin) and the token
// from the URL fragment (#token=…), which never reaches a server log.
export type Session =
  | { ok: true; page: 'console' | 'prompter' | 'store' | 'report'; relay: string; token: string; showId?: string }
  | { ok: false; message: string; page: 'console' | 'prompter' | 'store' | 'report' };

export function readSession(location: Pick<Location, 'pathname' | 'hash' | 'origin'>): Session {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = params.get('token') ?? '';
  const prompter = /^\/prompter\/([^/]+)\/?$/.exec(location.pathname);
  const report = /^\/console\/report\/([^/]+)\/?$/.exec(location.pathname);
  const page = prompter ? 'prompter' : report ? 'report' : /^\/console\/store\/?$/.test(location.pathname) ? 'store' : 'console';
  if (!token) {
    if (page === 'store') return { ok: false, page, message: `Connecting a store needs the admin token: open ${location.origin}${location.pathname}#token=YOUR_ADMIN_TOKEN (CUECART_ADMIN_TOKEN, or the one the relay printed at its first start).` };
    return { ok: false, page, message: `This ${page} needs a token: open it as ${location.origin}${location.pathname}#token=YOUR_TOKEN (ask the show admin for a ${page === 'prompter' ? 'host' : 'producer'} token).` };
  }
  const session: Session = { ok: true, page, relay: location.origin, token };
  const showPath = prompter ?? report;
  if (showPath) session.showId = decodeURIComponent(showPath[1]!);
  return session;
}

export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Takes the token out of the address: a `#token=` fragment is moved into this tab's sessionStorage and the URL
 * is replaced without it, so it is not in the address bar, the history or a shared screenshot; a reload finds
 * it in storage. Returns the location to read the session from.
 */
export function adoptToken(
  location: Pick<Location, 'pathname' | 'hash' | 'origin' | 'search'>,
  history: Pick<History, 'replaceState'>,
  storage: TokenStorage | undefined,
): Pick<Location, 'pathname' | 'hash' | 'origin'> {
  const key = `cuecart:token:${location.pathname}`;
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromUrl = params.get('token');
  if (fromUrl) {
    try {
      storage?.setItem(key, fromUrl);
    } catch {
      // Storage blocked: the token lives for this page load only.
    }
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
    return { pathname: location.pathname, origin: location.origin, hash: `#token=${encodeURIComponent(fromUrl)}` };
  }
  let stored: string | null = null;
  try {
    stored = storage?.getItem(key) ?? null;
  } catch {
    stored = null;
  }
  return { pathname: location.pathname, origin: location.origin, hash: stored ? `#token=${encodeURIComponent(stored)}` : location.hash };
}

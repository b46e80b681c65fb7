// Who this page is: the page (console or prompter), the relay it talks to (its own origin) and the token
// from the URL fragment (#token=…), which never reaches a server log.
export type Session =
  | { ok: true; page: 'console' | 'prompter'; relay: string; token: string; showId?: string }
  | { ok: false; message: string };

export function readSession(location: Pick<Location, 'pathname' | 'hash' | 'origin'>): Session {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = params.get('token') ?? '';
  const prompter = /^\/prompter\/([^/]+)\/?$/.exec(location.pathname);
  const page = prompter ? 'prompter' : 'console';
  if (!token) {
    return { ok: false, message: `This ${page} needs a token: open it as ${location.origin}${location.pathname}#token=YOUR_TOKEN (ask the show admin for a ${page === 'prompter' ? 'host' : 'producer'} token).` };
  }
  const session: Session = { ok: true, page, relay: location.origin, token };
  if (prompter) session.showId = decodeURIComponent(prompter[1]!);
  return session;
}

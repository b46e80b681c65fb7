// The app's security rules in one place, installed before anything else runs: sandboxed renderers that may only
// navigate within the relay, no new windows or webviews, a short permission allowlist and a strict CSP.
import type { App, Session, Shell, WebContents } from 'electron';
import { isAllowedNavigation, isRelayReport, isSafeExternal, isSameOrigin } from './url-guard.js';

export interface SecurityPolicy {
  /** The relay the windows load their pages from; null until the producer has connected. */
  relayOrigin: string | null;
}

/** What the console and the prompter need: going fullscreen and copying a link. Camera, microphone, location, notifications… are refused. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen', 'clipboard-sanitized-write']);

/** The CSP Electron adds to the relay's pages, on top of the relay's own (a browser enforces both). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
  // https: as well because the console plays the provider's LL-HLS stream, fetched by hls.js.
  "connect-src 'self' ws: wss: https:",
  "media-src 'self' blob: https:",
  "img-src 'self' https: data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
].join('; ');

export function isPermissionAllowed(permission: string, requestingUrl: string, policy: SecurityPolicy): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && policy.relayOrigin !== null && isSameOrigin(requestingUrl, policy.relayOrigin);
}

type OpenExternal = Pick<Shell, 'openExternal'>;

/** Navigation, redirect, window.open and webview guards for one web contents (every window, every frame host). */
export function guardWebContents(contents: WebContents, policy: SecurityPolicy, shell: OpenExternal): void {
  const denyForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url, policy.relayOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', (event) => denyForeign(event, event.url));
  contents.on('will-redirect', (event) => denyForeign(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Product pages and help links belong in the producer's browser, never in a window of ours; so does a
    // show's report on the relay (the console's Report button), whatever the relay's scheme.
    if (isSafeExternal(url) || isRelayReport(url, policy.relayOrigin)) void Promise.resolve(shell.openExternal(url)).catch(() => undefined);
    return { action: 'deny' };
  });
}

/** Permission handlers and the CSP header for a session; the policy is read on every call, so it follows a relay change. */
export function applySessionPolicy(session: Session, policy: SecurityPolicy): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, policy));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, policy));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const isPage = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    if (!isPage || policy.relayOrigin === null || !isSameOrigin(details.url, policy.relayOrigin)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withCsp(details.responseHeaders ?? {}, CONTENT_SECURITY_POLICY) });
  });
}

/** Adds our policy as one more CSP header value; the relay's own policy stays and both are enforced. */
export function withCsp(headers: Record<string, string[] | string>, csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let key = 'Content-Security-Policy';
  for (const [name, value] of Object.entries(headers)) {
    out[name] = Array.isArray(value) ? [...value] : [value];
    if (name.toLowerCase() === 'content-security-policy') key = name;
  }
  out[key] = [...(out[key] ?? []), csp];
  return out;
}

/**
 * Call before the app is ready: sandboxes every renderer, guards every web contents as it is created and, once ready,
 * installs the session policy on the session `getSession` returns (Electron's default session is only readable then).
 */
export function installSecurity(app: App, shell: OpenExternal, getSession: () => Session, policy: SecurityPolicy): Promise<void> {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, policy, shell));
  return app.whenReady().then(() => applySessionPolicy(getSession(), policy));
}

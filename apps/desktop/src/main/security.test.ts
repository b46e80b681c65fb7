import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { applySessionPolicy, CONTENT_SECURITY_POLICY, guardWebContents, installSecurity, withCsp, type SecurityPolicy } from './security.js';

const RELAY = 'http://127.0.0.1:4455';

type WindowOpenHandler = (details: { url: string }) => { action: string };

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: WindowOpenHandler | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: WindowOpenHandler) => {
      openHandler = handler;
    },
  });
  /** Emits a navigation-style event the way Electron does (the event carries the URL) and says whether it went through. */
  const navigate = (name: 'will-navigate' | 'will-redirect', url: string) => {
    let prevented = false;
    emitter.emit(name, { url, preventDefault: () => (prevented = true) }, url);
    return !prevented;
  };
  return { contents: contents as unknown as WebContents, emitter, navigate, open: (url: string) => openHandler!({ url }) };
}

function guarded(relayOrigin: string | null = RELAY) {
  const policy: SecurityPolicy = { relayOrigin };
  const shell = { openExternal: vi.fn(async () => undefined) };
  const fake = fakeContents();
  guardWebContents(fake.contents, policy, shell);
  return { ...fake, policy, shell };
}

describe('navigation guard', () => {
  it('lets the page move within the relay', () => {
    const { navigate } = guarded();
    expect(navigate('will-navigate', `${RELAY}/prompter/demo#token=x`)).toBe(true);
    expect(navigate('will-redirect', `${RELAY}/console/`)).toBe(true);
  });

  it('stops navigation and redirects to any other origin', () => {
    const { navigate } = guarded();
    expect(navigate('will-navigate', 'https://evil.example/phish')).toBe(false);
    expect(navigate('will-navigate', 'http://127.0.0.1:4455.evil.example/')).toBe(false);
    expect(navigate('will-navigate', 'http://127.0.0.1:9999/console')).toBe(false);
    expect(navigate('will-redirect', 'https://127.0.0.1:4455/console')).toBe(false);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(false);
  });

  it('follows a relay change made after the guard was installed', () => {
    const { navigate, policy } = guarded(null);
    expect(navigate('will-navigate', `${RELAY}/console`)).toBe(false);
    policy.relayOrigin = RELAY;
    expect(navigate('will-navigate', `${RELAY}/console`)).toBe(true);
  });

  it('refuses to attach a webview', () => {
    const { emitter } = guarded();
    const preventDefault = vi.fn();
    emitter.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });
});

describe('window.open', () => {
  it('never opens a window, and hands https links to the system browser', () => {
    const { open, shell } = guarded();
    expect(open('https://shop.example.com/kettle')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://shop.example.com/kettle');
  });

  it("hands the relay's report page to the system browser, even over http, and nothing else of the relay", () => {
    const { open, shell } = guarded();
    expect(open(`${RELAY}/console/report/demo#token=t`)).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith(`${RELAY}/console/report/demo#token=t`);
    shell.openExternal.mockClear();
    expect(open('http://127.0.0.1:9999/console/report/demo')).toEqual({ action: 'deny' });
    expect(open(`${RELAY}/console/report/demo/../../prompter/x`)).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies relay pages too (no second window from the page) and does not open other schemes', () => {
    const { open, shell } = guarded();
    expect(open(`${RELAY}/console`)).toEqual({ action: 'deny' });
    expect(open('file:///C:/Windows/system32/calc.exe')).toEqual({ action: 'deny' });
    expect(open('http://shop.example.com')).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

function fakeSession() {
  const handlers: {
    request?: (wc: unknown, permission: string, cb: (granted: boolean) => void, details: { requestingUrl: string }) => void;
    check?: (wc: unknown, permission: string, origin: string) => boolean;
    headers?: (details: { url: string; resourceType: string; responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void;
    device?: () => boolean;
  } = {};
  const session = {
    setPermissionRequestHandler: (h: typeof handlers.request) => (handlers.request = h),
    setPermissionCheckHandler: (h: typeof handlers.check) => (handlers.check = h),
    setDevicePermissionHandler: (h: typeof handlers.device) => (handlers.device = h),
    webRequest: { onHeadersReceived: (h: typeof handlers.headers) => (handlers.headers = h) },
  };
  const request = (permission: string, requestingUrl: string) => {
    let granted: boolean | undefined;
    handlers.request!({}, permission, (g) => (granted = g), { requestingUrl });
    return granted;
  };
  const headers = (url: string, resourceType: string, responseHeaders?: Record<string, string[]>) => {
    let answer: unknown;
    handlers.headers!({ url, resourceType, ...(responseHeaders ? { responseHeaders } : {}) }, (r) => (answer = r));
    return answer as { responseHeaders?: Record<string, string[]> };
  };
  return { session: session as unknown as Session, handlers, request, headers };
}

describe('session policy', () => {
  const setup = () => {
    const fake = fakeSession();
    applySessionPolicy(fake.session, { relayOrigin: RELAY });
    return fake;
  };

  it('refuses camera, microphone, geolocation and notifications, even to the relay', () => {
    const { request, handlers } = setup();
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'display-capture', 'openExternal']) {
      expect(request(permission, `${RELAY}/console`), permission).toBe(false);
      expect(handlers.check!({}, permission, RELAY), permission).toBe(false);
    }
  });

  it('grants fullscreen to the relay pages only', () => {
    const { request, handlers } = setup();
    expect(request('fullscreen', `${RELAY}/prompter/demo`)).toBe(true);
    expect(handlers.check!({}, 'fullscreen', RELAY)).toBe(true);
    expect(request('fullscreen', 'https://evil.example/')).toBe(false);
    expect(handlers.check!({}, 'fullscreen', 'https://evil.example')).toBe(false);
    expect(request('fullscreen', 'file:///data/connect.html')).toBe(false);
  });

  it('refuses USB, HID and serial devices', () => {
    expect(setup().handlers.device!()).toBe(false);
  });

  it('adds the CSP to the relay pages, keeping the relay own policy', () => {
    const { headers } = setup();
    const answer = headers(`${RELAY}/console`, 'mainFrame', { 'content-security-policy': ["default-src 'self'"], 'content-type': ['text/html'] });
    expect(answer.responseHeaders!['content-security-policy']).toEqual(["default-src 'self'", CONTENT_SECURITY_POLICY]);
    expect(answer.responseHeaders!['content-type']).toEqual(['text/html']);
  });

  it('leaves other origins and non-document responses alone', () => {
    const { headers } = setup();
    expect(headers('https://cdn.example/x.m3u8', 'xhr')).toEqual({});
    expect(headers('https://elsewhere.example/', 'mainFrame')).toEqual({});
    expect(headers(`${RELAY}/console/assets/app.js`, 'script')).toEqual({});
  });
});

describe('CSP', () => {
  it('allows scripts only from the relay, no plugins, no base tag', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
  });

  it('adds a header when the response had none', () => {
    expect(withCsp({ 'Content-Type': 'text/html' }, 'x')).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ['x'] });
  });
});

describe('installSecurity', () => {
  it('sandboxes every renderer and guards each new web contents', async () => {
    const app = Object.assign(new EventEmitter(), { enableSandbox: vi.fn(), whenReady: () => Promise.resolve() });
    const fake = fakeSession();
    await installSecurity(app as unknown as App, { openExternal: vi.fn(async () => undefined) }, () => fake.session, { relayOrigin: RELAY });
    expect(app.enableSandbox).toHaveBeenCalled();
    const contents = fakeContents();
    app.emit('web-contents-created', {}, contents.contents);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(false);
    expect(contents.open('https://x.example')).toEqual({ action: 'deny' });
    expect(fake.request('geolocation', `${RELAY}/console`)).toBe(false);
  });
});

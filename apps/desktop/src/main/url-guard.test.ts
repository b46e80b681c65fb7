import { describe, expect, it } from 'vitest';
import { consoleUrl, httpOrigin, isAllowedNavigation, isLocalPage, isSafeExternal, prompterUrl, relayOriginFrom } from './url-guard.js';

const RELAY = 'http://relay:4455';

describe('isAllowedNavigation', () => {
  it('allows any page of the relay', () => {
    expect(isAllowedNavigation('http://relay:4455/console#token=abc', RELAY)).toBe(true);
    expect(isAllowedNavigation('http://relay:4455/prompter/demo', RELAY)).toBe(true);
    expect(isAllowedNavigation('HTTP://RELAY:4455/console', RELAY)).toBe(true);
  });

  it('denies look-alike hosts that a substring check would let through', () => {
    expect(isAllowedNavigation('http://relay.evil.com:4455/console', RELAY)).toBe(false);
    expect(isAllowedNavigation('http://evil.com/http://relay:4455/', RELAY)).toBe(false);
    expect(isAllowedNavigation('http://evil.com/?next=http://relay:4455', RELAY)).toBe(false);
    expect(isAllowedNavigation('http://relay:4455.evil.com/', RELAY)).toBe(false);
  });

  it('denies URLs with credentials, whose real host is after the @', () => {
    expect(isAllowedNavigation('http://relay@evil', RELAY)).toBe(false);
    expect(isAllowedNavigation('http://relay:4455@evil.com/', RELAY)).toBe(false);
    expect(isAllowedNavigation('http://user:pw@relay:4455/', RELAY)).toBe(false);
  });

  it('denies another port or scheme on the same host', () => {
    expect(isAllowedNavigation('http://relay:4456/console', RELAY)).toBe(false);
    expect(isAllowedNavigation('https://relay:4455/console', RELAY)).toBe(false);
    expect(isAllowedNavigation('http://relay/console', RELAY)).toBe(false);
  });

  it('treats the default port as the same origin', () => {
    expect(isAllowedNavigation('https://relay.example.com:443/console', 'https://relay.example.com')).toBe(true);
  });

  it('denies non-http schemes and garbage', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,hi', 'about:blank', 'chrome://gpu', 'not a url', '']) {
      expect(isAllowedNavigation(url, RELAY)).toBe(false);
    }
  });

  it('denies everything before a relay is known', () => {
    expect(isAllowedNavigation('http://relay:4455/console', null)).toBe(false);
  });
});

describe('isSafeExternal', () => {
  it('opens plain https links', () => {
    expect(isSafeExternal('https://shop.example.com/products/kettle')).toBe(true);
  });

  it('refuses http, local files, custom schemes and credentials', () => {
    for (const url of ['http://shop.example.com', 'file:///C:/Windows/system32/calc.exe', 'smb://host/share', 'ms-settings:', 'javascript:alert(1)', 'https://user@shop.example.com', 'https://']) {
      expect(isSafeExternal(url), url).toBe(false);
    }
  });
});

describe('relayOriginFrom', () => {
  it('accepts a bare origin with or without a trailing slash', () => {
    expect(relayOriginFrom('https://relay.example.com')).toBe('https://relay.example.com');
    expect(relayOriginFrom(' http://127.0.0.1:4455/ ')).toBe('http://127.0.0.1:4455');
    expect(relayOriginFrom('https://Relay.Example.com:443')).toBe('https://relay.example.com');
  });

  it('refuses paths, queries, credentials and other schemes', () => {
    for (const input of ['https://relay.example.com/console', 'https://relay.example.com/?x=1', 'https://u:p@relay.example.com', 'ftp://relay.example.com', 'relay.example.com', '']) {
      expect(relayOriginFrom(input), input).toBeNull();
    }
  });
});

describe('page URLs', () => {
  it('puts the token in the fragment, encoded', () => {
    expect(consoleUrl(RELAY, 'a.b+c/d')).toBe('http://relay:4455/console#token=a.b%2Bc%2Fd');
    expect(prompterUrl(RELAY, 'demo', 'tok')).toBe('http://relay:4455/prompter/demo#token=tok');
    expect(new URLSearchParams(new URL(consoleUrl(RELAY, 'a+b')).hash.slice(1)).get('token')).toBe('a+b');
  });
});

describe('httpOrigin and isLocalPage', () => {
  it('gives null for an origin-less URL', () => {
    expect(httpOrigin('file:///tmp/x.html')).toBeNull();
    expect(httpOrigin('http://a.example/x')).toBe('http://a.example');
  });

  it('matches the connect page by path, ignoring its query', () => {
    expect(isLocalPage('file:///data/connect.html?relay=x', 'file:///data/connect.html')).toBe(true);
    expect(isLocalPage('file:///data/other.html', 'file:///data/connect.html')).toBe(false);
    expect(isLocalPage('http://relay:4455/data/connect.html', 'file:///data/connect.html')).toBe(false);
    expect(isLocalPage('file:///data/connect.html', null)).toBe(false);
  });
});

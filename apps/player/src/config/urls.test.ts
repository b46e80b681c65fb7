import { describe, expect, it } from 'vitest';
import { openableUrl, relayUrl, resolveRelay, safeUrl, socketTarget } from './urls.js';

describe('resolveRelay', () => {
  it('defaults to the origin of the embed script', () => {
    expect(resolveRelay(null, 'https://relay.example:4455/embed.js?v=1')).toBe('https://relay.example:4455');
    expect(resolveRelay('  ', 'https://relay.example/embed.js')).toBe('https://relay.example');
  });
  it('keeps an explicit relay, without a trailing slash', () => {
    expect(resolveRelay('http://127.0.0.1:4455/', 'https://cdn.example/embed.js')).toBe('http://127.0.0.1:4455');
    expect(resolveRelay('https://brand.example/cuecart/', 'https://cdn.example/embed.js')).toBe('https://brand.example/cuecart');
  });
});

describe('safeUrl', () => {
  const relay = 'http://127.0.0.1:4455';
  it('resolves relay paths and keeps http(s) URLs', () => {
    expect(safeUrl('/media/demo/live.m3u8', relay)).toBe('http://127.0.0.1:4455/media/demo/live.m3u8');
    expect(safeUrl('https://cdn.example/a.png', relay)).toBe('https://cdn.example/a.png');
  });
  it('refuses script, data and protocol-relative URLs', () => {
    expect(safeUrl('javascript:alert(1)', relay)).toBeNull();
    expect(safeUrl('data:image/png;base64,AAAA', relay)).toBeNull();
    expect(safeUrl('//evil.example/x.png', relay)).toBeNull();
    expect(safeUrl(undefined, relay)).toBeNull();
  });
  it('joins paths onto the relay', () => {
    expect(relayUrl(relay, '/api/track')).toBe('http://127.0.0.1:4455/api/track');
  });
});

describe('openableUrl', () => {
  it('opens only http(s)', () => {
    expect(openableUrl('https://shop.example/checkout/1')).toBe('https://shop.example/checkout/1');
    expect(openableUrl('javascript:alert(1)')).toBeNull();
    expect(openableUrl('not a url')).toBeNull();
  });
});

describe('socketTarget', () => {
  it('splits the namespace URL from the engine path', () => {
    expect(socketTarget('http://127.0.0.1:4455', '/viewer')).toEqual({ url: 'http://127.0.0.1:4455/viewer', path: '/socket.io' });
    expect(socketTarget('https://b.example/cuecart', '/viewer')).toEqual({ url: 'https://b.example/viewer', path: '/cuecart/socket.io' });
  });
});

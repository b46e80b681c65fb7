import { describe, expect, it } from 'vitest';
import { AllowedOrigin, canonicalOrigin, CreateShowBody } from '@cuecart/shared';
import { embedRefusal, judgeOrigin } from './origins.js';

describe('AllowedOrigin (the schema of a show\'s embed origins)', () => {
  it.each([
    ['https://brand.example', 'https://brand.example'],
    ['HTTPS://Brand.Example', 'https://brand.example'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['https://shop.brand.example:8443', 'https://shop.brand.example:8443'],
    ['https://brand.example:443', 'https://brand.example'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://[::1]:5173', 'http://[::1]:5173'],
    ['  https://brand.example ', 'https://brand.example'],
  ])('accepts %s as %s', (input, canonical) => {
    expect(AllowedOrigin.parse(input)).toBe(canonical);
  });

  it.each([
    'brand.example',
    'https://brand.example/',
    'https://brand.example/shop',
    'https://brand.example?x=1',
    'https://brand.example#top',
    'https://user:pw@brand.example',
    'https://*.brand.example',
    'ftp://brand.example',
    'javascript:alert(1)',
    'null',
    'https://',
    'https://brand.example:99999',
    '',
  ])('refuses %j', (input) => {
    expect(AllowedOrigin.safeParse(input).success).toBe(false);
  });

  it('is what CreateShowBody.allowedOrigins holds, canonicalized', () => {
    const body = CreateShowBody.parse({ title: 'T', catalog: { provider: 'inline', products: [] }, allowedOrigins: ['https://Brand.example:443'] });
    expect(body.allowedOrigins).toEqual(['https://brand.example']);
    expect(CreateShowBody.safeParse({ title: 'T', catalog: { provider: 'inline', products: [] }, allowedOrigins: [] }).success).toBe(false);
    expect(CreateShowBody.parse({ title: 'T', catalog: { provider: 'inline', products: [] } }).allowedOrigins).toBeUndefined();
  });

  it('canonicalOrigin answers undefined rather than throwing', () => {
    expect(canonicalOrigin('http://%zz')).toBeUndefined();
  });
});

describe('judgeOrigin', () => {
  const allowed = ['https://brand.example', 'http://localhost:3000'];
  const relayHost = '127.0.0.1:4455';

  it('lets anything through for a show without allowed origins', () => {
    expect(judgeOrigin('https://evil.example', undefined, relayHost)).toEqual({ kind: 'open' });
  });

  it('lets a request without an Origin through (server to server, curl)', () => {
    expect(judgeOrigin(undefined, allowed, relayHost)).toEqual({ kind: 'open' });
    expect(judgeOrigin('', allowed, relayHost)).toEqual({ kind: 'open' });
  });

  it('allows a listed origin, compared canonically', () => {
    expect(judgeOrigin('https://brand.example', allowed, relayHost)).toEqual({ kind: 'allowed', origin: 'https://brand.example' });
    expect(judgeOrigin('https://BRAND.example:443', allowed, relayHost).kind).toBe('allowed');
    expect(judgeOrigin('http://localhost:3000', allowed, relayHost).kind).toBe('allowed');
  });

  it('allows the relay\'s own pages', () => {
    expect(judgeOrigin('http://127.0.0.1:4455', allowed, relayHost).kind).toBe('allowed');
    expect(judgeOrigin('https://relay.example', allowed, 'relay.example:443').kind).toBe('allowed');
  });

  it.each([
    'https://evil.example',
    'http://brand.example', // another scheme is another origin
    'https://brand.example:8443', // another port too
    'https://brand.example.evil.example', // a suffix is not a match
    'https://evilbrand.example',
    'http://localhost:3001',
    'http://127.0.0.1:4456',
    'null',
    'not a url',
  ])('denies %s', (origin) => {
    expect(judgeOrigin(origin, allowed, relayHost)).toMatchObject({ kind: 'denied', origin, allowed });
  });

  it('names the allowed origins in the refusal', () => {
    expect(embedRefusal(allowed)).toBe('this show can only be embedded on: https://brand.example, http://localhost:3000');
  });
});

import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, type Limits } from './limits.js';
import { apiRateLimit } from './rest-limits.js';

const limits: Limits = { ...LIMITS, rest: { ...LIMITS.rest, api: { perSecond: 1, burst: 3 } } };
let now = 0;
let base = '';
let close: () => void = () => {};

beforeAll(async () => {
  const app = express();
  app.set('trust proxy', 'loopback');
  app.use('/api', apiRateLimit({ limits, clock: () => now }));
  app.get('/api/thing', (_req, res) => res.json({ ok: true }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const get = (ip: string) => fetch(`${base}/api/thing`, { headers: { 'x-forwarded-for': ip } });

describe('apiRateLimit', () => {
  it('answers 429 rate_limited with Retry-After once the burst is spent, then lets the client back', async () => {
    for (let i = 0; i < 3; i++) expect((await get('198.51.100.1')).status).toBe(200);
    const refused = await get('198.51.100.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: 'too many requests from this address: try again in 1 s' } });
    // Another client behind the same trusted proxy has its own bucket.
    expect((await get('198.51.100.2')).status).toBe(200);
    now += 1000;
    expect((await get('198.51.100.1')).status).toBe(200);
  });

  it('lets everything through when limits are off', () => {
    const pass = apiRateLimit({ limits: { ...limits, enabled: false } });
    let passed = 0;
    for (let i = 0; i < 100; i++) pass({} as express.Request, {} as express.Response, () => passed++);
    expect(passed).toBe(100);
  });
});

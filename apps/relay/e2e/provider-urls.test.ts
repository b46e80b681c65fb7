// A show's V100 baseUrl must be public https unless the operator allows private URLs (security review, issue 11
// finding 8): the relay sends the API key there.
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, api, products, removeDataDir, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

const relays: RelayProcess[] = [];
afterAll(async () => {
  for (const r of relays) {
    await r.stop();
    removeDataDir(r.dataDir);
  }
});

const show = (id: string, baseUrl: string) => ({ id, title: id, catalog: { provider: 'inline', products }, transcript: { provider: 'v100', baseUrl, apiKey: 'secret-key', eventId: 'evt_1' } });

describe('POST /api/shows with a V100 transcript', () => {
  it('refuses plain http and loopback, private or link-local addresses', async () => {
    const relay = await startRelay();
    relays.push(relay);
    for (const [baseUrl, why] of [
      ['http://api.v100.example', /must use https/],
      ['https://127.0.0.1:8443', /loopback/],
      ['https://10.0.0.8', /private/],
      ['https://169.254.169.254', /link-local/],
      ['https://localhost', /localhost/],
    ] as const) {
      const res = await api(relay, 'POST', '/api/shows', show('v', baseUrl), ADMIN_TOKEN);
      expect(res.status, baseUrl).toBe(400);
      expect(res.body.error.message).toMatch(why);
      expect(res.body.error.message).toContain('CUECART_ALLOW_PRIVATE_URLS=1');
    }
    expect((await api(relay, 'GET', '/api/shows/v')).status).toBe(404);
  });

  it('takes a private http address when the operator allows it (CUECART_ALLOW_PRIVATE_URLS=1)', async () => {
    const relay = await startRelay({ env: { CUECART_ALLOW_PRIVATE_URLS: '1' } });
    relays.push(relay);
    expect((await api(relay, 'POST', '/api/shows', show('inside', 'http://127.0.0.1:9'), ADMIN_TOKEN)).status).toBe(201);
  });
});

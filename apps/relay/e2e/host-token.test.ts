// The prompter gets a host token minted for the producer's show, never the producer's own (security review,
// issue 11 finding 11): a producer may mint host tokens for its show only, no longer-lived than its own.
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, api, connect, createShow, emitAck } from '@cuecart/testkit/relay';
import { suiteRelay } from '@cuecart/testkit/suite-relay';

const suite = suiteRelay();
let studio: Awaited<ReturnType<typeof createShow>>;
let other: Awaited<ReturnType<typeof createShow>>;
beforeAll(async () => {
  studio = await createShow(suite.relay, 'studio');
  other = await createShow(suite.relay, 'other');
});

const mint = (show: string, body: unknown, token?: string) => api(suite.relay, 'POST', `/api/shows/${show}/tokens`, body, token);

describe('POST /api/shows/:id/tokens with a producer token', () => {
  it('mints a host token for the producer’s own show, which reads the prompter and fires nothing', async () => {
    const res = await mint('studio', { role: 'host' }, studio.producer);
    expect(res).toMatchObject({ status: 201, body: { role: 'host' } });
    const host = await connect(suite.relay, '/host', { token: res.body.token });
    expect((await emitAck(host, 'overlay:get', undefined)).ok).toBe(true);
    expect(await emitAck(host, 'command', { id: 'nope', type: 'clear' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    host.close();
    expect((await api(suite.relay, 'POST', '/api/shows/studio/commands', { id: 'nope', type: 'clear' }, res.body.token)).status).toBe(403);
  });

  it('refuses producer and ingest tokens, another show, and no token at all', async () => {
    for (const role of ['producer', 'ingest']) {
      const res = await mint('studio', { role }, studio.producer);
      expect(res.status, role).toBe(401);
      expect(res.body.error.message).toContain('host tokens only');
    }
    expect((await mint('studio', { role: 'host' }, other.producer)).status).toBe(403);
    expect((await mint('studio', { role: 'host' }, studio.host)).status).toBe(403);
    expect((await mint('studio', { role: 'host' })).status).toBe(401);
    // The admin still mints any role.
    expect((await mint('studio', { role: 'ingest' }, ADMIN_TOKEN)).status).toBe(201);
  });

  it('never outlives the producer token that minted it', async () => {
    const short = (await mint('studio', { role: 'producer', ttlSeconds: 60 }, ADMIN_TOKEN)).body as { token: string; expiresAt: number };
    const host = await mint('studio', { role: 'host', ttlSeconds: 30 * 24 * 3600 }, short.token);
    expect(host.status).toBe(201);
    expect(host.body.expiresAt).toBeLessThanOrEqual(short.expiresAt);
  });
});

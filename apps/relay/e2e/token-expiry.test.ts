// A token's rights end at its exp on an open socket, as they do on REST (security review, issue 11 finding 2).
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, api, connect, createShow, emitAck, next } from './support/relay-process.js';
import { suiteRelay } from './support/suite-relay.js';

const suite = suiteRelay();
beforeAll(async () => {
  await createShow(suite.relay, 'ttl');
});

const shortToken = async (role: 'producer' | 'host') => {
  const res = await api(suite.relay, 'POST', '/api/shows/ttl/tokens', { role, ttlSeconds: 2 }, ADMIN_TOKEN);
  expect(res.status).toBe(201);
  return res.body as { token: string; expiresAt: number };
};

describe('an expired token on an open socket', () => {
  it("ends a producer's rights at its exp: told why, disconnected, and no command or cue gets through after", async () => {
    const { token, expiresAt } = await shortToken('producer');
    const producer = await connect(suite.relay, '/producer', { token });
    expect(await emitAck(producer, 'command', { id: 'before', type: 'banner', text: 'hello' })).toMatchObject({ ok: true });
    const told = next(producer, 'session:expired', () => true, 4000);
    const gone = new Promise<string>((resolve) => producer.once('disconnect', resolve));
    expect(await told).toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/producer session expired at .*new producer token/) });
    expect(await gone).toBe('io server disconnect');
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 50);
    // The same token cannot come back, and REST agrees.
    await expect(connect(suite.relay, '/producer', { token })).rejects.toMatchObject({ data: { code: 'unauthorized' } });
    expect((await api(suite.relay, 'POST', '/api/shows/ttl/commands', { id: 'after', type: 'clear' }, token)).status).toBe(401);
    const snapshot = (await api(suite.relay, 'GET', '/api/shows/ttl')).body;
    expect(snapshot.status).toBeDefined();
  });

  it("ends a host's prompter connection at its exp too", async () => {
    const { token } = await shortToken('host');
    const host = await connect(suite.relay, '/host', { token });
    expect(await next(host, 'session:expired', () => true, 4000)).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('open the prompter') });
    await expect.poll(() => host.connected).toBe(false);
  });
});

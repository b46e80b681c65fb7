// A token's rights end at its exp on an open socket, as they do on REST (security review, issue 11 finding 2).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Activity, Cue } from '@cuecart/shared';
import { ADMIN_TOKEN, api, connect, createShow, emitAck, mintToken, next, record, sleep } from '@cuecart/testkit/relay';
import { suiteRelay } from '@cuecart/testkit/suite-relay';

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

  it('lets no command or cue of a producer socket land after its exp, however fast it keeps firing', async () => {
    const watcher = await connect(suite.relay, '/producer', { token: await mintToken(suite.relay, 'ttl', 'producer', 'watcher') });
    const host = await connect(suite.relay, '/host', { token: await mintToken(suite.relay, 'ttl', 'host', 'watching-host') });
    const activity = record<Activity[]>(watcher, 'activity');
    const cues = record<Cue>(host, 'cue');
    const short = await api(suite.relay, 'POST', '/api/shows/ttl/tokens', { role: 'producer', name: 'short-lived', ttlSeconds: 2 }, ADMIN_TOKEN);
    const { token, expiresAt } = short.body as { token: string; expiresAt: number };
    const producer = await connect(suite.relay, '/producer', { token });
    const told = record(producer, 'session:expired');
    // Within the rate limits, until the relay cuts it off (or well past its exp).
    let n = 0;
    const firing = setInterval(() => {
      n += 1;
      producer.emit('command', { id: `late-${n}`, type: 'banner', text: `banner ${n}` }, () => {});
      producer.emit('cue', { id: `cue-${n}`, text: `cue ${n}` }, () => {});
    }, 120);
    try {
      await expect.poll(() => !producer.connected || Date.now() > expiresAt + 1500, { timeout: 6000 }).toBe(true);
    } finally {
      clearInterval(firing);
    }
    const mine = () => activity.flat().filter((a) => a.by === 'short-lived');
    const itsCues = () => cues.filter((c) => c.from === 'short-lived');
    // It could act while its token was good (a busy machine may deliver that late), and nothing it sent took
    // effect at or after its exp.
    await expect.poll(() => mine().length, { timeout: 3000 }).toBeGreaterThan(0);
    await expect.poll(() => itsCues().length, { timeout: 3000 }).toBeGreaterThan(0);
    await sleep(300);
    expect(mine().filter((a) => a.at >= expiresAt)).toEqual([]);
    expect(itsCues().filter((c) => c.at >= expiresAt)).toEqual([]);
    expect(told).toEqual([expect.objectContaining({ code: 'unauthorized' })]);
    expect(producer.connected).toBe(false);
    watcher.close();
    host.close();
  });

  it("ends a host's prompter connection at its exp too", async () => {
    const { token } = await shortToken('host');
    const host = await connect(suite.relay, '/host', { token });
    expect(await next(host, 'session:expired', () => true, 4000)).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('open the prompter') });
    await expect.poll(() => host.connected).toBe(false);
  });
});

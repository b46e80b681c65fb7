import { describe, expect, it, vi } from 'vitest';
import { mintHostToken, type FetchLike } from './host-token.js';

describe('mintHostToken', () => {
  it("asks the relay for a host token of the show with the producer's token, and returns it", async () => {
    const fetchFn = vi.fn<FetchLike>(async () => ({ ok: true, status: 201, json: async () => ({ token: 'host-tok', role: 'host' }) }));
    expect(await mintHostToken(fetchFn, 'https://relay.example', 'spring show', 'producer-tok')).toBe('host-tok');
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe('https://relay.example/api/shows/spring%20show/tokens');
    expect(init).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer producer-tok' }, body: JSON.stringify({ role: 'host' }) });
  });

  it('says why when the relay refuses', async () => {
    const fetchFn: FetchLike = async () => ({ ok: false, status: 401, json: async () => ({ error: { code: 'unauthorized', message: 'the token has expired' } }) });
    await expect(mintHostToken(fetchFn, 'https://r', 's', 'p')).rejects.toThrow(/host token: the token has expired/);
  });
});

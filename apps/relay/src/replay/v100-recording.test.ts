import { describe, expect, it, vi } from 'vitest';
import { RECHECK_MS, V100Recordings } from './v100-recording.js';

const spec = { provider: 'v100' as const, baseUrl: 'https://api.v100.test/', apiKey: 'k-1', eventId: 'evt 1' };
const logger = { warn: vi.fn(), info: vi.fn(), error: vi.fn(), debug: vi.fn() } as never;
const answer = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe("a V100 show's recording", () => {
  it('asks the live event with the key, keeps a ready recording, and asks again only every 30 s before that', async () => {
    let now = 1_000_000;
    const fetch = vi.fn(async () => answer({ id: 'evt 1', recording: { status: 'processing' } }));
    const recordings = new V100Recordings(fetch as never, logger, () => now);
    expect(await recordings.of('s', spec)).toBeNull();
    expect(fetch).toHaveBeenCalledWith('https://api.v100.test/v1/live/evt%201', expect.objectContaining({ headers: expect.objectContaining({ authorization: 'Bearer k-1' }) }));
    now += RECHECK_MS - 1;
    expect(await recordings.of('s', spec)).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(1);
    fetch.mockImplementation(async () => answer({ recording: { status: 'ready', hls_url: 'https://cdn.v100.test/evt1/vod.m3u8', duration_ms: 3_600_000 } }));
    now += 1;
    expect(await recordings.of('s', spec)).toEqual({ url: 'https://cdn.v100.test/evt1/vod.m3u8', durationMs: 3_600_000 });
    expect(await recordings.of('s', spec)).toEqual({ url: 'https://cdn.v100.test/evt1/vod.m3u8', durationMs: 3_600_000 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('gives none for an event it cannot read, a failure, an odd URL or no event id, without throwing', async () => {
    const cases: (() => Promise<Response>)[] = [
      async () => answer({ error: { code: 'unauthorized' } }, 401),
      async () => answer({ recording: { status: 'ready', hls_url: 'javascript:alert(1)' } }),
      async () => answer('not json at all'),
      async () => {
        throw new Error('ECONNREFUSED');
      },
    ];
    for (const impl of cases) expect(await new V100Recordings(vi.fn(impl) as never, logger).of('s', spec)).toBeNull();
    const fetch = vi.fn();
    expect(await new V100Recordings(fetch as never, logger).of('s', { ...spec, eventId: undefined })).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});

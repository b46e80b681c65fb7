// The provider agent checks every connection it makes, not only the URL a source was given: a redirect to a
// literal private IP (which needs no DNS lookup) must not get through either.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetch as undiciFetch } from 'undici';
import { NonPublicAddressError, publicAgent } from './guarded-fetch.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A local server that counts the requests that reach it. */
async function listen(): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  server = createServer((_req, res) => {
    hits++;
    res.end('inside');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, hits: () => hits };
}

describe('the provider agent', () => {
  it('refuses to connect to a literal loopback IP, whatever URL led there (e.g. a redirect)', async () => {
    const inside = await listen();
    const error = await undiciFetch(inside.url, { dispatcher: publicAgent() }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect((error as { cause?: unknown } | undefined)?.cause).toBeInstanceOf(NonPublicAddressError);
    expect(String((error as { cause: Error }).cause.message)).toMatch(/127\.0\.0\.1 is loopback/);
    expect(inside.hits()).toBe(0);
  });

  it('refuses a host name that resolves to loopback at connect time', async () => {
    const inside = await listen();
    const error = await undiciFetch(inside.url.replace('127.0.0.1', 'localhost'), { dispatcher: publicAgent() }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect((error as { cause?: unknown } | undefined)?.cause).toBeInstanceOf(NonPublicAddressError);
    expect(inside.hits()).toBe(0);
  });
});

import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RelayContext } from '../context.js';
import { AddressCap } from '../limits/address-cap.js';
import { viewerHandshake } from './handshake.js';

const ADDRESS = '203.0.113.9';
let http: HttpServer | undefined;
let server: Server | undefined;
const clients: ClientSocket[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  http = undefined;
});

/** A /viewer namespace whose show lookup waits until `release()`: the moment a flaky client may hang up. */
async function relayWithSlowLookup(cap: AddressCap) {
  let release = () => {};
  let asked = false;
  const lookup = new Promise<object>((resolve) => (release = () => resolve({})));
  const ctx = {
    config: { trustProxy: 'loopback' },
    origins: { judge: () => ({ kind: 'open' }) },
    authority: { ensure: () => ((asked = true), lookup) },
  } as unknown as RelayContext;
  http = createServer();
  server = new Server(http);
  const viewer = server.of('/viewer');
  viewer.use(viewerHandshake(ctx, cap));
  await new Promise<void>((resolve) => http!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/viewer`;
  const open = () => {
    const c = connectClient(url, { auth: { show: 's' }, transports: ['websocket'], extraHeaders: { 'x-forwarded-for': ADDRESS }, reconnection: false, forceNew: true });
    clients.push(c);
    return c;
  };
  return { open, release, asked: () => asked, engineClients: () => server!.engine.clientsCount, viewer };
}

describe('viewerHandshake', () => {
  it("frees the address's place of a viewer that hung up while its show was being looked up", async () => {
    const cap = new AddressCap(200);
    const relay = await relayWithSlowLookup(cap);
    const flaky = relay.open();
    await vi.waitFor(() => expect(relay.asked()).toBe(true));
    flaky.close();
    await vi.waitFor(() => expect(relay.engineClients()).toBe(0));
    relay.release();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cap.count(ADDRESS)).toBe(0);

    // A viewer that stays holds its place, and gives it back when it leaves.
    const stays = relay.open();
    await vi.waitFor(() => expect(stays.connected).toBe(true));
    expect(cap.count(ADDRESS)).toBe(1);
    stays.close();
    await vi.waitFor(() => expect(cap.count(ADDRESS)).toBe(0));
  });
});

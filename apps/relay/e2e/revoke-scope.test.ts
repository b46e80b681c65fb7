// Revoking by token id acts on the show in the path only (security review, issue 11 finding 13).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, api, createShow, removeDataDir, startRelay, type RelayProcess } from './support/relay-process.js';

let relay: RelayProcess;
beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  expect(await relay.stop()).toBe(0);
  removeDataDir(relay.dataDir);
});

const jtiOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { jti: string }).jti;

describe('POST /api/shows/:id/tokens/revoke { jti }', () => {
  it("does not revoke another show's token with that jti, and still revokes the show's own", async () => {
    const a = await createShow(relay, 'show-a');
    const b = await createShow(relay, 'show-b');
    const command = (show: string, token: string, id: string) => api(relay, 'POST', `/api/shows/${show}/commands`, { id, type: 'clear' }, token);
    expect((await api(relay, 'POST', '/api/shows/show-a/tokens/revoke', { jti: jtiOf(b.producer) }, ADMIN_TOKEN)).status).toBe(200);
    expect((await command('show-b', b.producer, 'c-1')).status).toBe(200);
    // Across a restart too (the revocation list is rebuilt from SQLite).
    await relay.stop();
    relay = await startRelay({ dataDir: relay.dataDir });
    expect((await command('show-b', b.producer, 'c-2')).status).toBe(200);
    expect((await api(relay, 'POST', '/api/shows/show-a/tokens/revoke', { jti: jtiOf(a.producer) }, ADMIN_TOKEN)).status).toBe(200);
    expect((await command('show-a', a.producer, 'c-3')).body.error.message).toContain('revoked');
  });
});

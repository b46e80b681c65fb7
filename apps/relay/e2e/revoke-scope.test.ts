// Revoking by token id acts on the show in the path only (security review, issue 11 finding 13).
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, api, createShow } from '@cuecart/testkit/relay';
import { suiteRelay } from '@cuecart/testkit/suite-relay';

const suite = suiteRelay();

const jtiOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { jti: string }).jti;

describe('POST /api/shows/:id/tokens/revoke { jti }', () => {
  it("does not revoke another show's token with that jti, and still revokes the show's own", async () => {
    const a = await createShow(suite.relay, 'show-a');
    const b = await createShow(suite.relay, 'show-b');
    const command = (show: string, token: string, id: string) => api(suite.relay, 'POST', `/api/shows/${show}/commands`, { id, type: 'clear' }, token);
    expect((await api(suite.relay, 'POST', '/api/shows/show-a/tokens/revoke', { jti: jtiOf(b.producer) }, ADMIN_TOKEN)).status).toBe(200);
    expect((await command('show-b', b.producer, 'c-1')).status).toBe(200);
    // Across a restart too (the revocation list is rebuilt from SQLite).
    await suite.restart();
    expect((await command('show-b', b.producer, 'c-2')).status).toBe(200);
    expect((await api(suite.relay, 'POST', '/api/shows/show-a/tokens/revoke', { jti: jtiOf(a.producer) }, ADMIN_TOKEN)).status).toBe(200);
    expect((await command('show-a', a.producer, 'c-3')).body.error.message).toContain('revoked');
  });
});

// File catalogs through POST /api/shows: only from the relay's catalog directory, and an error never quotes a
// file (security review, issue 11 finding 7).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, api, products } from '@cuecart/testkit/relay';
import { suiteRelay } from '@cuecart/testkit/suite-relay';

const suite = suiteRelay();

const create = (id: string, path: string) => api(suite.relay, 'POST', '/api/shows', { id, title: id, catalog: { provider: 'file', path } }, ADMIN_TOKEN);

describe('POST /api/shows with a file catalog', () => {
  it('refuses /etc/passwd and traversal out of the catalog directory, quoting nothing of them', async () => {
    for (const path of ['/etc/passwd', '../secret', '../../../../../../etc/passwd']) {
      const res = await create('nope', path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.message).toMatch(/outside the catalog directory/);
      expect(JSON.stringify(res.body)).not.toMatch(/root:|CUECART|secret[^"]*"[^"]*[a-f0-9]{20}/);
    }
    // The relay's own secrets sit in the data dir, next to the catalog directory: not readable either.
    const secret = await create('nope', '../secret');
    expect(secret.body.error.message).not.toMatch(/not JSON|valid catalog/);
  });

  it('answers a non-JSON file or a symlink out of the directory without quoting the file or the parser', async () => {
    const dir = join(suite.relay.dataDir, 'catalogs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'notes.json'), 'root:x:0:0:root:/root:/bin/bash\n');
    symlinkSync('/etc/passwd', join(dir, 'passwd.json'));
    const notJson = await create('nope', 'notes.json');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toMatch(/"notes\.json" is not JSON/);
    const link = await create('nope', 'passwd.json');
    expect(link.body.error.message).toMatch(/outside the catalog directory/);
    for (const res of [notJson, link]) expect(JSON.stringify(res.body)).not.toMatch(/root|Unexpected token|position/);
  });

  it('reads a catalog put in the catalog directory (the data dir’s catalogs/ by default)', async () => {
    const dir = join(suite.relay.dataDir, 'catalogs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'spring.json'), JSON.stringify({ products }));
    const res = await create('spring', 'spring.json');
    expect(res).toMatchObject({ status: 201, body: { id: 'spring', catalog: { provider: 'file', productCount: products.length } } });
  });
});

import { describe, expect, it } from 'vitest';
import { publicLookup, NonPublicAddressError, providerFetch } from './guarded-fetch.js';
import { checkProviderUrl, nonPublicReason } from './public-address.js';

describe('nonPublicReason', () => {
  it('refuses loopback, private, link-local, CGNAT, unique-local, unspecified and mapped forms of them', () => {
    for (const ip of [
      '127.0.0.1',
      '127.255.0.9',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '::ffff:a00:1',
      '64:ff9b::a00:1',
      '2002:a00:1::1',
    ]) {
      expect(nonPublicReason(ip), ip).toBeDefined();
    }
  });

  it('refuses the IPv4-compatible, site-local, local NAT64, discard and documentation ranges too', () => {
    for (const ip of ['::127.0.0.1', '::a00:1', 'fec0::1', '64:ff9b:1::a00:1', '100::1', '192.0.0.8', '192.0.2.1', '198.51.100.7', '203.0.113.9', '255.255.255.255']) {
      expect(nonPublicReason(ip), ip).toBeDefined();
    }
  });

  it('lets public addresses through', () => {
    for (const ip of ['8.8.8.8', '192.0.43.10', '172.32.0.1', '100.128.0.1', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(nonPublicReason(ip), ip).toBeUndefined();
  });
});

describe('checkProviderUrl', () => {
  it('requires https and refuses literal non-public hosts and localhost, unless the operator allows private URLs', () => {
    expect(checkProviderUrl('http://api.v100.example', false)).toMatch(/must use https/);
    expect(checkProviderUrl('https://127.0.0.1:8443', false)).toMatch(/loopback/);
    expect(checkProviderUrl('https://[::1]/', false)).toMatch(/loopback/);
    expect(checkProviderUrl('https://10.0.0.5', false)).toMatch(/private/);
    expect(checkProviderUrl('https://169.254.169.254/latest', false)).toMatch(/link-local/);
    expect(checkProviderUrl('https://localhost:9000', false)).toMatch(/localhost/);
    expect(checkProviderUrl('https://localhost./', false)).toMatch(/localhost/);
    expect(checkProviderUrl('https://api.v100.example', false)).toBeUndefined();
    expect(checkProviderUrl('http://127.0.0.1:9', true)).toBeUndefined();
    expect(checkProviderUrl('ftp://x', true)).toMatch(/http/);
  });
});

describe('the provider fetch', () => {
  it('refuses a host name that resolves to a non-public address, at lookup time', async () => {
    const error = await new Promise<unknown>((resolve) => publicLookup('localhost', {}, (err) => resolve(err)));
    expect(error).toBeInstanceOf(NonPublicAddressError);
    expect((error as Error).message).toMatch(/localhost resolves to loopback/);
  });

  it('never sends a request to a refused URL', async () => {
    await expect(providerFetch(false)('http://127.0.0.1:9/v1/live', { method: 'POST', headers: { authorization: 'Bearer key' } })).rejects.toBeInstanceOf(NonPublicAddressError);
    await expect(providerFetch(false)('https://10.0.0.1/v1/live')).rejects.toThrow(/private/);
  });
});

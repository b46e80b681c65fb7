import { describe, expect, it } from 'vitest';
import { AddressCap } from './address-cap.js';
import type { IncomingMessage } from 'node:http';
import { compileTrustProxy, socketAddress } from './client-address.js';

describe('AddressCap', () => {
  it('admits up to max sockets per address and frees a place when one closes', () => {
    const cap = new AddressCap(2);
    expect(cap.admit('203.0.113.5')).toBe(true);
    expect(cap.admit('203.0.113.5')).toBe(true);
    expect(cap.admit('203.0.113.5')).toBe(false);
    expect(cap.admit('203.0.113.6')).toBe(true);
    cap.release('203.0.113.5');
    expect(cap.admit('203.0.113.5')).toBe(true);
    // One IPv6 subscriber's /64 is one address.
    expect(cap.admit('2001:db8:1:2::1')).toBe(true);
    expect(cap.admit('2001:db8:1:2::ffff')).toBe(true);
    expect(cap.admit('2001:db8:1:2:3::9')).toBe(false);
  });
});

describe('socketAddress', () => {
  const request = (peer: string, forwardedFor?: string) => ({ socket: { remoteAddress: peer }, connection: { remoteAddress: peer }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as IncomingMessage;

  it('reads X-Forwarded-For only from trusted proxies, as Express does, and none for the relay’s own machine', () => {
    const loopback = compileTrustProxy('loopback');
    expect(socketAddress(request('198.51.100.7', '203.0.113.1'), loopback)).toBe('198.51.100.7');
    expect(socketAddress(request('127.0.0.1', '10.0.0.1, 203.0.113.9'), loopback)).toBe('203.0.113.9');
    expect(socketAddress(request('::ffff:127.0.0.1', '203.0.113.4'), loopback)).toBe('203.0.113.4');
    expect(socketAddress(request('::1'), loopback)).toBeUndefined();
    // A load balancer on another host, named by the operator (CUECART_TRUST_PROXY=10.0.0.0/8).
    const lan = compileTrustProxy('loopback, 10.0.0.0/8');
    expect(socketAddress(request('10.0.0.2', '203.0.113.20'), lan)).toBe('203.0.113.20');
    expect(socketAddress(request('10.0.0.2', '203.0.113.20'), loopback)).toBe('10.0.0.2');
  });
});

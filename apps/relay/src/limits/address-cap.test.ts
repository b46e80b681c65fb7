import { describe, expect, it } from 'vitest';
import { AddressCap } from './address-cap.js';
import { socketAddress } from './client-address.js';

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
  it('takes the address the loopback proxy saw, the peer otherwise, and none for the relay’s own machine', () => {
    expect(socketAddress('198.51.100.7', '203.0.113.1')).toBe('198.51.100.7');
    expect(socketAddress('127.0.0.1', '10.0.0.1, 203.0.113.9')).toBe('203.0.113.9');
    expect(socketAddress('::ffff:127.0.0.1', ['203.0.113.4'])).toBe('203.0.113.4');
    expect(socketAddress('::1', undefined)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { clientKey } from './client-address.js';
import { LIMITS, limitsFromEnv, retryAfterSeconds } from './limits.js';
import { eventClass } from './socket-limits.js';

describe('limitsFromEnv', () => {
  it('is on by default and off with CUECART_RATE_LIMITS=off', () => {
    expect(limitsFromEnv({}).enabled).toBe(true);
    expect(limitsFromEnv({ CUECART_RATE_LIMITS: '' }).enabled).toBe(true);
    expect(limitsFromEnv({ CUECART_RATE_LIMITS: 'on' }).enabled).toBe(true);
    expect(limitsFromEnv({ CUECART_RATE_LIMITS: 'OFF' }).enabled).toBe(false);
    expect(LIMITS.enabled).toBe(true);
  });

  it('refuses a value it does not know', () => {
    expect(() => limitsFromEnv({ CUECART_RATE_LIMITS: 'sometimes' })).toThrow(/CUECART_RATE_LIMITS must be "on" or "off"/);
  });
});

describe('retryAfterSeconds', () => {
  it('rounds up to whole seconds, at least one', () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1001)).toBe(2);
    expect(retryAfterSeconds(Number.POSITIVE_INFINITY)).toBe(60);
  });
});

describe('clientKey', () => {
  it('keys IPv4 (mapped or not) by address and IPv6 by its /64', () => {
    expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey(undefined)).toBe('unknown');
  });
});

describe('eventClass', () => {
  it('gives known events their own class and everything else "other"', () => {
    expect(eventClass('command')).toBe('command');
    expect(eventClass('overlay:get')).toBe('overlay:get');
    expect(eventClass('link:ping')).toBe('link:ping');
    expect(eventClass('__proto__')).toBe('other');
    expect(eventClass(42)).toBe('other');
  });
});

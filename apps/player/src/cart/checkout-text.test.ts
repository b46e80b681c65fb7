import { describe, expect, it } from 'vitest';
import { checkoutProblem, orderReference } from './cart-drawer.js';

describe('the checkout form says what to fix', () => {
  it('names the missing or broken part', () => {
    expect(checkoutProblem('', 'ada@example.com', true)).toBe('Please enter your name.');
    expect(checkoutProblem('Ada', ' ', false)).toMatch(/Please enter your email/);
    expect(checkoutProblem('Ada', 'ada.example.com', false)).toBe('“ada.example.com” is missing the @: an email looks like name@example.com.');
    expect(checkoutProblem('Ada', 'ada@', false)).toBe('“ada@” is missing its domain after the @ (like example.com).');
    expect(checkoutProblem('Ada', 'ada@localhost', true)).toMatch(/missing its domain/);
    expect(checkoutProblem('Ada', 'ada@example.com', true)).toBeNull();
  });
  it('reads an order id as a short reference', () => {
    expect(orderReference('ord_1796327486298.k3f9x2q')).toBe('#3F9X2Q');
    expect(orderReference('--')).toBe('#--');
  });
});

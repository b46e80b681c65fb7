import { describe, expect, it } from 'vitest';
import { formatMoney } from './money.js';

describe('formatMoney', () => {
  it('writes money in the locale with the currency’s symbol, and stays readable for an unknown currency', () => {
    expect(formatMoney({ amount: '49.00', currencyCode: 'USD' }, { locale: 'en-US' })).toBe('$49.00');
    expect(formatMoney({ amount: '49.5', currencyCode: 'EUR' }, { locale: 'de-DE' })).toBe('49,50\u00a0€');
    expect(formatMoney({ amount: '1200', currencyCode: 'JPY' }, { locale: 'en-US' })).toBe('¥1,200');
    expect(formatMoney({ amount: '5.00', currencyCode: 'ZZZ1' as string }, { locale: 'en-US' })).toBe('5.00 ZZZ1');
  });

  it('drops the cents of a whole amount only when asked (the prompter)', () => {
    expect(formatMoney({ amount: '99.00', currencyCode: 'USD' }, { locale: 'en-US', dropWholeCents: true })).toBe('$99');
    expect(formatMoney({ amount: '99.50', currencyCode: 'USD' }, { locale: 'en-US', dropWholeCents: true })).toBe('$99.50');
    expect(formatMoney({ amount: '99.00', currencyCode: 'USD' }, { locale: 'en-US' })).toBe('$99.00');
  });
});

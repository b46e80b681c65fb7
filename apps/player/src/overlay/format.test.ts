import { describe, expect, it } from 'vitest';
import { cardSpeech, effectivePrice, formatCountdown, formatMoney, isRunning } from './format.js';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

describe('formatMoney', () => {
  it('formats by currency code', () => {
    expect(formatMoney(usd('49.00'), 'en-US')).toBe('$49.00');
    expect(formatMoney({ amount: '1200', currencyCode: 'JPY' }, 'en-US')).toBe('¥1,200');
  });
  it('falls back to plain text for an unknown currency', () => {
    expect(formatMoney({ amount: '5.00', currencyCode: 'ZZ1' }, 'en-US')).toBe('5.00 ZZ1');
  });
});

describe('formatCountdown', () => {
  it('counts down and hides at zero', () => {
    expect(formatCountdown(299_001)).toBe('5:00');
    expect(formatCountdown(61_000)).toBe('1:01');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(0)).toBeNull();
    expect(formatCountdown(-5)).toBeNull();
  });
});

describe('effectivePrice', () => {
  const card = { price: usd('40.00'), compareAtPrice: usd('60.00') };
  it('strikes the compare-at price', () => {
    expect(effectivePrice(card, 0)).toEqual({ price: usd('40.00'), was: usd('60.00') });
  });
  it('uses a running offer price and strikes the list price', () => {
    const offered = { ...card, offer: { text: 'Live deal', price: usd('30.00'), endsAt: 1000 } };
    expect(effectivePrice(offered, 999)).toEqual({ price: usd('30.00'), was: usd('40.00') });
    expect(effectivePrice(offered, 1000)).toEqual({ price: usd('40.00'), was: usd('60.00') });
  });
  it('knows when an end has passed', () => {
    expect(isRunning(undefined, 5)).toBe(true);
    expect(isRunning(10, 9)).toBe(true);
    expect(isRunning(10, 10)).toBe(false);
  });
});

describe('cardSpeech', () => {
  const card = { title: 'Pour-Over Kettle', price: usd('89.00'), compareAtPrice: usd('109.00'), available: true };
  it('says the price and the one it replaces, with "was"', () => {
    expect(cardSpeech(card, 0, 'en-US')).toBe('On screen: Pour-Over Kettle, $89.00, was $109.00');
    expect(cardSpeech({ ...card, compareAtPrice: undefined }, 0, 'en-US')).toBe('On screen: Pour-Over Kettle, $89.00');
  });
  it('says a running offer and its price, and sold out', () => {
    const offered = { ...card, offer: { text: 'Today only', price: usd('79.00'), endsAt: 1000 }, available: false };
    expect(cardSpeech(offered, 999, 'en-US')).toBe('On screen: Pour-Over Kettle, $79.00, was $89.00, Today only, sold out');
    expect(cardSpeech(offered, 1000, 'en-US')).toBe('On screen: Pour-Over Kettle, $89.00, was $109.00, sold out');
  });
});

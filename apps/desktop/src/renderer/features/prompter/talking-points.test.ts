import { describe, expect, it } from 'vitest';
import { compareAtText, formatMoney, LOW_STOCK, shortDescription, stockOf } from './talking-points.js';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

describe('talking points', () => {
  it('formats prices in the currency, with the locale', () => {
    expect(formatMoney(usd('89.00'), 'en-US')).toBe('$89');
    expect(formatMoney(usd('28.5'), 'en-US')).toBe('$28.50');
    expect(formatMoney({ amount: '1299.5', currencyCode: 'EUR' }, 'de-DE')).toBe('1.299,50\u00a0€');
    expect(formatMoney({ amount: '5000', currencyCode: 'JPY' }, 'en-US')).toBe('¥5,000');
  });

  it('still reads an unknown currency code', () => {
    expect(formatMoney({ amount: '12.00', currencyCode: 'ZZZZ' as string }, 'en-US')).toBe('12.00 ZZZZ');
  });

  it('says "was" only when the compare-at price is higher, in the same currency', () => {
    expect(compareAtText({ price: usd('89.00'), compareAtPrice: usd('109.00') }, 'en-US')).toBe('was $109');
    expect(compareAtText({ price: usd('89.00') }, 'en-US')).toBeNull();
    expect(compareAtText({ price: usd('89.00'), compareAtPrice: usd('89.00') }, 'en-US')).toBeNull();
    expect(compareAtText({ price: usd('89.00'), compareAtPrice: usd('79.00') }, 'en-US')).toBeNull();
    expect(compareAtText({ price: usd('89.00'), compareAtPrice: { amount: '109.00', currencyCode: 'EUR' } }, 'en-US')).toBeNull();
  });

  it('tells the stock the way a host says it', () => {
    expect(stockOf({ available: true })).toEqual({ text: 'In stock', tone: 'ok' });
    expect(stockOf({ available: true, inventory: 250 })).toEqual({ text: 'In stock', tone: 'ok' });
    expect(stockOf({ available: true, inventory: LOW_STOCK })).toEqual({ text: `Only ${LOW_STOCK} left`, tone: 'low' });
    expect(stockOf({ available: true, inventory: 1 })).toEqual({ text: 'Only 1 left', tone: 'low' });
    expect(stockOf({ available: true, inventory: 0 })).toEqual({ text: 'Sold out', tone: 'out' });
    expect(stockOf({ available: false, inventory: 40 })).toEqual({ text: 'Sold out', tone: 'out' });
  });

  it('shortens long descriptions at a word and keeps short ones whole', () => {
    expect(shortDescription(undefined)).toBeNull();
    expect(shortDescription('   ')).toBeNull();
    expect(shortDescription('Gooseneck kettle,\n  0.9 L.')).toBe('Gooseneck kettle, 0.9 L.');
    const long = 'Conical steel burrs with forty click settings, a folding handle, and a travel pouch, made to last for years';
    const short = shortDescription(long, 60)!;
    expect(short.endsWith('…')).toBe(true);
    expect(short.length).toBeLessThanOrEqual(61);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(short).toBe('Conical steel burrs with forty click settings, a folding…');
  });
});

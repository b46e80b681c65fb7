import { describe, expect, it } from 'vitest';
import { formatElapsed, safeImageUrl, stockOf } from './format.js';

describe('format helpers', () => {
  it('accepts only http(s) and relay-path images', () => {
    expect(safeImageUrl('https://cdn.example/a.jpg')).toBe('https://cdn.example/a.jpg');
    expect(safeImageUrl('/demo/images/a.svg')).toBe('/demo/images/a.svg');
    expect(safeImageUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeImageUrl('data:image/png;base64,xx')).toBeUndefined();
    expect(safeImageUrl('//evil.example/a.png')).toBeUndefined();
  });
  it('describes stock', () => {
    expect(stockOf({ available: false }).text).toBe('Sold out');
    expect(stockOf({ available: true, inventory: 3 })).toEqual({ level: 'low', text: '3 left' });
    expect(stockOf({ available: true })).toEqual({ level: 'ok', text: 'In stock' });
  });
  it('formats elapsed time', () => {
    expect(formatElapsed(0, 75_000)).toBe('1:15');
    expect(formatElapsed(0, 3_675_000)).toBe('1:01:15');
  });
});

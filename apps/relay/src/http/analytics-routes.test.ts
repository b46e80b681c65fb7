import { describe, expect, it } from 'vitest';
import { productsCsv } from './analytics-routes.js';

const row = (productId: string) => ({ productId, screenTimeMs: 1, impressions: 2, clicks: 1, ctr: 0.5, addToCarts: 1, orders: 1, units: 1, revenue: 9.5 });

describe('products CSV', () => {
  it('writes a header and one line per product', () => {
    expect(productsCsv([row('kettle')])).toBe('productId,screenTimeMs,impressions,clicks,ctr,addToCarts,orders,units,revenue\r\nkettle,1,2,1,0.5,1,1,1,9.5\r\n');
  });
  it('quotes commas and quotes, and keeps a formula-looking id as text', () => {
    const csv = productsCsv([row('gid,"x"'), row('=HYPERLINK("x")')]).split('\r\n');
    expect(csv[1]).toBe('"gid,""x""",1,2,1,0.5,1,1,1,9.5');
    expect(csv[2]).toBe(`"'=HYPERLINK(""x"")",1,2,1,0.5,1,1,1,9.5`);
  });
});

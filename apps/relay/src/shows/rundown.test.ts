import { describe, expect, it } from 'vitest';
import type { Product, Show } from '@cuecart/shared';
import { rundownItems, rundownProducts } from './rundown.js';

const product = (id: string): Product => ({ id, title: id, price: { amount: '1.00', currencyCode: 'USD' }, available: true });

describe('rundown', () => {
  it('lists the rundown in slot order; an id gone from the catalog keeps its slot number and is left out', () => {
    const rt = { show: { rundown: ['b', 'gone', 'a'] } as unknown as Show, catalog: new Map([['a', product('a')], ['b', product('b')]]) };
    expect(rundownItems(rt)).toEqual([
      { slot: 1, product: product('b') },
      { slot: 3, product: product('a') },
    ]);
    expect(rundownProducts(rt).map((p) => p.id)).toEqual(['b', 'a']);
  });
});

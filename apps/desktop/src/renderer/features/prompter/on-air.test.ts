import { describe, expect, it } from 'vitest';
import { buildPrompterItems, followKey, newestOnAir } from './on-air.js';
import { card, rundown } from './fixtures.test-support.js';

const flags = (items: ReturnType<typeof buildPrompterItems>) => items.map((i) => [i.product.id, i.onAir, i.onScreen, i.upNext]);

describe('which product is on air', () => {
  it('is nothing when no card is on air', () => {
    expect(newestOnAir([])).toBeUndefined();
    const items = buildPrompterItems(rundown('a', 'b'), []);
    expect(items.some((i) => i.onAir || i.onScreen || i.upNext)).toBe(false);
    expect(followKey(items)).toBeNull();
  });

  it('highlights the product whose card is on air and marks the next slot', () => {
    const items = buildPrompterItems(rundown('a', 'b', 'c'), [card('b', 100)]);
    expect(flags(items)).toEqual([
      ['a', false, false, false],
      ['b', true, false, false],
      ['c', false, false, true],
    ]);
    expect(items[1]!.card?.cardId).toBe('c-b-100');
  });

  it('follows the newest card by firedAt when several are on air, whatever their order', () => {
    const featured = [card('c', 300), card('a', 100), card('b', 200)];
    expect(newestOnAir(featured)?.productId).toBe('c');
    const items = buildPrompterItems(rundown('a', 'b', 'c'), featured);
    expect(flags(items)).toEqual([
      ['a', false, true, false],
      ['b', false, true, false],
      ['c', true, false, false],
    ]);
  });

  it('on a firedAt tie follows the later card in the list', () => {
    expect(newestOnAir([card('a', 5), card('b', 5)])?.productId).toBe('b');
  });

  it('puts an on-air product missing from the rundown first, from its card', () => {
    const items = buildPrompterItems(rundown('a'), [card('x', 10, { title: 'Surprise', compareAtPrice: { amount: '59.00', currencyCode: 'USD' } })]);
    expect(items.map((i) => [i.slot, i.product.id, i.product.title, i.onAir])).toEqual([
      [null, 'x', 'Surprise', true],
      [1, 'a', 'Product a', false],
    ]);
    expect(items[0]!.product.compareAtPrice?.amount).toBe('59.00');
    // "Up next" is only for rundown slots that follow the one on air in order.
    expect(items[1]!.upNext).toBe(true);
  });

  it('changes the follow key when the same product is fired again, so the prompter scrolls back to it', () => {
    const first = followKey(buildPrompterItems(rundown('a', 'b'), [card('b', 1)]));
    const again = followKey(buildPrompterItems(rundown('a', 'b'), [card('b', 2)]));
    expect(first).not.toBe(again);
    expect(first?.startsWith('slot:2:b@')).toBe(true);
  });

  it('keeps a product listed twice in the rundown on air only once', () => {
    const items = buildPrompterItems(rundown('a', 'b', 'a'), [card('a', 1)]);
    expect(items.filter((i) => i.onAir)).toHaveLength(1);
    expect(items[0]!.onAir).toBe(true);
  });
});

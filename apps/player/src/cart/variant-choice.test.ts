import { describe, expect, it } from 'vitest';
import type { Product } from '@cuecart/shared';
import { choices, initialSelection, needsChoice, optionsOf, variantFor } from './variant-choice.js';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });
const v = (id: string, size: string, colour: string, available = true) => ({ id, title: `${size} / ${colour}`, price: usd('68.00'), available, options: [{ name: 'Size', value: size }, { name: 'Colour', value: colour }] });
const hoodie: Product = {
  id: 'hoodie',
  title: 'Trail Hoodie',
  price: usd('68.00'),
  available: true,
  variants: [v('s-sand', 'S', 'Sand', false), v('m-sand', 'M', 'Sand'), v('s-forest', 'S', 'Forest'), v('m-forest', 'M', 'Forest', false)],
};

describe('variant choice', () => {
  it('asks for a choice only with more than one variant', () => {
    expect(needsChoice(hoodie)).toBe(true);
    expect(needsChoice({ ...hoodie, variants: [v('one', 'S', 'Sand')] })).toBe(false);
    expect(needsChoice(undefined)).toBe(false);
  });

  it('reads the options from the variants when the product lists none', () => {
    expect(optionsOf(hoodie)).toEqual([
      { name: 'Size', values: ['S', 'M'] },
      { name: 'Colour', values: ['Sand', 'Forest'] },
    ]);
  });

  it('starts on the first variant that can be bought', () => {
    expect(initialSelection(hoodie)).toEqual({ Size: 'M', Colour: 'Sand' });
  });

  it('marks values that cannot be bought with the other choices', () => {
    const [size, colour] = choices(hoodie, { Size: 'M', Colour: 'Sand' });
    // With Sand chosen, S is sold out; with M chosen, Forest is.
    expect(size!.values).toEqual([{ value: 'S', selected: false, available: false }, { value: 'M', selected: true, available: true }]);
    expect(colour!.values).toEqual([{ value: 'Sand', selected: true, available: true }, { value: 'Forest', selected: false, available: false }]);
  });

  it('names the variant of a full choice, and none of a partial one', () => {
    expect(variantFor(hoodie, { Size: 'S', Colour: 'Forest' })?.id).toBe('s-forest');
    expect(variantFor(hoodie, { Size: 'S' })).toBeUndefined();
  });
});

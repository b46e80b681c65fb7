import { describe, expect, it } from 'vitest';
import { storefrontErrors } from '@cuecart/testkit/storefront-schema';
import { loadOperation, OPERATIONS } from './operations.js';

describe('Storefront operations', () => {
  it.each(Object.entries(OPERATIONS))('%s validates against Shopify\'s Storefront schema', (_name, text) => {
    expect(storefrontErrors(text)).toEqual([]);
  });

  it('the check can fail: a field Shopify does not have is named', () => {
    const errors = storefrontErrors('query { shop { name inventoryCount } }');
    expect(errors.join(' ')).toMatch(/inventoryCount/);
  });

  it('brings each imported fragment once', () => {
    const text = loadOperation('cart-create.graphql');
    expect(text.match(/fragment CartFields/g)).toHaveLength(1);
    expect(text).not.toMatch(/#import/);
  });
});

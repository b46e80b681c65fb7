import { describe, expect, it } from 'vitest';
import { addProduct, moveItem, removeProduct } from './reorder.js';

describe('rundown edits', () => {
  it('moves an item up and down', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
  });
  it('adds a product once, and removes it', () => {
    expect(addProduct(['a'], 'b')).toEqual(['a', 'b']);
    expect(addProduct(['a', 'b'], 'a')).toEqual(['a', 'b']);
    expect(addProduct(['a', 'b'], 'c', 1)).toEqual(['a', 'c', 'b']);
    expect(removeProduct(['a', 'b'], 'a')).toEqual(['b']);
  });
});

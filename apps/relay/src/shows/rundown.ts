// A show's rundown with its products, in slot order: what the prompter, the console and GET …/products show.
import type { Product, RundownItem } from '@cuecart/shared';
import type { ShowRuntime } from './show-authority.js';

/** Slot N is the Nth rundown entry; an id no longer in the catalog keeps its slot number and is left out. */
export function rundownItems(rt: Pick<ShowRuntime, 'show' | 'catalog'>): RundownItem[] {
  return rt.show.rundown.flatMap((id, i) => {
    const product = rt.catalog.get(id);
    return product ? [{ slot: i + 1, product }] : [];
  });
}

export function rundownProducts(rt: Pick<ShowRuntime, 'show' | 'catalog'>): Product[] {
  return rundownItems(rt).map((item) => item.product);
}

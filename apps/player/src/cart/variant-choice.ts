// Choosing a variant (size, colour) of a product with more than one: which values can still be picked given
// the others, and which variant a full choice names. Pure, so the rule is tested on its own.
import type { Product, Variant } from '@cuecart/shared';

export type Selection = Record<string, string>;

export interface OptionChoice {
  name: string;
  values: { value: string; selected: boolean; available: boolean }[];
}

/** A product the shopper must choose a variant of before it goes in the cart. */
export function needsChoice(product: Product | undefined): product is Product & { variants: Variant[] } {
  return (product?.variants?.length ?? 0) > 1;
}

/** The option names and values, from the product's options or else from its variants' own. */
export function optionsOf(product: Product): { name: string; values: string[] }[] {
  if (product.options?.length) return product.options;
  const names: string[] = [];
  const values = new Map<string, string[]>();
  for (const v of product.variants ?? []) {
    for (const o of v.options ?? []) {
      if (!values.has(o.name)) {
        names.push(o.name);
        values.set(o.name, []);
      }
      const list = values.get(o.name)!;
      if (!list.includes(o.value)) list.push(o.value);
    }
  }
  return names.map((name) => ({ name, values: values.get(name)! }));
}

const matches = (v: Variant, selection: Selection, except?: string) =>
  Object.entries(selection).every(([name, value]) => name === except || v.options?.find((o) => o.name === name)?.value === value);

/** The variant a selection names, once every option is chosen. */
export function variantFor(product: Product, selection: Selection): Variant | undefined {
  const names = optionsOf(product).map((o) => o.name);
  if (!names.every((n) => selection[n] !== undefined)) return undefined;
  return product.variants?.find((v) => matches(v, selection));
}

/** Where the picker starts: the first variant that can be bought, else the first. */
export function initialSelection(product: Product): Selection {
  const first = product.variants?.find((v) => v.available !== false) ?? product.variants?.[0];
  return Object.fromEntries((first?.options ?? []).map((o) => [o.name, o.value]));
}

/** Each option's values, marked selected and whether some variant with it and the other choices can be bought. */
export function choices(product: Product, selection: Selection): OptionChoice[] {
  return optionsOf(product).map(({ name, values }) => ({
    name,
    values: values.map((value) => ({
      value,
      selected: selection[name] === value,
      available: (product.variants ?? []).some((v) => v.available !== false && v.options?.find((o) => o.name === name)?.value === value && matches(v, selection, name)),
    })),
  }));
}

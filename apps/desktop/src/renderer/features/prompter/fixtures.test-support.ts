// Products and cards for the prompter's unit tests.
import type { Card, Product, RundownItem } from '@cuecart/shared';

export function product(id: string, extra: Partial<Product> = {}): Product {
  return { id, title: `Product ${id}`, price: { amount: '49.00', currencyCode: 'USD' }, available: true, ...extra };
}

export function card(productId: string, firedAt: number, extra: Partial<Card> = {}): Card {
  return { cardId: `c-${productId}-${firedAt}`, productId, title: `Card ${productId}`, price: { amount: '39.00', currencyCode: 'USD' }, available: true, firedAt, ...extra };
}

export function rundown(...ids: string[]): RundownItem[] {
  return ids.map((id, i) => ({ slot: i + 1, product: product(id) }));
}

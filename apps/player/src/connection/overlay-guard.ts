// A light shape check of what the relay pushes, so a malformed message is dropped rather than rendered.
// (The zod contract stays in @cuecart/shared; pulling zod into the embed would double its size.)
import type { Card, Money, OverlayState, Product } from '@cuecart/shared';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isString = (x: unknown): x is string => typeof x === 'string';
const isOptional = (x: unknown, test: (y: unknown) => boolean) => x === undefined || test(x);

export function isMoney(x: unknown): x is Money {
  return isObject(x) && isString(x.amount) && isString(x.currencyCode);
}

export function isCard(x: unknown): x is Card {
  return (
    isObject(x) &&
    isString(x.cardId) &&
    isString(x.productId) &&
    isString(x.title) &&
    isMoney(x.price) &&
    typeof x.available === 'boolean' &&
    isOptional(x.compareAtPrice, isMoney) &&
    isOptional(x.imageUrl, isString) &&
    isOptional(x.badge, isString) &&
    isOptional(x.mediaMs, Number.isFinite) &&
    isOptional(x.offer, (o) => isObject(o) && isString(o.text) && isOptional(o.price, isMoney) && isOptional(o.endsAt, Number.isFinite))
  );
}

export function isOverlayState(x: unknown): x is OverlayState {
  return (
    isObject(x) &&
    isString(x.showId) &&
    Number.isInteger(x.seq) &&
    isString(x.status) &&
    Array.isArray(x.featured) &&
    x.featured.every(isCard) &&
    (x.banner === null || x.banner === undefined || (isObject(x.banner) && isString(x.banner.text)))
  );
}

export function isProductUpdate(x: unknown): x is Pick<Product, 'id' | 'price' | 'available' | 'compareAtPrice'> {
  return isObject(x) && isString(x.id) && isMoney(x.price) && typeof x.available === 'boolean';
}

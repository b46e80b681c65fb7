import type { Card, Cart } from '@cuecart/shared';
import { describe, expect, it, vi } from 'vitest';
import { RelayError } from '../api/relay-http.js';
import type { CartApi } from './cart-api.js';
import { CartController, type CartSnapshot } from './cart-controller.js';

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });
const card: Card = { cardId: 'c1', productId: 'p1', title: 'Mug', price: usd('12.00'), available: true, firedAt: 1 };
const cartWith = (id: string, quantity: number): Cart => ({
  id,
  showId: 'demo',
  lines: quantity ? [{ lineId: 'ln-p1', productId: 'p1', title: 'Mug', price: usd('12.00'), priceSource: 'list', quantity, available: true }] : [],
  subtotal: usd((12 * quantity).toFixed(2)),
  itemCount: quantity,
});

function setup(api: Partial<CartApi>, show = `s${Math.random()}`) {
  const snapshots: CartSnapshot[] = [];
  const onAdded = vi.fn();
  const onCheckout = vi.fn();
  const controller = new CartController({
    api: api as CartApi,
    relay: 'http://relay.test',
    show,
    sessionId: 'v-1',
    mode: 'live',
    onChange: (s) => snapshots.push(s),
    onAdded,
    onCheckout,
    openWindow: () => false,
  });
  return { controller, snapshots, onAdded, onCheckout };
}

describe('CartController', () => {
  it('creates the cart once, then adds lines with the card for attribution', async () => {
    const create = vi.fn(async () => cartWith('k1', 0));
    const addLine = vi.fn(async (_id: string, body: { quantity?: number }) => cartWith('k1', body.quantity ?? 1));
    const { controller, onAdded } = setup({ create, addLine });
    expect(await controller.add(card)).toBe(true);
    expect(await controller.add(card)).toBe(true);
    expect(create).toHaveBeenCalledTimes(1);
    // The session travels in every cart request (createCartApi binds it); the cart is made for this mode.
    expect(create).toHaveBeenCalledWith('live');
    expect(addLine).toHaveBeenCalledWith('k1', { productId: 'p1', quantity: 1, cardId: 'c1' });
    expect(onAdded).toHaveBeenCalledTimes(2);
  });

  it('applies fast quantity taps in order', async () => {
    const seen: number[] = [];
    const setQuantity = vi.fn(async (_id: string, _p: string, q: number) => {
      await new Promise((r) => setTimeout(r, 5 - q));
      seen.push(q);
      return cartWith('k1', q);
    });
    const { controller } = setup({ create: async () => cartWith('k1', 0), addLine: async () => cartWith('k1', 1), setQuantity });
    await controller.add(card);
    await Promise.all([controller.setQuantity('p1', 2), controller.setQuantity('p1', 3), controller.setQuantity('p1', 0)]);
    expect(seen).toEqual([2, 3, 0]);
    expect(controller.snapshot.cart?.lines).toEqual([]);
  });

  it("shows the relay's message and keeps working after an error", async () => {
    const addLine = vi.fn().mockRejectedValueOnce(new RelayError('conflict', 'Mug just sold out.', 409)).mockResolvedValue(cartWith('k1', 1));
    const { controller } = setup({ create: async () => cartWith('k1', 0), addLine });
    expect(await controller.add(card)).toBe(false);
    expect(controller.snapshot.error).toBe('Mug just sold out.');
    expect(await controller.add(card)).toBe(true);
    expect(controller.snapshot.error).toBeNull();
  });

  it('starts a new cart when the relay forgot the old one', async () => {
    let n = 0;
    const create = vi.fn(async () => cartWith(`k${++n}`, 0));
    const addLine = vi.fn(async (id: string) => {
      if (id === 'k1' && addLine.mock.calls.length > 1) throw new RelayError('not_found', 'no cart', 404);
      return cartWith(id, 1);
    });
    const { controller } = setup({ create, addLine });
    await controller.add(card);
    expect(await controller.add(card)).toBe(true);
    expect(create).toHaveBeenCalledTimes(2);
    expect(controller.snapshot.cart?.id).toBe('k2');
  });

  it('checks out inline, places the order and forgets the spent cart', async () => {
    const order = { id: 'o1', showId: 'demo', cartId: 'k1', lines: [], total: usd('12.00'), email: 'a@b.co', name: 'Ada', createdAt: 1 };
    const placeOrder = vi.fn(async () => order);
    const { controller, onCheckout } = setup({
      create: async () => cartWith('k1', 0),
      addLine: async () => cartWith('k1', 1),
      checkout: async () => ({ kind: 'inline', cart: cartWith('k1', 1) }),
      placeOrder,
    });
    await controller.add(card);
    await controller.startCheckout();
    expect(controller.snapshot.checkout).toEqual({ step: 'form' });
    expect(onCheckout.mock.calls[0]![1].get('p1')).toBe('c1');
    await controller.placeOrder(' Ada ', 'a@b.co');
    expect(placeOrder).toHaveBeenCalledWith('k1', { name: 'Ada', email: 'a@b.co', mode: 'live' });
    expect(controller.snapshot.checkout).toEqual({ step: 'done', order });
    expect(controller.snapshot.cart).toBeNull();
  });

  it('offers a redirect checkout link, and refuses a non-http one', async () => {
    const base = { create: async () => cartWith('k1', 0), addLine: async () => cartWith('k1', 1) };
    const ok = setup({ ...base, checkout: async () => ({ kind: 'redirect' as const, url: 'https://shop.example/c/1' }) });
    await ok.controller.add(card);
    await ok.controller.startCheckout();
    expect(ok.controller.snapshot.checkout).toEqual({ step: 'redirect', url: 'https://shop.example/c/1', opened: false });
    const bad = setup({ ...base, checkout: async () => ({ kind: 'redirect' as const, url: 'javascript:alert(1)' }) });
    await bad.controller.add(card);
    expect(await bad.controller.startCheckout()).toBe(false);
    expect(bad.controller.snapshot.error).toMatch(/cannot open/);
  });
});

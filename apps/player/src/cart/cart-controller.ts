// The shopper's cart: one cart per show and tab, every change serialized, every relay error turned into a message.
import type { Card, Cart, CartLine, Order, Product } from '@cuecart/shared';
import { openableUrl } from '../config/urls.js';
import { errorMessage, RelayError } from '../api/relay-http.js';
import { readSession, writeSession } from '../session/session-store.js';
import type { CartApi } from './cart-api.js';

export type CheckoutStep =
  | { step: 'cart' }
  | { step: 'form' }
  | { step: 'placing' }
  | { step: 'redirect'; url: string; opened: boolean }
  | { step: 'done'; order: Order };

export interface CartSnapshot {
  cart: Cart | null;
  busy: boolean;
  error: string | null;
  checkout: CheckoutStep;
}

export interface CartControllerOptions {
  api: CartApi;
  relay: string;
  show: string;
  sessionId: string;
  mode: 'live' | 'replay';
  onChange(snapshot: CartSnapshot): void;
  /** A line was added: the product, the card it came from (none from the show's product list), its value. */
  onAdded(item: { productId: string; cardId?: string }, value: number): void;
  onCheckout(lines: CartLine[], cardIds: ReadonlyMap<string, string>): void;
  openWindow?(url: string): boolean;
}

export class CartController {
  private cart: Cart | null = null;
  private cartId: string | null;
  private busy = false;
  private error: string | null = null;
  private checkout: CheckoutStep = { step: 'cart' };
  private queue: Promise<unknown> = Promise.resolve();
  /** Which card sold each product, for attribution of later beacons. */
  private readonly cardIds = new Map<string, string>();
  private readonly storageKey: string;

  constructor(private readonly o: CartControllerOptions) {
    this.storageKey = `cuecart:cart:${o.relay}:${o.show}`;
    this.cartId = readSession(this.storageKey);
  }

  get snapshot(): CartSnapshot {
    return { cart: this.cart, busy: this.busy, error: this.error, checkout: this.checkout };
  }

  /** Picks up the cart this tab already had (after a reload); silently starts fresh if it is gone. */
  restore(): void {
    const id = this.cartId;
    if (!id) return;
    void this.run(async () => {
      try {
        this.cart = await this.o.api.get(id);
      } catch (err) {
        if (err instanceof RelayError && err.status === 404) this.forgetCart();
      }
    }, false);
  }

  /** Adds one of the card's product; `variantId` when the shopper chose one (size, colour). */
  add(card: Card, variantId?: string): Promise<boolean> {
    this.cardIds.set(card.productId, card.cardId);
    const body = { productId: card.productId, quantity: 1, cardId: card.cardId, ...(variantId ? { variantId } : {}) };
    return this.addLine(body, () => this.o.onAdded(card, Number(card.price.amount)));
  }

  /** Adds a product opened from the show's product list (no card): the chosen variant and quantity. */
  addProduct(product: Product, choice: { variantId?: string; quantity: number }): Promise<boolean> {
    const quantity = Math.max(1, Math.min(99, Math.floor(choice.quantity)));
    const body = { productId: product.id, quantity, ...(choice.variantId ? { variantId: choice.variantId } : {}) };
    const unit = product.variants?.find((v) => v.id === choice.variantId)?.price ?? product.price;
    return this.addLine(body, () => this.o.onAdded({ productId: product.id }, Number(unit.amount) * quantity));
  }

  private addLine(body: { productId: string; quantity: number; cardId?: string; variantId?: string }, added: () => void): Promise<boolean> {
    return this.run(async () => {
      try {
        this.cart = await this.o.api.addLine(await this.ensureCart(), body);
      } catch (err) {
        // A cart the relay no longer knows (restart, expiry): start a new one once.
        if (!(err instanceof RelayError && err.status === 404 && this.cartId)) throw err;
        this.forgetCart();
        this.cart = await this.o.api.addLine(await this.ensureCart(), body);
      }
      this.checkout = { step: 'cart' };
      added();
    });
  }

  setQuantity(lineId: string, quantity: number): Promise<boolean> {
    return this.run(async () => {
      if (!this.cartId) return;
      this.cart = await this.o.api.setQuantity(this.cartId, lineId, Math.max(0, Math.min(99, quantity)));
      if (this.checkout.step !== 'done') this.checkout = { step: 'cart' };
    });
  }

  startCheckout(): Promise<boolean> {
    return this.run(async () => {
      if (!this.cartId || !this.cart?.lines.length) return;
      const lines = this.cart.lines;
      const start = await this.o.api.checkout(this.cartId);
      this.o.onCheckout(lines, this.cardIds);
      if (start.kind === 'inline') {
        this.cart = start.cart;
        this.checkout = { step: 'form' };
        return;
      }
      const url = openableUrl(start.url);
      if (!url) throw new RelayError('invalid', 'This store gave a checkout link the player cannot open.', 0);
      // Opened after an await, a popup blocker may refuse: the drawer then offers the link to tap.
      const opened = (this.o.openWindow ?? defaultOpen)(url);
      this.checkout = { step: 'redirect', url, opened };
    });
  }

  placeOrder(name: string, email: string): Promise<boolean> {
    return this.run(async () => {
      if (!this.cartId) return;
      this.checkout = { step: 'placing' };
      this.notify();
      try {
        const order = await this.o.api.placeOrder(this.cartId, { name: name.trim(), email: email.trim(), mode: this.o.mode });
        this.checkout = { step: 'done', order };
        // The order consumed the cart; the next "Add to cart" starts a new one.
        this.forgetCart();
      } catch (err) {
        this.checkout = { step: 'form' };
        throw err;
      }
    });
  }

  backToCart(): void {
    if (this.checkout.step === 'done' || this.checkout.step === 'redirect') this.checkout = { step: 'cart' };
    this.notify();
  }

  private async ensureCart(): Promise<string> {
    if (this.cartId) return this.cartId;
    const cart = await this.o.api.create(this.o.mode);
    this.cart = cart;
    this.cartId = cart.id;
    writeSession(this.storageKey, cart.id);
    return cart.id;
  }

  private forgetCart(): void {
    this.cartId = null;
    this.cart = null;
    writeSession(this.storageKey, null);
  }

  /** Runs cart operations one at a time, so fast taps on "+" apply in order. Resolves false on failure. */
  private run(op: () => Promise<void>, showErrors = true): Promise<boolean> {
    const next = this.queue.then(async () => {
      this.busy = true;
      this.error = null;
      this.notify();
      try {
        await op();
        return true;
      } catch (err) {
        if (showErrors) this.error = errorMessage(err);
        return false;
      } finally {
        this.busy = false;
        this.notify();
      }
    });
    this.queue = next;
    return next;
  }

  private notify(): void {
    this.o.onChange(this.snapshot);
  }
}

function defaultOpen(url: string): boolean {
  // Not the 'noopener' feature: with it window.open always returns null and we could not tell a blocked popup.
  const opened = window.open(url, '_blank');
  if (opened) opened.opener = null;
  return opened !== null;
}

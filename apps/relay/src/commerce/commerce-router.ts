// The one cart API, whatever store a show sells from: each call goes to the show's store (its catalog's
// provider: Shopify, or the embedded demo store for inline and file catalogs). Orders come back net of refunds.
import type { Cart, CheckoutStart, Order, ShoppingMode } from '@cuecart/shared';
import type { ShowAuthority } from '../shows/show-authority.js';
import { fail } from './cart-access.js';
import type { CartStore } from './cart-store.js';
import type { CommerceProvider, NewLine, Result } from './commerce-provider.js';
import { fromUnits, toUnits } from './money.js';

export class CommerceRouter implements CommerceProvider {
  constructor(
    private readonly authority: ShowAuthority,
    private readonly store: CartStore,
    private readonly demo: CommerceProvider,
    private readonly shopify: CommerceProvider,
  ) {}

  createCart(showId: string, sessionId: string, mode?: ShoppingMode, buyerIp?: string): Promise<Result<Cart>> {
    return this.forShow(showId).createCart(showId, sessionId, mode, buyerIp);
  }

  async getCart(cartId: string, sessionId: string | undefined, buyerIp?: string): Promise<Result<Cart>> {
    return (await this.forCart(cartId))?.getCart(cartId, sessionId, buyerIp) ?? missing(cartId);
  }

  cartShow(cartId: string): Promise<string | undefined> {
    return this.demo.cartShow(cartId);
  }

  async addLine(cartId: string, sessionId: string | undefined, line: NewLine, buyerIp?: string): Promise<Result<Cart>> {
    return (await this.forCart(cartId))?.addLine(cartId, sessionId, line, buyerIp) ?? missing(cartId);
  }

  async updateLine(cartId: string, sessionId: string | undefined, lineId: string, quantity: number, buyerIp?: string): Promise<Result<Cart>> {
    return (await this.forCart(cartId))?.updateLine(cartId, sessionId, lineId, quantity, buyerIp) ?? missing(cartId);
  }

  async startCheckout(cartId: string, sessionId: string | undefined, buyerIp?: string): Promise<Result<CheckoutStart>> {
    return (await this.forCart(cartId))?.startCheckout(cartId, sessionId, buyerIp) ?? missing(cartId);
  }

  async placeOrder(cartId: string, sessionId: string | undefined, body: { email: string; name: string; mode: ShoppingMode }): Promise<Result<{ order: Order; created: boolean }>> {
    return (await this.forCart(cartId))?.placeOrder(cartId, sessionId, body) ?? missing(cartId);
  }

  /** Every order of the show with what was refunded of it; `total` stays what was paid. */
  async orders(showId: string): Promise<Order[]> {
    const [orders, refunds] = await Promise.all([this.store.orders(showId), this.store.refunds(showId)]);
    if (!refunds.length) return orders;
    const refunded = new Map<string, number>();
    for (const r of refunds) refunded.set(r.orderId, (refunded.get(r.orderId) ?? 0) + toUnits(r.amount.amount));
    return orders.map((o) => {
      const units = refunded.get(o.id);
      return units ? { ...o, refunded: fromUnits(Math.min(units, toUnits(o.total.amount)), o.total.currencyCode) } : o;
    });
  }

  private forShow(showId: string): CommerceProvider {
    return this.authority.get(showId)?.spec.provider === 'shopify' ? this.shopify : this.demo;
  }

  private async forCart(cartId: string): Promise<CommerceProvider | undefined> {
    const showId = await this.store.cart(cartId).then((c) => c?.showId);
    return showId === undefined ? undefined : this.forShow(showId);
  }
}

function missing<T>(cartId: string): Result<T> {
  return fail('not_found', `cart "${cartId}" does not exist for this session: create a new one`);
}

// Carts, lines and orders of a cluster, in Redis: a cart made through one relay is found, changed and ordered
// through any other. Line updates and order placement are Lua scripts, so two relays never lose a write.
import type { Order, Refund } from '@cuecart/shared';
import type { RedisClientType } from 'redis';
import type { CartRecord, CartStore, StoredLine } from '../commerce/cart-store.js';

/** An abandoned cart is forgotten after 30 days without a change; orders stay. */
export const CART_TTL_MS = 30 * 24 * 3600 * 1000;

const cartKey = (cartId: string, part: 'cart' | 'lines' | 'order') => `cuecart:cart:{${cartId}}:${part}`;
const ordersKey = (showId: string) => `cuecart:show:{${showId}}:orders`;
const refundsKey = (showId: string) => `cuecart:show:{${showId}}:refunds`;
const deliveryKey = (eventId: string) => `cuecart:webhook:${eventId}`;
/** How long a webhook delivery id is remembered: Shopify retries a failed delivery for 48 hours. */
export const DELIVERY_TTL_MS = 7 * 24 * 3600 * 1000;

/** KEYS: the show's refunds hash. ARGV: refund id, refund JSON. 1 when new. */
const INSERT_REFUND = `
return redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
`;

/** KEYS: lines. ARGV: line id, line JSON, max quantity, ttl ms. */
const ADD_LINE = `
local line = cjson.decode(ARGV[2])
local max = tonumber(ARGV[3])
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if cur then
  local stored = cjson.decode(cur)
  stored['quantity'] = math.min(max, stored['quantity'] + line['quantity'])
  if line['cardId'] then stored['cardId'] = line['cardId'] end
  line = stored
else
  line['quantity'] = math.min(max, line['quantity'])
end
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(line))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
`;

/** KEYS: lines. ARGV: line id, quantity (0 removes), ttl ms. */
const SET_QUANTITY = `
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if not cur then return 0 end
local q = tonumber(ARGV[2])
if q == 0 then
  redis.call('HDEL', KEYS[1], ARGV[1])
else
  local stored = cjson.decode(cur)
  stored['quantity'] = q
  redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(stored))
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`;

/** KEYS: the cart's order, the show's orders. ARGV: order JSON. Answers the order that stands, and whether it is new. */
const PLACE_ORDER = `
local prev = redis.call('GET', KEYS[1])
if prev then return {0, prev} end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('RPUSH', KEYS[2], ARGV[1])
return {1, ARGV[1]}
`;

export class RedisCartStore implements CartStore {
  constructor(private readonly redis: RedisClientType) {}

  async createCart(cart: CartRecord): Promise<void> {
    await this.redis.set(cartKey(cart.id, 'cart'), JSON.stringify(cart), { PX: CART_TTL_MS });
  }

  async cart(cartId: string): Promise<CartRecord | undefined> {
    const raw = await this.redis.get(cartKey(cartId, 'cart'));
    return raw ? (JSON.parse(raw) as CartRecord) : undefined;
  }

  async lines(cartId: string): Promise<StoredLine[]> {
    const all = await this.redis.hGetAll(cartKey(cartId, 'lines'));
    const lines = Object.values(all).map((raw) => JSON.parse(raw) as StoredLine);
    return lines.sort((a, b) => a.addedAt - b.addedAt || (a.lineId < b.lineId ? -1 : 1));
  }

  async addLine(cartId: string, line: StoredLine, maxQuantity: number): Promise<void> {
    await this.redis.eval(ADD_LINE, { keys: [cartKey(cartId, 'lines')], arguments: [line.lineId, JSON.stringify(line), String(maxQuantity), String(CART_TTL_MS)] });
    await this.redis.pExpire(cartKey(cartId, 'cart'), CART_TTL_MS);
  }

  async setQuantity(cartId: string, lineId: string, quantity: number): Promise<void> {
    await this.redis.eval(SET_QUANTITY, { keys: [cartKey(cartId, 'lines')], arguments: [lineId, String(quantity), String(CART_TTL_MS)] });
  }

  async order(cartId: string): Promise<Order | undefined> {
    const raw = await this.redis.get(cartKey(cartId, 'order'));
    return raw ? (JSON.parse(raw) as Order) : undefined;
  }

  async insertOrder(order: Order): Promise<{ order: Order; created: boolean }> {
    const [created, raw] = (await this.redis.eval(PLACE_ORDER, { keys: [cartKey(order.cartId, 'order'), ordersKey(order.showId)], arguments: [JSON.stringify(order)] })) as [number, string];
    return { order: JSON.parse(raw) as Order, created: created === 1 };
  }

  async orders(showId: string): Promise<Order[]> {
    return (await this.redis.lRange(ordersKey(showId), 0, -1)).map((raw) => JSON.parse(raw) as Order);
  }

  async insertRefund(refund: Refund): Promise<boolean> {
    return (await this.redis.eval(INSERT_REFUND, { keys: [refundsKey(refund.showId)], arguments: [refund.id, JSON.stringify(refund)] })) === 1;
  }

  async refunds(showId: string): Promise<Refund[]> {
    const all = Object.values(await this.redis.hGetAll(refundsKey(showId))).map((raw) => JSON.parse(raw) as Refund);
    return all.sort((a, b) => a.createdAt - b.createdAt);
  }

  async firstDelivery(eventId: string, at: number): Promise<boolean> {
    return (await this.redis.set(deliveryKey(eventId), String(at), { condition: 'NX', expiration: { type: 'PX', value: DELIVERY_TTL_MS } })) === 'OK';
  }
}

// The demo store charges what the card says, answers only the shopper who made the cart, and takes only real variants
// (security review, issue 11 findings 6, 9 and 10).
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, api, mintToken } from '@cuecart/testkit/relay';
import { suiteRelay } from '@cuecart/testkit/suite-relay';

const suite = suiteRelay();
let producer: string;

const usd = (amount: string) => ({ amount, currencyCode: 'USD' });
const catalog = [
  { id: 'p-kettle', title: 'Pour-Over Kettle', price: usd('10.00'), available: true },
  {
    id: 'p-tee',
    title: 'Linen Tee',
    price: usd('30.00'),
    available: true,
    variants: [
      { id: 'tee-s', title: 'Small', price: usd('30.00'), available: true },
      { id: 'tee-xl', title: 'XL', price: usd('34.00'), available: true },
      { id: 'tee-m', title: 'Medium', available: false },
    ],
  },
];

beforeAll(async () => {
  const created = await api(suite.relay, 'POST', '/api/shows', { id: 'deal', title: 'Deals', catalog: { provider: 'inline', products: catalog }, rundown: ['p-kettle', 'p-tee'] }, ADMIN_TOKEN);
  expect(created.status).toBe(201);
  producer = await mintToken(suite.relay, 'deal', 'producer');
});

async function newCart(session: string): Promise<string> {
  const cart = await api(suite.relay, 'POST', '/api/shows/deal/carts', { sessionId: session });
  expect(cart.status).toBe(201);
  return cart.body.id as string;
}

const command = (body: Record<string, unknown>) => api(suite.relay, 'POST', '/api/shows/deal/commands', body, producer);

describe('the price on the card is the price in the cart', () => {
  it('charges the offer price while the offer runs, keeps it for that line, and charges the list price after it ends', async () => {
    const endsAt = Date.now() + 1500;
    expect((await command({ id: 'offer-1', type: 'feature', productId: 'p-kettle', offer: { text: 'Live only', price: usd('1.00'), endsAt } })).body.ok).toBe(true);
    const id = await newCart('shopper-offer');
    const during = await api(suite.relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-kettle' }, { session: 'shopper-offer' });
    expect(during.body.lines).toEqual([
      expect.objectContaining({ productId: 'p-kettle', price: usd('1.00'), priceSource: 'offer', listPrice: usd('10.00'), offerText: 'Live only', offerEndsAt: endsAt, quantity: 1 }),
    ]);
    expect(during.body.subtotal).toEqual(usd('1.00'));

    await new Promise((r) => setTimeout(r, Math.max(0, endsAt - Date.now()) + 100));
    const after = await api(suite.relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-kettle' }, { session: 'shopper-offer' });
    expect(after.body.lines.map((l: { price: unknown; priceSource: string; quantity: number }) => [l.price, l.priceSource, l.quantity])).toEqual([
      [usd('1.00'), 'offer', 1],
      [usd('10.00'), 'list', 1],
    ]);
    expect(after.body.subtotal).toEqual(usd('11.00'));
    // "+" on the offer line once the offer is over: the extra one is charged the list price.
    const offerLine = after.body.lines[0].lineId as string;
    const grown = await api(suite.relay, 'PATCH', `/api/carts/${id}/lines/${offerLine}`, { quantity: 2 }, { session: 'shopper-offer' });
    expect(grown.body.lines.map((l: { priceSource: string; quantity: number }) => [l.priceSource, l.quantity])).toEqual([
      ['offer', 1],
      ['list', 2],
    ]);
    const order = await api(suite.relay, 'POST', `/api/carts/${id}/orders`, { name: 'Ada', email: 'ada@example.com' }, { session: 'shopper-offer' });
    expect(order).toMatchObject({ status: 201, body: { total: usd('21.00'), mode: 'live' } });
  });

  it('charges the list price once the card with the offer is off air', async () => {
    await command({ id: 'offer-2', type: 'feature', productId: 'p-kettle', offer: { text: 'Flash', price: usd('2.00') } });
    await command({ id: 'off-2', type: 'clear' });
    const id = await newCart('shopper-late');
    const line = await api(suite.relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-kettle' }, { session: 'shopper-late' });
    expect(line.body.lines).toEqual([expect.objectContaining({ price: usd('10.00'), priceSource: 'list' })]);
    expect(line.body.lines[0].listPrice).toBeUndefined();
  });
});

describe('a cart belongs to the session that made it', () => {
  it('answers another session as if the cart did not exist, and a request with no session with what to send', async () => {
    const id = await newCart('owner');
    expect((await api(suite.relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-kettle' }, { session: 'owner' })).status).toBe(200);
    for (const [method, path, body] of [
      ['GET', `/api/carts/${id}`, undefined],
      ['POST', `/api/carts/${id}/lines`, { productId: 'p-kettle' }],
      ['PATCH', `/api/carts/${id}/lines/p-kettle`, { quantity: 5 }],
      ['POST', `/api/carts/${id}/checkout`, undefined],
      ['POST', `/api/carts/${id}/orders`, { name: 'Mallory', email: 'm@example.com' }],
    ] as const) {
      expect((await api(suite.relay, method, path, body, { session: 'intruder' })).status, `${method} ${path}`).toBe(404);
      const bare = await api(suite.relay, method, path, body);
      expect(bare.status, `${method} ${path}`).toBe(400);
      expect(bare.body.error.message).toContain('X-Cuecart-Session');
    }
    // Nothing the intruder sent changed the cart.
    expect((await api(suite.relay, 'GET', `/api/carts/${id}`, undefined, { session: 'owner' })).body).toMatchObject({ itemCount: 1 });
  });

  it('answers a repeated order without the buyer’s name or email', async () => {
    const id = await newCart('buyer');
    await api(suite.relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-kettle' }, { session: 'buyer' });
    const first = await api(suite.relay, 'POST', `/api/carts/${id}/orders`, { name: 'Grace', email: 'grace@example.com' }, { session: 'buyer' });
    expect(first).toMatchObject({ status: 201, body: { name: 'Grace', email: 'grace@example.com' } });
    const again = await api(suite.relay, 'POST', `/api/carts/${id}/orders`, { name: 'Grace', email: 'grace@example.com' }, { session: 'buyer' });
    expect(again).toMatchObject({ status: 200, body: { id: first.body.id, total: first.body.total } });
    expect(again.body).not.toHaveProperty('name');
    expect(again.body).not.toHaveProperty('email');
    expect(JSON.stringify(again.body)).not.toContain('grace');
  });
});

describe('variants', () => {
  it('refuses a variantId for a product that has no variants, and copies nothing into the cart', async () => {
    const id = await newCart('variant-shopper');
    const refused = await api(suite.relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-kettle', variantId: 'made-up' }, { session: 'variant-shopper' });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'invalid', message: expect.stringContaining('has no variants') } } });
    expect((await api(suite.relay, 'GET', `/api/carts/${id}`, undefined, { session: 'variant-shopper' })).body.lines).toEqual([]);
  });

  it('charges a real variant its own price, keeps sizes on separate lines and refuses unknown or sold-out ones', async () => {
    const id = await newCart('size-shopper');
    const as = { session: 'size-shopper' };
    expect((await api(suite.relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-tee', variantId: 'tee-huge' }, as)).status).toBe(404);
    expect((await api(suite.relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-tee', variantId: 'tee-m' }, as)).status).toBe(409);
    await api(suite.relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-tee', variantId: 'tee-s' }, as);
    const both = await api(suite.relay, 'POST', `/api/carts/${id}/lines`, { productId: 'p-tee', variantId: 'tee-xl' }, as);
    expect(both.body.lines.map((l: { variantId: string; variantTitle: string; price: unknown }) => [l.variantId, l.variantTitle, l.price])).toEqual([
      ['tee-s', 'Small', usd('30.00')],
      ['tee-xl', 'XL', usd('34.00')],
    ]);
    // Two lines of one product: the product id no longer names one line, the line id does.
    expect((await api(suite.relay, 'PATCH', `/api/carts/${id}/lines/p-tee`, { quantity: 2 }, as)).body.error.message).toContain('lineId');
    const xl = both.body.lines[1].lineId as string;
    const two = await api(suite.relay, 'PATCH', `/api/carts/${id}/lines/${xl}`, { quantity: 2 }, as);
    expect(two.body.subtotal).toEqual(usd('98.00'));
  });
});

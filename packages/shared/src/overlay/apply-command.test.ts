import { describe, expect, it } from 'vitest';
import { Command } from '../contract/commands.js';
import { MAX_FEATURED, OverlayState, emptyOverlay, type Card } from '../contract/overlay.js';
import { Product, type CatalogLookup } from '../contract/product.js';
import { applyCommand, type ApplyResult } from './apply-command.js';
import { rng } from '../format/rng.js';

// ---------------------------------------------------------------- fixtures

const T0 = 1_700_000_000_000;

/** Every product goes through the schema, so the fixtures are valid catalog items. */
const products: Product[] = [
  {
    id: 'p-serum',
    sku: 'GL-SER-30',
    title: 'Glow Serum 30ml',
    price: { amount: '38.00', currencyCode: 'USD' },
    compareAtPrice: { amount: '45.00', currencyCode: 'USD' },
    available: true,
    imageUrl: 'https://cdn.example.com/serum.jpg',
    url: 'https://shop.example.com/products/serum',
  },
  { id: 'p-tote', title: 'Canvas Tote', price: { amount: '24.50', currencyCode: 'USD' }, available: true },
  {
    id: 'gid://shopify/Product/8012345595617',
    title: 'Harbor Mini Crossbody',
    price: { amount: '74.00', currencyCode: 'USD' },
    available: false,
    imageUrl: '/media/crossbody.jpg',
  },
  { id: 'p-kettle', title: 'Pour-Over Kettle', price: { amount: '59.00', currencyCode: 'EUR' }, available: true, url: '/p/kettle' },
  { id: 'p-skillet', title: 'Cast Iron Skillet 10"', price: { amount: '42.00', currencyCode: 'USD' }, available: true },
  { id: 'p-scarf', title: 'Silk Scarf', price: { amount: '88.00', currencyCode: 'USD' }, available: true },
].map((p) => Product.parse(p));

const byId = new Map(products.map((p) => [p.id, p]));
const catalog: CatalogLookup = byId;
const ids = products.map((p) => p.id);
const [SERUM, TOTE, CROSSBODY, KETTLE, SKILLET, SCARF] = ids as [string, string, string, string, string, string];

function product(id: string): Product {
  const p = byId.get(id);
  if (!p) throw new Error(`fixture product ${id} missing`);
  return p;
}

/** Commands go through the wire schema too: the reducer only ever sees parsed commands. */
function cmd(input: Record<string, unknown>): Command {
  return Command.parse(input);
}

let idCounter = 0;
function nextId(prefix = 'c'): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

const feature = (productId: string, extra: Record<string, unknown> = {}) => cmd({ id: nextId('f'), type: 'feature', productId, ...extra });
const unfeature = (productId: string) => cmd({ id: nextId('u'), type: 'unfeature', productId });
const clear = () => cmd({ id: nextId('x'), type: 'clear' });
const banner = (text: string, endsAt?: number) => cmd({ id: nextId('b'), type: 'banner', text, ...(endsAt === undefined ? {} : { endsAt }) });
const bannerClear = () => cmd({ id: nextId('bc'), type: 'banner.clear' });
const status = (s: 'scheduled' | 'live' | 'ended') => cmd({ id: nextId('s'), type: 'status', status: s });

function expectOk(result: ApplyResult): OverlayState {
  if (!result.ok) throw new Error(`expected the command to be accepted, got ${result.error.code}: ${result.error.message}`);
  // Every accepted state is a valid wire state.
  return OverlayState.parse(result.state);
}

function expectError(result: ApplyResult, code: string): string {
  if (result.ok) throw new Error(`expected error "${code}", but the command was accepted (seq ${result.state.seq})`);
  expect(result.error.code).toBe(code);
  expect(typeof result.error.message).toBe('string');
  expect(result.error.message.length).toBeGreaterThan(0);
  // `result` is exactly the error shape, no half-applied state alongside it.
  expect(Object.keys(result).sort()).toEqual(['error', 'ok']);
  return result.error.message;
}

/** Applies commands one after another from `state`, each a millisecond later; all must be accepted. */
function run(state: OverlayState, commands: Command[], start = T0): OverlayState {
  let s = state;
  commands.forEach((c, i) => {
    s = expectOk(applyCommand(s, c, catalog, start + i));
  });
  return s;
}

function live(): OverlayState {
  return emptyOverlay('demo', 'live');
}

/** A live state with the given products on air (oldest first), fired non-exclusively. */
function onAir(...productIds: string[]): OverlayState {
  return run(
    live(),
    productIds.map((id) => feature(id, { exclusive: false })),
    T0 - 10_000,
  );
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

const onAirIds = (s: OverlayState) => s.featured.map((c) => c.productId);

// ---------------------------------------------------------------- feature

describe('feature', () => {
  it('puts a card on air built from the catalog product and the command', () => {
    const command = feature(SERUM, { badge: 'Live deal', offer: { text: '20% off tonight', price: { amount: '30.40', currencyCode: 'USD' }, endsAt: T0 + 60_000 }, mediaMs: 12_345 });
    const state = expectOk(applyCommand(live(), command, catalog, T0));
    const p = product(SERUM);
    expect(state.featured).toEqual([
      {
        cardId: command.id,
        productId: p.id,
        title: p.title,
        price: p.price,
        compareAtPrice: p.compareAtPrice,
        imageUrl: p.imageUrl,
        url: p.url,
        available: true,
        badge: 'Live deal',
        offer: { text: '20% off tonight', price: { amount: '30.40', currencyCode: 'USD' }, endsAt: T0 + 60_000 },
        mediaMs: 12_345,
        firedAt: T0,
      },
    ]);
    expect(state.seq).toBe(1);
    expect(state.updatedAt).toBe(T0);
  });

  it('uses the command id as the card id and the current time as firedAt', () => {
    const state = expectOk(applyCommand(live(), cmd({ id: 'btn:deck-7.press_42', type: 'feature', productId: TOTE }), catalog, T0 + 777));
    expect(state.featured[0]?.cardId).toBe('btn:deck-7.press_42');
    expect(state.featured[0]?.firedAt).toBe(T0 + 777);
  });

  it('leaves out optional fields that neither product nor command has', () => {
    const state = expectOk(applyCommand(live(), feature(TOTE), catalog, T0));
    const card = state.featured[0];
    expect(card).toBeDefined();
    for (const key of ['compareAtPrice', 'imageUrl', 'url', 'badge', 'offer', 'mediaMs'] as const) {
      expect(card, `card should not have "${key}"`).not.toHaveProperty(key);
    }
    expect(Object.keys(card ?? {}).sort()).toEqual(['available', 'cardId', 'firedAt', 'price', 'productId', 'title']);
  });

  it('copies only the product fields the catalog has (image path, no url; url, no image)', () => {
    const a = expectOk(applyCommand(live(), feature(CROSSBODY), catalog, T0)).featured[0];
    expect(a?.imageUrl).toBe('/media/crossbody.jpg');
    expect(a).not.toHaveProperty('url');
    const b = expectOk(applyCommand(live(), feature(KETTLE), catalog, T0)).featured[0];
    expect(b?.url).toBe('/p/kettle');
    expect(b).not.toHaveProperty('imageUrl');
    expect(b?.price).toEqual({ amount: '59.00', currencyCode: 'EUR' });
  });

  it('shows an out-of-stock product as unavailable', () => {
    const state = expectOk(applyCommand(live(), feature(CROSSBODY), catalog, T0));
    expect(state.featured[0]?.available).toBe(false);
  });

  it('takes title and price from the catalog at fire time, and later catalog changes do not rewrite the card', () => {
    const mutable = new Map(byId);
    const state = expectOk(applyCommand(live(), feature(TOTE), mutable, T0));
    mutable.set(TOTE, { ...product(TOTE), title: 'Renamed', price: { amount: '1.00', currencyCode: 'USD' } });
    expect(state.featured[0]?.title).toBe('Canvas Tote');
    expect(state.featured[0]?.price.amount).toBe('24.50');
    const after = expectOk(applyCommand(state, feature(TOTE), mutable, T0 + 1));
    expect(after.featured[0]?.title).toBe('Renamed');
    expect(after.featured[0]?.price.amount).toBe('1.00');
  });

  it('keeps an offer without an end', () => {
    const state = expectOk(applyCommand(live(), feature(SCARF, { offer: { text: 'Free gift wrap' } }), catalog, T0));
    expect(state.featured[0]?.offer).toEqual({ text: 'Free gift wrap' });
  });

  it.each([
    ['exclusive by default', {}],
    ['exclusive: true', { exclusive: true }],
  ])('%s takes every other card off air', (_label, extra) => {
    const before = onAir(SERUM, TOTE, KETTLE);
    expect(before.featured).toHaveLength(3);
    const command = feature(SCARF, extra);
    const state = expectOk(applyCommand(before, command, catalog, T0));
    expect(onAirIds(state)).toEqual([SCARF]);
    expect(state.featured[0]?.cardId).toBe(command.id);
  });

  it('exclusive re-feature of the product on air replaces its card with a new one', () => {
    const before = onAir(SERUM);
    const command = feature(SERUM, { badge: 'Again' });
    const state = expectOk(applyCommand(before, command, catalog, T0));
    expect(state.featured).toHaveLength(1);
    expect(state.featured[0]?.cardId).toBe(command.id);
    expect(state.featured[0]?.badge).toBe('Again');
    expect(state.featured[0]?.firedAt).toBe(T0);
  });

  it('non-exclusive adds the card as the newest, keeping the others in order', () => {
    const before = onAir(SERUM, TOTE);
    const state = expectOk(applyCommand(before, feature(KETTLE, { exclusive: false }), catalog, T0));
    expect(onAirIds(state)).toEqual([SERUM, TOTE, KETTLE]);
    // The cards already on air are untouched.
    expect(state.featured.slice(0, 2)).toEqual(before.featured);
  });

  it(`non-exclusive past the cap of ${MAX_FEATURED} evicts the card that has been on air longest`, () => {
    const before = onAir(SERUM, TOTE, KETTLE);
    const state = expectOk(applyCommand(before, feature(SKILLET, { exclusive: false }), catalog, T0));
    expect(MAX_FEATURED).toBe(3);
    expect(onAirIds(state)).toEqual([TOTE, KETTLE, SKILLET]);
    expect(state.featured.slice(0, 2)).toEqual(before.featured.slice(1));
  });

  it('non-exclusive re-feature of a product on air replaces its old card and moves it to newest', () => {
    const before = onAir(SERUM, TOTE, KETTLE);
    const command = feature(SERUM, { exclusive: false, badge: 'Back' });
    const state = expectOk(applyCommand(before, command, catalog, T0));
    // Nothing else is evicted: the old card made room.
    expect(onAirIds(state)).toEqual([TOTE, KETTLE, SERUM]);
    expect(state.featured[2]?.cardId).toBe(command.id);
    expect(state.featured[2]?.badge).toBe('Back');
    expect(state.featured.map((c) => c.cardId)).not.toContain(before.featured[0]?.cardId);
  });

  it('non-exclusive re-feature of the newest card keeps the order and swaps the card', () => {
    const before = onAir(SERUM, TOTE);
    const command = feature(TOTE, { exclusive: false });
    const state = expectOk(applyCommand(before, command, catalog, T0));
    expect(onAirIds(state)).toEqual([SERUM, TOTE]);
    expect(state.featured[1]?.cardId).toBe(command.id);
  });

  it('rejects a product that is not in the catalog with not_found naming it', () => {
    for (const extra of [{}, { exclusive: false }]) {
      const message = expectError(applyCommand(onAir(SERUM), feature('no-such-product', extra), catalog, T0), 'not_found');
      expect(message).toContain('no-such-product');
    }
  });

  it.each([
    ['in the past', -1],
    ['exactly now', 0],
  ])('rejects an offer ending %s as invalid', (_label, delta) => {
    const message = expectError(applyCommand(live(), feature(SERUM, { offer: { text: 'Deal', endsAt: T0 + delta } }), catalog, T0), 'invalid');
    expect(message).toMatch(/endsAt/);
  });

  it('accepts an offer ending one millisecond from now', () => {
    const state = expectOk(applyCommand(live(), feature(SERUM, { offer: { text: 'Deal', endsAt: T0 + 1 } }), catalog, T0));
    expect(state.featured[0]?.offer?.endsAt).toBe(T0 + 1);
  });

  it('rejects an unknown product before looking at the offer', () => {
    // Either error is a rejection; what matters is that nothing goes on air.
    const result = applyCommand(live(), feature('ghost', { offer: { text: 'x', endsAt: T0 - 1 } }), catalog, T0);
    expect(result.ok).toBe(false);
  });
});

// ---------------------------------------------------------------- unfeature

describe('unfeature', () => {
  it('takes only that product off air, keeping the rest in order', () => {
    const before = onAir(SERUM, TOTE, KETTLE);
    const state = expectOk(applyCommand(before, unfeature(TOTE), catalog, T0));
    expect(onAirIds(state)).toEqual([SERUM, KETTLE]);
    expect(state.featured).toEqual([before.featured[0], before.featured[2]]);
    expect(state.seq).toBe(before.seq + 1);
    expect(state.updatedAt).toBe(T0);
  });

  it('takes the last card off air, leaving an empty air', () => {
    const state = expectOk(applyCommand(onAir(SCARF), unfeature(SCARF), catalog, T0));
    expect(state.featured).toEqual([]);
  });

  it('keeps the banner', () => {
    const before = expectOk(applyCommand(onAir(SERUM), banner('Free shipping'), catalog, T0 - 1));
    const state = expectOk(applyCommand(before, unfeature(SERUM), catalog, T0));
    expect(state.banner).toEqual({ text: 'Free shipping' });
  });

  it('rejects a catalog product that is not on air with not_found naming it', () => {
    const message = expectError(applyCommand(onAir(SERUM), unfeature(TOTE), catalog, T0), 'not_found');
    expect(message).toContain(TOTE);
  });

  it('rejects on an empty air and for products outside the catalog', () => {
    expectError(applyCommand(live(), unfeature(SERUM), catalog, T0), 'not_found');
    expectError(applyCommand(onAir(SERUM), unfeature('ghost'), catalog, T0), 'not_found');
  });

  it('a second unfeature of the same product is not_found', () => {
    const once = expectOk(applyCommand(onAir(SERUM, TOTE), unfeature(SERUM), catalog, T0));
    expectError(applyCommand(once, unfeature(SERUM), catalog, T0 + 1), 'not_found');
  });
});

// ---------------------------------------------------------------- clear

describe('clear', () => {
  it('takes every card off air and keeps banner and status', () => {
    const before = expectOk(applyCommand(onAir(SERUM, TOTE, KETTLE), banner('Last call'), catalog, T0 - 1));
    const state = expectOk(applyCommand(before, clear(), catalog, T0));
    expect(state.featured).toEqual([]);
    expect(state.banner).toEqual({ text: 'Last call' });
    expect(state.status).toBe('live');
    expect(state.seq).toBe(before.seq + 1);
    expect(state.updatedAt).toBe(T0);
  });

  it('is accepted on an already empty air (a panic button never fails)', () => {
    const state = expectOk(applyCommand(live(), clear(), catalog, T0));
    expect(state.featured).toEqual([]);
    expect(state.seq).toBe(1);
  });
});

// ---------------------------------------------------------------- banner

describe('banner', () => {
  it('sets a banner without an end', () => {
    const state = expectOk(applyCommand(live(), banner('Free shipping over $50'), catalog, T0));
    expect(state.banner).toEqual({ text: 'Free shipping over $50' });
    expect(state.banner).not.toHaveProperty('endsAt');
    expect(state.seq).toBe(1);
    expect(state.updatedAt).toBe(T0);
  });

  it('sets a banner with a future end', () => {
    const state = expectOk(applyCommand(live(), banner('Flash sale', T0 + 5 * 60_000), catalog, T0));
    expect(state.banner).toEqual({ text: 'Flash sale', endsAt: T0 + 5 * 60_000 });
  });

  it('replaces the previous banner and keeps the cards', () => {
    const before = expectOk(applyCommand(onAir(SERUM, TOTE), banner('First', T0 + 1000), catalog, T0 - 1));
    const state = expectOk(applyCommand(before, banner('Second'), catalog, T0));
    expect(state.banner).toEqual({ text: 'Second' });
    expect(state.featured).toEqual(before.featured);
  });

  it('trims the banner text through the schema', () => {
    const state = expectOk(applyCommand(live(), banner('   Spaced out   '), catalog, T0));
    expect(state.banner?.text).toBe('Spaced out');
  });

  it.each([
    ['in the past', -60_000],
    ['one millisecond ago', -1],
    ['exactly now', 0],
  ])('rejects an end %s as invalid and names endsAt', (_label, delta) => {
    const message = expectError(applyCommand(live(), banner('Too late', T0 + delta), catalog, T0), 'invalid');
    expect(message).toMatch(/endsAt/);
  });
});

describe('banner.clear', () => {
  it('removes the banner and keeps the cards', () => {
    const before = expectOk(applyCommand(onAir(SERUM), banner('Hello'), catalog, T0 - 1));
    const state = expectOk(applyCommand(before, bannerClear(), catalog, T0));
    expect(state.banner).toBeNull();
    expect(state.featured).toEqual(before.featured);
    expect(state.seq).toBe(before.seq + 1);
    expect(state.updatedAt).toBe(T0);
  });

  it('is accepted when there is no banner', () => {
    const state = expectOk(applyCommand(live(), bannerClear(), catalog, T0));
    expect(state.banner).toBeNull();
    expect(state.seq).toBe(1);
  });
});

// ---------------------------------------------------------------- status

describe('status', () => {
  it('goes live from scheduled and keeps cards and banner', () => {
    const scheduled = run(emptyOverlay('demo'), [feature(SERUM), banner('Starting soon')], T0 - 100);
    expect(scheduled.status).toBe('scheduled');
    const state = expectOk(applyCommand(scheduled, status('live'), catalog, T0));
    expect(state.status).toBe('live');
    expect(state.featured).toEqual(scheduled.featured);
    expect(state.banner).toEqual({ text: 'Starting soon' });
    expect(state.seq).toBe(scheduled.seq + 1);
    expect(state.updatedAt).toBe(T0);
  });

  it('can go back to scheduled', () => {
    const state = expectOk(applyCommand(onAir(SERUM), status('scheduled'), catalog, T0));
    expect(state.status).toBe('scheduled');
    expect(onAirIds(state)).toEqual([SERUM]);
  });

  it('ending the show clears cards and banner', () => {
    const before = expectOk(applyCommand(onAir(SERUM, TOTE, KETTLE), banner('Bye'), catalog, T0 - 1));
    const state = expectOk(applyCommand(before, status('ended'), catalog, T0));
    expect(state.status).toBe('ended');
    expect(state.featured).toEqual([]);
    expect(state.banner).toBeNull();
    expect(state.seq).toBe(before.seq + 1);
  });

  it('records the first go-live as startedAt and the end as endedAt; a second end keeps the first', () => {
    const first = expectOk(applyCommand(emptyOverlay('demo'), status('live'), catalog, T0));
    expect(first.startedAt).toBe(T0);
    const again = expectOk(applyCommand(first, status('live'), catalog, T0 + 5));
    expect(again.startedAt).toBe(T0);
    const ended = expectOk(applyCommand(again, status('ended'), catalog, T0 + 10));
    expect(ended).toMatchObject({ startedAt: T0, endedAt: T0 + 10 });
    expect(expectOk(applyCommand(ended, status('ended'), catalog, T0 + 20)).endedAt).toBe(T0 + 10);
    const reopened = expectOk(applyCommand(ended, status('live'), catalog, T0 + 30));
    expect(reopened.startedAt).toBe(T0);
    expect(reopened.endedAt).toBeUndefined();
    expect(expectOk(applyCommand(emptyOverlay('demo'), status('scheduled'), catalog, T0)).startedAt).toBeUndefined();
  });

  it('setting the same status again is accepted and still counts', () => {
    const state = expectOk(applyCommand(live(), status('live'), catalog, T0));
    expect(state.status).toBe('live');
    expect(state.seq).toBe(1);
  });
});

describe('after the show has ended', () => {
  const ended = () => expectOk(applyCommand(onAir(SERUM, TOTE), status('ended'), catalog, T0 - 1));

  it.each([
    ['feature', () => feature(SERUM)],
    ['feature (non-exclusive)', () => feature(TOTE, { exclusive: false })],
    ['unfeature', () => unfeature(SERUM)],
    ['banner', () => banner('Too late')],
    ['banner with end', () => banner('Too late', T0 + 60_000)],
  ])('%s is a conflict that names the command type', (_label, make) => {
    const command = make();
    const message = expectError(applyCommand(ended(), command, catalog, T0), 'conflict');
    expect(message).toContain(command.type);
  });

  it('a feature of an unknown product is rejected too', () => {
    expect(applyCommand(ended(), feature('ghost'), catalog, T0).ok).toBe(false);
  });

  it.each([
    ['clear', () => clear()],
    ['banner.clear', () => bannerClear()],
    ['status ended', () => status('ended')],
    ['status scheduled', () => status('scheduled')],
  ])('%s is accepted', (_label, make) => {
    const before = ended();
    const state = expectOk(applyCommand(before, make(), catalog, T0));
    expect(state.seq).toBe(before.seq + 1);
    expect(state.featured).toEqual([]);
    expect(state.banner).toBeNull();
  });

  it('status live reopens the show and cards can be fired again', () => {
    const reopened = expectOk(applyCommand(ended(), status('live'), catalog, T0));
    expect(reopened.status).toBe('live');
    const state = expectOk(applyCommand(reopened, feature(KETTLE), catalog, T0 + 1));
    expect(onAirIds(state)).toEqual([KETTLE]);
  });
});

// ---------------------------------------------------------------- expiry

describe('expired banners and offers', () => {
  const allCommands: [string, () => Command][] = [
    ['feature (non-exclusive)', () => feature(SCARF, { exclusive: false })],
    ['unfeature', () => unfeature(KETTLE)],
    ['clear', () => clear()],
    ['banner.clear', () => bannerClear()],
    ['status live', () => status('live')],
  ];

  it.each(allCommands)('an expired banner is gone from the state after %s', (_label, make) => {
    const before = run(live(), [feature(KETTLE, { exclusive: false }), banner('Ends soon', T0 + 1000)], T0);
    expect(before.banner).toEqual({ text: 'Ends soon', endsAt: T0 + 1000 });
    const state = expectOk(applyCommand(before, make(), catalog, T0 + 5000));
    expect(state.banner).toBeNull();
  });

  it('a banner ending exactly now counts as expired', () => {
    const before = expectOk(applyCommand(live(), banner('Ends', T0 + 1000), catalog, T0));
    expect(expectOk(applyCommand(before, clear(), catalog, T0 + 1000)).banner).toBeNull();
  });

  it('a banner that has not ended yet stays', () => {
    const before = expectOk(applyCommand(live(), banner('Ends', T0 + 1000), catalog, T0));
    expect(expectOk(applyCommand(before, clear(), catalog, T0 + 999)).banner).toEqual({ text: 'Ends', endsAt: T0 + 1000 });
  });

  it('a banner without an end never expires', () => {
    const before = expectOk(applyCommand(live(), banner('Forever'), catalog, T0));
    expect(expectOk(applyCommand(before, clear(), catalog, T0 + 365 * 24 * 3600_000)).banner).toEqual({ text: 'Forever' });
  });

  it('a new banner command replaces an expired one', () => {
    const before = expectOk(applyCommand(live(), banner('Old', T0 + 10), catalog, T0));
    expect(expectOk(applyCommand(before, banner('New'), catalog, T0 + 20)).banner).toEqual({ text: 'New' });
  });

  it.each([
    ['feature (non-exclusive)', () => feature(SCARF, { exclusive: false })],
    ['unfeature', () => unfeature(TOTE)],
    ['banner', () => banner('Hi')],
    ['banner.clear', () => bannerClear()],
    ['status live', () => status('live')],
  ] as [string, () => Command][])('an expired offer is dropped from its card after %s, the card stays', (_label, make) => {
    const before = run(
      live(),
      [
        feature(SERUM, { exclusive: false, badge: 'Hot', offer: { text: 'Ends soon', endsAt: T0 + 1000 } }),
        feature(TOTE, { exclusive: false, offer: { text: 'Later', endsAt: T0 + 1_000_000 } }),
      ],
      T0,
    );
    const state = expectOk(applyCommand(before, make(), catalog, T0 + 5000));
    const serum = state.featured.find((c) => c.productId === SERUM);
    expect(serum).toBeDefined();
    expect(serum).not.toHaveProperty('offer');
    // The rest of the card is intact.
    const { offer: _dropped, ...rest } = before.featured[0] as Card;
    expect(serum).toEqual(rest);
    expect(serum?.badge).toBe('Hot');
    const tote = state.featured.find((c) => c.productId === TOTE);
    if (tote) expect(tote.offer).toEqual({ text: 'Later', endsAt: T0 + 1_000_000 });
  });

  it('an offer without an end never expires', () => {
    const before = expectOk(applyCommand(live(), feature(KETTLE, { offer: { text: 'No end' } }), catalog, T0));
    const state = expectOk(applyCommand(before, bannerClear(), catalog, T0 + 365 * 24 * 3600_000));
    expect(state.featured[0]?.offer).toEqual({ text: 'No end' });
  });

  it('an offer ending exactly now counts as expired', () => {
    const before = expectOk(applyCommand(live(), feature(SERUM, { offer: { text: 'Deal', endsAt: T0 + 50 } }), catalog, T0));
    const state = expectOk(applyCommand(before, bannerClear(), catalog, T0 + 50));
    expect(state.featured[0]).not.toHaveProperty('offer');
  });

  it('after a rejected command the banner is still there in the caller’s state, and the next accepted command drops it', () => {
    const before = expectOk(applyCommand(live(), banner('Ends', T0 + 10), catalog, T0));
    expectError(applyCommand(before, unfeature(SERUM), catalog, T0 + 20), 'not_found');
    expect(before.banner).toEqual({ text: 'Ends', endsAt: T0 + 10 });
    expect(expectOk(applyCommand(before, bannerClear(), catalog, T0 + 20)).seq).toBe(before.seq + 1);
  });
});

// ---------------------------------------------------------------- seq, updatedAt, identity

describe('seq and updatedAt', () => {
  const everyType: [string, (s: OverlayState) => Command][] = [
    ['feature', () => feature(SKILLET)],
    ['unfeature', (s) => unfeature(s.featured[0]?.productId ?? SERUM)],
    ['clear', () => clear()],
    ['banner', () => banner('Hi')],
    ['banner.clear', () => bannerClear()],
    ['status', () => status('live')],
  ];

  it.each(everyType)('%s adds exactly one to seq, stamps updatedAt and keeps showId', (_label, make) => {
    const before = { ...onAir(SERUM, TOTE), showId: 'show_42', seq: 41, updatedAt: T0 - 99 };
    const state = expectOk(applyCommand(before, make(before), catalog, T0 + 123));
    expect(state.seq).toBe(42);
    expect(state.updatedAt).toBe(T0 + 123);
    expect(state.showId).toBe('show_42');
  });

  it('rejected commands do not count: seq continues from the last accepted state', () => {
    let state = live();
    let accepted = 0;
    const attempts: Command[] = [feature(SERUM), unfeature(TOTE), feature('ghost'), banner('x', T0 - 1), feature(TOTE, { exclusive: false }), unfeature(SERUM), clear()];
    for (const [i, c] of attempts.entries()) {
      const r = applyCommand(state, c, catalog, T0 + i);
      if (r.ok) {
        accepted += 1;
        state = r.state;
      }
    }
    expect(accepted).toBe(4);
    expect(state.seq).toBe(4);
    expect(state.featured).toEqual([]);
  });
});

// ---------------------------------------------------------------- sequences

describe('sequences', () => {
  it('five non-exclusive cards leave only the last three on air, oldest first', () => {
    const commands = [SERUM, TOTE, CROSSBODY, KETTLE, SKILLET].map((id) => feature(id, { exclusive: false }));
    const state = run(live(), commands);
    expect(onAirIds(state)).toEqual([CROSSBODY, KETTLE, SKILLET]);
    expect(state.featured.map((c) => c.cardId)).toEqual(commands.slice(2).map((c) => c.id));
    expect(state.featured.map((c) => c.firedAt)).toEqual([T0 + 2, T0 + 3, T0 + 4]);
    expect(state.seq).toBe(5);
  });

  it('an exclusive feature after a stack of cards leaves just itself', () => {
    const state = run(live(), [feature(SERUM, { exclusive: false }), feature(TOTE, { exclusive: false }), feature(KETTLE, { exclusive: false }), feature(SCARF)]);
    expect(onAirIds(state)).toEqual([SCARF]);
    expect(state.seq).toBe(4);
  });

  it('a show from start to finish', () => {
    let s = emptyOverlay('glow-up-hour');
    s = run(s, [status('live'), banner('Welcome!'), feature(SERUM), feature(TOTE, { exclusive: false, badge: 'New' })], T0);
    expect(onAirIds(s)).toEqual([SERUM, TOTE]);
    s = run(s, [feature(SERUM, { exclusive: false }), unfeature(TOTE), banner('Last chance', T0 + 60_000)], T0 + 10);
    expect(onAirIds(s)).toEqual([SERUM]);
    expect(s.banner?.text).toBe('Last chance');
    s = run(s, [clear(), feature(KETTLE), status('ended')], T0 + 20);
    expect(s).toMatchObject({ showId: 'glow-up-hour', seq: 10, status: 'ended', featured: [], banner: null, updatedAt: T0 + 22 });
  });
});

// ---------------------------------------------------------------- immutability and determinism

describe('purity', () => {
  function richState(): OverlayState {
    return run(
      live(),
      [
        feature(SERUM, { exclusive: false, offer: { text: 'Soon over', endsAt: T0 + 5 } }),
        feature(TOTE, { exclusive: false, badge: 'Hot' }),
        feature(KETTLE, { exclusive: false, mediaMs: 5000 }),
        banner('Ends soon', T0 + 5),
      ],
      T0,
    );
  }

  const commands: [string, () => Command][] = [
    ['feature exclusive', () => feature(SCARF)],
    ['feature non-exclusive (evicts)', () => feature(SCARF, { exclusive: false })],
    ['feature non-exclusive re-feature', () => feature(TOTE, { exclusive: false })],
    ['feature unknown product', () => feature('ghost')],
    ['feature with past offer', () => feature(SCARF, { offer: { text: 'x', endsAt: T0 } })],
    ['unfeature', () => unfeature(TOTE)],
    ['unfeature not on air', () => unfeature(SCARF)],
    ['clear', () => clear()],
    ['banner', () => banner('New', T0 + 100_000)],
    ['banner in the past', () => banner('Old', T0)],
    ['banner.clear', () => bannerClear()],
    ['status live', () => status('live')],
    ['status ended', () => status('ended')],
  ];

  it.each(commands)('%s never mutates its deep-frozen inputs (including the expiry path)', (_label, make) => {
    const state = richState();
    const snapshot = structuredClone(state);
    const command = make();
    const commandSnapshot = structuredClone(command);
    deepFreeze(state);
    deepFreeze(command);
    for (const p of products) deepFreeze(p);
    // `now` after the offer and banner ends, so dropExpired has work to do.
    const result = applyCommand(state, command, catalog, T0 + 10);
    expect(state).toEqual(snapshot);
    expect(command).toEqual(commandSnapshot);
    if (result.ok) {
      expect(result.state).not.toBe(state);
      OverlayState.parse(result.state);
    }
  });

  it('never mutates a frozen ended state', () => {
    const state = deepFreeze(expectOk(applyCommand(onAir(SERUM), status('ended'), catalog, T0)));
    const snapshot = structuredClone(state);
    for (const c of [feature(SERUM), clear(), bannerClear(), status('live'), banner('x')]) applyCommand(state, c, catalog, T0 + 1);
    expect(state).toEqual(snapshot);
  });

  it.each(commands)('%s gives the same answer for the same inputs', (_label, make) => {
    const command = make();
    const base = richState();
    const a = applyCommand(structuredClone(base), command, catalog, T0 + 10);
    const b = applyCommand(structuredClone(base), command, catalog, T0 + 10);
    const c = applyCommand(deepFreeze(structuredClone(base)), structuredClone(command), new Map(byId), T0 + 10);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

// ---------------------------------------------------------------- property-style

describe('random command sequences keep the invariants', () => {
  const SEEDS = [1, 2, 3, 7, 42, 1337, 2024, 65535, 0xdecaf, 0xc0ffee];
  const STEPS = 400;
  const productPool = [...ids, 'ghost-1', 'ghost_2'];

  function randomCommand(rand: () => number, now: number, n: number): Command {
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const id = `r-${n}`;
    const roll = rand();
    const future = () => now + 1 + Math.floor(rand() * 5000);
    const pastOrNow = () => now - Math.floor(rand() * 3);
    if (roll < 0.45) {
      const extra: Record<string, unknown> = {};
      const ex = rand();
      if (ex < 0.6) extra.exclusive = false;
      else if (ex < 0.8) extra.exclusive = true;
      if (rand() < 0.3) extra.badge = pick(['New', 'Hot', 'Live deal']);
      if (rand() < 0.3) extra.offer = rand() < 0.8 ? { text: 'Deal', endsAt: future() } : rand() < 0.5 ? { text: 'Forever' } : { text: 'Late', endsAt: pastOrNow() };
      if (rand() < 0.3) extra.mediaMs = Math.floor(rand() * 3_600_000);
      return cmd({ id, type: 'feature', productId: pick(productPool), ...extra });
    }
    if (roll < 0.65) return cmd({ id, type: 'unfeature', productId: pick(productPool) });
    if (roll < 0.72) return cmd({ id, type: 'clear' });
    if (roll < 0.85) {
      const r = rand();
      return cmd({ id, type: 'banner', text: 'Banner ' + n, ...(r < 0.4 ? {} : r < 0.9 ? { endsAt: future() } : { endsAt: pastOrNow() }) });
    }
    if (roll < 0.92) return cmd({ id, type: 'banner.clear' });
    return cmd({ id, type: 'status', status: pick(['scheduled', 'live', 'live', 'ended'] as const) });
  }

  it.each(SEEDS)('seed %i', (seed) => {
    const rand = rng(seed);
    let state = emptyOverlay(`prop-${seed}`);
    let now = T0;
    let accepted = 0;
    const codes = new Map<string, number>();

    for (let n = 0; n < STEPS; n++) {
      now += Math.floor(rand() * 1500);
      const command = randomCommand(rand, now, n);
      const before = deepFreeze(state);
      const result = applyCommand(before, command, catalog, now);
      const where = `seed ${seed} step ${n} ${JSON.stringify(command)}`;

      if (!result.ok) {
        codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
        // The reason must be one the rules give.
        const endedBlock = before.status === 'ended' && !['clear', 'banner.clear', 'status'].includes(command.type);
        if (endedBlock) expect(result.error.code, where).toBe('conflict');
        else if (command.type === 'feature' && !byId.has(command.productId)) expect(result.error.code, where).toBe('not_found');
        else if (command.type === 'feature') {
          expect(result.error.code, where).toBe('invalid');
          expect(command.offer?.endsAt, where).toBeLessThanOrEqual(now);
        } else if (command.type === 'unfeature') {
          expect(result.error.code, where).toBe('not_found');
          expect(before.featured.some((c) => c.productId === command.productId), where).toBe(false);
        } else if (command.type === 'banner') {
          expect(result.error.code, where).toBe('invalid');
          expect(command.endsAt, where).toBeLessThanOrEqual(now);
        } else throw new Error(`${where}: "${command.type}" must never be rejected, got ${result.error.code}`);
        continue;
      }

      accepted += 1;
      const s = result.state;
      // Invariants.
      expect(() => OverlayState.parse(s), where).not.toThrow();
      expect(s.featured.length, where).toBeLessThanOrEqual(MAX_FEATURED);
      expect(s.seq, where).toBe(accepted);
      expect(s.updatedAt, where).toBe(now);
      expect(s.showId, where).toBe(`prop-${seed}`);
      const productIds = s.featured.map((c) => c.productId);
      expect(new Set(productIds).size, where).toBe(productIds.length);
      const cardIds = s.featured.map((c) => c.cardId);
      expect(new Set(cardIds).size, where).toBe(cardIds.length);
      for (const card of s.featured) {
        expect(byId.has(card.productId), where).toBe(true);
        expect(card.firedAt, where).toBeLessThanOrEqual(now);
        if (card.offer?.endsAt !== undefined) expect(card.offer.endsAt, where).toBeGreaterThan(now);
      }
      // Cards stay in firing order.
      expect([...s.featured].sort((a, b) => a.firedAt - b.firedAt).map((c) => c.cardId), where).toEqual(cardIds);
      if (s.banner?.endsAt !== undefined) expect(s.banner.endsAt, where).toBeGreaterThan(now);
      if (s.status === 'ended') {
        expect(s.featured, where).toEqual([]);
        expect(s.banner, where).toBeNull();
      }
      // What each accepted command promises.
      switch (command.type) {
        case 'feature': {
          const last = s.featured.at(-1);
          expect(last?.cardId, where).toBe(command.id);
          expect(last?.productId, where).toBe(command.productId);
          if (command.exclusive !== false) expect(s.featured, where).toHaveLength(1);
          else {
            const kept = before.featured.filter((c) => c.productId !== command.productId).slice(-(MAX_FEATURED - 1));
            expect(cardIds.slice(0, -1), where).toEqual(kept.map((c) => c.cardId));
          }
          break;
        }
        case 'unfeature':
          expect(productIds, where).not.toContain(command.productId);
          expect(s.featured.length, where).toBe(before.featured.length - 1);
          break;
        case 'clear':
          expect(s.featured, where).toEqual([]);
          break;
        case 'banner':
          expect(s.banner?.text, where).toBe(command.text);
          expect(s.banner?.endsAt, where).toBe(command.endsAt);
          break;
        case 'banner.clear':
          expect(s.banner, where).toBeNull();
          break;
        case 'status':
          expect(s.status, where).toBe(command.status);
          break;
      }
      state = s;
    }

    // The generator really exercised both paths.
    expect(accepted).toBeGreaterThan(STEPS / 4);
    expect(accepted).toBe(state.seq);
    expect([...codes.values()].reduce((a, b) => a + b, 0)).toBe(STEPS - accepted);
  });
});

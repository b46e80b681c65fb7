// A small show worked out by hand, shared by the figures and report tests (the numbers in the comments).
import type { Order } from '../contract/commerce.js';
import type { CardStretch, FigureEvent } from './figures.js';

export const KETTLE = 'kettle';
export const MUG = 'mug';
const ev = (type: FigureEvent['type'], sessionId: string, extra: Partial<FigureEvent> = {}): FigureEvent => ({ type, sessionId, mode: 'live', ...extra });
const k1 = { cardId: 'k1', productId: KETTLE };
const k2 = { cardId: 'k2', productId: MUG };
const hb = (sessionId: string, mode: FigureEvent['mode'], ...ms: number[]) => ms.map((mediaMs) => ev('heartbeat', sessionId, { mode, mediaMs }));

// Sessions A, B, C watch live; D the replay; E a clip (c1).
export const EVENTS: FigureEvent[] = [
  ev('view', 'A'),
  ev('view', 'B'),
  ev('view', 'C'),
  ev('view', 'D', { mode: 'replay' }),
  ev('view', 'E', { mode: 'clip', clipId: 'c1' }),
  ...hb('A', 'live', 0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000), // 7: minute 0 ×6, minute 1
  ...hb('B', 'live', 5_000, 15_000, 65_000), // 3: minutes 0 and 1
  ...hb('C', 'live', 61_000, 71_000), // 2: minute 1
  ...hb('D', 'replay', 0, 10_000), // 2, not live
  ev('impression', 'A', k1),
  ev('impression', 'A', k1), // the same card again: once
  ev('impression', 'B', k1),
  ev('impression', 'C', k1),
  ev('impression', 'D', { ...k2, mode: 'replay' }),
  ev('click', 'A', k1),
  ev('click', 'B', k1),
  ev('click', 'B', k1), // twice: once
  ev('click', 'E', { ...k1, mode: 'clip' }), // never saw k1: not counted
  ev('add_to_cart', 'A', k1),
  ev('add_to_cart', 'B', k1),
  ev('add_to_cart', 'D', { ...k2, mode: 'replay' }),
];

export const usd = (amount: string) => ({ amount, currencyCode: 'USD' });
export const line = (productId: string, price: string, quantity: number) => ({ lineId: `l-${productId}`, productId, title: productId, price: usd(price), priceSource: 'list' as const, quantity, available: true });
export const order = (id: string, extra: Partial<Order>): Order => ({ id, showId: 's', cartId: `c-${id}`, lines: [], total: usd('0'), createdAt: 0, ...extra });
export const ORDERS: Order[] = [
  order('o1', { mode: 'live', sessionId: 'A', lines: [line(KETTLE, '89.00', 1)], total: usd('89.00') }),
  order('o2', { mode: 'replay', sessionId: 'D', lines: [line(MUG, '22.00', 2)], total: usd('44.00'), refunded: usd('22.00') }),
  order('o3', { mode: 'clip', sessionId: 'E', lines: [line(KETTLE, '89.00', 1)], total: usd('89.00') }),
  order('o4', { lines: [line(MUG, '22.00', 1)], total: usd('22.00') }), // a store order without a session: live, no buyer
];

export const STRETCHES: CardStretch[] = [
  { cardId: 'k1', productId: KETTLE, startMs: 0, endMs: 30_000 },
  { cardId: 'k1b', productId: KETTLE, startMs: 20_000, endMs: 50_000 }, // overlaps: 0–50 s once
  { cardId: 'k1c', productId: KETTLE, startMs: 100_000, endMs: 110_000 }, // +10 s
  { cardId: 'k2', productId: MUG, startMs: 50_000, endMs: 80_000 },
  { cardId: 'bad', productId: MUG, startMs: 90_000, endMs: 90_000 }, // empty: nothing
];


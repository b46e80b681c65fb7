import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Command, OverlayState, Product } from '@cuecart/shared';
import { openDatabase, type Db } from '../db/database.js';
import { SqliteShowStore } from './sqlite-show-store.js';
import type { ShowStore } from './show-store.js';
import { ShowAuthority, type NewShow } from './show-authority.js';

const T0 = 1_700_000_000_000;

const product = (id: string, title = `Product ${id}`): Product => ({
  id,
  title,
  price: { amount: '49.00', currencyCode: 'USD' },
  available: true,
});

const PRODUCTS = [product('serum', 'Glow Serum'), product('kettle', 'Pour-Over Kettle'), product('tote', 'Canvas Tote')];

const newShow = (extra: Partial<NewShow> = {}): NewShow => ({
  title: 'Spring drop',
  rundown: ['serum', 'kettle'],
  spec: { provider: 'inline', products: PRODUCTS },
  products: PRODUCTS,
  ...extra,
});

const feature = (id: string, productId: string, extra: Partial<Extract<Command, { type: 'feature' }>> = {}): Command => ({ id, type: 'feature', productId, ...extra });

let dir: string;
let db: Db;
let now: number;
const dbs: Db[] = [];

function reopen(): Db {
  const fresh = openDatabase(dir);
  dbs.push(fresh);
  return fresh;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cuecart-authority-'));
  now = T0;
  db = reopen();
});

afterEach(() => {
  for (const d of dbs.splice(0)) if (d.open) d.close();
  rmSync(dir, { recursive: true, force: true });
});

function authority(): ShowAuthority {
  return new ShowAuthority(new SqliteShowStore(db), () => now);
}

async function created(a: ShowAuthority, extra: Partial<NewShow> = {}): Promise<string> {
  const result = await a.create(newShow(extra));
  if (!result.ok) throw new Error(`create failed: ${result.error.message}`);
  return result.show.id;
}

function stateOf(a: ShowAuthority, showId: string): OverlayState {
  const rt = a.get(showId);
  if (!rt) throw new Error(`no show ${showId}`);
  return rt.state;
}

describe('ShowAuthority.create', () => {
  it('creates a scheduled show with the given id, an empty overlay and the catalog summary', async () => {
    const a = authority();
    const result = await a.create(newShow({ id: 'spring', streamUrl: 'https://video.example/live.m3u8', streamEpochMs: T0 - 5000 }));
    expect(result).toEqual({
      ok: true,
      show: {
        id: 'spring',
        title: 'Spring drop',
        status: 'scheduled',
        rundown: ['serum', 'kettle'],
        catalog: { provider: 'inline', productCount: 3 },
        createdAt: T0,
        streamUrl: 'https://video.example/live.m3u8',
        streamEpochMs: T0 - 5000,
      },
    });
    expect(stateOf(a, 'spring')).toEqual({ showId: 'spring', seq: 0, status: 'scheduled', featured: [], banner: null });
    expect(a.ids()).toEqual(['spring']);
    expect(a.publicShow('spring')?.status).toBe('scheduled');
  });

  it('makes a URL-safe id when none is given, a different one each time', async () => {
    const a = authority();
    const first = await created(a);
    const second = await created(a);
    expect(first).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);
    expect(second).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);
    expect(first).not.toBe(second);
    expect(a.ids().sort()).toEqual([first, second].sort());
  });

  it('refuses an id that is taken, with conflict, and keeps the first show', async () => {
    const a = authority();
    await created(a, { id: 'spring', title: 'First' });
    const again = await a.create(newShow({ id: 'spring', title: 'Second' }));
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.error.code).toBe('conflict');
    expect(again.error.message).toContain('"spring"');
    expect(a.publicShow('spring')?.title).toBe('First');
  });

  it('refuses a rundown naming products that are not in the catalog, naming them, and stores nothing', async () => {
    const a = authority();
    const result = await a.create(newShow({ id: 'bad', rundown: ['serum', 'ghost', 'phantom'] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid');
    expect(result.error.message).toContain('ghost');
    expect(result.error.message).toContain('phantom');
    expect(result.error.message).not.toContain('serum');
    expect(a.get('bad')).toBeUndefined();
    const reloaded = new ShowAuthority(new SqliteShowStore(db));
    expect(await reloaded.load()).toBe(0);
  });

  it('an empty rundown is fine', async () => {
    const a = authority();
    expect((await a.create(newShow({ rundown: [] }))).ok).toBe(true);
  });
});

describe('ShowAuthority.submit', () => {
  it('accepts commands in order, seq growing by one each time, and notifies listeners with the new state', async () => {
    const a = authority();
    const id = await created(a);
    const seen: Array<[string, OverlayState]> = [];
    a.onOverlay((showId, state) => seen.push([showId, state]));

    expect(await a.submit(id, feature('c1', 'serum'), 'Ana')).toEqual({ ok: true, seq: 1 });
    expect(await a.submit(id, { id: 'c2', type: 'banner', text: '20% off tonight' }, 'Ana')).toEqual({ ok: true, seq: 2 });
    expect(await a.submit(id, { id: 'c3', type: 'status', status: 'live' }, 'Ana')).toEqual({ ok: true, seq: 3 });

    const state = stateOf(a, id);
    expect(state).toMatchObject({ seq: 3, status: 'live', banner: { text: '20% off tonight' } });
    expect(state.featured.map((c) => [c.productId, c.title, c.cardId])).toEqual([['serum', 'Glow Serum', 'c1']]);
    expect(a.publicShow(id)?.status).toBe('live');
    expect(seen.map(([showId, s]) => [showId, s.seq])).toEqual([
      [id, 1],
      [id, 2],
      [id, 3],
    ]);
    expect(seen[2]![1]).toEqual(state);
  });

  it('a rejected command (unknown product) changes neither state nor seq and notifies nobody', async () => {
    const a = authority();
    const id = await created(a);
    await a.submit(id, feature('c1', 'serum'), 'Ana');
    const before = structuredClone(stateOf(a, id));
    let notified = 0;
    a.onOverlay(() => notified++);

    const ack = await a.submit(id, feature('c2', 'not-in-catalog'), 'Ana');
    expect(ack.ok).toBe(false);
    if (!ack.ok) {
      expect(ack.error.code).toBe('not_found');
      expect(ack.error.message).toContain('not-in-catalog');
    }
    expect(stateOf(a, id)).toEqual(before);
    expect(notified).toBe(0);
    // The next accepted command takes the very next seq: no gap for viewers.
    expect(await a.submit(id, feature('c3', 'kettle'), 'Ana')).toEqual({ ok: true, seq: 2 });
  });

  it('the same id with the same body answers identically without applying it again or notifying again', async () => {
    const a = authority();
    const id = await created(a);
    let notified = 0;
    a.onOverlay(() => notified++);
    const cmd = feature('c1', 'serum', { exclusive: false, badge: 'NEW' });

    const first = await a.submit(id, cmd, 'Ana');
    const afterFirst = structuredClone(stateOf(a, id));
    now += 5000;
    const second = await a.submit(id, { ...cmd }, 'Bo');
    expect(second).toEqual(first);
    expect(stateOf(a, id)).toEqual(afterFirst);
    expect(notified).toBe(1);
    expect(await a.submit(id, feature('c2', 'kettle'), 'Ana')).toEqual({ ok: true, seq: 2 });
  });

  it('the same id with the same body after a rejection is rejected the same way', async () => {
    const a = authority();
    const id = await created(a);
    const first = await a.submit(id, { id: 'u1', type: 'unfeature', productId: 'serum' }, 'Ana');
    expect(first.ok).toBe(false);
    // Now the product is on air, but the command id was already answered: the answer stands.
    await a.submit(id, feature('c1', 'serum'), 'Ana');
    const again = await a.submit(id, { id: 'u1', type: 'unfeature', productId: 'serum' }, 'Ana');
    expect(again).toEqual(first);
    expect(stateOf(a, id).featured.map((c) => c.productId)).toEqual(['serum']);
  });

  it('the same id with a different body is a conflict and changes nothing', async () => {
    const a = authority();
    const id = await created(a);
    await a.submit(id, feature('c1', 'serum'), 'Ana');
    const before = structuredClone(stateOf(a, id));
    const ack = await a.submit(id, feature('c1', 'kettle'), 'Ana');
    expect(ack.ok).toBe(false);
    if (!ack.ok) {
      expect(ack.error.code).toBe('conflict');
      expect(ack.error.message).toContain('"c1"');
    }
    expect(stateOf(a, id)).toEqual(before);
    // The original answer is still what the original command gets.
    expect(await a.submit(id, feature('c1', 'serum'), 'Ana')).toEqual({ ok: true, seq: 1 });
  });

  it('command ids are per show: the same id on two shows applies on each', async () => {
    const a = authority();
    const one = await created(a, { id: 'one' });
    const two = await created(a, { id: 'two' });
    expect(await a.submit(one, feature('c1', 'serum'), 'Ana')).toEqual({ ok: true, seq: 1 });
    expect(await a.submit(two, feature('c1', 'kettle'), 'Ana')).toEqual({ ok: true, seq: 1 });
    expect(stateOf(a, one).featured.map((c) => c.productId)).toEqual(['serum']);
    expect(stateOf(a, two).featured.map((c) => c.productId)).toEqual(['kettle']);
  });

  it('an unknown show is not_found', async () => {
    const a = authority();
    const ack = await a.submit('nope', feature('c1', 'serum'), 'Ana');
    expect(ack.ok).toBe(false);
    if (!ack.ok) {
      expect(ack.error.code).toBe('not_found');
      expect(ack.error.message).toContain('"nope"');
    }
  });

  it('a throwing overlay listener does not break the ack, the state, or the other listeners', async () => {
    const a = authority();
    const id = await created(a);
    const seen: number[] = [];
    a.onOverlay(() => {
      throw new Error('socket exploded');
    });
    a.onOverlay((_showId, state) => seen.push(state.seq));
    expect(await a.submit(id, feature('c1', 'serum'), 'Ana')).toEqual({ ok: true, seq: 1 });
    expect(await a.submit(id, { id: 'c2', type: 'clear' }, 'Ana')).toEqual({ ok: true, seq: 2 });
    expect(stateOf(a, id).seq).toBe(2);
    expect(seen).toEqual([1, 2]);
  });

  it('an unsubscribed listener hears nothing more', async () => {
    const a = authority();
    const id = await created(a);
    const seen: number[] = [];
    const off = a.onOverlay((_showId, state) => seen.push(state.seq));
    await a.submit(id, feature('c1', 'serum'), 'Ana');
    off();
    await a.submit(id, feature('c2', 'kettle'), 'Ana');
    expect(seen).toEqual([1]);
  });
});

describe('ShowAuthority.load after a restart', () => {
  it('rebuilds every show with identical state and seq from the re-opened database', async () => {
    const a = authority();
    const spring = await created(a, { id: 'spring' });
    const quiet = await created(a, { id: 'quiet', rundown: ['tote'] });
    await a.submit(spring, feature('c1', 'serum', { badge: 'NEW', mediaMs: 12_000 }), 'Ana');
    now += 1000;
    await a.submit(spring, feature('c2', 'kettle', { exclusive: false, offer: { text: 'Bundle', endsAt: T0 + 3_600_000 } }), 'Ana');
    await a.submit(spring, { id: 'c3', type: 'banner', text: 'Free shipping', endsAt: T0 + 7_200_000 }, 'Ana');
    await a.submit(spring, { id: 'c4', type: 'status', status: 'live' }, 'Ana');
    await a.submit(spring, feature('bad', 'ghost'), 'Ana');
    const before = structuredClone(stateOf(a, spring));
    const publicBefore = a.publicShow(spring);
    expect(before.seq).toBe(4);

    db.close();
    db = reopen();
    const b = new ShowAuthority(new SqliteShowStore(db), () => now);
    expect(await b.load()).toBe(2);
    expect(b.ids().sort()).toEqual([quiet, spring].sort());
    expect(stateOf(b, spring)).toEqual(before);
    expect(b.publicShow(spring)).toEqual(publicBefore);
    expect(stateOf(b, quiet)).toEqual({ showId: quiet, seq: 0, status: 'scheduled', featured: [], banner: null });
    expect(b.get(spring)?.products).toEqual(PRODUCTS);
    expect(b.get(spring)?.catalog.get('serum')?.title).toBe('Glow Serum');
  });

  it('answers a repeated command id identically after the restart, without applying it again', async () => {
    const a = authority();
    const id = await created(a, { id: 'spring' });
    const accepted = await a.submit(id, feature('c1', 'serum'), 'Ana');
    const rejected = await a.submit(id, feature('c2', 'ghost'), 'Ana');
    await a.submit(id, feature('c3', 'kettle'), 'Ana');

    db.close();
    db = reopen();
    const b = new ShowAuthority(new SqliteShowStore(db), () => now);
    await b.load();
    let notified = 0;
    b.onOverlay(() => notified++);
    const before = structuredClone(stateOf(b, id));

    expect(await b.submit(id, feature('c1', 'serum'), 'Ana')).toEqual(accepted);
    expect(await b.submit(id, feature('c2', 'ghost'), 'Ana')).toEqual(rejected);
    expect((await b.submit(id, feature('c1', 'tote'), 'Ana')).ok).toBe(false);
    expect(stateOf(b, id)).toEqual(before);
    expect(notified).toBe(0);
    // New commands continue from the restored seq.
    expect(await b.submit(id, feature('c4', 'tote'), 'Ana')).toEqual({ ok: true, seq: 3 });
    expect(notified).toBe(1);
  });

  it('refuses to create a show whose id exists in the database after a restart', async () => {
    await created(authority(), { id: 'spring' });
    db.close();
    db = reopen();
    const b = new ShowAuthority(new SqliteShowStore(db), () => now);
    await b.load();
    const again = await b.create(newShow({ id: 'spring' }));
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('conflict');
  });
});

describe('a store shared with other relays', () => {
  /** A SQLite store that, on the first decision, pretends another relay committed `rival` first. */
  function raced(rival: (state: OverlayState) => OverlayState, outcome?: 'busy') {
    const inner = new SqliteShowStore(db);
    const decisions: number[] = [];
    const store: ShowStore = Object.assign(Object.create(inner) as SqliteShowStore, {
      commitCommand: async (...args: Parameters<ShowStore['commitCommand']>) => {
        const [showId, commandId, current, decide, moved] = args;
        if (outcome === 'busy') return { kind: 'busy' as const };
        decisions.push(decide(current).expectedSeq);
        const newer = rival(current);
        moved(newer);
        return inner.commitCommand(showId, commandId, newer, (s) => {
          const entry = decide(s);
          decisions.push(entry.expectedSeq);
          return entry;
        });
      },
    });
    return { authority: new ShowAuthority(store, () => now), decisions };
  }

  it('adopts the state another relay committed and applies the command on top of it', async () => {
    const { authority: a, decisions } = raced((s) => ({ ...s, seq: s.seq + 1, banner: { text: 'from relay B' } }));
    const id = await created(a);
    let shown: OverlayState | undefined;
    a.onOverlay((_show, state) => (shown = state));
    expect(await a.submit(id, feature('c1', 'serum'), 'Ana')).toEqual({ ok: true, seq: 2 });
    expect(decisions).toEqual([0, 1]);
    expect(stateOf(a, id)).toMatchObject({ seq: 2, banner: { text: 'from relay B' }, featured: [{ productId: 'serum' }] });
    expect(shown?.seq).toBe(2);
  });

  it('answers conflict, with what to do, when the show stays too busy to take the command', async () => {
    const { authority: a } = raced((s) => s, 'busy');
    const id = await created(a);
    const ack = await a.submit(id, feature('c1', 'serum'), 'Ana');
    expect(ack).toEqual({ ok: false, error: { code: 'conflict', message: expect.stringContaining('send it again with the same id') } });
    expect(stateOf(a, id).seq).toBe(0);
  });
});

describe('live product updates', () => {
  it('keeps and announces only real changes, durably; a check time alone is no news; a refresh never grows the catalog', async () => {
    const authority = new ShowAuthority(new SqliteShowStore(db), () => now);
    const created = await authority.create(newShow({ id: 'live-prices' }));
    expect(created.ok).toBe(true);
    const heard: Product[][] = [];
    authority.onProducts((_show, products) => heard.push(products));

    const cheaper = { ...product('serum', 'Glow Serum'), price: { amount: '39.00', currencyCode: 'USD' }, checkedAt: T0 };
    const changed = await authority.updateProducts('live-prices', [cheaper, { ...product('kettle', 'Pour-Over Kettle'), checkedAt: T0 }, product('stranger')]);
    expect(changed.map((p) => p.id)).toEqual(['serum']);
    expect(heard).toEqual([[cheaper]]);
    expect(authority.get('live-prices')?.catalog.get('stranger')).toBeUndefined();
    expect(authority.get('live-prices')?.catalog.get('kettle')?.checkedAt).toBe(T0);

    expect(await authority.updateProducts('live-prices', [{ ...cheaper, checkedAt: T0 + 1000 }])).toEqual([]);
    expect(heard).toHaveLength(1);

    // Kept: a relay that starts again has the new price.
    db.close();
    const again = new ShowAuthority(new SqliteShowStore(reopen()), () => now);
    await again.load();
    expect(again.get('live-prices')?.catalog.get('serum')?.price.amount).toBe('39.00');
  });
});

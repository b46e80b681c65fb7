import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Suggestion } from '@cuecart/shared';
import { openDatabase, type Db } from '../db/database.js';
import { SqliteShowStore } from '../shows/sqlite-show-store.js';
import { ShowAuthority } from '../shows/show-authority.js';
import { IGNORE_AFTER_MS, TranscriptService } from './transcript-service.js';

const products = [
  { id: 'kettle', title: 'Nimbus Pour-Over Kettle', price: { amount: '89.00', currencyCode: 'USD' }, available: true },
  { id: 'mug', title: 'Speckled Stoneware Mug', price: { amount: '22.00', currencyCode: 'USD' }, available: true },
];

let dir: string;
let db: Db;
let now: number;
let authority: ShowAuthority;
let service: TranscriptService;
let suggested: Suggestion[];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cuecart-transcript-'));
  db = openDatabase(dir);
  now = 1_000_000;
  authority = new ShowAuthority(new SqliteShowStore(db), () => now);
  await authority.create({ id: 's', title: 'S', spec: { provider: 'inline', products }, products, rundown: ['kettle', 'mug'] });
  service = new TranscriptService(db, authority, () => now);
  suggested = [];
  service.onSuggestion((_show, s) => suggested.push(s));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('TranscriptService', () => {
  it('stores segments idempotently and derives the same id for a repeated segment without one', async () => {
    const seg = { startMs: 1000, endMs: 4000, text: 'hello everyone' };
    expect(service.ingest('s', [seg])).toEqual({ accepted: 1, duplicates: 0, outOfOrder: 0, empty: 0 });
    expect(service.ingest('s', [seg])).toEqual({ accepted: 0, duplicates: 1, outOfOrder: 0, empty: 0 });
    expect(service.segments.recent('s', 10)).toHaveLength(1);
    expect(service.segments.recent('s', 10)[0]!.id).toMatch(/^auto-1000-/);
  });

  it('keeps a final segment and never lets a later partial overwrite it', async () => {
    service.ingest('s', [{ id: 'a', startMs: 0, endMs: 1000, text: 'the nimbus', final: false }]);
    service.ingest('s', [{ id: 'a', startMs: 0, endMs: 2000, text: 'the nimbus kettle', final: true }]);
    expect(service.ingest('s', [{ id: 'a', startMs: 0, endMs: 1000, text: 'the nimbus', final: false }]).duplicates).toBe(1);
    expect(service.segments.recent('s', 10)).toEqual([{ id: 'a', startMs: 0, endMs: 2000, text: 'the nimbus kettle', final: true }]);
  });

  it('suggests a named product, marks it taken when it goes on air, and ignores stale ones', async () => {
    service.ingest('s', [{ id: 'a', startMs: 0, endMs: 3000, text: 'this is the nimbus pour over kettle' }]);
    expect(suggested.map((s) => s.productId)).toEqual(['kettle']);
    expect(service.suggestions.fates('s')).toMatchObject({ pending: 1 });
    await authority.submit('s', { id: 'c1', type: 'feature', productId: 'kettle' }, 'p');
    expect(service.suggestions.fates('s')).toMatchObject({ pending: 0, taken: 1 });

    service.ingest('s', [{ id: 'b', startMs: 10_000, endMs: 13_000, text: 'and the speckled stoneware mug' }]);
    expect(suggested.at(-1)!.productId).toBe('mug');
    now += IGNORE_AFTER_MS + 1;
    service.ingest('s', [{ id: 'c', startMs: 80_000, endMs: 83_000, text: 'back to the kettle pro no the nimbus pour over kettle' }]);
    expect(service.suggestions.fates('s').ignored).toBe(1);
  });

  it('does not match out-of-order segments and counts empty ones', async () => {
    service.ingest('s', [{ id: 'late-1', startMs: 50_000, endMs: 52_000, text: 'chit chat' }]);
    const r = service.ingest('s', [
      { id: 'late-0', startMs: 1_000, endMs: 3_000, text: 'the speckled stoneware mug' },
      { id: 'e', startMs: 60_000, endMs: 61_000, text: '   ' },
    ]);
    expect(r).toEqual({ accepted: 1, duplicates: 0, outOfOrder: 1, empty: 1 });
    expect(suggested).toEqual([]);
  });

  it('dismisses a pending suggestion once', async () => {
    service.ingest('s', [{ id: 'a', startMs: 0, endMs: 3000, text: 'the speckled stoneware mug' }]);
    const id = suggested[0]!.id;
    expect(service.dismiss('s', id)).toBe(true);
    expect(service.dismiss('s', id)).toBe(false);
    expect(service.suggestions.fates('s').dismissed).toBe(1);
  });

  it('leaves the database syncing fully for commands after a transcript batch', () => {
    service.ingest('s', [{ id: 'a', startMs: 0, endMs: 3000, text: 'hello' }]);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TrackEvent } from '@cuecart/shared';
import { openDatabase, type Db } from '../db/database.js';
import { DAY_MS, TrackRepository } from './track-repository.js';

let dir = '';
let db: Db | undefined;
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(clock: () => number) {
  dir = mkdtempSync(join(tmpdir(), 'cuecart-track-'));
  db = openDatabase(dir);
  return { repo: new TrackRepository(db, clock), db };
}

const ev = (type: TrackEvent['type'], over: Partial<TrackEvent> = {}): TrackEvent => ({ type, showId: 's', productId: 'p', sessionId: 'v', mode: 'live', ...over });

describe('TrackRepository', () => {
  it('rolls raw rows past the retention age into daily counts, deleting them, and the counts stay the same', () => {
    let now = 10 * DAY_MS;
    const { repo, db } = open(() => now);
    repo.record([ev('impression'), ev('impression', { productId: 'q' }), ev('click')], 'client');
    now += 2 * DAY_MS;
    repo.record([ev('impression'), ev('click', { mode: 'replay' })], 'client');
    const before = repo.countsByType('s');
    expect(before).toEqual({ impression: 3, click: 2 });
    now += 0.5 * DAY_MS;
    expect(repo.rollUp(DAY_MS)).toBe(3);
    expect((db.prepare('SELECT COUNT(*) AS n FROM track_events').get() as { n: number }).n).toBe(2);
    expect(repo.countsByType('s')).toEqual(before);
    // Rolling up again later folds into the same daily rows.
    now += 5 * DAY_MS;
    expect(repo.rollUp(DAY_MS)).toBe(2);
    expect((db.prepare('SELECT COUNT(*) AS n FROM track_events').get() as { n: number }).n).toBe(0);
    expect(repo.countsByType('s')).toEqual(before);
  });

  it('keeps a client purchase as a signal, apart from the purchases the store recorded', () => {
    const { repo } = open(() => 0);
    repo.record([ev('purchase', { value: 1e9 })], 'client');
    repo.record([ev('purchase', { value: 12 })], 'store');
    expect(repo.countsByType('s')).toEqual({ purchase: 1, purchase_signal: 1 });
  });

  it('stores an eventId once per show', () => {
    const { repo } = open(() => 0);
    expect(repo.record([ev('click', { eventId: 'e1' }), ev('click', { eventId: 'e1' })], 'client')).toBe(1);
    expect(repo.record([ev('click', { eventId: 'e1', showId: 'other' })], 'client')).toBe(1);
    expect(repo.countsByType('s')).toEqual({ click: 1 });
  });
});

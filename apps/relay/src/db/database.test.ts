import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirBusyError, openDatabase, type Db } from './database.js';

const sqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');

let dir: string;
const open: Db[] = [];
const children: ChildProcess[] = [];

function openTracked(dataDir: string): Db {
  const db = openDatabase(dataDir);
  open.push(db);
  return db;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cuecart-db-'));
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const db of open.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What another process gets when it tries to read the relay's database right now. */
function readFromAnotherProcess(file: string): { status: number | null; stdout: string } {
  const script = `
    const Database = require(process.argv[1]);
    try {
      const db = new Database(process.argv[2], { timeout: 0 });
      const row = db.prepare("SELECT value FROM meta WHERE key = 'started_at'").get();
      console.log('OPENED ' + (row ? row.value : 'none'));
    } catch (e) {
      console.log('ERR ' + e.code);
      process.exit(3);
    }`;
  const result = spawnSync(process.execPath, ['-e', script, sqlitePath, file], { encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout.trim() };
}

const tableNames = (db: Db) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);

describe('openDatabase', () => {
  it('creates the data dir and the relay tables', () => {
    const dataDir = join(dir, 'not', 'yet');
    const db = openTracked(dataDir);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['commands', 'meta', 'shows', 'track_events']));
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    expect(String(db.pragma('journal_mode', { simple: true })).toLowerCase()).toBe('wal');
    const started = db.prepare("SELECT value FROM meta WHERE key = 'started_at'").get() as { value: string } | undefined;
    expect(Number(started?.value)).toBeGreaterThan(0);
  });

  it('keeps data across a close and reopen, and does not re-run migrations', () => {
    const first = openTracked(dir);
    const version = first.pragma('user_version', { simple: true });
    first.prepare("INSERT INTO shows (id, show_json, catalog_spec, catalog_json, created_at) VALUES ('s1', '{}', '{}', '[]', 1)").run();
    first.close();
    const second = openTracked(dir);
    expect(second.pragma('user_version', { simple: true })).toBe(version);
    expect(second.prepare('SELECT id FROM shows').all()).toEqual([{ id: 's1' }]);
  });

  it('the command log refuses two commands with the same seq for a show', () => {
    const db = openTracked(dir);
    const insert = db.prepare("INSERT INTO commands (show_id, command_id, seq, body, ack, at) VALUES (?, ?, ?, '{}', '{}', 1)");
    insert.run('s1', 'c1', 1);
    insert.run('s2', 'c1', 1);
    insert.run('s1', 'rejected-1', null);
    insert.run('s1', 'rejected-2', null);
    expect(() => insert.run('s1', 'c2', 1)).toThrow(/UNIQUE/);
    expect(() => insert.run('s1', 'c1', 2)).toThrow(/UNIQUE/);
  });

  it('a second open of the same data dir in this process fails at once with DataDirBusyError naming the dir', () => {
    openTracked(dir);
    const started = Date.now();
    let caught: unknown;
    try {
      openTracked(dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataDirBusyError);
    expect((caught as Error).message).toContain(dir);
    expect((caught as Error).message).toMatch(/CUECART_DATA_DIR/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a raw connection in this process gets SQLITE_BUSY while the relay holds the database', () => {
    openTracked(dir);
    const other = new Database(join(dir, 'relay.db'), { timeout: 0 });
    try {
      expect(() => other.prepare('SELECT count(*) FROM meta').get()).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    } finally {
      other.close();
    }
  });

  it('another process cannot read the database while the relay holds it, and can after close', () => {
    const db = openTracked(dir);
    const busy = readFromAnotherProcess(join(dir, 'relay.db'));
    expect(busy).toEqual({ status: 3, stdout: 'ERR SQLITE_BUSY' });
    db.close();
    const free = readFromAnotherProcess(join(dir, 'relay.db'));
    expect(free.status).toBe(0);
    expect(free.stdout).toMatch(/^OPENED \d+$/);
  });

  it('after close, reopening in this process works', () => {
    openTracked(dir).close();
    const again = openTracked(dir);
    expect(tableNames(again)).toContain('shows');
  });

  it('fails while another process holds the lock, and takes over once that process dies', async () => {
    openTracked(dir).close(); // a relay that ran before: the schema exists
    // Another "relay": the same exclusive lock and a first write, then it stays up until killed.
    const script = `
      const Database = require(process.argv[1]);
      const db = new Database(process.argv[2], { timeout: 0 });
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('started_at', '1')").run();
      console.log('READY');
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['-e', script, sqlitePath, join(dir, 'relay.db')], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('READY')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`holder exited early with ${code}`)));
    });

    expect(() => openTracked(dir)).toThrow(DataDirBusyError);

    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const db = openTracked(dir);
    expect(tableNames(db)).toContain('commands');
  });
});

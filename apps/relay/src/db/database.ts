// The relay's SQLite database: WAL, synchronous writes, one process at a time, schema migrations.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

const MIGRATIONS: string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE shows (
     id TEXT PRIMARY KEY,
     show_json TEXT NOT NULL,
     catalog_spec TEXT NOT NULL,
     catalog_json TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE commands (
     show_id TEXT NOT NULL,
     command_id TEXT NOT NULL,
     seq INTEGER,
     body TEXT NOT NULL,
     ack TEXT NOT NULL,
     state TEXT,
     by TEXT,
     at INTEGER NOT NULL,
     PRIMARY KEY (show_id, command_id)
   );
   CREATE UNIQUE INDEX commands_seq ON commands (show_id, seq) WHERE seq IS NOT NULL;
   CREATE TABLE track_events (
     id INTEGER PRIMARY KEY,
     show_id TEXT NOT NULL,
     type TEXT NOT NULL,
     product_id TEXT NOT NULL,
     card_id TEXT,
     session_id TEXT NOT NULL,
     mode TEXT NOT NULL,
     media_ms INTEGER,
     value REAL,
     at INTEGER NOT NULL
   );
   CREATE INDEX track_events_show ON track_events (show_id, type);`,
  `ALTER TABLE shows ADD COLUMN transcript_spec TEXT;
   CREATE TABLE transcript_segments (
     show_id TEXT NOT NULL,
     segment_id TEXT NOT NULL,
     start_ms INTEGER NOT NULL,
     end_ms INTEGER NOT NULL,
     text TEXT NOT NULL,
     final INTEGER NOT NULL,
     at INTEGER NOT NULL,
     PRIMARY KEY (show_id, segment_id)
   );
   CREATE INDEX transcript_segments_time ON transcript_segments (show_id, start_ms);
   CREATE TABLE suggestions (
     show_id TEXT NOT NULL,
     id TEXT NOT NULL,
     product_id TEXT NOT NULL,
     score REAL NOT NULL,
     kind TEXT,
     segment_id TEXT NOT NULL,
     text TEXT NOT NULL,
     media_ms INTEGER NOT NULL,
     at INTEGER NOT NULL,
     fate TEXT NOT NULL DEFAULT 'pending',
     fate_at INTEGER,
     PRIMARY KEY (show_id, id)
   );
   CREATE INDEX suggestions_product ON suggestions (show_id, product_id, fate);`,
  `CREATE TABLE carts (
     id TEXT PRIMARY KEY,
     show_id TEXT NOT NULL,
     session_id TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE cart_lines (
     cart_id TEXT NOT NULL,
     product_id TEXT NOT NULL,
     variant_id TEXT,
     quantity INTEGER NOT NULL,
     card_id TEXT,
     added_at INTEGER NOT NULL,
     PRIMARY KEY (cart_id, product_id)
   );
   CREATE TABLE orders (
     id TEXT PRIMARY KEY,
     show_id TEXT NOT NULL,
     cart_id TEXT NOT NULL UNIQUE,
     order_json TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX orders_show ON orders (show_id, created_at);`,
  // Access hardening: revoked tokens and per show+role rotations.
  `CREATE TABLE token_revocations (
     jti TEXT PRIMARY KEY,
     show_id TEXT NOT NULL,
     expires_at INTEGER NOT NULL,
     revoked_at INTEGER NOT NULL
   );
   CREATE TABLE token_rotations (
     show_id TEXT NOT NULL,
     role TEXT NOT NULL,
     not_before INTEGER NOT NULL,
     PRIMARY KEY (show_id, role)
   );`,
  // Cart lines per product, variant and price (an offer price is kept for the line added under it); carts
  // remember where the shopper was.
  `CREATE TABLE cart_items (
     cart_id TEXT NOT NULL,
     line_id TEXT NOT NULL,
     product_id TEXT NOT NULL,
     variant_id TEXT,
     quantity INTEGER NOT NULL,
     card_id TEXT,
     offer_json TEXT,
     added_at INTEGER NOT NULL,
     PRIMARY KEY (cart_id, line_id)
   );
   INSERT INTO cart_items (cart_id, line_id, product_id, variant_id, quantity, card_id, added_at)
     SELECT cart_id, product_id, product_id, variant_id, quantity, card_id, added_at FROM cart_lines;
   DROP TABLE cart_lines;
   ALTER TABLE carts ADD COLUMN mode TEXT;`,
  // Beacons: a client-made id counts once; raw rows past the retention age roll up into daily counts.
  `ALTER TABLE track_events ADD COLUMN event_id TEXT;
   CREATE UNIQUE INDEX track_events_event_id ON track_events (show_id, event_id) WHERE event_id IS NOT NULL;
   CREATE INDEX track_events_at ON track_events (at);
   CREATE TABLE track_daily (
     show_id TEXT NOT NULL,
     day INTEGER NOT NULL,
     type TEXT NOT NULL,
     product_id TEXT NOT NULL,
     mode TEXT NOT NULL,
     n INTEGER NOT NULL,
     PRIMARY KEY (show_id, day, type, product_id, mode)
   );`,
  // A revoked token id counts for its own show only: the same jti under another show is another token.
  `CREATE TABLE token_revocations_by_show (
     show_id TEXT NOT NULL,
     jti TEXT NOT NULL,
     expires_at INTEGER NOT NULL,
     revoked_at INTEGER NOT NULL,
     PRIMARY KEY (show_id, jti)
   );
   INSERT INTO token_revocations_by_show (show_id, jti, expires_at, revoked_at) SELECT show_id, jti, expires_at, revoked_at FROM token_revocations;
   DROP TABLE token_revocations;
   ALTER TABLE token_revocations_by_show RENAME TO token_revocations;`,
  // Store carts (Shopify) keep the store's cart id; store refunds count once each; webhook deliveries once each.
  `ALTER TABLE carts ADD COLUMN external_id TEXT;
   CREATE TABLE refunds (
     id TEXT PRIMARY KEY,
     show_id TEXT NOT NULL,
     order_id TEXT NOT NULL,
     refund_json TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX refunds_show ON refunds (show_id, created_at);
   CREATE TABLE webhook_deliveries (
     event_id TEXT PRIMARY KEY,
     received_at INTEGER NOT NULL
   );`,
  // Beacons from a published clip name the clip.
  `ALTER TABLE track_events ADD COLUMN clip_id TEXT;`,
  // The analytics aggregates, kept as beacons arrive (the report reads these, never the raw events): each
  // distinct view, heartbeat counts, the live sessions of each show minute, each distinct card interaction.
  `CREATE TABLE an_views (
     show_id TEXT NOT NULL, session_id TEXT NOT NULL, mode TEXT NOT NULL, clip_id TEXT NOT NULL DEFAULT '',
     PRIMARY KEY (show_id, session_id, mode, clip_id)
   ) WITHOUT ROWID;
   CREATE TABLE an_heartbeats (show_id TEXT NOT NULL, mode TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (show_id, mode)) WITHOUT ROWID;
   CREATE TABLE an_live_minutes (show_id TEXT NOT NULL, minute INTEGER NOT NULL, session_id TEXT NOT NULL, PRIMARY KEY (show_id, minute, session_id)) WITHOUT ROWID;
   CREATE TABLE an_pairs (
     show_id TEXT NOT NULL, type TEXT NOT NULL, session_id TEXT NOT NULL, card_key TEXT NOT NULL, product_id TEXT NOT NULL, mode TEXT NOT NULL,
     PRIMARY KEY (show_id, type, session_id, card_key)
   ) WITHOUT ROWID;`,
  // Playback quality (Mux's definitions): summed watch and stall time per show and mode, each session's first startup.
  `CREATE TABLE an_quality (show_id TEXT NOT NULL, mode TEXT NOT NULL, watch_ms INTEGER NOT NULL, rebuffer_ms INTEGER NOT NULL, PRIMARY KEY (show_id, mode)) WITHOUT ROWID;
   CREATE TABLE an_startups (show_id TEXT NOT NULL, session_id TEXT NOT NULL, startup_ms INTEGER NOT NULL, PRIMARY KEY (show_id, session_id)) WITHOUT ROWID;`,
  // "Notify me when it's back": a shopper's email per sold-out product, kept with the show, with their consent.
  `CREATE TABLE restock_alerts (
     show_id TEXT NOT NULL, product_id TEXT NOT NULL, email TEXT NOT NULL, at INTEGER NOT NULL,
     UNIQUE (show_id, product_id, email)
   );`,
];

export class DataDirBusyError extends Error {}

export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  // No busy wait: a second relay on the same data dir must fail at once, not hang.
  const db = new Database(join(dataDir, 'relay.db'), { timeout: 0 });
  try {
    // Exclusive locking: a second relay on the same data dir fails at once instead of forking the log.
    // The OS drops the lock when a process dies, so a relay restarted after a crash takes over.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    migrate(db);
    // The first write takes the exclusive lock, held until this process closes the database or dies.
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('started_at', ?)").run(String(Date.now()));
  } catch (error) {
    db.close();
    if (error instanceof Error && /SQLITE_BUSY|database is locked/i.test(`${(error as { code?: string }).code} ${error.message}`)) {
      throw new DataDirBusyError(`the data dir ${dataDir} is in use by another relay: stop it, or set CUECART_DATA_DIR to another folder`);
    }
    throw error;
  }
  return db;
}

function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).exclusive();
}

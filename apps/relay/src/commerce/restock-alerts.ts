// "Notify me when it's back": each show's shoppers waiting for a sold-out product, by email, with their consent.
// One relay keeps them in its SQLite; a cluster keeps them in Redis, so every relay answers the same list.
import type { RedisClientType } from 'redis';
import type { Db } from '../db/database.js';

export interface RestockAlert {
  productId: string;
  email: string;
  at: number;
}

export interface RestockAlertStore {
  /** Keeps the alert; `created` is false for one already kept (the same email for the same product). */
  add(showId: string, alert: RestockAlert): Promise<{ created: boolean }>;
  /** Every alert of a show, oldest first. */
  list(showId: string): Promise<RestockAlert[]>;
}

export class SqliteRestockAlerts implements RestockAlertStore {
  private readonly insert;
  private readonly select;

  constructor(db: Db) {
    this.insert = db.prepare('INSERT OR IGNORE INTO restock_alerts (show_id, product_id, email, at) VALUES (?, ?, ?, ?)');
    this.select = db.prepare('SELECT product_id AS productId, email, at FROM restock_alerts WHERE show_id = ? ORDER BY at, rowid');
  }

  async add(showId: string, a: RestockAlert): Promise<{ created: boolean }> {
    return { created: this.insert.run(showId, a.productId, a.email, a.at).changes === 1 };
  }

  async list(showId: string): Promise<RestockAlert[]> {
    return this.select.all(showId) as RestockAlert[];
  }
}

/** Hash per show: field "<productId>\n<email>" → when it was asked (epoch ms); HSETNX keeps the first. */
const key = (showId: string) => `cuecart:restock:${showId}`;

export class RedisRestockAlerts implements RestockAlertStore {
  constructor(private readonly redis: RedisClientType) {}

  async add(showId: string, a: RestockAlert): Promise<{ created: boolean }> {
    const created = await this.redis.hSetNX(key(showId), `${a.productId}\n${a.email}`, String(a.at));
    return { created: Boolean(created) };
  }

  async list(showId: string): Promise<RestockAlert[]> {
    const all = await this.redis.hGetAll(key(showId));
    return Object.entries(all)
      .map(([field, at]) => {
        const cut = field.lastIndexOf('\n');
        return { productId: field.slice(0, cut), email: field.slice(cut + 1), at: Number(at) };
      })
      .sort((x, y) => x.at - y.at);
  }
}

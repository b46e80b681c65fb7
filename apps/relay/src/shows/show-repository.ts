// Shows and their catalog snapshots in SQLite.
import type { CatalogSpec, Product, Show } from '@cuecart/shared';
import type { Db } from '../db/database.js';

export interface StoredShow {
  show: Show;
  spec: CatalogSpec;
  products: Product[];
}

export class ShowRepository {
  private readonly insertStmt;
  private readonly allStmt;
  private readonly updateStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO shows (id, show_json, catalog_spec, catalog_json, created_at) VALUES (?, ?, ?, ?, ?)');
    this.updateStmt = db.prepare('UPDATE shows SET show_json = ? WHERE id = ?');
    this.allStmt = db.prepare<[], { show_json: string; catalog_spec: string; catalog_json: string }>('SELECT show_json, catalog_spec, catalog_json FROM shows ORDER BY created_at');
  }

  insert({ show, spec, products }: StoredShow): void {
    this.insertStmt.run(show.id, JSON.stringify(show), JSON.stringify(spec), JSON.stringify(products), show.createdAt);
  }

  update(show: Show): void {
    this.updateStmt.run(JSON.stringify(show), show.id);
  }

  all(): StoredShow[] {
    return this.allStmt.all().map((row) => ({
      show: JSON.parse(row.show_json) as Show,
      spec: JSON.parse(row.catalog_spec) as CatalogSpec,
      products: JSON.parse(row.catalog_json) as Product[],
    }));
  }
}

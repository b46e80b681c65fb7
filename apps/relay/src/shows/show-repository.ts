// Shows and their catalog snapshots in SQLite.
import type { CatalogSpec, Invite, Product, Show, TranscriptSourceSpec } from '@cuecart/shared';
import type { Db } from '../db/database.js';

/** A show as the relay keeps it: the public Show, and the invites handed out for it (private). */
export type ShowRecord = Show & { invites?: Invite[] };

export interface StoredShow {
  show: ShowRecord;
  spec: CatalogSpec;
  products: Product[];
  /** Holds secrets (a V100 API key): never part of the public Show. */
  transcript?: TranscriptSourceSpec | undefined;
}

export class ShowRepository {
  private readonly insertStmt;
  private readonly allStmt;
  private readonly updateStmt;
  private readonly transcriptStmt;
  private readonly productsStmt;
  private readonly oneStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO shows (id, show_json, catalog_spec, catalog_json, created_at, transcript_spec) VALUES (?, ?, ?, ?, ?, ?)');
    this.transcriptStmt = db.prepare('UPDATE shows SET transcript_spec = ? WHERE id = ?');
    this.productsStmt = db.prepare('UPDATE shows SET catalog_json = ? WHERE id = ?');
    this.oneStmt = db.prepare<[string], Row>('SELECT show_json, catalog_spec, catalog_json, transcript_spec FROM shows WHERE id = ?');
    this.updateStmt = db.prepare('UPDATE shows SET show_json = ? WHERE id = ?');
    this.allStmt = db.prepare<[], Row>(
      'SELECT show_json, catalog_spec, catalog_json, transcript_spec FROM shows ORDER BY created_at',
    );
  }

  insert({ show, spec, products, transcript }: StoredShow): void {
    this.insertStmt.run(show.id, JSON.stringify(show), JSON.stringify(spec), JSON.stringify(products), show.createdAt, transcript ? JSON.stringify(transcript) : null);
  }

  updateTranscript(showId: string, transcript: TranscriptSourceSpec): void {
    this.transcriptStmt.run(JSON.stringify(transcript), showId);
  }

  updateProducts(showId: string, products: Product[]): void {
    this.productsStmt.run(JSON.stringify(products), showId);
  }

  update(show: ShowRecord): void {
    this.updateStmt.run(JSON.stringify(show), show.id);
  }

  all(): StoredShow[] {
    return this.allStmt.all().map(fromRow);
  }

  one(showId: string): StoredShow | undefined {
    const row = this.oneStmt.get(showId);
    return row && fromRow(row);
  }
}

interface Row {
  show_json: string;
  catalog_spec: string;
  catalog_json: string;
  transcript_spec: string | null;
}

function fromRow(row: Row): StoredShow {
  return {
    show: JSON.parse(row.show_json) as ShowRecord,
    spec: JSON.parse(row.catalog_spec) as CatalogSpec,
    products: JSON.parse(row.catalog_json) as Product[],
    transcript: row.transcript_spec ? (JSON.parse(row.transcript_spec) as TranscriptSourceSpec) : undefined,
  };
}

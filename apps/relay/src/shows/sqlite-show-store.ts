// The show store of a single relay: shows and the command log in its SQLite database. Only this process
// writes it (the database is locked exclusively), so a commit is never stale.
import type { Activity, LoggedState, OverlayState, Product, Show, TranscriptSourceSpec } from '@cuecart/shared';
import type { Db } from '../db/database.js';
import { CommandLog } from './command-log.js';
import { ShowRepository, type StoredShow } from './show-repository.js';
import type { CommandOutcome, Decide, ShowStore, StoredShowWithState, ShowRecord } from './show-store.js';

export class SqliteShowStore implements ShowStore {
  private readonly repo: ShowRepository;
  private readonly log: CommandLog;

  constructor(db: Db) {
    this.repo = new ShowRepository(db);
    this.log = new CommandLog(db);
  }

  async loadAll(): Promise<StoredShowWithState[]> {
    return this.repo.all().map((s) => ({ ...s, state: this.log.latestState(s.show.id) }));
  }

  async load(showId: string): Promise<StoredShowWithState | undefined> {
    const stored = this.repo.one(showId);
    return stored && { ...stored, state: this.log.latestState(showId) };
  }

  async insertShow(stored: StoredShow): Promise<boolean> {
    if (this.repo.one(stored.show.id)) return false;
    this.repo.insert(stored);
    return true;
  }

  async updateShow(show: ShowRecord): Promise<void> {
    this.repo.update(show);
  }

  async updateTranscript(showId: string, transcript: TranscriptSourceSpec): Promise<void> {
    this.repo.updateTranscript(showId, transcript);
  }

  async stateLog(showId: string): Promise<LoggedState[]> {
    return this.log.states(showId);
  }

  async updateProducts(showId: string, products: Product[]): Promise<void> {
    this.repo.updateProducts(showId, products);
  }

  /** This relay is the only writer: the state it holds is the show's, so one decision is final. */
  async commitCommand(showId: string, commandId: string, current: OverlayState, decide: Decide): Promise<CommandOutcome> {
    const earlier = this.log.find(showId, commandId);
    if (earlier) return { kind: 'duplicate', answer: earlier };
    const entry = decide(current);
    this.log.append(entry);
    return { kind: 'committed', entry };
  }

  async recentActivity(showId: string, limit: number): Promise<Activity[]> {
    return this.log.recentActivity(showId, limit);
  }

  async close(): Promise<void> {}
}

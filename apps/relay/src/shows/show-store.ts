// Where shows and their command logs live: SQLite for one relay, Redis for a cluster of relays.
// The authority talks only to this interface. A store shared by several relays also carries their changes
// to each other (`watch`): every change has one publication path, the store's own write.
import type { Ack, Activity, LoggedState, OverlayState, Product, TranscriptSourceSpec } from '@cuecart/shared';
import type { LoggedAnswer } from './command-log.js';
import type { ShowRecord, StoredShow } from './show-repository.js';

export type { ShowRecord } from './show-repository.js';

export interface StoredShowWithState extends StoredShow {
  /** The state after the latest accepted command; undefined before the first. */
  state?: OverlayState | undefined;
}

export interface CommitEntry {
  showId: string;
  commandId: string;
  body: string;
  ack: Ack;
  /** The new state for an accepted command, null for a rejected one. */
  state: OverlayState | null;
  by: string;
  at: number;
  /** The seq the command was applied to; a store shared by several relays refuses the commit if it moved. */
  expectedSeq: number;
}

/** What a command came to: the entry committed for it, the earlier answer for its id, or a show too busy to take it. */
export type CommandOutcome = { kind: 'committed'; entry: CommitEntry } | { kind: 'duplicate'; answer: LoggedAnswer } | { kind: 'busy' };

/** Turns the show's current state into the entry to commit (the command applied to it, or its refusal). */
export type Decide = (state: OverlayState) => CommitEntry;

export interface ShowStore {
  loadAll(): Promise<StoredShowWithState[]>;
  load(showId: string): Promise<StoredShowWithState | undefined>;
  /** False when a show with that id exists already. */
  insertShow(stored: StoredShow): Promise<boolean>;
  /** Keeps the show's record; a shared store tells the other relays the whole record. */
  updateShow(show: ShowRecord): Promise<void>;
  updateTranscript(showId: string, transcript: TranscriptSourceSpec): Promise<void>;
  /** Keeps the whole catalog after a live refresh; a shared store tells the other relays which products changed. */
  updateProducts(showId: string, products: Product[], changed: Product[]): Promise<void>;
  /**
   * Commits a command once per command id, durably when it resolves (the caller acknowledges only after).
   * A store only this relay writes decides once, on `current`. A store shared by several relays commits only
   * if the show's seq did not move; when another relay committed first it hands the newer state to `moved`
   * and decides again on it, a bounded number of times, then answers busy.
   */
  commitCommand(showId: string, commandId: string, current: OverlayState, decide: Decide, moved: (state: OverlayState) => void): Promise<CommandOutcome>;
  recentActivity(showId: string, limit: number): Promise<Activity[]>;
  /** Every accepted state in seq order, for the cards' time on air; a store without the history leaves it out. */
  stateLog?(showId: string): Promise<LoggedState[]>;
  /**
   * A store shared by several relays reports their changes to `watcher` from when this resolves; a store only
   * this relay writes has none to report and leaves it out.
   */
  watch?(watcher: ShowWatcher): Promise<void>;
  close(): Promise<void>;
}

/** What a shared store tells each relay about changes made on the others. */
export type ShowEvent =
  | { type: 'committed'; showId: string; state: OverlayState; entry: Activity }
  | { type: 'updated'; showId: string; show: ShowRecord }
  | { type: 'products'; showId: string; products: Product[] }
  | { type: 'show'; showId: string };

export interface ShowWatcher {
  /** A change made by a relay of the cluster (this relay's own come back too). */
  changed(event: ShowEvent): Promise<void>;
  /** Changes may have been missed (a reconnect to the store): read the state again. */
  missed(): Promise<void>;
}

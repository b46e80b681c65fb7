// The durable command log: every answered command with its ack, and the state each accepted one produced.
import type { Ack, Activity, Command, LoggedState, OverlayState } from '@cuecart/shared';
import type { Db } from '../db/database.js';

export interface LoggedAnswer {
  body: string;
  ack: Ack;
}

export class CommandLog {
  private readonly insertStmt;
  private readonly findStmt;
  private readonly latestStmt;
  private readonly recentStmt;
  private readonly statesStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO commands (show_id, command_id, seq, body, ack, state, by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.findStmt = db.prepare<[string, string], { body: string; ack: string }>('SELECT body, ack FROM commands WHERE show_id = ? AND command_id = ?');
    this.latestStmt = db.prepare<[string], { state: string }>('SELECT state FROM commands WHERE show_id = ? AND seq IS NOT NULL ORDER BY seq DESC LIMIT 1');
    this.recentStmt = db.prepare<[string, number], { seq: number; command_id: string; body: string; by: string | null; at: number }>(
      'SELECT seq, command_id, body, by, at FROM commands WHERE show_id = ? AND seq IS NOT NULL ORDER BY seq DESC LIMIT ?',
    );
    this.statesStmt = db.prepare<[string], { state: string; at: number }>('SELECT state, at FROM commands WHERE show_id = ? AND seq IS NOT NULL ORDER BY seq');
  }

  /** Every accepted state with when it was accepted, in seq order: the show's history on air. */
  states(showId: string): LoggedState[] {
    return this.statesStmt.all(showId).map((r) => ({ state: JSON.parse(r.state) as OverlayState, at: r.at }));
  }

  /** Appends synchronously (WAL, synchronous=FULL): when this returns the answer survives a crash. */
  append(entry: { showId: string; commandId: string; body: string; ack: Ack; state: OverlayState | null; by: string; at: number }): void {
    const seq = entry.ack.ok ? entry.ack.seq : null;
    this.insertStmt.run(entry.showId, entry.commandId, seq, entry.body, JSON.stringify(entry.ack), entry.state && JSON.stringify(entry.state), entry.by, entry.at);
  }

  find(showId: string, commandId: string): LoggedAnswer | undefined {
    const row = this.findStmt.get(showId, commandId);
    return row && { body: row.body, ack: JSON.parse(row.ack) as Ack };
  }

  /** The latest accepted commands, oldest first. */
  recentActivity(showId: string, limit: number): Activity[] {
    return this.recentStmt
      .all(showId, limit)
      .reverse()
      .map((r) => toActivity(r.seq, JSON.parse(r.body) as Command, r.by ?? '', r.at));
  }

  latestState(showId: string): OverlayState | undefined {
    const row = this.latestStmt.get(showId);
    return row && (JSON.parse(row.state) as OverlayState);
  }
}

export function toActivity(seq: number, command: Command, by: string, at: number): Activity {
  const entry: Activity = { seq, commandId: command.id, type: command.type, by, at };
  if ('productId' in command) entry.productId = command.productId;
  if (command.type === 'status') entry.status = command.status;
  if (command.type === 'banner') entry.text = command.text;
  return entry;
}

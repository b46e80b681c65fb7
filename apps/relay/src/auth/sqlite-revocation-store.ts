// Revocations of a single relay: kept in its SQLite so they outlive a restart, read from memory.
import { MAX_TOKEN_TTL_SECONDS, type TokenRole } from '@cuecart/shared';
import type { Db } from '../db/database.js';
import { ListedRevocations } from './revocations.js';

export class SqliteRevocationStore extends ListedRevocations {
  private readonly revokeStmt;
  private readonly rotateStmt;

  constructor(db: Db, clock: () => number = Date.now) {
    super(clock);
    // A revoked token that has expired anyway needs no entry any more.
    db.prepare('DELETE FROM token_revocations WHERE expires_at < ?').run(clock());
    for (const row of db.prepare<[], { jti: string; show_id: string; expires_at: number }>('SELECT jti, show_id, expires_at FROM token_revocations').all()) {
      this.list.apply({ kind: 'token', jti: row.jti, showId: row.show_id, expiresAt: row.expires_at });
    }
    for (const row of db.prepare<[], { show_id: string; role: TokenRole; not_before: number }>('SELECT show_id, role, not_before FROM token_rotations').all()) {
      this.list.apply({ kind: 'rotation', showId: row.show_id, role: row.role, notBefore: row.not_before });
    }
    this.revokeStmt = db.prepare('INSERT OR IGNORE INTO token_revocations (jti, show_id, expires_at, revoked_at) VALUES (?, ?, ?, ?)');
    this.rotateStmt = db.prepare(
      'INSERT INTO token_rotations (show_id, role, not_before) VALUES (?, ?, ?) ON CONFLICT (show_id, role) DO UPDATE SET not_before = max(not_before, excluded.not_before)',
    );
  }

  // async only to fit the interface: the write is done (synchronously) before the promise exists.
  async revoke(jti: string, showId: string, expiresAt = this.clock() + MAX_TOKEN_TTL_SECONDS * 1000): Promise<void> {
    this.revokeStmt.run(jti, showId, expiresAt, this.clock());
    this.list.apply({ kind: 'token', jti, showId, expiresAt });
  }

  async rotate(showId: string, role: TokenRole): Promise<number> {
    const at = this.rotationInstant(showId, role);
    this.rotateStmt.run(showId, role, at);
    this.list.apply({ kind: 'rotation', showId, role, notBefore: at });
    return at;
  }
}

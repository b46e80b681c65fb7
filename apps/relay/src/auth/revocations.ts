// Which show tokens no longer count: single tokens revoked by id, and every token of a show and role
// issued before a rotation. Kept in SQLite so a revocation outlives a restart; read from memory.
import { MAX_TOKEN_TTL_SECONDS, type TokenRole } from '@cuecart/shared';
import type { Db } from '../db/database.js';

/** What a revocation check needs from a token's claims. */
export interface RevocableClaims {
  show: string;
  role: TokenRole;
  jti: string;
  /** When the token was issued, epoch ms. */
  iat: number;
}

export type Revocation = { kind: 'token'; jti: string; showId: string } | { kind: 'rotation'; showId: string; role: TokenRole; notBefore: number };

type Listener = (revocation: Revocation) => void;

const key = (showId: string, role: string) => `${showId}\u0000${role}`;

export class RevocationStore {
  private readonly revoked = new Set<string>();
  private readonly notBefore = new Map<string, number>();
  private readonly listeners = new Set<Listener>();
  private readonly revokeStmt;
  private readonly rotateStmt;

  constructor(db: Db, private readonly clock: () => number = Date.now) {
    // A revoked token that has expired anyway needs no entry any more.
    db.prepare('DELETE FROM token_revocations WHERE expires_at < ?').run(clock());
    for (const row of db.prepare<[], { jti: string }>('SELECT jti FROM token_revocations').all()) this.revoked.add(row.jti);
    for (const row of db.prepare<[], { show_id: string; role: string; not_before: number }>('SELECT show_id, role, not_before FROM token_rotations').all()) {
      this.notBefore.set(key(row.show_id, row.role), row.not_before);
    }
    this.revokeStmt = db.prepare('INSERT OR IGNORE INTO token_revocations (jti, show_id, expires_at, revoked_at) VALUES (?, ?, ?, ?)');
    this.rotateStmt = db.prepare(
      'INSERT INTO token_rotations (show_id, role, not_before) VALUES (?, ?, ?) ON CONFLICT (show_id, role) DO UPDATE SET not_before = max(not_before, excluded.not_before)',
    );
  }

  /** Revokes one token. Without its expiry, the entry is kept as long as any token can live. */
  revoke(jti: string, showId: string, expiresAt = this.clock() + MAX_TOKEN_TTL_SECONDS * 1000): void {
    this.revokeStmt.run(jti, showId, expiresAt, this.clock());
    this.revoked.add(jti);
    this.notify({ kind: 'token', jti, showId });
  }

  /** Refuses every token of the show and role issued before now; returns that instant. */
  rotate(showId: string, role: TokenRole): number {
    const at = Math.max(this.clock(), this.notBefore.get(key(showId, role)) ?? 0);
    this.rotateStmt.run(showId, role, at);
    this.notBefore.set(key(showId, role), at);
    this.notify({ kind: 'rotation', showId, role, notBefore: at });
    return at;
  }

  isRevoked(claims: RevocableClaims): boolean {
    if (this.revoked.has(claims.jti)) return true;
    const notBefore = this.notBefore.get(key(claims.show, claims.role));
    return notBefore !== undefined && claims.iat < notBefore;
  }

  /** Told after every revocation, e.g. to disconnect the sockets that came in with those tokens. */
  onRevoke(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(revocation: Revocation): void {
    for (const listener of this.listeners) {
      try {
        listener(revocation);
      } catch {
        // A failing listener must not undo a durable revocation.
      }
    }
  }
}

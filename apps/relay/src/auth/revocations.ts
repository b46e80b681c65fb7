// Which show tokens no longer count: single tokens revoked by id, and every token of a show and role
// issued before a rotation. One interface, two stores: this relay's SQLite, or Redis for a cluster
// (cluster/redis-revocation-store.ts). Both answer checks from the in-memory list below.
import type { TokenRole } from '@cuecart/shared';

/** What a revocation check needs from a token's claims. */
export interface RevocableClaims {
  show: string;
  role: TokenRole;
  jti: string;
  /** When the token was issued, epoch ms. */
  iat: number;
}

/** A revocation as stores keep it, relays tell each other and listeners hear it. */
export type Revocation =
  | { kind: 'token'; jti: string; showId: string; /** Epoch ms after which the token is dead anyway. */ expiresAt: number }
  | { kind: 'rotation'; showId: string; role: TokenRole; notBefore: number };

export type RevocationListener = (revocation: Revocation) => void;

export interface RevocationStore {
  /**
   * Revokes one token, durably, before it resolves. Without its expiry the entry is kept as long as any
   * token can live. Rejects with RevocationNotSaved when it could not be stored.
   */
  revoke(jti: string, showId: string, expiresAt?: number): Promise<void>;
  /** Refuses every token of the show and role issued before now; resolves with that instant once durable. */
  rotate(showId: string, role: TokenRole): Promise<number>;
  isRevoked(claims: RevocableClaims): boolean;
  /** Told once per revocation that refuses something new, e.g. to disconnect the sockets that used it. */
  onRevoke(listener: RevocationListener): () => void;
}

/** The store could not make a revocation durable (Redis unreachable): nothing may claim it took effect. */
export class RevocationNotSaved extends Error {
  constructor(cause: unknown) {
    super('the revocation was not saved: Redis cannot be reached. Send the same request again in a moment (repeating it is harmless)', { cause });
    this.name = 'RevocationNotSaved';
  }
}

/** A show and a role, or a show and a token id. */
const key = (showId: string, part: string) => `${showId}\u0000${part}`;

/**
 * The revocations a relay knows, in memory. Applying one it already knows (a relay hearing its own
 * publish, or re-reading the store after a reconnect) changes nothing and tells no one, so relays
 * never echo revocations around the cluster. Rotations keep the latest instant.
 */
export class RevocationList {
  private readonly revoked = new Set<string>();
  private readonly notBefore = new Map<string, number>();
  private readonly listeners = new Set<RevocationListener>();

  /** Records a revocation; true (and listeners told) when it refuses tokens that were not refused before. */
  apply(revocation: Revocation): boolean {
    if (revocation.kind === 'token') {
      // Scoped to the show: a jti revoked under one show says nothing about a token of another.
      const k = key(revocation.showId, revocation.jti);
      if (this.revoked.has(k)) return false;
      this.revoked.add(k);
    } else {
      const k = key(revocation.showId, revocation.role);
      const known = this.notBefore.get(k);
      if (known !== undefined && known >= revocation.notBefore) return false;
      this.notBefore.set(k, revocation.notBefore);
    }
    this.notify(revocation);
    return true;
  }

  notBeforeOf(showId: string, role: TokenRole): number | undefined {
    return this.notBefore.get(key(showId, role));
  }

  isRevoked(claims: RevocableClaims): boolean {
    if (this.revoked.has(key(claims.show, claims.jti))) return true;
    const notBefore = this.notBefore.get(key(claims.show, claims.role));
    return notBefore !== undefined && claims.iat < notBefore;
  }

  onRevoke(listener: RevocationListener): () => void {
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

/** What both stores share: checks answered from the in-memory list, and the instant a rotation takes. */
export abstract class ListedRevocations implements RevocationStore {
  protected readonly list = new RevocationList();

  constructor(protected readonly clock: () => number) {}

  abstract revoke(jti: string, showId: string, expiresAt?: number): Promise<void>;
  abstract rotate(showId: string, role: TokenRole): Promise<number>;

  isRevoked(claims: RevocableClaims): boolean {
    return this.list.isRevoked(claims);
  }

  onRevoke(listener: RevocationListener): () => void {
    return this.list.onRevoke(listener);
  }

  /** Now, or the rotation already in force if that is later (never move it back). */
  protected rotationInstant(showId: string, role: TokenRole): number {
    return Math.max(this.clock(), this.list.notBeforeOf(showId, role) ?? 0);
  }
}

// Where each show's player may be embedded: the show's `allowedOrigins`, kept with the show itself (in
// SQLite, or in Redis for a cluster, so every relay enforces the same list).
import type { ShowAuthority } from '../shows/show-authority.js';
import { judgeOrigin, type OriginVerdict } from './origins.js';

export class ShowOrigins {
  constructor(private readonly authority: ShowAuthority) {}

  /** Canonical origins (see `AllowedOrigin`); undefined when the show may be embedded anywhere. */
  get(showId: string): readonly string[] | undefined {
    return this.authority.get(showId)?.show.allowedOrigins;
  }

  /** Whether any show on this relay limits where it may be embedded. */
  restrictsAny(): boolean {
    return this.authority.ids().some((id) => this.get(id) !== undefined);
  }

  judge(showId: string, origin: string | undefined, relayHost: string | undefined): OriginVerdict {
    return judgeOrigin(origin, this.get(showId), relayHost);
  }
}

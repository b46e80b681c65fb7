// What the HTTP routes and socket namespaces share.
import type { RelayConfig } from './config/config.js';
import type { TokenService } from './auth/tokens.js';
import type { TrackRepository } from './analytics/track-repository.js';
import type { Logger } from './logger.js';
import type { ShowAuthority } from './shows/show-authority.js';

export interface RelayContext {
  config: RelayConfig;
  version: string;
  adminToken: string;
  tokens: TokenService;
  authority: ShowAuthority;
  track: TrackRepository;
  logger: Logger;
}

// What the HTTP routes and socket namespaces share.
import type { RelayConfig } from './config/config.js';
import type { TokenService } from './auth/tokens.js';
import type { ShowOrigins } from './auth/show-origins.js';
import type { TrackRepository } from './analytics/track-repository.js';
import type { BeaconIntake } from './analytics/beacon-intake.js';
import type { AggregateStore } from './analytics/aggregate-store.js';
import type { LiveMetricsWindow } from './analytics/live-metrics.js';
import type { CommerceProvider } from './commerce/commerce-provider.js';
import type { RestockAlertStore } from './commerce/restock-alerts.js';
import type { Shopify } from './commerce/shopify/shopify.js';
import type { Limits } from './limits/limits.js';
import type { Logger } from './logger.js';
import type { ShowAuthority } from './shows/show-authority.js';
import type { TranscriptService } from './transcript/transcript-service.js';
import type { SourceManager } from './transcript/source-manager.js';
import type { ReplayService } from './replay/replay-service.js';
import type { LoopMedia } from './media/live-playlist.js';

export interface RelayContext {
  config: RelayConfig;
  version: string;
  adminToken: string;
  tokens: TokenService;
  origins: ShowOrigins;
  authority: ShowAuthority;
  track: TrackRepository;
  /** Every viewer beacon comes in here, over REST or a socket. */
  beacons: BeaconIntake;
  /** The analytics aggregates the report reads: SQLite, or Redis in a cluster. */
  aggregates: AggregateStore;
  /** The producer's live tiles, from the beacons this relay takes. */
  liveMetrics: LiveMetricsWindow;
  transcript: TranscriptService;
  sources: SourceManager;
  /** Each show's recording and timeline for its replay. */
  replays: ReplayService;
  /** The demo's committed recording, when it is there. */
  demoMedia: LoopMedia | undefined;
  commerce: CommerceProvider;
  /** Shoppers waiting for a sold-out product ("notify me when it's back"). */
  restockAlerts: RestockAlertStore;
  /** Shows sold from Shopify stores: clients, live refresh, webhooks. */
  shopify: Shopify;
  /** Every rate limit and cap, read from the environment once at start (CUECART_RATE_LIMITS). */
  limits: Limits;
  logger: Logger;
}

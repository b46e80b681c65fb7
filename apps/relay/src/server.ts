// Builds the relay: database, show authority, REST routes and Socket.IO namespaces on one HTTP server.
import { createServer, type Server as HttpServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import express from 'express';
import { Server } from 'socket.io';
import { apiError } from '@cuecart/shared';
import { DAY_MS, TrackRepository } from './analytics/track-repository.js';
import { BeaconIntake } from './analytics/beacon-intake.js';
import { SqliteAggregates } from './analytics/aggregate-store.js';
import { LiveMetricsWindow } from './analytics/live-metrics.js';
import type { RevocationStore } from './auth/revocations.js';
import { SqliteRevocationStore } from './auth/sqlite-revocation-store.js';
import { ShowOrigins } from './auth/show-origins.js';
import { TokenService } from './auth/tokens.js';
import type { RelayConfig } from './config/config.js';
import { ensureSecrets } from './config/secrets.js';
import type { RelayContext } from './context.js';
import { openDatabase, type Db } from './db/database.js';
import { showsRoutes } from './http/shows-routes.js';
import { trackRequestLimit, trackRoutes } from './http/track-routes.js';
import { errorHandler, sendError } from './http/respond.js';
import type { Logger } from './logger.js';
import { ShowAuthority } from './shows/show-authority.js';
import { SqliteShowStore } from './shows/sqlite-show-store.js';
import { connectCluster, type Cluster } from './cluster/cluster.js';
import { attachNamespaces, startLiveMetrics } from './sockets/namespaces.js';
import { SOCKET_SERVER_OPTIONS } from './sockets/server-options.js';
import { disconnectRevoked } from './sockets/handshake.js';
import { transcriptRoutes } from './http/transcript-routes.js';
import { commerceRoutes } from './http/commerce-routes.js';
import { DemoStore } from './commerce/demo-store.js';
import { CommerceRouter } from './commerce/commerce-router.js';
import { SOLO_LEASE } from './commerce/shopify/catalog-refresher.js';
import { createShopify } from './commerce/shopify/shopify.js';
import { shopifyRoutes } from './http/shopify-routes.js';
import { SqliteCartStore } from './commerce/sqlite-cart-store.js';
import { loadDemoMedia, mediaRoutes } from './media/media-routes.js';
import { ReplayService } from './replay/replay-service.js';
import { V100Recordings } from './replay/v100-recording.js';
import { replayRoutes } from './http/replay-routes.js';
import { pageRoutes, securityHeaders } from './http/page-routes.js';
import { analyticsRoutes } from './http/analytics-routes.js';
import { apiCors } from './http/cors.js';
import { apiRateLimit } from './limits/rest-limits.js';
import { limitsFromEnv } from './limits/limits.js';
import { compileTrustProxy } from './limits/client-address.js';
import { SourceManager } from './transcript/source-manager.js';
import { providerFetch } from './net/guarded-fetch.js';
import { TranscriptService } from './transcript/transcript-service.js';
import { SqliteRestockAlerts } from './commerce/restock-alerts.js';

/** Pending connections the kernel may hold for us (Node's default is 511). */
const LISTEN_BACKLOG = 4096;


export interface Relay {
  ctx: RelayContext;
  http: HttpServer;
  io: Server;
  db: Db;
  generated: Array<'secret' | 'adminToken'>;
  sources: SourceManager;
  listen(): Promise<{ host: string; port: number }>;
  close(): Promise<void>;
}

export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function createRelay(config: RelayConfig, logger: Logger): Promise<Relay> {
  const secrets = ensureSecrets(config.dataDir, config);
  // Where an admin puts file catalogs: there from the start, so the error that names it points somewhere real.
  mkdirSync(config.catalogDir, { recursive: true });
  const db = openDatabase(config.dataDir);
  let cluster: Cluster | undefined;
  try {
    cluster = config.redisUrl ? await connectCluster(config.redisUrl, logger, config.redisDurability) : undefined;
  } catch (error) {
    db.close();
    throw error;
  }
  const authority = new ShowAuthority(cluster ? cluster.store : new SqliteShowStore(db));
  const shows = await authority.load();
  logger.info({ shows, cluster: Boolean(cluster) }, 'shows rebuilt from the log');

  const transcript = new TranscriptService(db, authority);
  const track = new TrackRepository(db);
  // Embed origins travel with the show and revocations live in Redis in a cluster (every relay refuses a
  // token revoked or rotated on any of them, at once); a single relay keeps them in its SQLite.
  const revocations: RevocationStore = cluster ? cluster.revocations : new SqliteRevocationStore(db);
  const limits = limitsFromEnv();
  const carts = cluster ? cluster.carts : new SqliteCartStore(db);
  const aggregates = cluster ? cluster.aggregates(track) : new SqliteAggregates(track);
  const liveMetrics = new LiveMetricsWindow();
  const demoMedia = loadDemoMedia();
  // In a cluster the tiles count every relay's beacons.
  const liveSink = cluster ? await cluster.liveMetrics(liveMetrics) : liveMetrics;
  const guardedFetch = providerFetch(config.allowPrivateUrls);
  const shopify = createShopify({ authority, carts, track, lease: cluster ? cluster.lease : SOLO_LEASE, logger, guardedFetch, refresh: { pollMs: config.shopifyPollMs } });
  const ctx: RelayContext = {
    config,
    version: readVersion(),
    adminToken: secrets.adminToken,
    tokens: new TokenService(secrets.secret, Date.now, revocations),
    origins: new ShowOrigins(authority),
    authority,
    track,
    beacons: new BeaconIntake(authority, aggregates, limits, undefined, Date.now, liveSink),
    aggregates,
    liveMetrics,
    commerce: new CommerceRouter(authority, carts, new DemoStore(carts, authority, track), shopify.store),
    restockAlerts: cluster ? cluster.restockAlerts : new SqliteRestockAlerts(db),
    shopify,
    transcript,
    sources: new SourceManager(authority, transcript, logger, Date.now, guardedFetch, { media: demoMedia, workRoot: config.dataDir }),
    replays: new ReplayService(authority, transcript, demoMedia, new V100Recordings(guardedFetch, logger)),
    demoMedia,
    limits,
    logger,
  };
  const sources = ctx.sources;

  const app = express();
  app.disable('x-powered-by');
  // Whose X-Forwarded-For names the client, for REST and sockets alike (CUECART_TRUST_PROXY, default loopback).
  app.set('trust proxy', compileTrustProxy(config.trustProxy));
  app.use(securityHeaders());
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, version: ctx.version });
  });
  // Before CORS, which reads a track body to learn its shows: a flood is refused before any body is parsed.
  app.post('/api/track', trackRequestLimit(limits));
  app.use('/api', apiCors(ctx));
  // After CORS, so a browser can read the 429; before any show lookup, so a flood costs a bucket check.
  app.use('/api', apiRateLimit({ limits }));
  // A show created on another relay of the cluster is loaded before any route looks it up.
  const warm = (param: string) => (req: express.Request, _res: express.Response, next: express.NextFunction) => {
    ctx.authority.ensure(String(req.params[param])).then(() => next(), next);
  };
  app.use('/api/shows/:id', warm('id'));
  app.use('/watch/:show', warm('show'));
  app.use(showsRoutes(ctx));
  app.use(trackRoutes(ctx));
  app.use(transcriptRoutes(ctx));
  app.use(commerceRoutes(ctx));
  app.use(shopifyRoutes(ctx));
  app.use(analyticsRoutes(ctx));
  app.use(replayRoutes(ctx));
  app.use(mediaRoutes(ctx));
  app.use(pageRoutes(ctx));
  app.use('/api', (req, res) => sendError(res, apiError('not_found', `no route ${req.method} /api${req.path}`)));
  app.use(errorHandler(logger));

  // Raw beacons past the retention age roll up into daily counts: at start, then hourly.
  const rollUp = () => {
    const gone = track.rollUp(config.eventRetentionDays * DAY_MS);
    if (gone) logger.info({ rows: gone, retentionDays: config.eventRetentionDays }, 'old beacon rows rolled up into daily counts');
  };
  rollUp();
  const rollUpTimer = setInterval(rollUp, 3600_000);
  rollUpTimer.unref();
  shopify.refresher.start();

  const http = createServer(app);
  const io = new Server(http, SOCKET_SERVER_OPTIONS);
  if (cluster) await cluster.attach(io);
  attachNamespaces(io, ctx);
  const stopLiveMetrics = startLiveMetrics(io, ctx);
  disconnectRevoked(io, revocations, logger);

  return {
    ctx,
    http,
    io,
    db,
    generated: secrets.generated,
    sources,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        // A deep accept queue: after a restart thousands of viewers reconnect within a second, and a full
        // queue drops SYNs, which clients retry only after 1 s, then 3 s (the kernel caps it at somaxconn).
        http.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, () => {
          http.off('error', reject);
          const address = http.address();
          const port = typeof address === 'object' && address ? address.port : config.port;
          resolve({ host: config.host, port });
        });
      }),
    close: async () => {
      clearInterval(rollUpTimer);
      stopLiveMetrics();
      await shopify.refresher.stop();
      await sources.stopAll();
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
        // Keep-alive HTTP connections would otherwise hold the close open until they time out.
        http.closeIdleConnections();
      });
      ctx.aggregates.flush?.();
      await authority.close();
      await cluster?.close();
      db.close();
    },
  };
}

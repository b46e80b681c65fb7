#!/usr/bin/env node
// `npm run relay`: the relay in the foreground. Prints "listening on http://HOST:PORT" when ready.
import { ConfigError, loadConfig } from './config/config.js';
import { DataDirBusyError } from './db/database.js';
import { seedDemo } from './demo/seed-demo.js';
import { seedDemoEpisode } from './demo/demo-episode.js';
import { createLogger } from './logger.js';
import { createRelay } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  // Handlers go in before anything can print "listening on": a signal that came before them would kill the process outright.
  let relay: Awaited<ReturnType<typeof createRelay>> | undefined;
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'closing');
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    (relay ? relay.close() : Promise.resolve()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  relay = await createRelay(config, logger).catch((error: Error) => {
    throw error instanceof DataDirBusyError ? error : new ConfigError(error.message);
  });
  if (relay.generated.includes('adminToken')) {
    console.log(`generated an admin token (kept in ${config.dataDir}/admin-token): ${relay.ctx.adminToken}`);
  }
  if (relay.generated.includes('secret')) console.log(`generated a token signing secret (kept in ${config.dataDir}/secret)`);

  let demo;
  let episode;
  if (config.demo) {
    demo = await seedDemo(relay.ctx);
    episode = await seedDemoEpisode(relay.ctx);
  }

  let address;
  try {
    address = await relay.listen();
  } catch (error) {
    await relay.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ConfigError(`port ${config.port} on ${config.host} is in use: stop what runs there or set CUECART_PORT to another port`);
    }
    throw error;
  }
  const base = `http://${address.host}:${address.port}`;
  relay.sources.startAll();
  console.log(`listening on ${base}`);
  if (demo) printDemo(base, demo);
  if (episode) {
    console.log(`demo episode "${episode.showId}" (ended${episode.created ? ', seeded now' : ''}):`);
    console.log(`  replay:    ${base}/replay/${episode.showId}`);
    console.log(`  report:    ${base}/console/report/${episode.showId}#token=${episode.producerToken}`);
  }
}

function printDemo(base: string, demo: Awaited<ReturnType<typeof seedDemo>>): void {
  console.log(`demo show "${demo.showId}" is ready`);
  console.log(`  console:   ${base}/console#token=${demo.producerToken}`);
  console.log(`  prompter:  ${base}/prompter/${demo.showId}#token=${demo.hostToken}`);
  console.log(`  watch:     ${base}/watch/${demo.showId}`);
  console.log(`  producer:  ${demo.producerToken}`);
  console.log(`  fire a card from a script or a Stream Deck:`);
  console.log(
    `    curl -s -X POST ${base}/api/shows/${demo.showId}/commands -H 'Authorization: Bearer ${demo.producerToken}' -H 'Content-Type: application/json' -d '{"id":"take-'$RANDOM'","type":"feature","productId":"demo-kettle"}'`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirBusyError) {
    console.error(`cuecart relay: ${error.message}`);
  } else {
    console.error('cuecart relay failed to start:', error);
  }
  process.exit(1);
});

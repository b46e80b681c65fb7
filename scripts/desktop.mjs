// `npm run desktop`: the producer console in Electron. Builds, makes sure Electron's binary is there, starts a relay
// with the demo show unless --relay is given, then opens the app on it.
//   npm run desktop                                  demo relay on a free port
//   npm run desktop -- --relay=http://host:4455 --token=TOKEN
//   npm run desktop -- --no-build                    skip install/build checks
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHILD_ENV, ensureBuilt, ensureDeps, fail, ROOT, say } from './lib/ensure.mjs';

const DESKTOP = join(ROOT, 'apps', 'desktop');
const WEB_FALLBACK = 'Meanwhile "npm start" runs the demo and prints the console URL to open in a browser (the web console does everything except global shortcuts).';

function electronPackageDir() {
  const require = createRequire(join(DESKTOP, 'package.json'));
  try {
    return join(require.resolve('electron/package.json'), '..');
  } catch {
    return null;
  }
}

/** The Electron executable `require('electron')` points at, or why there is none. */
function locateElectron(pkgDir) {
  // A child process, so a failed require is not cached and a fresh download is seen.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: DESKTOP, encoding: 'utf8' });
  if (probe.status !== 0) return { problem: (probe.stderr.trim().split('\n').find((l) => l.startsWith('Error')) ?? probe.stderr.trim()) || `require('electron') failed in ${pkgDir}` };
  const path = probe.stdout;
  if (!existsSync(path)) return { problem: `require('electron') points at ${path}, which does not exist` };
  return { path };
}

/**
 * Returns the path of Electron's binary, downloading it once when it is missing (the workspace installs Electron with
 * ELECTRON_SKIP_BINARY_DOWNLOAD, so `npm start` and the tests never need it). Exits with a clear message when it cannot.
 */
export async function ensureElectronBinary() {
  const pkgDir = electronPackageDir();
  if (!pkgDir) fail('the electron package is not installed: run "npm install" at the repository root.');
  const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  const found = locateElectron(pkgDir);
  if (found.path) return { path: found.path, version, pkgDir };

  say(`Electron ${version}'s binary is not installed (${found.problem}); downloading it once (about 100 MB)…`);
  const env = { ...CHILD_ENV };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const installer = join(pkgDir, 'install.js');
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { cwd: pkgDir, env, stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  const after = code === 0 ? locateElectron(pkgDir) : { problem: `"node ${installer}" exited with code ${code}` };
  if (after.path) return { path: after.path, version, pkgDir };
  fail(
    [
      `could not get Electron ${version} for ${process.platform}-${process.arch}: ${after.problem}.`,
      '  The download needs https access to github.com (or set ELECTRON_MIRROR to a mirror; electron_config_cache to a folder holding the zip).',
      `  To retry by hand: node ${installer}`,
      `  ${WEB_FALLBACK}`,
    ].join('\n'),
  );
}

function readFlag(args, name) {
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith(`--${name}=`)) return args[i].slice(name.length + 3);
    if (args[i] === `--${name}`) return args[i + 1];
  }
  return undefined;
}

/** Starts apps/relay with the demo show on a free port and resolves with its address and the producer token. */
async function startDemoRelay() {
  const main = join(ROOT, 'apps', 'relay', 'dist', 'main.js');
  if (!existsSync(main)) fail(`the relay is not built (${main} is missing): run "npm run build".`);
  // After the build: the launcher is part of the built relay.
  const { RELAY_MAIN, untilListening } = await import('@cuecart/relay/launch');
  const relay = spawn(process.execPath, [RELAY_MAIN], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...CHILD_ENV,
      CUECART_DEMO: '1',
      CUECART_PORT: process.env.CUECART_PORT ?? '0',
      // Its own data dir, so it runs next to an "npm start" relay without fighting over the lock.
      CUECART_DATA_DIR: process.env.CUECART_DATA_DIR ?? join(ROOT, '.cuecart', 'desktop'),
      CUECART_LOG_LEVEL: process.env.CUECART_LOG_LEVEL ?? 'warn',
    },
  });
  relay.stdout.pipe(process.stdout);
  const { url, producerToken } = await untilListening(relay, { demoToken: true });
  return { relay, url, token: producerToken };
}

async function main() {
  const args = process.argv.slice(2);
  if (!args.includes('--no-build')) {
    await ensureDeps();
    await ensureBuilt();
  }
  const built = join(DESKTOP, 'dist', 'main', 'index.cjs');
  if (!existsSync(built)) fail(`the desktop app is not built (${built} is missing): run "npm run build".`);
  const electron = await ensureElectronBinary();

  let relayUrl = readFlag(args, 'relay') ?? process.env.CUECART_RELAY;
  let token = readFlag(args, 'token') ?? process.env.CUECART_TOKEN;
  let relayProcess;
  if (!relayUrl) {
    say('starting a relay with the demo show…');
    try {
      const started = await startDemoRelay();
      ({ relay: relayProcess, url: relayUrl, token } = started);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  }

  say(`opening the console on ${relayUrl}…`);
  const env = { ...process.env, CUECART_RELAY: relayUrl };
  // The token goes through the environment, not argv, so it does not show in `ps`.
  if (token) env.CUECART_TOKEN = token;
  delete env.ELECTRON_RUN_AS_NODE;
  const app = spawn(electron.path, [DESKTOP, `--relay=${relayUrl}`], { cwd: ROOT, env, stdio: 'inherit' });
  const stop = (signal) => {
    app.kill(signal);
    relayProcess?.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
  app.on('error', (error) => {
    relayProcess?.kill('SIGTERM');
    fail(`could not start Electron (${electron.path}): ${error.message}. ${WEB_FALLBACK}`);
  });
  app.on('exit', (code, signal) => {
    relayProcess?.kill('SIGTERM');
    if (code !== 0 && signal === null && process.platform === 'linux') {
      say('Electron exited with an error. On Linux it needs a display and the usual GTK/NSS libraries (Debian: apt-get install libgtk-3-0 libnss3 libasound2 libgbm1).');
    }
    process.exit(code ?? 0);
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();

// Bootstrap helpers for `npm start`, `npm test` and `npm run relay`: install what is missing and build.
// Plain JavaScript on purpose: this runs on a fresh clone, before TypeScript or anything else is installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Environment for every child: no Electron binary download, no telemetry calls. */
export const CHILD_ENV = {
  ...process.env,
  ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
};

export function say(message) {
  console.log(`\x1b[36m[cuecart]\x1b[0m ${message}`);
}

export function fail(message) {
  console.error(`\x1b[31m[cuecart]\x1b[0m ${message}`);
  process.exit(1);
}

export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: CHILD_ENV, ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) fail(`Node ${process.versions.node} is too old: install Node 20.19 or newer (Node 20 or 22 LTS).`);
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export async function ensureDeps() {
  checkNode();
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  if (mtime(marker) >= mtime(lock) && nativeAddonLoads()) return;
  say('installing dependencies (npm ci; better-sqlite3 compiles from source, about two minutes the first time)…');
  const code = await run('npm', ['ci', '--no-audit', '--no-fund']);
  if (code !== 0) fail('npm ci failed: see the output above. You need network access to the npm registry, python3, make and g++.');
  if (!nativeAddonLoads()) fail('better-sqlite3 did not build: install python3, make and g++, then run "npm rebuild better-sqlite3".');
}

function nativeAddonLoads() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: join(ROOT, 'apps', 'relay'), stdio: 'ignore' });
  return probe.status === 0;
}

/** Builds every workspace with turbo (cached, so a second run takes a moment). */
export async function ensureBuilt() {
  say('building…');
  const code = await run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
  if (code !== 0) fail('the build failed: see the errors above.');
}

/**
 * Finds a system program the tests need, installing Debian's package when running as root (CI);
 * otherwise says exactly what to install.
 */
async function ensureSystemTool({ envVar, candidates, aptPackage, purpose }) {
  const found = () => [process.env[envVar], ...candidates].find((p) => p && existsSync(p));
  if (found()) return found();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    say(`installing Debian ${aptPackage} for ${purpose} (apt-get)…`);
    const env = { ...CHILD_ENV, DEBIAN_FRONTEND: 'noninteractive' };
    await run('apt-get', ['update', '-qq'], { env });
    const code = await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', aptPackage], { env });
    if (code === 0 && found()) return found();
  }
  fail(`${purpose} need ${aptPackage}: install it (Debian/Ubuntu: "sudo apt-get install ${aptPackage}") or set ${envVar} to its path.`);
}

export const ensureChromium = () =>
  ensureSystemTool({ envVar: 'CUECART_CHROMIUM', candidates: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'], aptPackage: 'chromium', purpose: 'the browser tests' });

export const ensureRedis = () =>
  ensureSystemTool({ envVar: 'CUECART_REDIS_SERVER', candidates: ['/usr/bin/redis-server', '/usr/local/bin/redis-server'], aptPackage: 'redis-server', purpose: 'the cluster-mode tests' });

/** The local speech recognizer's tools (the demo with CUECART_DEMO_TRANSCRIPT=local, npm run bench:asr). */
export async function ensureSpeechTools() {
  const purpose = 'local speech recognition';
  await ensureSystemTool({ envVar: 'CUECART_POCKETSPHINX', candidates: ['/usr/bin/pocketsphinx_continuous'], aptPackage: 'pocketsphinx', purpose });
  await ensureSystemTool({ envVar: 'CUECART_POCKETSPHINX_MODEL', candidates: ['/usr/share/pocketsphinx/model/en-us/en-us'], aptPackage: 'pocketsphinx-en-us', purpose });
  await ensureSystemTool({ envVar: 'CUECART_FFMPEG', candidates: ['/usr/bin/ffmpeg'], aptPackage: 'ffmpeg', purpose });
  await ensureSystemTool({ envVar: 'CUECART_ESPEAK', candidates: ['/usr/bin/espeak-ng'], aptPackage: 'espeak-ng', purpose });
}

// `npm run package`: installers for the producer console with electron-builder (AppImage + deb, dmg, nsis), using
// /electron-builder.yml. Builds, makes sure Electron's binary is there, then packs dist/main and dist/preload.
//   npm run package                  installers for this OS
//   npm run package -- --linux deb   any electron-builder arguments pass through
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CHILD_ENV, ensureBuilt, ensureDeps, fail, ROOT, say } from './lib/ensure.mjs';
import { ensureElectronBinary } from './desktop.mjs';

const args = process.argv.slice(2);
const passThrough = args.filter((a) => a !== '--no-build');
if (!args.includes('--no-build')) {
  await ensureDeps();
  await ensureBuilt();
}
const electron = await ensureElectronBinary();

const PLATFORM_FLAGS = { linux: ['--linux', '-l'], darwin: ['--mac', '-m'], win32: ['--win', '-w'] };
const hostFlags = PLATFORM_FLAGS[process.platform] ?? [];
const otherPlatform = Object.values(PLATFORM_FLAGS).flat().some((f) => passThrough.includes(f) && !hostFlags.includes(f));
const config = [
  '--config', join(ROOT, 'electron-builder.yml'),
  `-c.electronVersion=${electron.version}`,
  // Reuse the binary we just checked for this OS; other platforms are downloaded by electron-builder.
  ...(otherPlatform ? [] : [`-c.electronDist=${process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electron.pkgDir, 'dist')}`]),
];
say(`packaging with electron-builder (Electron ${electron.version}) into release/…`);
const env = { ...CHILD_ENV };
delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
let cli;
try {
  cli = createRequire(join(ROOT, 'apps', 'desktop', 'package.json')).resolve('electron-builder/cli.js');
} catch {
  fail('electron-builder is not installed: run "npm install" at the repository root.');
}
const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, [cli, ...config, ...passThrough], { cwd: ROOT, env, stdio: 'inherit' });
  child.on('error', () => resolve(1));
  child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
});
if (code !== 0) {
  fail('electron-builder failed: see its output above. It downloads its own tools (AppImage, fpm for deb, NSIS) from github.com the first time; without that access, run "npm run desktop" or "npm start" instead.');
}
say('installers are in release/');

// `npm start`: the demo. Installs and builds what is missing, runs the relay with the `demo` show, then
// opens the console: in Electron where its binary exists, else it prints the browser URLs.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CHILD_ENV, ensureBuilt, ensureDeps, ensureSpeechTools, ROOT, say } from './lib/ensure.mjs';

await ensureDeps();
await ensureBuilt();
// The demo on real speech recognition of its own audio (npm run demo:local) needs pocketsphinx and ffmpeg.
const transcript = process.argv.includes('--local-asr') ? 'local' : process.env.CUECART_DEMO_TRANSCRIPT;
if (transcript === 'local') await ensureSpeechTools();
say('starting the relay with the demo show (Ctrl+C to stop)…');
// After the build: the launcher is part of the built relay.
const { RELAY_MAIN, untilListening } = await import('@cuecart/relay/launch');
const relay = spawn(process.execPath, [RELAY_MAIN], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...CHILD_ENV, CUECART_DEMO: '1', CUECART_LOG_LEVEL: process.env.CUECART_LOG_LEVEL ?? 'warn', ...(transcript ? { CUECART_DEMO_TRANSCRIPT: transcript } : {}) },
});
const children = [relay];
relay.stdout.pipe(process.stdout);
relay.on('exit', (code) => process.exit(code ?? 0));
untilListening(relay, { demoToken: true }).then(
  ({ url, producerToken }) => openConsole(url, producerToken),
  // An early exit is reported by the relay itself (and ends this process above); a hang is not.
  (error) => say(error.message.split('\n')[0]),
);

function electronBinary() {
  try {
    const path = createRequire(join(ROOT, 'apps', 'desktop', 'package.json'))('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function openConsole(base, token) {
  const binary = electronBinary();
  if (!binary) {
    say("Electron's binary is not installed here, so the console opens in the browser instead:");
    say(`  ${base}/console#token=${token}`);
    say('(on a machine with internet, "npm run desktop" downloads Electron and runs the desktop app)');
    return;
  }
  say('opening the console in Electron…');
  const app = spawn(binary, [join(ROOT, 'apps', 'desktop'), `--relay=${base}`, `--token=${token}`], { stdio: 'inherit', env: CHILD_ENV });
  children.push(app);
  app.on('error', (error) => say(`Electron could not start (${error.message}): open ${base}/console#token=${token} in a browser`));
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => children.forEach((c) => c.kill(signal)));

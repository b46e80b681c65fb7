// `npm start`: the demo. Installs and builds what is missing, then runs the relay with the `demo` show.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CHILD_ENV, ensureBuilt, ensureDeps, ROOT, say } from './lib/ensure.mjs';

await ensureDeps();
await ensureBuilt();
say('starting the relay with the demo show (Ctrl+C to stop)…');
const relay = spawn(process.execPath, [join(ROOT, 'apps', 'relay', 'dist', 'main.js')], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...CHILD_ENV, CUECART_DEMO: '1', CUECART_LOG_LEVEL: process.env.CUECART_LOG_LEVEL ?? 'warn' },
});
relay.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (chunk.toString().includes('listening on')) {
    say('open the watch URL above in a browser, then fire cards with the curl line (the producer console arrives in a later version).');
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => relay.kill(signal));
relay.on('exit', (code) => process.exit(code ?? 0));

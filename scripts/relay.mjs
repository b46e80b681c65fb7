// `npm run relay`: the relay alone in the foreground, without demo data (unless CUECART_DEMO=1 is set).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CHILD_ENV, ensureBuilt, ensureDeps, ROOT } from './lib/ensure.mjs';

await ensureDeps();
await ensureBuilt();
const relay = spawn(process.execPath, [join(ROOT, 'apps', 'relay', 'dist', 'main.js')], { stdio: 'inherit', env: CHILD_ENV });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => relay.kill(signal));
relay.on('exit', (code) => process.exit(code ?? 0));

// `npm test`: installs and builds what is missing, then runs every suite once and prints one closing line.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHILD_ENV, ensureBuilt, ensureChromium, ensureDeps, ensureRedis, ROOT, run, say } from './lib/ensure.mjs';

await ensureDeps();
await ensureBuilt();
// Every test file, e2e and script type-checks too: the socket event maps and the compile-time checks in tests
// (@ts-expect-error lines) only mean something if something compiles them.
say('type-checking…');
if ((await run('npm', ['run', '--silent', 'typecheck'])) !== 0) {
  console.error('cuecart: the type check failed: see the errors above (npm run typecheck runs it alone).');
  process.exit(1);
}
const chromium = await ensureChromium();
const redisServer = await ensureRedis();

const report = join(ROOT, '.tmp', 'vitest-report.json');
mkdirSync(join(ROOT, '.tmp'), { recursive: true });
rmSync(report, { force: true });
say('running every suite…');
const code = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  env: { ...CHILD_ENV, CUECART_CHROMIUM: chromium, CUECART_REDIS_SERVER: redisServer },
});

let summary = '';
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed${r.numPendingTests ? `, ${r.numPendingTests} skipped` : ''}`;
} catch {
  summary = '0 passed, 1 failed';
}
console.log(`\ntests: ${summary}`);
process.exit(code);

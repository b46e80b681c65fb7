// The embed's weight on the wire: raw and gzip size of apps/player/dist/embed.js (hls.js light included).
// Usage: npm run build && npx tsx scripts/bench/embed-size.ts [--no-write]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { writeSection } from './lib/report.js';
import { machine } from './lib/synthetic.js';

const EMBED = join(fileURLToPath(new URL('../../', import.meta.url)), 'apps', 'player', 'dist', 'embed.js');
const TARGET_GZIP = 200 * 1024;

if (!existsSync(EMBED)) {
  console.error('apps/player/dist/embed.js is missing: run "npm run build" first');
  process.exit(1);
}
const raw = readFileSync(EMBED);
const gzip = gzipSync(raw, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const section = [
  '## Embed size',
  '',
  `Command: \`npm run build && npx tsx scripts/bench/embed-size.ts\` · ${machine().line}`,
  '',
  '| file | raw | gzip -9 | target (gzip) |',
  '| --- | --- | --- | --- |',
  `| apps/player/dist/embed.js (hls.js light + socket.io-client + player) | ${kb(raw.length)} | ${kb(gzip)} | ≤ ${kb(TARGET_GZIP)} ${gzip <= TARGET_GZIP ? '✔' : '✘'} |`,
  '',
].join('\n');
console.log(section);
if (!process.argv.includes('--no-write')) writeSection(section);

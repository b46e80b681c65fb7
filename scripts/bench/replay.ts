/// <reference lib="dom" />
// The replay: how fast one relay answers the replay timeline of a synthetic two-hour show with 500 cards and
// 20,000 transcript segments (GET /api/shows/:id/replay, computed afresh each time: a new transcript segment
// between the reads makes the cached answer stale), and how soon the replay page shows its first card after a
// cold load in Chromium (a new browser context, deep-linked 2 s before the first card of demo-replay).
// Writes the `## Replay` section of BENCHMARKS.md.
//
// Usage: npx tsx scripts/bench/replay.ts [--cards 500] [--segments 20000] [--reads 30] [--no-write]
// Needs the relay built (npm run build) and a Chromium (npm test finds or installs one).
import { performance } from 'node:perf_hooks';
import { ADMIN_TOKEN, api, freshDataDir, mintToken, removeDataDir, startRelay } from '@cuecart/testkit/relay';
import { createRelay } from '../../apps/relay/dist/server.js';
import { loadConfig } from '../../apps/relay/dist/config/config.js';
import { createLogger } from '../../apps/relay/dist/logger.js';
import { launchChromium } from '@cuecart/testkit/browser';
import { intArg } from './lib/args.js';
import { writeSection } from './lib/report.js';
import { machine, pct } from './lib/synthetic.js';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number): number => intArg(argv, name, fallback);
const CARDS = arg('--cards', 500);
const SEGMENTS = arg('--segments', 20_000);
const READS = arg('--reads', 60);
const SHOW_MS = 2 * 3600_000;

// The show is produced in this process on its own clock (commands at their moments, as the demo episode is),
// into a data directory the measured relay then starts on: its log holds 500 stretches over two hours.
const dataDir = freshDataDir();
const env = { CUECART_DATA_DIR: dataDir, CUECART_ADMIN_TOKEN: ADMIN_TOKEN, CUECART_RATE_LIMITS: 'off', CUECART_PORT: '0', CUECART_LOG_LEVEL: 'warn' };
const seeder = await createRelay(loadConfig(env), createLogger('warn'));
const products = Array.from({ length: 120 }, (_, i) => ({
  id: `bp-${i}`,
  title: `Product ${i} ${['serum', 'hoodie', 'kettle', 'lamp', 'sneaker', 'candle'][i % 6]}`,
  price: { amount: `${10 + i}.00`, currencyCode: 'USD' },
  available: true,
}));
const epoch = Date.now() - SHOW_MS - 60_000;
const made = await seeder.ctx.authority.create({ id: 'long', title: 'Two hours', spec: { provider: 'inline', products }, products, rundown: products.slice(0, 20).map((p) => p.id), streamEpochMs: epoch });
if (!made.ok) throw new Error(`the show was refused: ${made.error.message}`);
const command = async (id: string, body: Record<string, unknown>, atMs: number) => {
  const ack = await seeder.ctx.authority.submit('long', { id, ...body } as never, 'bench', epoch + atMs);
  if (!ack.ok) throw new Error(`command ${id} refused: ${ack.error.message}`);
};
console.log(`replay bench: a ${SHOW_MS / 3600_000} h show, ${CARDS} cards, ${SEGMENTS} transcript segments…`);
await command('live', { type: 'status', status: 'live' }, 0);
for (let i = 0; i < CARDS; i++) {
  const at = Math.floor(((i + 0.5) * SHOW_MS) / CARDS);
  await command(`card-${i}`, { type: 'feature', productId: products[i % products.length]!.id, mediaMs: at }, at);
}
const words = ['so', 'this', 'one', 'is', 'really', 'great', 'for', 'autumn', 'and', 'the', 'price', 'today'];
for (let i = 0; i < SEGMENTS; i += 200) {
  const segments = Array.from({ length: Math.min(200, SEGMENTS - i) }, (_, k) => {
    const n = i + k;
    const startMs = Math.floor((n * SHOW_MS) / SEGMENTS);
    const text = `${Array.from({ length: 9 }, (_, w) => words[(n + w * 7) % words.length]).join(' ')} ${n % 50 === 0 ? products[n % products.length]!.title : ''}`.trim();
    return { id: `seg-${n}`, startMs, endMs: startMs + 300, text };
  });
  seeder.ctx.transcript.ingest('long', segments);
}
await command('end', { type: 'status', status: 'ended' }, SHOW_MS);
await seeder.close();

const relay = await startRelay({ dataDir, env: { CUECART_DEMO: '1', CUECART_RATE_LIMITS: 'off' } });
const ingest = await mintToken(relay, 'long', 'ingest');

// Cold reads: one new segment before each makes the kept replay stale, so every read computes it again.
const cold: number[] = [];
const warm: number[] = [];
let bytes = 0;
let shape = { cards: 0, chapters: 0, transcript: 0 };
for (let r = 0; r < READS; r++) {
  await api(relay, 'POST', '/api/shows/long/transcript', { segments: [{ id: `extra-${r}`, startMs: SHOW_MS - 1000 + r, endMs: SHOW_MS - 900 + r, text: 'thanks for watching' }] }, ingest);
  let t = performance.now();
  const res = await fetch(`${relay.url}/api/shows/long/replay`);
  const text = await res.text();
  cold.push(performance.now() - t);
  bytes = text.length;
  const body = JSON.parse(text) as { cards: unknown[]; chapters: unknown[]; transcript: unknown[] };
  shape = { cards: body.cards.length, chapters: body.chapters.length, transcript: body.transcript.length };
  t = performance.now();
  await (await fetch(`${relay.url}/api/shows/long/replay`)).text();
  warm.push(performance.now() - t);
}
if (shape.cards !== CARDS) throw new Error(`the replay has ${shape.cards} cards, not ${CARDS}`);

// The replay page, cold, in Chromium: deep-linked 2 s before demo-replay's first card.
const demo = (await api(relay, 'GET', '/api/shows/demo-replay/replay?transcript=0')).body as { cards: { productId: string; startMs: number }[] };
const first = demo.cards[0]!;
const browser = await launchChromium();
const pageRuns: { loadToCardMs: number; lateMs: number }[] = [];
for (let run = 0; run < 3; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`${relay.url}/replay/demo-replay?t=${first.startMs - 2000}`);
  const seen = await page.waitForFunction(
    (productId) => {
      const el = document.querySelector('cuecart-player') as (HTMLElement & { playheadMs: number | null }) | null;
      const card = el?.shadowRoot?.querySelector(`[data-testid="card"][data-product-id="${productId}"]`);
      return card ? { playheadMs: el!.playheadMs, at: Date.now() } : null;
    },
    first.productId,
    { timeout: 30_000, polling: 'raf' },
  );
  const { playheadMs, at } = (await seen.jsonValue()) as { playheadMs: number; at: number };
  pageRuns.push({ loadToCardMs: at - t0, lateMs: playheadMs - first.startMs });
  await context.close();
}
await browser.close();
await relay.stop();
removeDataDir(relay.dataDir);

const m = machine();
const f = (n: number) => n.toFixed(1);
// The first read after the relay starts also reads the show's transcript out of SQLite (later ones keep it).
const firstRead = cold.shift()!;
cold.sort((a, b) => a - b);
warm.sort((a, b) => a - b);
const late = Math.max(...pageRuns.map((r) => r.lateMs));
const section = `## Replay

Command: \`npm run build && npm run bench:replay\` (\`npx tsx scripts/bench/replay.ts --cards ${CARDS} --segments ${SEGMENTS} --reads ${READS}\`), run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.
Machine: ${m.line} The relay, this script and Chromium share the machine.

**The timeline** of a synthetic two-hour show: ${CARDS} cards, each taken through the command path at its own moment of the two hours, and ${SEGMENTS.toLocaleString('en-US')} transcript segments through the transcript service (the matcher ran on each), produced in the script's process into the data directory the measured relay then starts on. \`GET /api/shows/long/replay\` answers ${shape.cards} cards, ${shape.chapters} chapters and ${shape.transcript.toLocaleString('en-US')} transcript lines (${(bytes / 1024 / 1024).toFixed(1)} MB of JSON). Each cold read comes after a new transcript segment, so the relay reads the command log and builds the timeline again (the transcript lines stay in memory, updated as they arrive; the first read after a start reads them from SQLite); a warm read is the kept answer of an ended show.

| ${READS} reads, measured from this script (request to last byte) | p50 | p99 | max |
| --- | --- | --- | --- |
| the first, after the relay started (the transcript read from SQLite) | ${f(firstRead)} ms | | |
| cold (computed again), the other ${READS - 1} | ${f(pct(cold, 0.5))} ms | ${f(pct(cold, 0.99))} ms | ${f(Math.max(...cold))} ms |
| warm (kept) | ${f(pct(warm, 0.5))} ms | ${f(pct(warm, 0.99))} ms | ${f(Math.max(...warm))} ms |

Target: under 50 ms (cold p99: ${pct(cold, 0.99) < 50 ? 'yes' : 'no'}; the first read after a start: ${firstRead < 50 ? 'yes' : 'no'}).

**The replay page after a cold load** (a new browser context each time, 3 runs): \`/replay/demo-replay?t=${first.startMs - 2000}\`, 2 s before its first card (${first.productId} at show ms ${first.startMs}).

| run | page load → first card on screen | card shown at show ms − its moment |
| --- | --- | --- |
${pageRuns.map((r, i) => `| ${i + 1} | ${r.loadToCardMs} ms | ${r.lateMs} ms |`).join('\n')}

Target: the first card within 1 s of its moment (worst: ${late} ms, ${late <= 1000 ? 'yes' : 'no'}).
`;
console.log(section);
if (!argv.includes('--no-write')) writeSection(section);

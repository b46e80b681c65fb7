// The demo on real speech recognition: the relay recognizes the demo loop's own audio with pocketsphinx
// (CUECART_DEMO_TRANSCRIPT=local) for one loop, and this measures what a producer gets from it against the host's
// script (apps/relay/demo/transcript.json): word error rate, how many rundown products and script mentions
// become suggestions, and spoken word -> suggestion latency (from the moment the host finished saying the name,
// placed in the line by word position, to the suggestion event in the relay).
// Writes the `## Local speech recognition (demo)` section of BENCHMARKS.md.
//
// With --hls the recognizer follows the demo as any other stream: the show's stream URL is the relay's own live
// playlist over HTTP, so its segments come through the HLS follower (playlist reloads, program dates, fetches)
// instead of being read from the demo's files; that writes the `## Local speech recognition (demo over HLS)` section.
//
// Usage: npx tsx scripts/bench/local-asr.ts [--loops 1] [--hls] [--no-write]
// Needs the relay built (npm run build) and pocketsphinx, pocketsphinx-en-us, ffmpeg, espeak-ng.
import { readFileSync } from 'node:fs';
import { ADMIN_TOKEN, freshDataDir, removeDataDir } from '@cuecart/testkit/relay';
import { createRelay } from '../../apps/relay/dist/server.js';
import { loadConfig } from '../../apps/relay/dist/config/config.js';
import { createLogger } from '../../apps/relay/dist/logger.js';
import { seedDemo, DEMO_SHOW_ID } from '../../apps/relay/dist/demo/seed-demo.js';
import { createMentionTracker, indexCatalog } from '../../packages/shared/src/matcher/index.js';
import { align } from '../eval/asr-roundtrip.js';
import { intArg } from './lib/args.js';
import { writeSection } from './lib/report.js';
import { machine, pct } from './lib/synthetic.js';

const argv = process.argv.slice(2);
const LOOPS = intArg(argv, '--loops', 1);
const HLS = argv.includes('--hls');
const script = JSON.parse(readFileSync(new URL('../../apps/relay/demo/transcript.json', import.meta.url), 'utf8')) as { loopMs: number; script: { atMs: number; endMs: number; text: string }[] };
const catalog = (JSON.parse(readFileSync(new URL('../../apps/relay/demo/catalog.json', import.meta.url), 'utf8')) as { products: { id: string; title: string }[] }).products;
const rundown = catalog.slice(0, 9).map((p) => p.id);

// What the script's own words suggest (the simulated transcript): the mentions a perfect recognizer would give.
const index = indexCatalog(catalog as never);
const reference = createMentionTracker(index, { rundown });
const expected: { productId: string; line: number; text: string }[] = [];
script.script.forEach((line, i) => {
  for (const m of reference.push({ id: String(i), startMs: line.atMs, endMs: line.endMs, text: line.text, final: true })) expected.push({ productId: m.productId, line: i, text: m.text });
});

const dataDir = freshDataDir();
const env = { CUECART_DATA_DIR: dataDir, CUECART_ADMIN_TOKEN: ADMIN_TOKEN, CUECART_RATE_LIMITS: 'off', CUECART_PORT: '0', CUECART_LOG_LEVEL: 'info', CUECART_DEMO: '1', CUECART_DEMO_TRANSCRIPT: 'local', ...(HLS ? { CUECART_ALLOW_PRIVATE_URLS: '1' } : {}) };
process.env.CUECART_DEMO_TRANSCRIPT = 'local';
const relay = await createRelay(loadConfig(env), createLogger('info'));
const { port } = await relay.listen();
await seedDemo(relay.ctx);
if (HLS) {
  // The demo show's stream as a brand's would be: an absolute HLS URL, here the relay's own live playlist.
  const show = relay.ctx.authority.get(DEMO_SHOW_ID)!.show as { streamUrl?: string };
  show.streamUrl = `http://127.0.0.1:${port}/media/demo/live.m3u8`;
}
const epochMs = relay.ctx.authority.get(DEMO_SHOW_ID)!.show.streamEpochMs!;
const heard: { startMs: number; endMs: number; text: string; at: number }[] = [];
const suggested: { productId: string; text: string; mediaMs: number; at: number }[] = [];
relay.ctx.transcript.onTranscript((showId, seg) => { if (showId === DEMO_SHOW_ID) heard.push({ startMs: seg.startMs, endMs: seg.endMs, text: seg.text, at: Date.now() }); });
relay.ctx.transcript.onSuggestion((showId, s) => { if (showId === DEMO_SHOW_ID) suggested.push({ productId: s.productId, text: s.text, mediaMs: s.mediaMs, at: Date.now() }); });
const cpu0 = process.cpuUsage();
relay.sources.startAll();
const runMs = LOOPS * script.loopMs + 8000;
console.log(`local ASR bench: recognizing the demo loop for ${(runMs / 1000).toFixed(0)} s…`);
await new Promise((r) => setTimeout(r, runMs));
await relay.close();
removeDataDir(dataDir);

// Word error rate over the first loop: every recognized word against the script's words, aligned.
const said = script.script.flatMap((l) => l.text.split(' '));
const got = heard.filter((h) => h.startMs < script.loopMs).flatMap((h) => h.text.split(' '));
const aligned = align(said, got);
const wrong = aligned.filter((g, i) => g !== said[i]).length + Math.max(0, got.length - said.length);
const wer = Math.min(1, wrong / said.length);

// Each expected mention is found when its product is suggested from 2 s before its line to 6 s after it ends.
const latencies: number[] = [];
let found = 0;
const used = new Set<number>();
for (const e of expected) {
  const line = script.script[e.line]!;
  const k = suggested.findIndex((s, i) => !used.has(i) && s.productId === e.productId && s.mediaMs >= line.atMs - 2000 && s.mediaMs <= line.endMs + 6000);
  if (k < 0) continue;
  used.add(k);
  found++;
  // Where the name ends in the line: the last of its words, placed by word position over the line's duration.
  const words = line.text.split(' ');
  const last = e.text.split(' ').pop()!;
  const pos = Math.max(words.lastIndexOf(last), 0) + 1;
  const spokenAt = epochMs + line.atMs + ((line.endMs - line.atMs) * pos) / words.length;
  latencies.push(suggested[k]!.at - spokenAt);
}
latencies.sort((a, b) => a - b);
const rundownHit = new Set(suggested.filter((s) => rundown.includes(s.productId)).map((s) => s.productId));
const wrongProducts = suggested.filter((s, i) => !used.has(i) && !expected.some((e) => e.productId === s.productId));
const cpu = process.cpuUsage(cpu0);
const m = machine();
const fmt = (x: number) => `${Math.round(x)} ms`;
const rows = [
  ['audio recognized', `${LOOPS} loop of ${(script.loopMs / 1000).toFixed(0)} s (${script.script.length} host lines, ${said.length} words)`],
  ['transcript segments from the recognizer', String(heard.length)],
  ['word error rate (first loop, vs the script)', `${(wer * 100).toFixed(1)} %`],
  ['rundown products suggested', `${rundownHit.size} of ${rundown.length}`],
  ['script mentions that became suggestions', `${found} of ${expected.length} (the simulated transcript's suggestions)`],
  ['suggestions of products the script never suggests', String(wrongProducts.length)],
  ['spoken name -> suggestion p50 / p90 / max', latencies.length ? `${fmt(pct(latencies, 0.5))} / ${fmt(pct(latencies, 0.9))} / ${fmt(latencies[latencies.length - 1]!)}` : 'none'],
  ['relay process CPU (user+system; the recognizer runs in child processes)', `${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`],
];
console.log(rows.map(([k, v]) => `${k}: ${v}`).join('\n'));
for (const s of suggested) console.log(`  suggested ${s.productId} at ${(s.mediaMs / 1000).toFixed(1)} s: "${s.text}"`);
if (!argv.includes('--no-write')) {
  writeSection(`## Local speech recognition (demo${HLS ? ' over HLS' : ''})

Command: \`npm run build && npm run bench:asr${HLS ? ' -- --hls' : ''}\` (\`npx tsx scripts/bench/local-asr.ts${HLS ? ' --hls' : ''}\`), run ${new Date().toISOString().slice(0, 10)}.
Machine: ${m.line} Load average at the start: ${m.load}.

${HLS ? `Here the show's stream URL is the relay's own live playlist (\`/media/demo/live.m3u8\` over HTTP): the recognizer follows it as it
follows any stream, reloading the playlist, placing segments by their EXT-X-PROGRAM-DATE-TIME and fetching them through the relay's
guarded fetch. ` : ''}The relay runs the demo with \`CUECART_DEMO_TRANSCRIPT=local\`: each 2 s segment of the demo loop is decoded by ffmpeg when it has aired,
cut into utterances at pauses (at most 3.5 s), and recognized by Debian's pocketsphinx (\`pocketsphinx-en-us\` acoustic model) with a
bigram language model and dictionary the relay builds from the show's catalog and generic host talk (not from the host's script).
Latency runs from the moment the host finished saying the product's name (placed in its line by word position) to the relay's suggestion
event; it includes waiting for the segment to air (up to 2 s), the pause that ends the utterance (0.3 s) and recognition.

| figure | value |
| --- | --- |
${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}
`);
}

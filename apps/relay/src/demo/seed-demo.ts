// The `demo` show: seeded from the committed demo catalog when CUECART_DEMO=1.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ScriptLine, type TranscriptSourceSpec } from '@cuecart/shared';
import type { RelayContext } from '../context.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { DEMO_DIR } from '../paths.js';
import { DEMO_STREAM_URL } from '../replay/replay-service.js';

export const DEMO_SHOW_ID = 'demo';
export const DEMO_CATALOG_PATH = join(DEMO_DIR, 'catalog.json');
const DemoTranscript = z.object({ loopMs: z.number().int().min(1000), script: z.array(ScriptLine).min(1) });

/** The host's lines at their times in the demo recording (one loop of it). */
export function demoScript(): z.infer<typeof DemoTranscript> | undefined {
  const file = join(DEMO_DIR, 'transcript.json');
  if (!existsSync(file)) return undefined;
  const parsed = DemoTranscript.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`the demo transcript ${file} is broken: regenerate it with scripts/media/make-demo-media.sh`);
  return parsed.data;
}

/**
 * The demo's transcript: the host's lines replayed by the simulated feed on every loop, or with
 * CUECART_DEMO_TRANSCRIPT=local the loop's audio recognized on this machine (pocketsphinx).
 */
export function demoTranscript(mode = process.env.CUECART_DEMO_TRANSCRIPT): TranscriptSourceSpec | undefined {
  if (mode === 'local') return { provider: 'local' };
  const script = demoScript();
  return script && { provider: 'simulated', script: script.script, loopMs: script.loopMs };
}

export interface DemoAccess {
  showId: string;
  producerToken: string;
  hostToken: string;
  ingestToken: string;
}

/** What every demo show is made of: the committed catalog, its first nine products as the rundown, the looping stream. */
export async function demoShowBase() {
  // The demo's own folder is its catalog directory: the committed catalog, whatever CUECART_CATALOG_DIR says.
  const catalog = await loadCatalog({ provider: 'file', path: 'catalog.json' }, DEMO_DIR);
  if (!catalog.ok) throw new Error(`the demo catalog is broken: ${catalog.error.message}`);
  return {
    spec: { provider: 'file' as const, path: DEMO_CATALOG_PATH },
    products: catalog.products,
    rundown: catalog.products.slice(0, 9).map((p) => p.id),
    streamUrl: DEMO_STREAM_URL,
  };
}

export async function seedDemo(ctx: RelayContext): Promise<DemoAccess> {
  const existing = ctx.authority.get(DEMO_SHOW_ID);
  // A data folder seeded with the other transcript mode switches to the one asked for now.
  const wanted = demoTranscript();
  if (existing && wanted && existing.transcript?.provider !== wanted.provider) await ctx.authority.setTranscript(DEMO_SHOW_ID, wanted);
  if (!existing) {
    const created = await ctx.authority.create({
      id: DEMO_SHOW_ID,
      title: 'Cuecart demo: the Autumn Edit',
      ...(await demoShowBase()),
      // The looping recording starts now: show ms 0 is the first segment's program date time.
      streamEpochMs: Date.now(),
      transcript: demoTranscript(),
    });
    if (!created.ok) throw new Error(`the demo show could not be created: ${created.error.message}`);
  }
  const [producer, host, ingest] = await Promise.all([
    ctx.tokens.issue(DEMO_SHOW_ID, 'producer', 'demo producer', 7 * 24 * 3600),
    ctx.tokens.issue(DEMO_SHOW_ID, 'host', 'demo host', 7 * 24 * 3600),
    ctx.tokens.issue(DEMO_SHOW_ID, 'ingest', 'demo ingest', 7 * 24 * 3600),
  ]);
  return { showId: DEMO_SHOW_ID, producerToken: producer.token, hostToken: host.token, ingestToken: ingest.token };
}

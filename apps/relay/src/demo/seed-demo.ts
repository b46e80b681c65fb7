// The `demo` show: seeded from the committed demo catalog when CUECART_DEMO=1.
import { fileURLToPath } from 'node:url';
import type { RelayContext } from '../context.js';
import { loadCatalog } from '../catalog/load-catalog.js';

export const DEMO_SHOW_ID = 'demo';
export const DEMO_CATALOG_PATH = fileURLToPath(new URL('../../demo/catalog.json', import.meta.url));

export interface DemoAccess {
  showId: string;
  producerToken: string;
  hostToken: string;
  ingestToken: string;
}

export async function seedDemo(ctx: RelayContext): Promise<DemoAccess> {
  if (!ctx.authority.get(DEMO_SHOW_ID)) {
    const catalog = await loadCatalog({ provider: 'file', path: DEMO_CATALOG_PATH }, process.cwd());
    if (!catalog.ok) throw new Error(`the demo catalog is broken: ${catalog.error.message}`);
    const created = ctx.authority.create({
      id: DEMO_SHOW_ID,
      title: 'Cuecart demo: the Autumn Edit',
      spec: { provider: 'file', path: DEMO_CATALOG_PATH },
      products: catalog.products,
      rundown: catalog.products.slice(0, 9).map((p) => p.id),
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

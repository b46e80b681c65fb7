// The real player in Debian Chromium through a relay crash: the relay is SIGKILLed while the page plays,
// stays away long enough that a plain exponential backoff would have grown to several seconds, and comes
// back on the same port and data dir. A card fired the moment it is back shows within 2 s, and the card
// from before the crash never comes back over it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { closeSuite, launchChromium } from '@cuecart/testkit/browser';
import { api, freshDataDir, mintToken, type RelayProcess, removeDataDir, startRelay } from '@cuecart/testkit/relay';
import { freePort } from '@cuecart/testkit/redis';
import { cardEvents, openRecording, shown, waitShown } from './support/card-events.js';

const OUTAGE_MS = 4000;
const dataDir = freshDataDir();
let port: number;
let relay: RelayProcess;
let browser: Browser;
let producer: string;
let n = 0;

const start = () => startRelay({ dataDir, env: { CUECART_DEMO: '1', CUECART_PORT: String(port) } });

beforeAll(async () => {
  port = await freePort();
  relay = await start();
  producer = await mintToken(relay, 'demo', 'producer', 'e2e');
  browser = await launchChromium();
}, 60_000);
afterAll(() => closeSuite(browser, relay, removeDataDir));

const fire = (command: Record<string, unknown>) => api(relay, 'POST', '/api/shows/demo/commands', { id: `restart-${Date.now()}-${n++}`, ...command }, producer);

describe('the player through a relay SIGKILL and restart', () => {
  it(`shows the first card fired after a ${OUTAGE_MS / 1000} s outage within 2 s of the relay's return`, async () => {
    const page = await openRecording(browser, `${relay.url}/watch/demo`, { width: 1280, height: 800 });
    expect((await fire({ type: 'feature', productId: 'demo-kettle' })).body.ok).toBe(true);
    await waitShown(page, 'demo-kettle');

    await relay.kill();
    await page.waitForTimeout(OUTAGE_MS);
    relay = await start();
    const back = Date.now();
    // Exclusive: the mug replaces the kettle.
    expect((await fire({ type: 'feature', productId: 'demo-mug' })).body.ok).toBe(true);
    await waitShown(page, 'demo-mug');
    const [mug] = await shown(page, 'demo-mug');
    console.log(`card after the relay's return: shown ${mug!.at - back} ms after it listened (outage ${OUTAGE_MS} ms)`);
    expect(mug!.at - back).toBeLessThanOrEqual(2000);
    await expect.poll(() => page.locator('[data-testid="card"][data-product-id="demo-mug"]').isVisible()).toBe(true);
    // The kettle went once, and never came back after the mug.
    await page.waitForTimeout(500);
    const after = (await cardEvents(page)).filter((e) => e.at >= mug!.at);
    expect(after.filter((e) => e.type === 'cuecart:card-shown' && e.productId === 'demo-kettle')).toEqual([]);
    expect(await page.locator('[data-testid="card"][data-product-id="demo-kettle"]').count()).toBe(0);
    await page.close();
  });
});

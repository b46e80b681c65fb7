// The producer's live tiles in Chromium: viewers watching now, and per card on air its clicks and adds to cart
// of the last minute, from beacons the relay takes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { closeSuite, launchChromium, screenshotDir } from '@cuecart/testkit/browser';
import { api, connect, createShow, emitAck, removeDataDir, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

const SHOTS = screenshotDir();
let relay: RelayProcess;
let browser: Browser;
let tokens: Awaited<ReturnType<typeof createShow>>;

beforeAll(async () => {
  relay = await startRelay();
  tokens = await createShow(relay, 'tiles');
  browser = await launchChromium();
}, 60_000);
afterAll(() => closeSuite(browser, relay, removeDataDir));

describe('live tiles', () => {
  it('shows viewers now and each on-air card\'s clicks and adds of the last minute', async () => {
    const command = (id: string, body: Record<string, unknown>) => api(relay, 'POST', '/api/shows/tiles/commands', { id, ...body }, tokens.producer);
    expect((await command('live', { type: 'status', status: 'live' })).body.ok).toBe(true);
    expect((await command('take-kettle', { type: 'feature', productId: 'p-kettle' })).body.ok).toBe(true);
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${relay.url}/console#token=${tokens.producer}`);
    await page.locator('[data-testid="on-air-card"]').waitFor();
    expect(await page.locator('[data-testid="on-air-card"]').getAttribute('data-product-id')).toBe('p-kettle');
    // The card's id, as viewers' beacons name it.
    const viewer = await connect(relay, '/viewer', { show: 'tiles' });
    const cardId = (await emitAck(viewer, 'overlay:get', undefined)).state.featured[0].cardId as string;
    viewer.close();
    const k = { productId: 'p-kettle', cardId };
    const ev = (type: string, sessionId: string, extra: Record<string, unknown> = {}) => ({ type, showId: 'tiles', sessionId, mode: 'live', ...extra });
    const events = [ev('view', 'v1'), ev('view', 'v2'), ev('heartbeat', 'v3', { mediaMs: 1000 }), ev('click', 'v1', k), ev('click', 'v2', k), ev('add_to_cart', 'v1', k)];
    expect((await api(relay, 'POST', '/api/track', { events })).status).toBe(202);

    await expect.poll(() => page.locator('[data-testid="viewers-now"]').textContent(), { timeout: 5000 }).toBe('3 watching');
    await expect.poll(() => page.locator('[data-testid="card-metrics"]').textContent(), { timeout: 5000 }).toBe('2 clicks · 1 add to cart in the last minute');
    await page.screenshot({ path: `${SHOTS}console-live-tiles.png` });
    await page.close();
  });
});

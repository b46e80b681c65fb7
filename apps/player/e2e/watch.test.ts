// The viewer's side in Debian Chromium: the watch page plays the demo stream, cards appear on the
// media clock, and the cart runs from Add to cart to a recorded order — on desktop and on a phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeSuite, launchChromium, screenshotDir } from '@cuecart/testkit/browser';
import { api, mintToken, type RelayProcess, removeDataDir, startRelay } from '@cuecart/testkit/relay';
import { openPlaying as openPlayingAt, shown, waitShown } from './support/card-events.js';

const SHOTS = screenshotDir();
let relay: RelayProcess;
let browser: Browser;
let producer: string;
let n = 0;

beforeAll(async () => {
  relay = await startRelay({ env: { CUECART_DEMO: '1' } });
  producer = await mintToken(relay, 'demo', 'producer', 'e2e');
  browser = await launchChromium();
}, 60_000);
afterAll(() => closeSuite(browser, relay, removeDataDir));

const fire = (command: Record<string, unknown>) => api(relay, 'POST', '/api/shows/demo/commands', { id: `e2e-${Date.now()}-${n++}`, ...command }, producer);

/** Opens the demo's watch page and waits until the player reports a playhead that moves. */
const openPlaying = (viewport: { width: number; height: number }): Promise<Page> => openPlayingAt(browser, `${relay.url}/watch/demo`, viewport);

const playhead = (page: Page) => page.evaluate(() => (document.querySelector('cuecart-player') as HTMLElement & { playheadMs: number }).playheadMs);

describe('watch page in Chromium', () => {
  it('plays the demo stream and shows a card on the frame it was fired for, not before', async () => {
    const page = await openPlaying({ width: 1280, height: 800 });
    const t0 = await playhead(page);
    await page.waitForTimeout(1500);
    expect(await playhead(page)).toBeGreaterThan(t0 + 500); // the video is playing

    await fire({ type: 'clear' });
    const mediaMs = Math.round((await playhead(page)) + 3000);
    const ack = await fire({ type: 'feature', productId: 'demo-kettle', mediaMs, badge: 'LIVE DEAL' });
    expect(ack.body.ok).toBe(true);
    // The overlay reached the page at once, but the card waits for the video.
    await page.waitForTimeout(1500);
    expect(await shown(page, 'demo-kettle')).toEqual([]);
    expect(await page.locator('[data-testid="card"][data-product-id="demo-kettle"]').count()).toBe(0);

    await waitShown(page, 'demo-kettle');
    const [event] = await shown(page, 'demo-kettle');
    const syncError = event!.playheadMs - mediaMs;
    console.log(`card sync error: ${syncError.toFixed(1)} ms (playhead ${event!.playheadMs.toFixed(1)} ms, mediaMs ${mediaMs})`);
    expect(syncError).toBeGreaterThanOrEqual(0);
    expect(syncError).toBeLessThanOrEqual(100);
    await expect.poll(() => page.locator('[data-testid="card"][data-product-id="demo-kettle"]').isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}watch-desktop.png` });
    await page.close();
  });

  it('tells the relay the viewer is watching: a view after 3 s of playback, then a heartbeat every 10 s, with its playback quality', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const sent: { type: string; mediaMs?: number; productId?: string; eventId?: string; startupMs?: number; watchMs?: number; rebufferMs?: number; at: number }[] = [];
    page.on('websocket', (ws) =>
      ws.on('framesent', (frame) => {
        const text = String(frame.payload);
        const at = text.indexOf('["track",');
        if (at < 0) return;
        const [, body] = JSON.parse(text.slice(at)) as [string, { events: { type: string; mediaMs?: number; productId?: string }[] }];
        for (const e of body.events) sent.push({ ...e, at: Date.now() });
      }),
    );
    await page.goto(`${relay.url}/watch/demo`);
    await expect.poll(() => sent.filter((e) => e.type === 'heartbeat').length, { timeout: 30_000, interval: 500 }).toBeGreaterThanOrEqual(1);
    const view = sent.find((e) => e.type === 'view')!;
    const beat = sent.find((e) => e.type === 'heartbeat')!;
    expect(view).toMatchObject({ mediaMs: expect.any(Number) });
    expect(view.productId).toBeUndefined();
    // The heartbeat comes 10 s of playback into the session, about 7 s after the view.
    expect(beat.mediaMs! - view.mediaMs!).toBeGreaterThanOrEqual(6000);
    expect(sent.filter((e) => e.type === 'view')).toHaveLength(1);
    // Quality: the startup time once, as soon as the first frame shows, then watch time with the heartbeat.
    const quality = sent.filter((e) => e.type === 'quality');
    expect(quality.filter((e) => e.startupMs !== undefined)).toHaveLength(1);
    const startup = quality[0]!;
    expect(startup.startupMs).toBeGreaterThan(0);
    expect(startup.startupMs).toBeLessThan(10_000);
    expect(quality.length).toBeGreaterThanOrEqual(2);
    const watched = quality.reduce((n, e) => n + e.watchMs!, 0);
    expect(watched).toBeGreaterThan(9000);
    expect(quality.every((e) => e.rebufferMs! <= e.watchMs!)).toBe(true);
    // Event ids sort in the order the events were made.
    const ids = sent.map((e) => e.eventId!);
    expect([...ids].sort()).toEqual(ids);
    await page.close();
  });

  it('shows an immediate card in under a second', async () => {
    const page = await openPlaying({ width: 1280, height: 800 });
    const sent = Date.now();
    await fire({ type: 'feature', productId: 'demo-scarf' });
    await waitShown(page, 'demo-scarf', 5000);
    const [event] = await shown(page, 'demo-scarf');
    const latency = event!.at - sent;
    console.log(`immediate card latency: ${latency} ms`);
    expect(latency).toBeLessThan(1000);
    await page.close();
  });

  it('charges the offer price shown on the card, and says in the cart which price applies', async () => {
    const page = await openPlaying({ width: 1280, height: 800 });
    await fire({ type: 'feature', productId: 'demo-kettle', offer: { text: 'Live price', price: { amount: '1.00', currencyCode: 'USD' }, endsAt: Date.now() + 3_600_000 } });
    const card = page.locator('[data-testid="card"][data-product-id="demo-kettle"]');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    await card.locator('[data-testid="add-to-cart"]').click();
    const line = page.locator('[data-testid="cart-drawer"] li.line[data-product-id="demo-kettle"]');
    await line.waitFor({ state: 'visible' });
    await expect.poll(() => line.locator('.unit').textContent()).toMatch(/^\$1\.00 live offer \(list \$\d+\.\d\d\)$/);
    await expect.poll(() => page.locator('[data-testid="subtotal"]').textContent()).toContain('1.00');
    await page.waitForTimeout(400); // the drawer's slide-in
    await page.locator('cuecart-player').screenshot({ path: `${SHOTS}cart-offer-desktop.png` });
    await page.close();
  });

  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['portrait phone', { width: 390, height: 844 }],
  ] as const) {
    it(`runs Add to cart → drawer → Checkout → a recorded order (${name})`, async () => {
      const page = await openPlaying(viewport);
      await fire({ type: 'feature', productId: 'demo-mug', offer: { text: 'Tonight only', endsAt: Date.now() + 3_600_000 } });
      const card = page.locator('[data-testid="card"][data-product-id="demo-mug"]');
      await card.waitFor({ state: 'visible', timeout: 10_000 });
      await card.locator('[data-testid="add-to-cart"]').click();
      const drawer = page.locator('[data-testid="cart-drawer"]');
      await drawer.waitFor({ state: 'visible' });
      await page.locator('[data-testid="qty-plus"]').first().click();
      await expect.poll(() => page.locator('[data-testid="subtotal"]').textContent()).toContain('44');
      const playingBefore = await playhead(page);
      await page.waitForTimeout(500);
      expect(await playhead(page)).toBeGreaterThan(playingBefore); // the stream keeps playing behind the drawer
      await page.screenshot({ path: `${SHOTS}cart-${name.replace(' ', '-')}.png` });
      await page.locator('[data-testid="checkout"]').click();
      await page.locator('[data-testid="order-name"]').fill('Ada Lovelace');
      await page.locator('[data-testid="order-email"]').fill('ada@example.com');
      await page.locator('[data-testid="place-order"]').click();
      await page.locator('[data-testid="order-confirmation"]').waitFor({ state: 'visible' });
      const orders = (await api(relay, 'GET', '/api/shows/demo/orders', undefined, producer)).body as Array<{ name: string; lines: Array<{ productId: string; quantity: number }> }>;
      const mine = orders.filter((o) => o.name === 'Ada Lovelace').at(-1);
      expect(mine?.lines).toEqual([expect.objectContaining({ productId: 'demo-mug', quantity: 2 })]);
      await page.screenshot({ path: `${SHOTS}order-${name.replace(' ', '-')}.png` });
      await page.close(); // pagehide flushes the last beacons
      // The beacons reached the relay: the card was seen, added, checked out and bought.
      await expect
        .poll(async () => (await api(relay, 'GET', '/api/shows/demo/analytics', undefined, producer)).body.funnel, { timeout: 10_000 })
        .toMatchObject({ impression: expect.any(Number), add_to_cart: expect.any(Number), checkout: expect.any(Number), purchase: expect.any(Number) });
      const { funnel } = (await api(relay, 'GET', '/api/shows/demo/analytics', undefined, producer)).body;
      expect(Math.min(funnel.impression, funnel.add_to_cart, funnel.checkout, funnel.purchase)).toBeGreaterThanOrEqual(1);
    });
  }
});

// Hostile catalog text in the viewer's player (Chromium): titles, vendors and on-air text with markup
// render as literal text inside the player's shadow root and on the watch page, nothing runs, no element
// comes out of product text, and link fields with script URLs never get past the create call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeSuite, launchChromium, screenshotDir } from '@cuecart/testkit/browser';
import { ADMIN_TOKEN, api, mintToken, type RelayProcess, removeDataDir, startRelay } from '@cuecart/testkit/relay';
import { createHostileShow, HOSTILE_BANNER, HOSTILE_PRODUCTS, HOSTILE_SHOW_TITLE, injected, REFUSED_PRODUCTS, trapXss } from '@cuecart/testkit/hostile-catalog';

const SHOTS = screenshotDir();
let relay: RelayProcess;
let browser: Browser;
let producer: string;
let n = 0;

beforeAll(async () => {
  relay = await startRelay();
  await createHostileShow(relay);
  producer = await mintToken(relay, 'xss', 'producer', 'xss');
  browser = await launchChromium();
}, 60_000);

afterAll(() => closeSuite(browser, relay, removeDataDir));

const fire = (command: Record<string, unknown>) => api(relay, 'POST', '/api/shows/xss/commands', { id: `xss-${n++}`, ...command }, producer);

/** The text of a card's title inside the player's shadow root, or null while it is not there. */
const cardTitle = (page: Page, productId: string) =>
  page.evaluate((id) => {
    const root = document.querySelector('cuecart-player')?.shadowRoot;
    return root?.querySelector(`[data-testid="card"][data-product-id="${CSS.escape(id)}"] .title`)?.textContent ?? null;
  }, productId);

describe('hostile catalog text in the player', () => {
  it('refuses script and data URLs and oversized titles at the create call (400), and direction overrides on air', async () => {
    for (const { why, product } of REFUSED_PRODUCTS) {
      const res = await api(relay, 'POST', '/api/shows', { title: 'refused', catalog: { provider: 'inline', products: [product] }, rundown: [] }, ADMIN_TOKEN);
      expect(res.status, why).toBe(400);
      expect(res.body.error.code, why).toBe('invalid');
    }
    const banner = await fire({ type: 'banner', text: 'Sale \u202Eello' });
    expect(banner.status).toBe(400);
  });

  it('renders every hostile title as literal text on /watch/:show and runs nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (err) => console.error('watch page error:', err.message));
    await trapXss(page);
    await page.goto(`${relay.url}/watch/xss`);
    await page.locator('cuecart-player').waitFor();

    // The relay-rendered page: show title and the line-up, escaped.
    expect(await page.locator('h1').textContent()).toBe(HOSTILE_SHOW_TITLE);
    expect(await page.locator('.lineup strong').allTextContents()).toEqual(HOSTILE_PRODUCTS.map((p) => p.title));

    for (const p of HOSTILE_PRODUCTS) {
      expect((await fire({ type: 'feature', productId: p.id, badge: '<b>HOT</b>', offer: { text: '<img src=x onerror=window.__xss=1>', endsAt: Date.now() + 600_000 } })).body.ok).toBe(true);
      await expect.poll(() => cardTitle(page, p.id), { timeout: 10_000 }).toBe(p.title);
    }
    expect((await fire({ type: 'banner', text: HOSTILE_BANNER })).body.ok).toBe(true);
    await expect.poll(() => page.evaluate(() => document.querySelector('cuecart-player')?.shadowRoot?.querySelector('[data-testid="banner"]')?.textContent ?? null), { timeout: 10_000 }).toContain(HOSTILE_BANNER);
    // Three on air together (the most the overlay holds), for the picture and one last look.
    for (const id of ['x-rtl', 'x-script', 'x-img']) await fire({ type: 'feature', productId: id, exclusive: false });
    for (const p of HOSTILE_PRODUCTS.filter((x) => ['x-rtl', 'x-script', 'x-img'].includes(x.id))) {
      await expect.poll(() => cardTitle(page, p.id), { timeout: 10_000 }).toBe(p.title);
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}xss-player.png` });

    const found = await injected(page);
    expect(found.hits).toEqual([]);
    expect(found.nodes).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await page.close();
  });
});

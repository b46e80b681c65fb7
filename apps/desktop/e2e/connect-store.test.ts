// "Connect a store" in Chromium: a wrong token is named, the right one shows the shop's name and product
// count, the picker searches the store's products with price and stock, and a show is created with the
// picked rundown; its console then shows the store's status, and says so when Shopify goes down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { closeSuite, launchChromium, screenshotDir } from '@cuecart/testkit/browser';
import { ADMIN_TOKEN, api, removeDataDir, startRelay, type RelayProcess } from '@cuecart/testkit/relay';
import { demoShopFixture, startShopifyServer, type ShopifyServer } from '@cuecart/testkit/shopify-server';

const SHOTS = screenshotDir();
let relay: RelayProcess;
let shop: ShopifyServer;
let browser: Browser;

beforeAll(async () => {
  shop = await startShopifyServer(demoShopFixture(), { storefrontToken: 'public-token' });
  relay = await startRelay({ env: { CUECART_SHOPIFY_POLL_SECONDS: '1' } });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await closeSuite(browser, relay, removeDataDir);
  await shop?.close();
  expect(shop.invalid).toEqual([]);
});

describe('connect a store', () => {
  it('tests the connection, picks products into a rundown and creates the show', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('pageerror', (err) => console.error('page error:', err.message));
    await page.goto(`${relay.url}/console/store#token=${ADMIN_TOKEN}`);
    const fill = (key: string, value: string) => page.locator(`[data-testid="store-${key}"]`).fill(value);
    await fill('shopDomain', 'northwind');
    await fill('storefrontToken', 'wrong-token');
    await fill('endpoint', shop.endpoint);
    await page.locator('[data-testid="store-test"]').click();
    await expect.poll(() => page.locator('[data-testid="store-error"]').textContent()).toContain('refused the Storefront token');

    await fill('storefrontToken', 'public-token');
    await fill('collection', 'live');
    await page.locator('[data-testid="store-test"]').click();
    const connected = page.locator('[data-testid="store-connected"]');
    await expect.poll(() => connected.textContent()).toContain('Northwind Outfitters');
    expect(await connected.textContent()).toContain('3 products in “live”');
    const rows = page.locator('[data-testid="store-products"] li');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(1).textContent()).toMatch(/Trail Hoodie\$68\.00 · 12 left · 4 variants/);

    await page.locator('[data-testid="store-search"]').fill('candle');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().locator('[data-testid="store-pick"]').click();
    await page.locator('[data-testid="store-search"]').fill('');
    await page.locator('[data-product-id="gid://shopify/Product/1001"] [data-testid="store-pick"]').click();
    await page.locator('[data-product-id="gid://shopify/Product/2001"] [data-testid="store-pick"]').click();
    const rundown = page.locator('[data-testid="store-rundown"] li');
    await expect.poll(() => rundown.count()).toBe(3);
    // The serum up to the top.
    await page.getByRole('button', { name: 'Move Hydra Glow Serum up' }).click();
    await page.locator('[data-testid="store-title"]').fill('Northwind autumn live');
    await page.screenshot({ path: `${SHOTS}connect-store.png` });
    await page.locator('[data-testid="store-create"]').click();
    const created = page.locator('[data-testid="store-created"]');
    await expect.poll(() => created.textContent()).toContain('Northwind autumn live');

    const showId = /\(([^)]+)\)/.exec((await created.textContent()) ?? '')![1]!;
    const show = await api(relay, 'GET', `/api/shows/${showId}`);
    expect(show.body).toMatchObject({ title: 'Northwind autumn live', rundown: ['gid://shopify/Product/1001', 'gid://shopify/Product/3001', 'gid://shopify/Product/2001'], catalog: { provider: 'shopify', shopDomain: 'northwind.myshopify.com', productCount: 3 } });

    // The show's console: the store light says when prices were checked, and what is wrong when Shopify fails.
    await page.locator('[data-testid="store-console-link"]').click();
    await page.locator('[data-testid="console"]').waitFor();
    await page.locator('[data-testid="go-live"]').click();
    const pill = page.locator('[data-testid="store-status"]');
    await expect.poll(() => pill.textContent(), { timeout: 10_000 }).toMatch(/Shopify · prices checked \d+ s ago/);
    // A card on air follows the store's price: the console shows what viewers see.
    const producer = await api(relay, 'POST', `/api/shows/${showId}/tokens`, { role: 'producer', name: 'e2e' }, ADMIN_TOKEN);
    expect((await api(relay, 'POST', `/api/shows/${showId}/commands`, { id: 'feat-serum', type: 'feature', productId: 'gid://shopify/Product/1001' }, producer.body.token)).body.ok).toBe(true);
    const onAir = page.locator('[data-testid="on-air-card"] .price');
    await expect.poll(() => onAir.textContent()).toBe('$42.00');
    shop.setVariant('gid://shopify/ProductVariant/1001', { price: '37.0' });
    await expect.poll(() => onAir.textContent(), { timeout: 10_000 }).toBe('$37.00');
    shop.setDown(true);
    try {
      const alert = page.locator('[data-testid="store-alert"]');
      await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toMatch(/HTTP 503.*Cards keep the last known price and stock/);
      expect(await pill.getAttribute('data-tone')).toBe('failing');
      await page.screenshot({ path: `${SHOTS}console-store-down.png` });
    } finally {
      shop.setDown(false);
    }
    await expect.poll(() => pill.getAttribute('data-tone'), { timeout: 15_000 }).toBe('ok');
    await page.close();
  });
});

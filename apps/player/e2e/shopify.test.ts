// A show sold from a Shopify store, in Debian Chromium: the shopper picks a size and colour in the player's
// drawer and that variant lands in the Shopify cart; a sold-out webhook reaches the card on air; the checkout
// button opens the cart's Shopify checkout in a new tab. Shopify is a loopback server answering the
// Storefront API from fixtures, validating every query against Shopify's real schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeSuite, launchChromium, screenshotDir } from '@cuecart/testkit/browser';
import { ADMIN_TOKEN, api, mintToken, removeDataDir, startRelay, type RelayProcess } from '@cuecart/testkit/relay';
import { demoShopFixture, sendShopifyWebhook, startShopifyServer, type ShopifyServer } from '@cuecart/testkit/shopify-server';
import { openRecording, waitShown } from './support/card-events.js';

const SHOTS = screenshotDir();
const DOMAIN = 'northwind.myshopify.com';
const SECRET = 'whsec-e2e-0123456789';
const HOODIE = 'gid://shopify/Product/2001';
const CANDLE = 'gid://shopify/Product/3001';
const S_FOREST = 'gid://shopify/ProductVariant/203';

let relay: RelayProcess;
let shop: ShopifyServer;
let browser: Browser;
let producer: string;
let n = 0;

beforeAll(async () => {
  shop = await startShopifyServer(demoShopFixture(), { storefrontToken: 'public-token' });
  relay = await startRelay();
  const catalog = { provider: 'shopify', shopDomain: DOMAIN, storefrontToken: 'public-token', endpoint: shop.endpoint, webhookSecret: SECRET, collection: 'live' };
  const created = await api(relay, 'POST', '/api/shows', { id: 'northwind', title: 'Northwind live', catalog, rundown: [HOODIE, CANDLE] }, ADMIN_TOKEN);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  producer = await mintToken(relay, 'northwind', 'producer', 'e2e');
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await closeSuite(browser, relay, removeDataDir);
  await shop?.close();
  expect(shop.invalid).toEqual([]);
});

const fire = (command: Record<string, unknown>) => api(relay, 'POST', '/api/shows/northwind/commands', { id: `shop-e2e-${Date.now()}-${n++}`, ...command }, producer);
const card = (page: Page, productId: string) => page.locator(`[data-testid="card"][data-product-id="${productId}"]`);

describe('a Shopify show in Chromium', () => {
  it('adds the variant chosen in the picker to the Shopify cart, and checks out on Shopify in a new tab', async () => {
    expect((await fire({ type: 'status', status: 'live' })).body.ok).toBe(true);
    expect((await fire({ type: 'feature', productId: HOODIE })).body.ok).toBe(true);
    const page = await openRecording(browser, `${relay.url}/watch/northwind`, { width: 1280, height: 800 });
    await waitShown(page, HOODIE);
    await card(page, HOODIE).locator('[data-testid="add-to-cart"]').click();

    const picker = page.locator('[data-testid="variant-picker"]');
    await picker.waitFor({ state: 'visible' });
    // M / Forest is sold out: once M is chosen, Forest says so.
    await picker.locator('[data-option="Size"] [data-value="M"]').click();
    await expect.poll(() => picker.locator('[data-option="Colour"] [data-value="Forest"]').getAttribute('data-sold-out')).toBe('true');
    await picker.locator('[data-option="Size"] [data-value="S"]').click();
    await picker.locator('[data-option="Colour"] [data-value="Forest"]').click();
    await page.screenshot({ path: `${SHOTS}shopify-variant-picker.png` });
    await picker.locator('[data-testid="variant-add"]').click();

    const line = page.locator('[data-testid="cart-drawer"] .line');
    await expect.poll(() => line.count()).toBe(1);
    await expect.poll(() => line.first().textContent()).toContain('Trail Hoodie');
    const cart = [...shop.carts.values()].at(-1)!;
    expect(cart.lines).toEqual([expect.objectContaining({ variantId: S_FOREST, quantity: 1, attributes: [{ key: '_cuecart_card', value: expect.any(String) }] })]);
    expect(Object.fromEntries(cart.attributes.map((a) => [a.key, a.value]))).toMatchObject({ _cuecart_show: 'northwind', _cuecart_mode: 'live' });
    await page.screenshot({ path: `${SHOTS}shopify-cart.png` });

    const [checkout] = await Promise.all([page.waitForEvent('popup'), page.locator('[data-testid="checkout"]').click()]);
    await checkout.waitForLoadState();
    expect(checkout.url().startsWith(`${shop.url}/cart/c/`)).toBe(true);
    expect(await checkout.locator('#lines').textContent()).toContain('Trail Hoodie — S / Forest × 1');
    // The show keeps playing in its own tab.
    expect(page.isClosed()).toBe(false);
    await checkout.close();
    await page.close();
  });

  it('turns a card on air to sold out within 2 s of the webhook, and it can no longer be added', async () => {
    expect((await fire({ type: 'feature', productId: CANDLE })).body.ok).toBe(true);
    const page = await openRecording(browser, `${relay.url}/watch/northwind`, { width: 1280, height: 800 });
    await waitShown(page, CANDLE);
    expect(await card(page, CANDLE).getAttribute('class')).not.toContain('sold-out');

    shop.setVariant('gid://shopify/ProductVariant/3001', { quantity: 0 });
    const watching = page.waitForFunction(
      (id) => {
        const root = document.querySelector('cuecart-player')?.shadowRoot;
        const el = root?.querySelector(`[data-testid="card"][data-product-id="${id}"]`);
        return el?.classList.contains('sold-out') ? Date.now() : false;
      },
      CANDLE,
      { timeout: 5000, polling: 'raf' },
    );
    const sent = Date.now();
    const hook = await sendShopifyWebhook(relay.url, { topic: 'products/update', shopDomain: DOMAIN, secret: SECRET, payload: { id: 3001, admin_graphql_api_id: CANDLE } });
    expect(hook.status).toBe(200);
    const seenAt = (await (await watching).jsonValue()) as number;
    const latency = seenAt - sent;
    console.log(`sold out: webhook → card on air in ${latency} ms`);
    expect(latency).toBeLessThan(2000);
    // It can no longer be added: its button offers "notify me when it's back" instead (issue 21, item 5).
    expect(await card(page, CANDLE).locator('[data-testid="add-to-cart"]').count()).toBe(0);
    const notify = card(page, CANDLE).locator('[data-testid="notify-me"]');
    expect(await notify.textContent()).toBe('Notify me');
    await page.screenshot({ path: `${SHOTS}shopify-sold-out.png` });
    await notify.click();
    const form = page.locator('cuecart-player [data-testid="notify-form"]');
    await form.waitFor({ state: 'visible' });
    await form.getByTestId('notify-email').fill('ana@example.com');
    await form.getByTestId('notify-submit').click();
    // Consent is asked, not assumed.
    expect(await form.getByTestId('notify-error').textContent()).toMatch(/Tick the box/);
    await form.getByTestId('notify-consent').check();
    await page.waitForTimeout(250); // the drawer's slide-in, for the screenshot
    await page.screenshot({ path: `${SHOTS}player-notify-me-desktop.png` });
    await form.getByTestId('notify-submit').click();
    await expect.poll(() => page.locator('cuecart-player [data-testid="notify-done"]').textContent()).toMatch(/We'll email ana@example.com once Cedar Candle is back/);
    const alerts = await api(relay, 'GET', '/api/shows/northwind/restock-alerts', undefined, producer);
    expect(alerts.body).toEqual([{ productId: CANDLE, title: 'Cedar Candle', waiting: [{ email: 'ana@example.com', at: expect.any(Number) }] }]);
    await page.close();
  });

  it('opens any product of the show from the page or the player\'s Shop list, with its options and a quantity, without leaving the video (issue 21, item 9)', async () => {
    const page = await openRecording(browser, `${relay.url}/watch/northwind`, { width: 1280, height: 800 });
    await page.locator(`button.product[data-product-id="${HOODIE}"]`).click();
    const sheet = page.locator('cuecart-player [data-testid="product-sheet"]');
    await sheet.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await sheet.getByTestId('sheet-title').textContent()).toContain('Trail Hoodie');
    await sheet.locator('[data-option="Size"] [data-value="S"]').click();
    await sheet.locator('[data-option="Colour"] [data-value="Forest"]').click();
    await sheet.getByTestId('sheet-qty-plus').click();
    expect(await sheet.getByTestId('sheet-qty').textContent()).toBe('2');
    // The + keeps the focus after the sheet redraws, so a keyboard can press it again.
    expect(await page.evaluate(() => (document.querySelector('cuecart-player')!.shadowRoot!.activeElement as HTMLElement | null)?.dataset.testid)).toBe('sheet-qty-plus');
    expect(await sheet.getByTestId('sheet-add').textContent()).toBe('Add 2 to cart');
    await page.screenshot({ path: `${SHOTS}watch-product-sheet-desktop.png` });
    await sheet.getByTestId('sheet-add').click();
    const line = page.locator('[data-testid="cart-drawer"] .line');
    await expect.poll(() => line.count(), { timeout: 10_000 }).toBe(1);
    const cart = [...shop.carts.values()].at(-1)!;
    expect(cart.lines).toEqual([expect.objectContaining({ variantId: S_FOREST, quantity: 2 })]);

    // The player's own Shop list: every product of the show; the sold-out candle says so and cannot be added.
    await page.locator('cuecart-player [data-testid="cart-close"]').click();
    await page.locator('cuecart-player [data-testid="shop-button"]').click();
    const shelf = page.locator('cuecart-player [data-testid="shelf"]');
    await shelf.waitFor({ state: 'visible' });
    expect(await shelf.getByTestId('shelf-item').count()).toBeGreaterThanOrEqual(2);
    await shelf.locator(`[data-testid="shelf-item"][data-product-id="${CANDLE}"]`).click();
    await sheet.waitFor({ state: 'visible' });
    expect(await sheet.getByTestId('sheet-add').isDisabled()).toBe(true);
    expect(await sheet.getByTestId('sheet-add').textContent()).toBe('Sold out');
    expect(await sheet.getByTestId('sheet-notify').textContent()).toBe('Notify me when it’s back');
    await sheet.getByTestId('sheet-back').click();
    await shelf.waitFor({ state: 'visible' });
    await page.close();
  });
});

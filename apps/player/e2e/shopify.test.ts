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
    const add = card(page, CANDLE).locator('[data-testid="add-to-cart"]');
    expect(await add.isDisabled()).toBe(true);
    expect(await add.textContent()).toBe('Sold out');
    await page.screenshot({ path: `${SHOTS}shopify-sold-out.png` });
    await page.close();
  });
});

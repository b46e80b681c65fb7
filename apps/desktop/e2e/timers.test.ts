// Issue 21, item 7, in Chromium: the console's banner and offer timers agree with what viewers see. While a
// banner runs the console counts it down; once its time is up the console says it ended (viewers no longer
// see it) instead of showing it live at 0:00. The same for a card's offer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeSuite, launchChromium, screenshotDir } from '@cuecart/testkit/browser';
import { api, createShow, removeDataDir, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

const SHOTS = screenshotDir();
let relay: RelayProcess;
let browser: Browser;
let page: Page;
let tokens: Awaited<ReturnType<typeof createShow>>;
let n = 0;
const fire = (command: Record<string, unknown>) => api(relay, 'POST', '/api/shows/timers/commands', { id: `timer-${n++}`, ...command }, tokens.producer);

beforeAll(async () => {
  relay = await startRelay();
  tokens = await createShow(relay, 'timers');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(`${relay.url}/console#token=${tokens.producer}`);
  await page.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ timeout: 15_000 });
}, 60_000);
afterAll(() => closeSuite(browser, relay, removeDataDir));

describe('banner and offer timers in the console (issue 21, item 7)', () => {
  it('counts a banner down, then says it ended instead of showing it at 0:00', async () => {
    const endsAt = Date.now() + 3000;
    expect((await fire({ type: 'banner', text: 'Free shipping tonight', endsAt })).body.ok).toBe(true);
    const line = page.getByTestId('banner-line');
    await line.waitFor({ timeout: 5000 });
    expect(await line.getAttribute('data-state')).toBe('live');
    expect(await line.textContent()).toMatch(/BANNERFree shipping tonightends in 0:0[1-3]/);
    await expect.poll(() => line.getAttribute('data-state'), { timeout: 6000, interval: 50 }).toBe('ended');
    // At its end, not a second after.
    const late = Date.now() - endsAt;
    console.log(`console says the banner ended ${late} ms after its end`);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(400);
    expect(await line.textContent()).toMatch(/BANNER ENDED.*viewers no longer see it/);
    expect(await line.textContent()).not.toContain('0:00');
  });

  it('says a card’s offer ended once its time is up', async () => {
    const ack = await fire({ type: 'feature', productId: 'p-kettle', badge: '-20%', offer: { text: 'Today only', price: { amount: '70.00', currencyCode: 'USD' }, endsAt: Date.now() + 3000 } });
    expect(ack.body.ok).toBe(true);
    const offer = page.locator('[data-testid="on-air-card"][data-product-id="p-kettle"] [data-testid="on-air-offer"]');
    await offer.waitFor({ timeout: 5000 });
    expect(await offer.textContent()).toMatch(/^Today only · ends in 0:0[1-3]$/);
    await expect.poll(() => offer.getAttribute('data-state'), { timeout: 6000 }).toBe('ended');
    expect(await offer.textContent()).toMatch(/Offer ended at .*viewers no longer see it/);
    await page.screenshot({ path: `${SHOTS}console-timers-ended-1600x900.png` });
  });
});

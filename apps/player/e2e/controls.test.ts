// Issue 21, item 8, in Chromium: the player's controls and what a keyboard or screen-reader user gets. Pause
// and play, mute again after "Tap to unmute", volume, full screen on the whole player (cards stay on the picture),
// the focus back on what opened the cart when it closes, a live region that names each new card, cards with an
// accessible name, and a struck price that says "was".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeSuite, launchChromium, screenshotDir } from '@cuecart/testkit/browser';
import { api, mintToken, type RelayProcess, removeDataDir, startRelay } from '@cuecart/testkit/relay';
import { openPlaying } from './support/card-events.js';

const SHOTS = screenshotDir();
let relay: RelayProcess;
let browser: Browser;
let producer: string;
let page: Page;
let n = 0;

const fire = (command: Record<string, unknown>) => api(relay, 'POST', '/api/shows/demo/commands', { id: `ctl-${Date.now()}-${n++}`, ...command }, producer);
const video = <T>(fn: (v: HTMLVideoElement) => T) =>
  page.evaluate(`(${fn.toString()})(document.querySelector('cuecart-player').shadowRoot.querySelector('video'))`) as Promise<T>;
/** The data-testid (or tag) of what has the focus inside the player. */
const focusedInPlayer = () =>
  page.evaluate(() => {
    const a = document.querySelector('cuecart-player')!.shadowRoot!.activeElement as HTMLElement | null;
    return a ? (a.dataset.testid ?? a.tagName.toLowerCase()) : null;
  });
const player = () => page.locator('cuecart-player');

beforeAll(async () => {
  relay = await startRelay({ env: { CUECART_DEMO: '1' } });
  producer = await mintToken(relay, 'demo', 'producer', 'controls');
  browser = await launchChromium();
  page = await openPlaying(browser, `${relay.url}/watch/demo`, { width: 1280, height: 800 });
}, 60_000);
afterAll(() => closeSuite(browser, relay, removeDataDir));

describe('player controls (issue 21, item 8)', () => {
  it('pauses and plays again', async () => {
    const button = player().getByTestId('play-pause');
    expect(await button.getAttribute('aria-label')).toBe('Pause');
    await button.click();
    await expect.poll(() => video((v) => v.paused)).toBe(true);
    await expect.poll(() => button.getAttribute('aria-label')).toBe('Play');
    const at = await video((v) => v.currentTime);
    await page.waitForTimeout(600);
    expect(await video((v) => v.currentTime)).toBe(at);
    await button.click();
    await expect.poll(() => video((v) => v.paused)).toBe(false);
    await expect.poll(() => video((v) => v.currentTime)).toBeGreaterThan(at);
    await expect.poll(() => button.getAttribute('aria-label')).toBe('Pause');
  });

  it('unmutes with the pill, mutes again with the controls, and sets the volume', async () => {
    const mute = player().getByTestId('mute');
    expect(await video((v) => v.muted)).toBe(true);
    expect(await mute.getAttribute('aria-label')).toBe('Unmute');
    await player().getByTestId('unmute').click();
    await expect.poll(() => video((v) => v.muted)).toBe(false);
    await expect.poll(() => player().getByTestId('unmute').isHidden()).toBe(true);
    await expect.poll(() => mute.getAttribute('aria-label')).toBe('Mute');
    await mute.click();
    await expect.poll(() => video((v) => v.muted)).toBe(true);
    await expect.poll(() => player().getByTestId('unmute').isVisible()).toBe(true);
    await mute.click();
    await expect.poll(() => video((v) => v.muted)).toBe(false);
    await player().getByTestId('volume').fill('0.3');
    await expect.poll(() => video((v) => v.volume)).toBeCloseTo(0.3, 5);
    await player().getByTestId('volume').fill('0');
    await expect.poll(() => video((v) => v.muted)).toBe(true);
    await expect.poll(() => mute.getAttribute('aria-label')).toBe('Unmute');
  });

  it('goes full screen with the whole player, so the cards stay on the picture', async () => {
    await fire({ type: 'clear' });
    await fire({ type: 'feature', productId: 'demo-mug' });
    await player().locator('[data-testid="card"][data-product-id="demo-mug"]').waitFor({ state: 'visible', timeout: 10_000 });
    await player().getByTestId('fullscreen').click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName.toLowerCase() ?? null)).toBe('cuecart-player');
    await expect.poll(() => player().getByTestId('fullscreen').getAttribute('aria-label')).toBe('Exit full screen');
    expect(await player().locator('[data-testid="card"][data-product-id="demo-mug"]').isVisible()).toBe(true);
    await expect.poll(async () => (await player().boundingBox())!.height).toBe(800);
    expect((await player().boundingBox())!.width).toBe(1280);
    await page.screenshot({ path: `${SHOTS}player-fullscreen-1280x800.png` });
    await player().getByTestId('fullscreen').click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
    await expect.poll(() => player().getByTestId('fullscreen').getAttribute('aria-label')).toBe('Full screen');
  });

  it('names each new card in a live region and on the card, and says "was" for a struck price', async () => {
    await fire({ type: 'clear' });
    await fire({ type: 'feature', productId: 'demo-kettle' });
    const card = player().locator('[data-testid="card"][data-product-id="demo-kettle"]');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    const announcer = player().getByTestId('announcer');
    expect(await announcer.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => announcer.textContent()).toBe('On screen: Nimbus Pour-Over Kettle Pro, $89.00, was $109.00');
    expect(await card.getAttribute('aria-label')).toBe('Nimbus Pour-Over Kettle Pro');
    expect(await card.locator('.prices').textContent()).toBe('$89.00was $109.00');
    // The accessible tree a screen reader reads: the card by its name, "was" before the old price.
    const tree = await card.ariaSnapshot();
    expect(tree).toContain('Nimbus Pour-Over Kettle Pro');
    expect(tree).toMatch(/was \$109\.00/);
  });

  it('gives the focus back to Add to cart when the cart closes, with Escape or the close button', async () => {
    const add = player().locator('[data-testid="card"][data-product-id="demo-kettle"] [data-testid="add-to-cart"]');
    await add.focus();
    await page.keyboard.press('Enter');
    await expect.poll(focusedInPlayer).toBe('cart-close');
    await page.waitForTimeout(300); // the slide-in
    await player().screenshot({ path: `${SHOTS}player-cart-focus-desktop.png` });
    await page.keyboard.press('Escape');
    await expect.poll(focusedInPlayer).toBe('add-to-cart');
    // Opened from the Cart button: closing with ×, the Cart button has the focus again.
    await player().getByTestId('cart-button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(focusedInPlayer).toBe('cart-close');
    await page.keyboard.press('Enter');
    await expect.poll(focusedInPlayer).toBe('cart-button');
    // The card that opened it left the air meanwhile: the focus lands on the Cart button, not on the page.
    await add.focus();
    await page.keyboard.press('Enter');
    await expect.poll(focusedInPlayer).toBe('cart-close');
    await fire({ type: 'clear' });
    await player().locator('[data-testid="card"]').first().waitFor({ state: 'detached', timeout: 10_000 });
    await page.keyboard.press('Escape');
    await expect.poll(focusedInPlayer).toBe('cart-button');
  });

  it('shows the banner with its countdown, and takes it down when its time is up (item 7)', async () => {
    const endsAt = Date.now() + 4000;
    expect((await fire({ type: 'banner', text: 'Free shipping tonight', endsAt })).body.ok).toBe(true);
    const banner = player().getByTestId('banner');
    await banner.waitFor({ state: 'visible', timeout: 5000 });
    expect(await banner.textContent()).toMatch(/^Free shipping tonight · Ends in 0:0[1-4]$/);
    // The ticking part is kept out of the live region's speech.
    expect(await player().getByTestId('banner-countdown').getAttribute('aria-hidden')).toBe('true');
    // Noted in the page the moment the banner is hidden.
    await page.evaluate(() => {
      const el = document.querySelector('cuecart-player')!.shadowRoot!.querySelector('[data-testid="banner"]')!;
      new MutationObserver((_, observer) => {
        if (el.hasAttribute('hidden')) {
          (window as unknown as { bannerGoneAt: number }).bannerGoneAt = Date.now();
          observer.disconnect();
        }
      }).observe(el, { attributes: true, attributeFilter: ['hidden'] });
    });
    await banner.waitFor({ state: 'hidden', timeout: 6000 });
    const late = (await page.evaluate(() => (window as unknown as { bannerGoneAt: number }).bannerGoneAt)) - endsAt;
    console.log(`the player took the banner down ${late} ms after its end`);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(150);
    await fire({ type: 'banner.clear' });
  });

  it('uses a phone screen in portrait: the video fills the width uncovered, the bar and cards below it, no empty box (item 10)', async () => {
    const phone = await openPlaying(browser, `${relay.url}/watch/demo`, { width: 390, height: 844 });
    try {
      await fire({ type: 'clear' });
      await fire({ type: 'feature', productId: 'demo-kettle' });
      const card = phone.locator('cuecart-player [data-testid="card"][data-product-id="demo-kettle"]');
      await card.waitFor({ state: 'visible', timeout: 10_000 });
      const box = async (selector: string) => (await phone.locator(`cuecart-player ${selector}`).first().boundingBox())!;
      const player = (await phone.locator('cuecart-player').boundingBox())!;
      const video = await box('video');
      expect(player.width).toBe(390);
      expect(video.width).toBe(390);
      expect(video.height).toBeCloseTo((390 * 9) / 16, 0);
      // Nothing but the video's own controls on the picture: the unmute pill and the cart are below it.
      for (const selector of ['[data-testid="unmute"]', '[data-testid="shop-button"]']) {
        expect((await box(selector)).y, selector).toBeGreaterThanOrEqual(video.y + video.height - 1);
      }
      const cardBox = await box('[data-testid="card"]');
      expect(cardBox.y).toBeGreaterThan(video.y + video.height);
      // As tall as what it shows: no more than a few pixels below the last card.
      expect(player.y + player.height - (cardBox.y + cardBox.height)).toBeLessThan(16);
      // The card's title is not cut short.
      expect(await card.locator('.title').evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
      await phone.waitForTimeout(300); // the card's slide-in
      await phone.screenshot({ path: `${SHOTS}watch-phone-390x844.png` });
    } finally {
      await phone.close();
    }
  });
});

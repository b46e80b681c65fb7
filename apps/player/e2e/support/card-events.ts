// A watch page in Chromium that records the player's card events, for the tests to read back.
import type { Browser, Page } from 'playwright-core';

export interface CardEvent {
  type: 'cuecart:card-shown' | 'cuecart:card-hidden';
  cardId: string;
  productId: string;
  mediaMs?: number;
  playheadMs: number;
  /** Date.now() in the page when the event fired. */
  at: number;
}

/** Opens `url` with every `cuecart:card-shown` / `card-hidden` recorded from the first script on. */
export async function openRecording(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (err) => console.error('page error:', err.message));
  await page.addInitScript(() => {
    const w = window as unknown as { cuecartEvents: unknown[] };
    w.cuecartEvents = [];
    for (const type of ['cuecart:card-shown', 'cuecart:card-hidden']) {
      document.addEventListener(type, (e) => w.cuecartEvents.push({ type, at: Date.now(), ...(e as CustomEvent).detail }));
    }
  });
  await page.goto(url);
  return page;
}

export const cardEvents = (page: Page): Promise<CardEvent[]> => page.evaluate(() => (window as unknown as { cuecartEvents: CardEvent[] }).cuecartEvents);

/** The `card-shown` events of one product so far. */
export const shown = async (page: Page, productId: string): Promise<CardEvent[]> =>
  (await cardEvents(page)).filter((e) => e.type === 'cuecart:card-shown' && e.productId === productId);

/** Resolves once the product's card has been shown. */
export const waitShown = (page: Page, productId: string, timeoutMs = 10_000): Promise<unknown> =>
  page.waitForFunction(
    (id) => (window as unknown as { cuecartEvents: CardEvent[] }).cuecartEvents.some((e) => e.type === 'cuecart:card-shown' && e.productId === id),
    productId,
    { timeout: timeoutMs },
  );

/** Opens a watch page (recording card events) and waits until the player reports a playhead that moves. */
export async function openPlaying(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await openRecording(browser, url, viewport);
  await page.waitForFunction(
    () => {
      const el = document.querySelector('cuecart-player') as (HTMLElement & { playheadMs?: number }) | null;
      return typeof el?.playheadMs === 'number' && Number.isFinite(el.playheadMs) && el.playheadMs > 0;
    },
    undefined,
    { timeout: 30_000 },
  );
  return page;
}

// The shoppable replay in Debian Chromium, on the demo's ended episode (seeded with CUECART_DEMO=1): seeks to
// three chapters out of order put each chapter's card on screen within 250 ms of the seek completing; a deep
// link starts at its moment; a card pauses the video and opens the product; a replay cart is attributed to the
// replay; the transcript searches and seeks; the share button copies the moment's link; search engines get a
// VideoObject with its chapters as clips; /watch of the ended show is its replay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeSuite, launchChromium, screenshotDir } from '@cuecart/testkit/browser';
import { api, mintToken, type RelayProcess, removeDataDir, startRelay } from '@cuecart/testkit/relay';

const SHOTS = screenshotDir();
const SHOW = 'demo-replay';
let relay: RelayProcess;
let browser: Browser;
let producer: string;
let replay: { startMs: number; durationMs: number; chapters: { productId: string; startMs: number; endMs: number; title: string }[]; transcript: { startMs: number; text: string }[] };

beforeAll(async () => {
  relay = await startRelay({ env: { CUECART_DEMO: '1' } });
  producer = await mintToken(relay, SHOW, 'producer', 'e2e');
  replay = (await api(relay, 'GET', `/api/shows/${SHOW}/replay`)).body;
  browser = await launchChromium();
}, 60_000);
afterAll(() => closeSuite(browser, relay, removeDataDir));

type PlayerEl = HTMLElement & { playheadMs: number | null; seekTo(ms: number): void };

async function openReplay(path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: relay.url });
  const page = await context.newPage();
  await page.goto(`${relay.url}${path}`);
  await page.waitForFunction(() => {
    const el = document.querySelector('cuecart-player') as PlayerEl | null;
    return typeof el?.playheadMs === 'number' && el.playheadMs > 0;
  }, undefined, { timeout: 30_000 });
  return page;
}

const playhead = (page: Page) => page.evaluate(() => (document.querySelector('cuecart-player') as PlayerEl).playheadMs);

describe('the shoppable replay', () => {
  it("puts each chapter's card on screen within 250 ms of a seek, in any order", async () => {
    expect(replay.chapters.length).toBeGreaterThanOrEqual(6);
    const page = await openReplay(`/replay/${SHOW}`);
    for (const index of [5, 1, 7]) {
      const chapter = replay.chapters[index]!;
      // Measured in the page: from the video's `seeked` to the first frame the chapter's card is in the player.
      const measure = page.evaluate(
        (productId) =>
          new Promise<number>((resolve, reject) => {
            const el = document.querySelector('cuecart-player') as PlayerEl;
            const video = el.shadowRoot!.querySelector('video')!;
            const timeout = setTimeout(() => reject(new Error(`no card for ${productId}`)), 5000);
            video.addEventListener(
              'seeked',
              () => {
                const seekedAt = performance.now();
                const look = () => {
                  if (el.shadowRoot!.querySelector(`[data-testid="card"][data-product-id="${productId}"]`)) {
                    clearTimeout(timeout);
                    resolve(performance.now() - seekedAt);
                  } else requestAnimationFrame(look);
                };
                look();
              },
              { once: true },
            );
          }),
        chapter.productId,
      );
      await page.locator(`button.chapter[data-ms="${chapter.startMs}"]`).click();
      const ms = await measure;
      console.log(`replay: chapter ${index} (${chapter.title}) card on screen ${ms.toFixed(1)} ms after the seek completed`);
      expect(ms).toBeLessThanOrEqual(250);
      const at = await playhead(page);
      expect(at).toBeGreaterThanOrEqual(chapter.startMs - 100);
      expect(at).toBeLessThan(chapter.endMs);
      await expect.poll(() => page.locator(`button.chapter[data-ms="${chapter.startMs}"]`).getAttribute('aria-current')).toBe('true');
    }
    await page.screenshot({ path: `${SHOTS}replay-desktop.png`, fullPage: true });
    await page.context().close();
  });

  it('starts a deep link at its moment, and the share button copies the link to the moment on screen', async () => {
    const chapter = replay.chapters[3]!;
    const t = chapter.startMs + 2000;
    const page = await openReplay(`/replay/${SHOW}?t=${t}`);
    await expect.poll(() => playhead(page), { timeout: 5000 }).toBeGreaterThanOrEqual(t - 100);
    const at = await playhead(page);
    expect(at).toBeLessThan(t + 5000);
    await page.locator(`[data-testid="card"][data-product-id="${chapter.productId}"]`).waitFor({ timeout: 2000 });
    await page.getByTestId('share').click();
    await expect.poll(() => page.getByTestId('share-note').textContent()).toContain('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const shared = Number(new URL(copied).searchParams.get('t'));
    expect(new URL(copied).pathname).toBe(`/replay/${SHOW}`);
    expect(shared).toBeGreaterThanOrEqual(t - 100);
    expect(shared).toBeLessThan(t + 10_000);
    await page.context().close();
  });

  it('pauses on a card, opens the product and records a replay order', async () => {
    const chapter = replay.chapters.find((c) => c.productId === 'demo-mug')!;
    const page = await openReplay(`/replay/${SHOW}?t=${chapter.startMs + 1000}`);
    const card = page.locator('[data-testid="card"][data-product-id="demo-mug"]');
    await card.waitFor();
    await card.locator('.title').click();
    await page.getByTestId('product-detail').waitFor();
    expect(await page.getByTestId('detail-title').textContent()).toBe('Speckled Stoneware Mug');
    expect(await page.evaluate(() => (document.querySelector('cuecart-player') as PlayerEl).shadowRoot!.querySelector('video')!.paused)).toBe(true);
    await page.getByTestId('detail-add').click();
    await page.locator('[data-testid="cart-drawer"] li.line[data-product-id="demo-mug"]').waitFor();
    await page.locator('[data-testid="checkout"]').click();
    await page.locator('[data-testid="order-name"]').fill('Replay Shopper');
    await page.locator('[data-testid="order-email"]').fill('replay@example.com');
    await page.locator('[data-testid="place-order"]').click();
    await page.locator('[data-testid="order-confirmation"]').waitFor();
    const orders = (await api(relay, 'GET', `/api/shows/${SHOW}/orders`, undefined, producer)).body as { name: string; mode: string; lines: { productId: string; cardId?: string }[] }[];
    const mine = orders.find((o) => o.name === 'Replay Shopper')!;
    expect(mine.mode).toBe('replay');
    expect(mine.lines[0]).toMatchObject({ productId: 'demo-mug', cardId: expect.any(String) });
    await page.context().close();
  });

  it('searches the transcript, seeks from a line, and says what matched', async () => {
    const page = await openReplay(`/replay/${SHOW}`, { width: 390, height: 844 });
    const line = replay.transcript.find((s) => s.text.includes('scarf'))!;
    await page.locator('[data-testid="card"]').first().waitFor({ timeout: 20_000 }).catch(() => undefined);
    await page.screenshot({ path: `${SHOTS}replay-phone.png` });
    await page.getByTestId('transcript-search').fill('scarf');
    await expect.poll(() => page.getByTestId('search-note').textContent()).toMatch(/^\d+ lines? match “scarf”$/);
    const visible = page.locator('[data-testid="transcript-line"]:visible');
    expect(await visible.count()).toBe(replay.transcript.filter((s) => s.text.toLowerCase().includes('scarf')).length);
    await page.screenshot({ path: `${SHOTS}replay-phone-search.png` });
    await page.locator(`button.line[data-ms="${line.startMs}"]`).click();
    await expect.poll(() => playhead(page), { timeout: 5000 }).toBeGreaterThanOrEqual(line.startMs - 100);
    expect(await playhead(page)).toBeLessThan(line.startMs + 5000);
    await page.getByTestId('transcript-search').fill('no such words anywhere');
    await expect.poll(() => page.getByTestId('search-note').textContent()).toBe('Nothing matches “no such words anywhere”');
    await page.context().close();
  });

  it('gives search engines a VideoObject with its chapters as clips, and the products', async () => {
    const res = await fetch(`${relay.url}/replay/${SHOW}`);
    const page = await res.text();
    const blocks = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!));
    const video = blocks.find((b) => b['@type'] === 'VideoObject');
    expect(video).toMatchObject({ name: expect.stringContaining('Autumn Edit'), duration: 'PT3M12S', embedUrl: `${relay.url}/replay/${SHOW}` });
    expect(video.hasPart).toHaveLength(replay.chapters.length);
    expect(video.hasPart[0]).toMatchObject({ '@type': 'Clip', name: replay.chapters[0]!.title, startOffset: Math.round((replay.chapters[0]!.startMs - replay.startMs) / 1000), url: `${relay.url}/replay/${SHOW}?t=${replay.chapters[0]!.startMs}` });
    const list = blocks.find((b) => b['@type'] === 'ItemList');
    expect(list.itemListElement[0].item).toMatchObject({ '@type': 'Product', offers: { '@type': 'Offer', priceCurrency: 'USD' } });
    // The ended show's watch page is its replay.
    const watch = await fetch(`${relay.url}/watch/${SHOW}?t=5000`, { redirect: 'manual' });
    expect(watch.status).toBe(302);
    expect(watch.headers.get('location')).toBe(`/replay/${SHOW}?t=5000`);
  });
});

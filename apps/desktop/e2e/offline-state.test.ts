// Issue 21, item 6, in Chromium: losing the relay cannot be missed. The console reaches the relay through a TCP
// proxy that the test freezes (nothing closes, nothing gets through: Wi-Fi gone, a laptop lid) and, in the second
// test, through a relay that stops. Within a second the whole console says it is offline: a banner across it,
// the status pill, takes that read "Queue", the show's status marked as last known, and a take goes to the queue;
// when the link is back the take is delivered once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { closeSuite, launchChromium, screenshotDir } from '@cuecart/testkit/browser';
import { connect, createShow, emitAck, received, removeDataDir, startRelay, type RelayProcess } from '@cuecart/testkit/relay';
import { startTcpProxy, type TcpProxy } from '@cuecart/testkit/tcp-proxy';

const SHOTS = screenshotDir();
let relay: RelayProcess;
let proxy: TcpProxy;
let browser: Browser;
let tokens: Awaited<ReturnType<typeof createShow>>;

beforeAll(async () => {
  relay = await startRelay();
  tokens = await createShow(relay, 'dropout');
  proxy = await startTcpProxy({ port: Number(new URL(relay.url).port) });
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await proxy?.close();
  await closeSuite(browser, relay, removeDataDir);
});

/** Notes, in the page, when the offline banner first appears (performance.now()). */
async function watchForBanner(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { offlineAt?: number };
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="offline-banner"]')) {
        w.offlineAt = performance.now();
        observer.disconnect();
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
}

/** Marks the moment of the loss in the page's clock, then runs `lose`; answers how long the banner took. */
async function msToOffline(page: Page, lose: () => unknown): Promise<number> {
  await watchForBanner(page);
  const lostAt = await page.evaluate(() => performance.now());
  await lose();
  await page.locator('[data-testid="offline-banner"]').waitFor({ timeout: 10_000 });
  return page.evaluate((t) => (window as unknown as { offlineAt: number }).offlineAt - t, lostAt);
}

async function expectWholeConsoleOffline(page: Page): Promise<void> {
  expect(await page.getByTestId('connection-status').getAttribute('data-state')).toBe('offline');
  expect(await page.getByTestId('console').getAttribute('data-link')).toBe('offline');
  expect(await page.getByTestId('offline-banner').textContent()).toMatch(/Offline: the relay is not answering.*Takes and clears wait here/);
  expect(await page.getByTestId('show-status').textContent()).toMatch(/LIVE · last known/);
  const takes = page.locator('.rundown-slot .btn-take');
  expect(await takes.count()).toBeGreaterThan(0);
  expect(new Set(await takes.allTextContents())).toEqual(new Set(['Queue']));
  expect(await page.getByTestId('queue-summary').textContent()).toMatch(/offline: what you fire now waits here/);
}

const featuredOf = async (viewer: Socket) => ((await emitAck(viewer, 'overlay:get', undefined)).state as { featured: { productId: string }[] }).featured.map((c) => c.productId);

describe('the console when the relay stops answering (issue 21, item 6)', () => {
  it('says offline across the whole console within a second of a silent link, queues a take, and delivers it once when the link is back (screenshot)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const viewer = await connect(relay, '/viewer', { show: 'dropout' });
    try {
      await page.goto(`http://127.0.0.1:${proxy.port}/console#token=${tokens.producer}`);
      await page.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ timeout: 15_000 });
      await page.getByTestId('go-live').click();
      await page.locator('[data-testid="show-status"]', { hasText: 'LIVE' }).waitFor({ timeout: 5000 });
      expect(await page.getByTestId('queue-summary').textContent()).toBe('all delivered');

      const ms = await msToOffline(page, () => proxy.freeze());
      console.log(`offline banner ${ms.toFixed(0)} ms after the link went silent`);
      expect(ms).toBeLessThan(1000);
      await expectWholeConsoleOffline(page);

      await page.keyboard.press('2');
      await page.locator('[data-testid="queued-command"][data-state="queued"]').waitFor({ timeout: 2000 });
      expect(await page.getByTestId('queue-summary').textContent()).toBe('1 waiting for the relay');
      expect(await page.getByTestId('offline-banner').textContent()).toContain('1 waiting');
      await page.screenshot({ path: `${SHOTS}console-offline-1280x720.png` });

      // Silent past the point where the console starts a fresh connection; then the link comes back.
      await page.waitForTimeout(5000);
      expect(await featuredOf(viewer)).toEqual([]);
      proxy.thaw();
      await page.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ timeout: 15_000 });
      await expect.poll(() => featuredOf(viewer), { timeout: 10_000 }).toEqual(['p-mug']);
      await expect.poll(() => page.locator('[data-testid="offline-banner"]').count()).toBe(0);
      await expect.poll(() => page.getByTestId('queue-summary').textContent(), { timeout: 10_000 }).toBe('all delivered');
      expect(await page.locator('.rundown-slot .btn-take').first().textContent()).toBe('Take');

      // The take went out once, however many times it was sent.
      const producer = await connect(relay, '/producer', { token: tokens.producer });
      await emitAck(producer, 'overlay:get', undefined);
      const [log] = received<Array<{ type: string; productId?: string }>>(producer, 'activity');
      expect(log!.filter((e) => e.type === 'feature' && e.productId === 'p-mug')).toHaveLength(1);
      producer.close();
    } finally {
      viewer.close();
      await page.close();
    }
  }, 60_000);

  it('says offline within a second when the relay stops', async () => {
    const own = await startRelay();
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    try {
      const t = await createShow(own, 'stops');
      await page.goto(`${own.url}/console#token=${t.producer}`);
      await page.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ timeout: 15_000 });
      await page.getByTestId('go-live').click();
      await page.locator('[data-testid="show-status"]', { hasText: 'LIVE' }).waitFor({ timeout: 5000 });
      const ms = await msToOffline(page, () => own.stop());
      console.log(`offline banner ${ms.toFixed(0)} ms after the relay was told to stop`);
      expect(ms).toBeLessThan(1000);
      await expectWholeConsoleOffline(page);
      await page.screenshot({ path: `${SHOTS}console-offline-1600x900.png` });
    } finally {
      await page.close();
      await own.stop();
      removeDataDir(own.dataDir);
    }
  }, 60_000);
});

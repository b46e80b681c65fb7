// The producer console in Chromium against the real relay: transcript → suggestion → Enter on air,
// Escape clears, a digit takes its rundown slot, and a take made while the relay is down waits in the
// queue and arrives exactly once after the relay returns.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { launchChromium, screenshotDir } from '@cuecart/testkit/browser';
import { ADMIN_TOKEN, api, connect, createShow, emitAck, freshDataDir, mintToken, received, type RelayProcess, removeDataDir, startRelay } from '@cuecart/testkit/relay';

const SHOTS = screenshotDir();
const dataDir = freshDataDir();
let port: number;
let relay: RelayProcess;
let tokens: Awaited<ReturnType<typeof createShow>>;
let browser: Browser;
let page: Page;
let viewer: Socket;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = srv.address() as { port: number };
      srv.close(() => resolve(p));
    });
  });
}

const start = () => startRelay({ dataDir, env: { CUECART_PORT: String(port) } });
const onAir = async () => (await emitAck(viewer, 'overlay:get', undefined)).state.featured.map((c: { productId: string }) => c.productId);
/** Hotkeys are for the page, not a focused field or button. */
const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
const status = () => page.locator('[data-testid="connection-status"]').getAttribute('data-state');

beforeAll(async () => {
  port = await freePort();
  relay = await start();
  tokens = await createShow(relay, 'studio');
  viewer = await connect(relay, '/viewer', { show: 'studio' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.on('pageerror', (err) => console.error('console page error:', err.message));
  await page.goto(`${relay.url}/console#token=${tokens.producer}`);
  await page.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ timeout: 15_000 });
}, 60_000);

afterAll(async () => {
  viewer?.close();
  await browser?.close();
  await relay?.stop();
  removeDataDir(dataDir);
});

describe('producer console', () => {
  it('shows a posted transcript line and its suggestion; Enter puts it on air for viewers', async () => {
    const posted = await api(relay, 'POST', '/api/shows/studio/transcript', { segments: [{ id: 's1', startMs: 1000, endMs: 4000, text: 'okay so this is the pour over kettle look at that spout', final: true }] }, tokens.ingest);
    expect(posted.status).toBe(202);
    await page.locator('[data-testid="transcript-line"]', { hasText: 'pour over kettle' }).waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="suggestion"][data-product-id="p-kettle"]').waitFor({ timeout: 10_000 });
    await blur();
    await page.keyboard.press('Enter');
    await expect.poll(onAir, { timeout: 5000 }).toEqual(['p-kettle']);
    await page.locator('[data-testid="on-air-card"][data-product-id="p-kettle"]').waitFor();
    await page.screenshot({ path: `${SHOTS}console-1600x900.png` });
  });

  it('goes live from the top bar', async () => {
    await page.locator('[data-testid="go-live"]').click();
    await expect.poll(async () => (await emitAck(viewer, 'overlay:get', undefined)).state.status, { timeout: 5000 }).toBe('live');
    await blur();
  });

  it('clears the air with Escape and takes a rundown slot with its digit', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(onAir, { timeout: 5000 }).toEqual([]);
    await page.keyboard.press('2');
    await expect.poll(onAir, { timeout: 5000 }).toEqual(['p-mug']);
  });

  it('ignores hotkeys while typing in a text field', async () => {
    const search = page.locator('[data-testid="catalog-search"]');
    await search.click();
    await page.keyboard.type('3');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect(await onAir()).toEqual(['p-mug']);
    await search.fill('');
    await blur();
  });

  it('keeps a take made while the relay is down in a visible queue and delivers it exactly once', async () => {
    viewer.close();
    expect(await relay.stop()).toBe(0);
    await expect.poll(status, { timeout: 10_000 }).toBe('offline');
    await page.keyboard.press('4');
    const queued = page.locator('[data-testid="queued-command"]');
    await expect.poll(() => queued.count(), { timeout: 5000 }).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: `${SHOTS}console-offline-queue.png` });

    relay = await start();
    viewer = await connect(relay, '/viewer', { show: 'studio' });
    await expect.poll(status, { timeout: 20_000 }).toBe('online');
    await expect.poll(onAir, { timeout: 10_000 }).toEqual(['p-lamp']);
    await expect.poll(() => page.locator('[data-testid="queued-command"][data-state="queued"], [data-testid="queued-command"][data-state="sending"]').count(), { timeout: 10_000 }).toBe(0);
    // The activity log a fresh console receives holds every accepted command: the queued take is in it once.
    const producer = await connect(relay, '/producer', { token: tokens.producer });
    await emitAck(producer, 'overlay:get', undefined);
    const [log] = received<Array<{ type: string; productId?: string }>>(producer, 'activity');
    expect(log!.filter((e) => e.type === 'feature' && e.productId === 'p-lamp')).toHaveLength(1);
    producer.close();
  });
});

describe('producer console on the demo show', () => {
  it('plays the program feed and follows the host’s transcript with suggestions (screenshot)', async () => {
    const demo = await startRelay({ env: { CUECART_DEMO: '1' } });
    const demoBrowser = await launchChromium();
    try {
      const token = await mintToken(demo, 'demo', 'producer', 'sam');
      const demoPage = await demoBrowser.newPage({ viewport: { width: 1600, height: 900 } });
      await demoPage.goto(`${demo.url}/console#token=${token}`);
      await demoPage.locator('[data-testid="transcript-line"]').first().waitFor({ timeout: 30_000 });
      await expect.poll(() => demoPage.locator('[data-testid="show-clock"]').textContent(), { timeout: 20_000 }).toMatch(/\d+:\d\d:\d\d/);
      await demoPage.locator('[data-testid="suggestion"]').first().waitFor({ timeout: 30_000 });
      await demoPage.keyboard.press('Enter');
      await demoPage.locator('[data-testid="on-air-card"]').first().waitFor({ timeout: 10_000 });
      await demoPage.screenshot({ path: `${SHOTS}console-demo-1600x900.png` });
    } finally {
      await demoBrowser.close();
      await demo.stop();
      removeDataDir(demo.dataDir);
    }
  }, 90_000);
});

describe('producer console when its token expires', () => {
  it('says plainly that the session expired and how to get back, and stops reconnecting (screenshot)', async () => {
    const short = await api(relay, 'POST', '/api/shows/studio/tokens', { role: 'producer', name: 'temp', ttlSeconds: 3 }, ADMIN_TOKEN);
    expect(short.status).toBe(201);
    const expiring = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    try {
      await expiring.goto(`${relay.url}/console#token=${short.body.token}`);
      await expiring.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ timeout: 15_000 });
      const banner = expiring.locator('[data-testid="session-ended"]');
      await banner.waitFor({ timeout: 8000 });
      expect(await banner.getAttribute('data-reason')).toBe('expired');
      expect(await banner.textContent()).toMatch(/Your session expired\..*new producer token.*\/console#token=NEW_TOKEN/);
      // A take made now cannot succeed: the banner says it was not sent, and nothing waits in a queue that can never drain.
      await expiring.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await expiring.keyboard.press('3');
      await expect.poll(() => expiring.locator('[data-testid="not-sent"]').textContent(), { timeout: 5000 }).toMatch(/Not sent.*Take /);
      expect(await expiring.locator('[data-testid="queued-command"][data-state="queued"]').count()).toBe(0);
      await expiring.screenshot({ path: `${SHOTS}console-session-expired.png` });
      // Nothing keeps knocking with the dead token.
      await expiring.waitForTimeout(1500);
      expect(await expiring.locator('[data-testid="connection-status"]').getAttribute('data-state')).toBe('ended');
    } finally {
      await expiring.close();
    }
  }, 30_000);
});

describe('opening the prompter from the console', () => {
  it('opens it with a host token of its own, drops every token from the address bar, and survives a reload', async () => {
    expect(page.url()).toBe(`${relay.url}/console`);
    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.locator('[data-testid="open-prompter"]').click()]);
    await tab.waitForURL(/\/prompter\/studio/, { timeout: 10_000 });
    await tab.locator('[data-testid="prompter-status"][data-connection="connected"]').waitFor({ timeout: 10_000 });
    expect(tab.url()).toBe(`${relay.url}/prompter/studio`);
    // The token it connected with is a host token, not the producer's.
    const stored = await tab.evaluate(() => sessionStorage.getItem('cuecart:token:/prompter/studio'));
    expect(stored).not.toBe(tokens.producer);
    const claims = JSON.parse(Buffer.from(stored!.split('.')[1]!, 'base64url').toString()) as { role: string; show: string };
    expect(claims).toMatchObject({ role: 'host', show: 'studio' });
    await tab.reload();
    await tab.locator('[data-testid="prompter-status"][data-connection="connected"]').waitFor({ timeout: 10_000 });
    expect(tab.url()).toBe(`${relay.url}/prompter/studio`);
    await tab.close();
  }, 30_000);
});

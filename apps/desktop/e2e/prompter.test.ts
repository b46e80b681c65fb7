// The host prompter in Chromium: the rundown with talking points, the take followed, a cue flashed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotDir } from '@cuecart/testkit/browser';
import { ADMIN_TOKEN, api, connect, createShow, emitAck, removeDataDir, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

const SHOTS = screenshotDir();
let relay: RelayProcess;
let tokens: Awaited<ReturnType<typeof createShow>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  relay = await startRelay();
  tokens = await createShow(relay, 'stage');
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.on('pageerror', (err) => console.error('prompter page error:', err.message));
  await page.goto(`${relay.url}/prompter/stage#token=${tokens.host}`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await relay?.stop();
  removeDataDir(relay.dataDir);
});

const items = () => page.locator('[data-testid="prompter-item"]');

describe('host prompter', () => {
  it('lists the rundown in order with its talking points', async () => {
    await expect.poll(() => items().count(), { timeout: 15_000 }).toBe(4);
    const ids = await items().evaluateAll((els) => els.map((e) => e.getAttribute('data-product-id')));
    expect(ids).toEqual(['p-kettle', 'p-mug', 'p-scarf', 'p-lamp']);
    const kettle = items().nth(0);
    await expect.poll(() => kettle.textContent()).toContain('Pour-Over Kettle');
    expect(await kettle.textContent()).toContain('$89');
    expect(await kettle.textContent()).toContain('109');
    expect(await items().nth(2).textContent()).toMatch(/sold out/i);
  });

  it('follows the take and flashes a cue from the producer', async () => {
    const fired = await api(relay, 'POST', '/api/shows/stage/commands', { id: 'p-take-1', type: 'feature', productId: 'p-lamp', offer: { text: 'Two for one', endsAt: Date.now() + 600_000 } }, tokens.producer);
    expect(fired.body.ok).toBe(true);
    const lamp = page.locator('[data-testid="prompter-item"][data-product-id="p-lamp"]');
    await expect.poll(() => lamp.getAttribute('data-on-air'), { timeout: 5000 }).toBe('true');
    expect(await page.locator('[data-testid="prompter-item"][data-on-air="true"]').count()).toBe(1);
    await expect.poll(() => lamp.textContent()).toContain('Two for one');
    await page.waitForTimeout(800); // let the smooth scroll settle for the picture
    await page.screenshot({ path: `${SHOTS}prompter-on-air-1600x900.png` });

    const producer = await connect(relay, '/producer', { token: tokens.producer });
    expect(await emitAck(producer, 'cue', { id: 'cue-e2e', text: 'wrap up' })).toEqual({ ok: true });
    const flash = page.locator('[data-testid="cue-flash"]');
    await expect.poll(() => flash.textContent(), { timeout: 5000 }).toMatch(/wrap up/i);
    await page.screenshot({ path: `${SHOTS}prompter-cue-1600x900.png` });
    producer.close();
  });

  it('mirrors the stage for beam-splitter glass', async () => {
    await page.locator('[data-testid="mirror-toggle"]').click();
    await expect.poll(() => page.locator('[data-testid="prompter"]').getAttribute('data-mirror')).toBe('true');
    const transform = await page.locator('.prompter-stage').evaluate((el) => getComputedStyle(el).transform);
    expect(transform).toMatch(/matrix\(-1/);
  });
});

describe('host prompter when its token expires', () => {
  it('says plainly that the session expired and how to get the prompter back, and stops reconnecting (screenshot)', async () => {
    const short = await api(relay, 'POST', '/api/shows/stage/tokens', { role: 'host', ttlSeconds: 3 }, ADMIN_TOKEN);
    expect(short.status).toBe(201);
    const expiring = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    try {
      await expiring.goto(`${relay.url}/prompter/stage#token=${short.body.token}`);
      await expiring.locator('[data-testid="prompter-status"][data-connection="connected"]').waitFor({ timeout: 15_000 });
      const banner = expiring.locator('[data-testid="session-ended"]');
      await banner.waitFor({ timeout: 8000 });
      expect(await banner.getAttribute('data-reason')).toBe('expired');
      expect(await banner.textContent()).toMatch(/Your session expired\..*Open prompter.*new host token.*\/prompter\/stage#token=NEW_HOST_TOKEN/);
      await expiring.screenshot({ path: `${SHOTS}prompter-session-expired.png` });
      // Nothing keeps knocking with the dead token, and a reload (token from the tab's storage) says the same.
      await expiring.waitForTimeout(1500);
      expect(await expiring.locator('[data-testid="prompter-status"]').getAttribute('data-connection')).toBe('refused');
      await expiring.reload();
      await expiring.locator('[data-testid="session-ended"][data-reason="expired"]').waitFor({ timeout: 8000 });
    } finally {
      await expiring.close();
    }
  }, 30_000);
});

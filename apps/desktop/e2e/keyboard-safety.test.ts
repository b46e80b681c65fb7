// Issue 21, item 1, in Chromium: Enter can never end the show. After "Go live" is clicked, Enter takes the top
// suggestion rather than pressing the button now labelled "End show"; after a Take button is clicked, Enter
// takes the top suggestion, not that product again; and "End the show?" opens on "Keep the show live", so
// Enter answers no.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Socket } from 'socket.io-client';
import { closeSuite, launchChromium, screenshotDir } from '@cuecart/testkit/browser';
import { api, connect, createShow, emitAck, removeDataDir, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

const SHOTS = screenshotDir();
let relay: RelayProcess;
let browser: Browser;
let page: Page;
let viewer: Socket;
let tokens: Awaited<ReturnType<typeof createShow>>;

const overlay = async () => (await emitAck(viewer, 'overlay:get', undefined)).state as { status: string; featured: { productId: string }[] };
const say = (id: string, text: string, startMs: number) => api(relay, 'POST', '/api/shows/keys/transcript', { segments: [{ id, startMs, endMs: startMs + 3000, text, final: true }] }, tokens.ingest);

beforeAll(async () => {
  relay = await startRelay();
  tokens = await createShow(relay, 'keys');
  viewer = await connect(relay, '/viewer', { show: 'keys' });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(`${relay.url}/console#token=${tokens.producer}`);
  await page.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ timeout: 15_000 });
}, 60_000);
afterAll(async () => {
  viewer?.close();
  await closeSuite(browser, relay, removeDataDir);
});

describe('Enter and a focused button', () => {
  it('takes the top suggestion after Go live was clicked, and never ends the show', async () => {
    await page.getByTestId('go-live').click();
    await expect.poll(async () => (await overlay()).status).toBe('live');
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BUTTON');
    expect((await say('k1', 'okay so this is the pour over kettle look at that spout', 1000)).status).toBe(202);
    await page.locator('[data-testid="suggestion"][data-product-id="p-kettle"]').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await overlay()).featured.map((c) => c.productId)).toEqual(['p-kettle']);
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('confirm-end').isVisible()).toBe(false);
    expect((await overlay()).status).toBe('live');
  });

  it('takes the top suggestion after a Take button was clicked, not that product again', async () => {
    expect((await say('m1', 'and this stoneware mug is lovely', 5000)).status).toBe(202);
    const mug = page.locator('[data-testid="suggestion"][data-product-id="p-mug"]');
    await mug.waitFor({ timeout: 10_000 });
    await mug.getByRole('button', { name: 'Take' }).click();
    await expect.poll(async () => (await overlay()).featured.map((c) => c.productId)).toEqual(['p-mug']);
    expect((await say('k2', 'back to the pour over kettle for a second', 9000)).status).toBe(202);
    await page.locator('[data-testid="suggestion"][data-product-id="p-kettle"]').waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await overlay()).featured.map((c) => c.productId)).toEqual(['p-kettle']);
  });

  it('asks before ending with "Keep the show live" focused, so Enter keeps it live', async () => {
    await page.getByTestId('end-show').click();
    const dialog = page.getByTestId('confirm-end');
    await dialog.waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('keep-live');
    await page.screenshot({ path: `${SHOTS}console-confirm-end.png` });
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect((await overlay()).status).toBe('live');
    // Escape in the dialog closes it without clearing the air.
    await page.getByTestId('end-show').click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect((await overlay()).featured.map((c) => c.productId)).toEqual(['p-kettle']);
    // Ending takes a click on "End the show".
    await page.getByTestId('end-show').click();
    await page.getByTestId('confirm-end-show').click();
    await expect.poll(async () => (await overlay()).status).toBe('ended');
  });
});

describe('a token the relay refuses (issue 21, item 3)', () => {
  for (const [name, token, reason] of [
    ['a wrong token', () => 'not-a-token', /token/i],
    ['a host token', () => tokens.host, /a host token cannot do this: it needs a producer token/],
  ] as const) {
    it(`says why in the page for ${name}, and queues nothing that could never be sent`, async () => {
      const p = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      await p.goto(`${relay.url}/console#token=${token()}`);
      const ended = p.getByTestId('session-ended');
      await ended.waitFor({ timeout: 5000 });
      expect(await ended.textContent()).toMatch(reason);
      expect(await ended.textContent()).toContain('Ask the show admin for a new producer token');
      expect(await p.getByTestId('connection-status').textContent()).toBe('Signed out');
      await p.keyboard.press('Escape');
      await p.getByTestId('not-sent').waitFor();
      expect(await p.getByTestId('not-sent').textContent()).toContain('PANIC CLEAR');
      expect(await p.locator('[data-testid="queued-command"]').count()).toBe(0);
      if (name === 'a host token') await p.screenshot({ path: `${SHOTS}console-refused-host-token.png` });
      await p.close();
    });
  }
});

describe('the console from 1280×720 down (issue 21, item 2)', () => {
  it('fits a 1280×720 laptop with nothing off screen, and the settings keep Save in view', async () => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await p.goto(`${relay.url}/console#token=${tokens.producer}`);
    await p.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ timeout: 15_000 });
    const overflow = () => p.evaluate(() => { const el = document.querySelector('.cc-console')!; return el.scrollWidth - el.clientWidth; });
    expect(await overflow()).toBeLessThanOrEqual(0);
    for (const id of ['settings-open', 'open-report', 'connection-status']) {
      const box = (await p.getByTestId(id).boundingBox())!;
      expect(box.x + box.width, id).toBeLessThanOrEqual(1280);
    }
    const composer = (await p.locator('.col').last().boundingBox())!;
    expect(composer.x + composer.width).toBeLessThanOrEqual(1280);
    await p.screenshot({ path: `${SHOTS}console-1280x720.png` });
    await p.getByTestId('settings-open').click();
    const save = (await p.getByTestId('settings-save').boundingBox())!;
    expect(save.y + save.height).toBeLessThanOrEqual(720);
    await p.screenshot({ path: `${SHOTS}console-settings-1280x720.png` });
    await p.keyboard.press('Escape');
    // Narrower: the panels stack and the page scrolls down, never sideways.
    for (const width of [1024, 390]) {
      await p.setViewportSize({ width, height: 844 });
      await expect.poll(overflow).toBeLessThanOrEqual(0);
    }
    await p.screenshot({ path: `${SHOTS}console-390x844.png` });
    await p.close();
  });
});

describe('a sold-out product (issue 21, item 5)', () => {
  it('is marked in the suggestions, and taking it asks once, opening on "Don’t take it"', async () => {
    const p = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await p.goto(`${relay.url}/console#token=${tokens.producer}`);
      await p.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ timeout: 15_000 });
      await p.getByRole('button', { name: 'Take Silk Scarf', exact: true }).waitFor();
      // Live again (the test above may have ended the show).
      expect((await api(relay, 'POST', '/api/shows/keys/commands', { id: 'sold-out-live', type: 'status', status: 'live' }, tokens.producer)).body.ok).toBe(true);
      expect((await say('k9', 'and this silk scarf is gorgeous', 40_000)).status).toBe(202);
      const row = p.locator('[data-testid="suggestion"][data-product-id="p-scarf"]');
      await row.waitFor({ timeout: 10_000 });
      expect(await row.getAttribute('data-sold-out')).toBe('true');
      expect(await row.locator('.pill-soldout').textContent()).toBe('SOLD OUT');
      expect(await row.locator('.suggestion-title').textContent()).toBe('Silk Scarf');
      const before = (await overlay()).featured.map((c) => c.productId);

      // Enter takes the top suggestion: the question opens, focused on "Don't take it"; Enter answers no.
      await p.keyboard.press('Enter');
      const dialog = p.getByTestId('confirm-sold-out');
      await dialog.waitFor({ state: 'visible' });
      expect(await p.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('sold-out-cancel');
      await p.screenshot({ path: `${SHOTS}console-sold-out-1280x720.png` });
      await p.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      await p.waitForTimeout(300);
      expect((await overlay()).featured.map((c) => c.productId)).toEqual(before);

      // The digit asks again (nothing was confirmed); Escape answers no as well.
      await p.keyboard.press('3');
      await dialog.waitFor({ state: 'visible' });
      await p.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect((await overlay()).featured.map((c) => c.productId)).toEqual(before);

      // Taken anyway once: on air, and the next take of it does not ask.
      await p.keyboard.press('3');
      await dialog.waitFor({ state: 'visible' });
      await p.getByTestId('sold-out-take').click();
      await expect.poll(async () => (await overlay()).featured.map((c) => c.productId)).toContain('p-scarf');
      await p.getByRole('button', { name: 'Take Silk Scarf', exact: true }).click();
      await p.waitForTimeout(300);
      expect(await dialog.isVisible()).toBe(false);
    } finally {
      await p.close();
    }
  });
});

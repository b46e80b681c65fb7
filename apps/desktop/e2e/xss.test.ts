// Hostile catalog text in the producer console and the host prompter (Chromium): titles, vendors, the
// transcript and on-air text with markup render as literal text in the rundown, the search, the
// suggestions, the on-air card and the prompter; nothing runs and no element comes out of product text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeSuite, launchChromium, screenshotDir } from '@cuecart/testkit/browser';
import { api, mintToken, type RelayProcess, removeDataDir, startRelay } from '@cuecart/testkit/relay';
import { createHostileShow, HOSTILE_BANNER, HOSTILE_PRODUCTS, HOSTILE_TRANSCRIPT, injected, trapXss } from '@cuecart/testkit/hostile-catalog';

const SHOTS = screenshotDir();
let relay: RelayProcess;
let browser: Browser;
const tokens: Record<'producer' | 'host' | 'ingest', string> = { producer: '', host: '', ingest: '' };
let n = 0;

beforeAll(async () => {
  relay = await startRelay();
  await createHostileShow(relay);
  for (const role of ['producer', 'host', 'ingest'] as const) {
    tokens[role] = await mintToken(relay, 'xss', role, `${role}-xss`);
  }
  browser = await launchChromium();
}, 60_000);

afterAll(() => closeSuite(browser, relay, removeDataDir));

const fire = (command: Record<string, unknown>) => api(relay, 'POST', '/api/shows/xss/commands', { id: `xss-${n++}`, ...command }, tokens.producer);
const titleOf = (id: string) => HOSTILE_PRODUCTS.find((p) => p.id === id)!.title;
/** textContent of `inner` inside the element of `outer` for a product, or null while it is not there. */
const textIn = (page: Page, outer: string, productId: string, inner: string) =>
  page.evaluate(([o, id, i]) => document.querySelector(`${o}[data-product-id="${CSS.escape(id!)}"] ${i}`)?.textContent ?? null, [outer, productId, inner] as const);

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.on('pageerror', (err) => console.error(`${path} page error:`, err.message));
  await trapXss(page);
  await page.goto(`${relay.url}${path}`);
  return page;
}

async function expectNothingRan(page: Page): Promise<void> {
  const found = await injected(page);
  expect(found.hits).toEqual([]);
  expect(found.nodes).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
}

describe('hostile catalog text in the console and the prompter', () => {
  it('console: rundown, search, transcript, suggestion and on-air card show the text as text', async () => {
    const page = await open(`/console#token=${tokens.producer}`);
    await page.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ timeout: 15_000 });

    for (const p of HOSTILE_PRODUCTS) {
      await expect.poll(() => textIn(page, '[data-testid="rundown-slot"]', p.id, '.slot-title'), { timeout: 10_000 }).toBe(p.title);
    }

    const search = page.locator('[data-testid="catalog-search"]');
    await search.fill('kettle');
    await expect.poll(() => textIn(page, '.search-result', 'x-script', '.slot-title'), { timeout: 5000 }).toBe(titleOf('x-script'));
    await search.fill('');

    // A transcript line that names a product and carries markup itself.
    const posted = await api(relay, 'POST', '/api/shows/xss/transcript', { segments: [{ id: 'xs-1', startMs: 1000, endMs: 4000, text: HOSTILE_TRANSCRIPT, final: true }] }, tokens.ingest);
    expect(posted.status).toBe(202);
    await expect.poll(() => page.locator('[data-testid="transcript-line"][data-segment-id="xs-1"]').textContent(), { timeout: 10_000 }).toContain(HOSTILE_TRANSCRIPT.slice(0, 60));
    await expect.poll(() => textIn(page, '[data-testid="suggestion"]', 'x-img', '.suggestion-title'), { timeout: 10_000 }).toBe(titleOf('x-img'));

    expect((await fire({ type: 'feature', productId: 'x-img', badge: '<b>HOT</b>', offer: { text: '<img src=x onerror=window.__xss=1>', endsAt: Date.now() + 600_000 } })).body.ok).toBe(true);
    for (const id of ['x-rtl', 'x-emoji']) expect((await fire({ type: 'feature', productId: id, exclusive: false })).body.ok).toBe(true);
    expect((await fire({ type: 'banner', text: HOSTILE_BANNER })).body.ok).toBe(true);
    for (const id of ['x-img', 'x-rtl', 'x-emoji']) {
      await expect.poll(() => textIn(page, '[data-testid="on-air-card"]', id, '.on-air-title'), { timeout: 10_000 }).toBe(titleOf(id));
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}xss-console.png` });
    await expectNothingRan(page);
    await page.close();
  });

  it('prompter: titles and vendors in the rundown and the take show as text', async () => {
    const page = await open(`/prompter/xss#token=${tokens.host}`);
    for (const p of HOSTILE_PRODUCTS) {
      await expect.poll(() => textIn(page, '[data-testid="prompter-item"]', p.id, '.item__title'), { timeout: 15_000 }).toBe(p.title);
      if (p.vendor) expect(await textIn(page, '[data-testid="prompter-item"]', p.id, '.item__vendor')).toBe(p.vendor);
    }
    expect((await fire({ type: 'feature', productId: 'x-script', offer: { text: '"><script>window.__xss=1</script>', endsAt: Date.now() + 600_000 } })).body.ok).toBe(true);
    const take = page.locator('[data-testid="prompter-item"][data-product-id="x-script"]');
    await expect.poll(() => take.getAttribute('data-on-air'), { timeout: 10_000 }).toBe('true');
    await expect.poll(() => take.locator('[data-testid="prompter-offer"]').textContent(), { timeout: 5000 }).toContain('"><script>window.__xss=1</script>');
    await page.waitForTimeout(800); // the smooth scroll to the take settles
    await page.screenshot({ path: `${SHOTS}xss-prompter.png` });
    await expectNothingRan(page);
    await page.close();
  });
});

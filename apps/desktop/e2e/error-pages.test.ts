// Issue 21, items 11 and 12, in Chromium: pages that go wrong say so readably and offer a way on. The console
// without a token reads at 4.5:1 or better and takes a pasted token; an unknown show's watch page explains
// and links on; every page has an icon (no /favicon.ico 404); the activity log says what a status became.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeSuite, launchChromium, screenshotDir } from '@cuecart/testkit/browser';
import { api, createShow, removeDataDir, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

const SHOTS = screenshotDir();
let relay: RelayProcess;
let browser: Browser;
let tokens: Awaited<ReturnType<typeof createShow>>;

beforeAll(async () => {
  relay = await startRelay({ env: { CUECART_DEMO: '1' } });
  tokens = await createShow(relay, 'errs');
  browser = await launchChromium();
}, 60_000);
afterAll(() => closeSuite(browser, relay, removeDataDir));

/** WCAG contrast of an element's text colour on the first opaque background behind it. */
function contrastOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * ch(r!) + 0.7152 * ch(g!) + 0.0722 * ch(b!);
    };
    let bg: number[] = [255, 255, 255];
    for (let n: Element | null = el; n; n = n.parentElement) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3]! > 0.9)) {
        bg = c;
        break;
      }
    }
    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(bg)].sort((x, y) => y - x);
    return (a! + 0.05) / (b! + 0.05);
  });
}

describe('pages that go wrong (issue 21, item 11)', () => {
  it('the console without a token says what to do, readably, and opens with a pasted token', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const missing: string[] = [];
    page.on('response', (r) => r.status() === 404 && missing.push(r.url()));
    try {
      await page.goto(`${relay.url}/console`);
      await page.getByTestId('no-session').waitFor();
      expect(await page.getByTestId('no-session-message').textContent()).toMatch(/needs a token.*producer token/);
      for (const selector of ['[data-testid="no-session-message"]', '.no-session h1', '.no-session label', '.no-session__hint']) {
        expect(await contrastOf(page, selector), selector).toBeGreaterThanOrEqual(4.5);
      }
      await page.screenshot({ path: `${SHOTS}console-no-token-1280x720.png` });
      await page.getByTestId('no-session-token').fill(tokens.producer);
      await page.getByRole('button', { name: 'Open' }).click();
      await page.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ timeout: 15_000 });
      expect(page.url()).toBe(`${relay.url}/console`);
      expect(missing.filter((u) => u.endsWith('/favicon.ico'))).toEqual([]);
      const icon = await api(relay, 'GET', '/favicon.ico');
      expect(icon.status).toBe(200);
    } finally {
      await page.close();
    }
  });

  it('an unknown show says so and offers a way on', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      const res = await page.goto(`${relay.url}/watch/no-such-show`);
      expect(res!.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('There is no show called “no-such-show”');
      expect(await page.locator('main').textContent()).toMatch(/may have a typo/);
      const demo = page.locator('a.primary-link');
      expect(await demo.getAttribute('href')).toBe('/watch/demo');
      expect(await contrastOf(page, '.not-found p')).toBeGreaterThanOrEqual(4.5);
      await page.screenshot({ path: `${SHOTS}watch-not-found-390x844.png` });
      await demo.click();
      await page.waitForURL(`${relay.url}/watch/demo`);
    } finally {
      await page.close();
    }
  });
});

describe('polish (issue 21, item 12)', () => {
  it('the activity log says what the status became', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    try {
      await page.goto(`${relay.url}/console#token=${tokens.producer}`);
      await page.locator('[data-testid="connection-status"][data-state="online"]').waitFor({ timeout: 15_000 });
      await page.getByTestId('go-live').click();
      await expect.poll(() => page.getByTestId('activity-entry').first().textContent()).toMatch(/went live$/);
      await api(relay, 'POST', '/api/shows/errs/commands', { id: 'b-1', type: 'banner', text: 'Free shipping' }, tokens.producer);
      await expect.poll(() => page.getByTestId('activity-entry').first().textContent()).toMatch(/showed a banner“Free shipping”$/);
    } finally {
      await page.close();
    }
  });
});

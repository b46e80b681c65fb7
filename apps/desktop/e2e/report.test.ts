// The post-show report in Chromium, for the demo's ended episode (seeded with CUECART_DEMO=1): the totals are
// the API's, every chart is drawn, the products table sorts, CSV export downloads the API's CSV, and a token
// for another show is told so in the page; the console's Report link opens it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { closeSuite, launchChromium, screenshotDir } from '@cuecart/testkit/browser';
import { api, mintToken, removeDataDir, startRelay, type RelayProcess } from '@cuecart/testkit/relay';

const SHOTS = screenshotDir();
const SHOW = 'demo-replay';
let relay: RelayProcess;
let browser: Browser;
let producer: string;

beforeAll(async () => {
  relay = await startRelay({ env: { CUECART_DEMO: '1' } });
  producer = await mintToken(relay, SHOW, 'producer');
  browser = await launchChromium();
}, 60_000);
afterAll(() => closeSuite(browser, relay, removeDataDir));

describe('the post-show report', () => {
  it("draws the demo episode's report with the API's figures and exports its products as CSV", async () => {
    const report = (await api(relay, 'GET', `/api/shows/${SHOW}/analytics`, undefined, producer)).body;
    expect(report.viewers).toBeGreaterThan(100);
    expect(report.orders).toBeGreaterThan(0);
    expect(report.byMode.replay.viewers).toBeGreaterThan(0);

    const page = await browser.newPage({ viewport: { width: 1440, height: 1500 } });
    await page.goto(`${relay.url}/console/report/${SHOW}#token=${producer}`);
    await page.locator('[data-testid="tile-viewers"]').waitFor();
    const tile = (id: string) => page.locator(`[data-testid="tile-${id}"] .tile-value`).textContent();
    expect(await tile('viewers')).toBe(report.viewers.toLocaleString('en-US'));
    expect(await tile('peak')).toBe(String(report.peakConcurrent));
    expect(await tile('orders')).toBe(String(report.orders));
    expect(await tile('revenue')).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: report.revenue.currencyCode }).format(report.revenue.total));
    expect(await page.locator('.show-title').textContent()).toContain('Autumn Edit');
    expect(report.quality.startupMs.sessions).toBe(report.viewers);
    expect(await tile('startup')).toBe(`${(report.quality.startupMs.median / 1000).toFixed(report.quality.startupMs.median < 1000 ? 2 : 1)} s`);

    // Every chart drew onto its canvas.
    for (const chart of ['concurrency', 'funnel', 'modes', 'product-revenue', 'product-screen']) {
      const canvas = page.locator(`[data-testid="chart-${chart}"] canvas`);
      await canvas.waitFor();
      expect((await canvas.boundingBox())!.width, chart).toBeGreaterThan(200);
    }
    const rows = page.locator('[data-testid="products-table"] tbody tr');
    expect(await rows.count()).toBe(report.products.length);
    // Sorted by revenue, most first; then by screen time.
    const byRevenue = [...report.products].sort((a: { revenue: number }, b: { revenue: number }) => b.revenue - a.revenue);
    expect(await rows.first().getAttribute('data-product-id')).toBe(byRevenue[0].productId);
    await page.getByRole('button', { name: 'Screen time' }).click();
    const byScreen = [...report.products].sort((a: { screenTimeMs: number }, b: { screenTimeMs: number }) => b.screenTimeMs - a.screenTimeMs);
    expect(await rows.first().getAttribute('data-product-id')).toBe(byScreen[0].productId);
    expect(await page.locator('[data-testid="mode-replay"] td').first().textContent()).toBe(String(report.byMode.replay.viewers));

    await page.getByRole('button', { name: 'Revenue', exact: true }).click();
    await page.screenshot({ path: `${SHOTS}console-report.png`, fullPage: true });
    // On a phone it stacks into one column, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.querySelector('.cc-report')!.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}console-report-phone.png` });
    await page.setViewportSize({ width: 1440, height: 1500 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toBe(`${SHOW}-products.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    const fromApi = await fetch(`${relay.url}/api/shows/${SHOW}/analytics?format=csv`, { headers: { authorization: `Bearer ${producer}` } }).then((r) => r.text());
    expect(csv).toBe(fromApi);
    expect(csv.split('\r\n')[0]).toBe('productId,screenTimeMs,impressions,clicks,ctr,addToCarts,orders,units,revenue');
    await page.close();
  });

  it("opens from the console's Report link, and says so while nobody has watched", async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    const token = await mintToken(relay, 'demo', 'producer');
    await page.goto(`${relay.url}/console#token=${token}`);
    const [report] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('open-report').click()]);
    await report.getByTestId('report-empty').waitFor();
    expect(new URL(report.url()).pathname).toBe('/console/report/demo');
    // The token left the address for the tab's storage.
    expect(report.url()).not.toContain('token=');
    expect(await report.locator('[data-testid="tile-viewers"] .tile-value').textContent()).toBe('0');
    await page.close();
    await report.close();
  });

  it('says in the page when the token is for another show', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const other = await mintToken(relay, 'demo', 'producer');
    await page.goto(`${relay.url}/console/report/${SHOW}#token=${other}`);
    const error = page.getByTestId('report-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('this token is for show "demo", not "demo-replay"');
    await page.close();
  });
});

/// <reference lib="dom" />
// A catalog written by an attacker: markup and script in titles, vendors and descriptions, direction
// overrides, very long emoji text, and link fields that must never get past the schema. Shared by the
// player's and the console's XSS checks (apps/player/e2e/xss.test.ts, apps/desktop/e2e/xss.test.ts).
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN, api } from './relay-process.js';

const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '"><script>window.__xss=1</script>';
const SVG = '<svg/onload=window.__xss=1>';
const RTL = 'هذا منتج رائع جدا للبيع الآن ';

export const HOSTILE_PRODUCTS = [
  { id: 'x-img', title: `Velvet Desk Lamp ${IMG}`, vendor: `Evil ${IMG} Co.`, productType: SVG, tags: [IMG, SCRIPT], description: `${SCRIPT} ${IMG}`, price: { amount: '49.00', currencyCode: 'USD' }, available: true },
  { id: 'x-script', title: `${SCRIPT} Copper Kettle`, vendor: `</style>${SCRIPT}`, description: '<iframe src="javascript:window.__xss=1"></iframe>', price: { amount: '89.00', currencyCode: 'USD' }, compareAtPrice: { amount: '120.00', currencyCode: 'USD' }, available: true },
  { id: 'x-rtl', title: `\u202E${RTL.repeat(12).trim()} \u202Cgnp.exe Linen Scarf`, vendor: '\u202Eevil', price: { amount: '35.00', currencyCode: 'USD' }, available: true },
  // Titles stop at 500 UTF-16 units (250 of these emoji); the description carries 2,000 of them.
  { id: 'x-emoji', title: '🛍️🔥'.repeat(500).slice(0, 500).replace(/[\uD800-\uDBFF]$/, ''), description: '😍'.repeat(2000), price: { amount: '12.00', currencyCode: 'USD' }, available: true },
  { id: 'x-attr', title: `Mug" onmouseover="window.__xss=1" data-x="`, vendor: "' onfocus='window.__xss=1' autofocus='", price: { amount: '22.00', currencyCode: 'USD' }, available: false },
];

/** Create bodies the schema must refuse with 400: script URLs, data URLs, a 2,000-emoji title. */
export const REFUSED_PRODUCTS = [
  { why: 'javascript: url', product: { id: 'bad-1', title: 'Link', url: 'javascript:window.__xss=1', price: { amount: '1.00', currencyCode: 'USD' }, available: true } },
  { why: 'JavaScript: imageUrl', product: { id: 'bad-2', title: 'Image', imageUrl: 'JaVaScRiPt:window.__xss=1', price: { amount: '1.00', currencyCode: 'USD' }, available: true } },
  { why: 'leading-space javascript: url', product: { id: 'bad-3', title: 'Link', url: ' javascript:window.__xss=1', price: { amount: '1.00', currencyCode: 'USD' }, available: true } },
  { why: 'data: imageUrl', product: { id: 'bad-4', title: 'Image', imageUrl: 'data:image/svg+xml,<svg onload=window.__xss=1>', price: { amount: '1.00', currencyCode: 'USD' }, available: true } },
  { why: 'protocol-relative url', product: { id: 'bad-5', title: 'Link', url: '//evil.example/x', price: { amount: '1.00', currencyCode: 'USD' }, available: true } },
  { why: '2,000-emoji title', product: { id: 'bad-6', title: '🛍'.repeat(2000), price: { amount: '1.00', currencyCode: 'USD' }, available: true } },
];

export const HOSTILE_SHOW_TITLE = `Late show ${IMG}`;
/** On-air text that the schema lets through (markup is just text) and that must render as text. */
export const HOSTILE_BANNER = `Two for one ${IMG}`;
export const HOSTILE_TRANSCRIPT = `okay this is the velvet desk lamp ${SCRIPT} look at it`;

/** Before any page script: every write to window.__xss is recorded, so a payload that ran is seen even if undone. */
export async function trapXss(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __xssHits: unknown[] };
    w.__xssHits = [];
    Object.defineProperty(window, '__xss', { configurable: false, get: () => undefined, set: (v: unknown) => void w.__xssHits.push(v) });
  });
}

/**
 * What an injection would have left in the page, light DOM and open shadow roots: writes to window.__xss,
 * `<img src=x>`, scripts or frames that mention __xss, `<svg>` with onload, and any `on*` attribute.
 */
export function injected(page: Page): Promise<{ hits: unknown[]; nodes: string[] }> {
  return page.evaluate(() => {
    const nodes: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const tag = el.tagName.toLowerCase();
        const attrs = Array.from(el.attributes);
        if (attrs.some((a) => a.name.startsWith('on'))) nodes.push(el.outerHTML.slice(0, 120));
        else if (tag === 'img' && /(^|\/)x$/.test(el.getAttribute('src') ?? '')) nodes.push(el.outerHTML.slice(0, 120));
        else if ((tag === 'script' || tag === 'iframe') && /__xss/.test(el.outerHTML)) nodes.push(el.outerHTML.slice(0, 120));
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return { hits: (window as unknown as { __xssHits?: unknown[] }).__xssHits ?? [], nodes };
  });
}

/** Creates the show `xss` with the hostile catalog, all of it in the rundown. */
export async function createHostileShow(relay: { url: string }): Promise<void> {
  const created = await api(relay, 'POST', '/api/shows', { id: 'xss', title: HOSTILE_SHOW_TITLE, catalog: { provider: 'inline', products: HOSTILE_PRODUCTS }, rundown: HOSTILE_PRODUCTS.map((p) => p.id) }, ADMIN_TOKEN);
  if (created.status !== 201) throw new Error(`hostile catalog refused: ${JSON.stringify(created.body)}`);
}

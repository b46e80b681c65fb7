import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONNECT_PAGE_CSP, connectPageHtml } from './connect-page.js';

describe('connect page', () => {
  const html = connectPageHtml();

  it('allows only its own inline script and style, by hash, and no network', () => {
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*)<\/style>/.exec(html)![1]!;
    const hash = (text: string) => createHash('sha256').update(text).digest('base64');
    expect(CONNECT_PAGE_CSP).toContain(`script-src 'sha256-${hash(script)}'`);
    expect(CONNECT_PAGE_CSP).toContain(`style-src 'sha256-${hash(style)}'`);
    expect(CONNECT_PAGE_CSP).toContain("default-src 'none'");
    expect(html).toContain(`content="${CONNECT_PAGE_CSP}"`);
  });

  it('has a place for the unencrypted-storage warning, written from the query as text', () => {
    expect(html).toMatch(/<p id="warning" role="note"><\/p>/);
    expect(html).toContain("warning.textContent = params.get('warning') || '';");
  });

  it('writes messages as text, never as HTML', () => {
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});

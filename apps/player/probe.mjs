import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--autoplay-policy=no-user-gesture-required'] });
const p = await b.newPage({ viewport: { width: 1280, height: 800 } });
p.on('console', m => console.log('console:', m.text()));
p.on('pageerror', e => console.log('pageerror:', e.message));
await p.goto('http://127.0.0.1:47111/watch/demo');
await p.waitForTimeout(5000);
console.log(await p.evaluate(() => { const r = document.querySelector('cuecart-player').shadowRoot; const v = r.querySelector('video'); return JSON.stringify({paused: v.paused, label: r.querySelector('[data-testid=play-pause]').getAttribute('aria-label'), ctl: r.querySelectorAll('.controls').length, t: v.currentTime}); }));
await b.close();

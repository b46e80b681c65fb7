import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 390, height: 844 } });
p.on('pageerror', e => console.log('pageerror:', e.message));
await p.goto(process.argv[2]);
await p.waitForTimeout(5000);
await p.screenshot({ path: '/tmp/phone.png', fullPage: false });
await b.close();

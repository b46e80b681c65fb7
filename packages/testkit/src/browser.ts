// Debian's Chromium driven by playwright-core, with the flags this machine needs (no network beyond loopback).
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

export function chromiumPath(): string {
  const path = [process.env.CUECART_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
  if (!path) throw new Error('Chromium is missing: run the tests with "npm test" (it installs Debian chromium as root) or set CUECART_CHROMIUM');
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
}

/**
 * Where browser tests save their screenshots: `.tmp/screenshots/` (ignored by git), or
 * CUECART_SCREENSHOTS to refresh the committed ones in docs/screenshots.
 */
export function screenshotDir(): string {
  const dir = process.env.CUECART_SCREENSHOTS ?? fileURLToPath(new URL('../../../.tmp/screenshots/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  return dir.endsWith('/') ? dir : `${dir}/`;
}

/** Teardown for a browser suite: the browser, then the relay and its data dir (each may be missing after a failed start). */
export async function closeSuite(browser: Browser | undefined, relay: { stop(): Promise<unknown>; dataDir: string } | undefined, removeDir: (dir: string) => void): Promise<void> {
  await browser?.close();
  await relay?.stop();
  if (relay) removeDir(relay.dataDir);
}

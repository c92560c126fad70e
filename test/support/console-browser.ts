import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Clock } from '../../src/common/clock';
import { DEMO_PASSWORD, TEST_ADMIN_PASSWORD, createTestApp, type TestApp } from './test-app';

/** Where browser tests leave their screenshots (gitignored). */
export const SCREENSHOT_DIR = path.join(__dirname, '..', '..', 'test-output', 'browser');

/** Debian's chromium, never a downloaded browser (STACK.md pitfall 7). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = () => fs.existsSync(CHROMIUM);

export interface ConsoleServer {
  t: TestApp;
  baseUrl: string;
  close(): Promise<void>;
}

/** The whole app on a throwaway database, listening on a free local port for a real browser. */
export async function startConsoleServer(options: { env?: Record<string, string>; clock?: Clock } = {}): Promise<ConsoleServer> {
  const t = await createTestApp({ env: { DISPATCH_INTERVAL_MS: '0', ...options.env }, clock: options.clock });
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return { t, baseUrl: `http://127.0.0.1:${port}`, close: () => t.close() };
}

export interface ConsoleBrowser {
  /** A fresh browser profile (own cookies) with a viewport, e.g. 360 x 740 for a phone. */
  newContext(viewport?: { width: number; height: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Chromium headless with the flags that work on these machines; playwright gives each launch its
 * own temporary profile directory (never pass --user-data-dir in args).
 */
export async function launchConsoleBrowser(): Promise<ConsoleBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    newContext: (viewport = { width: 1280, height: 900 }) => browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' }),
    close: () => browser.close(),
  };
}

/** Signs in through the console's login form; the page ends on `next` (default the dashboard). */
export async function loginAs(context: BrowserContext, baseUrl: string, username: string, next = '/'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(username === 'admin' ? TEST_ADMIN_PASSWORD : DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.getByRole('button', { name: 'Masuk' }).click()]);
  return page;
}

/** Saves a full-page screenshot as test-output/browser/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The page's width against the viewport: no horizontal scroll means scrollWidth <= innerWidth. */
export function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  // a string: the test code is compiled without the DOM library
  return page.evaluate<{ scrollWidth: number; innerWidth: number }>('({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })');
}

/** Collects Content-Security-Policy violations and page errors, to assert none happened. */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * A small launcher for browser tests: Debian's chromium driven by playwright-core (never a
 * downloaded browser; STACK.md pitfall 7). Generic on purpose: launch, open pages at a viewport,
 * take screenshots, close.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumInstalled = () => fs.existsSync(CHROMIUM_PATH);

/** Where browser tests leave screenshots (gitignored). */
export const BROWSER_OUTPUT_DIR = path.resolve(__dirname, '..', '..', 'test-output', 'browser');

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface Viewport {
  width: number;
  height: number;
}

export const PHONE: Viewport = { width: 360, height: 740 };
export const DESKTOP: Viewport = { width: 1280, height: 800 };

export interface TestBrowser {
  browser: Browser;
  /** A page in its own context (own cookies and storage) with the given viewport. */
  newPage(viewport?: Viewport): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts chromium. Each launch runs on a new temporary profile: playwright creates the
 * --user-data-dir itself and deletes it on close (passing one in `args` is refused).
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  return {
    browser,
    async newPage(viewport = DESKTOP) {
      const context = await browser.newContext({ viewport, locale: 'id-ID' });
      return context.newPage();
    },
    close: () => browser.close(),
  };
}

/** Saves a full-page screenshot as test-output/browser/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(BROWSER_OUTPUT_DIR, { recursive: true });
  const file = path.join(BROWSER_OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Console errors and uncaught exceptions of a page (a CSP violation is a console error). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} ${message.location().url}`.trim());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

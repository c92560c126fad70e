import fs from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core's browser build, read once. */
let source: string | undefined;
const axeSource = () => (source ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page (WCAG 2.x A and AA rules and axe's best practices) and returns the
 * serious and critical violations. The script goes in through the DevTools protocol
 * (page.evaluate), not a <script> tag, so the page's strict Content-Security-Policy stays as it is.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(axeSource());
  const violations = await page.evaluate<{ id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String) })) })))`,
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact!, help: v.help, targets: v.nodes.flatMap((n) => n.target).slice(0, 5) }));
}

/** Elements wider than the viewport (for a readable failure when a page scrolls sideways). */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`[...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(el).position !== 'fixed')
    .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') + ' ' + Math.round(el.getBoundingClientRect().right))
    .slice(0, 10)`);
}

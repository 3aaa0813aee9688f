// Shared test helpers: console-error capture, CSP-violation capture and axe-core in a fresh
// browser context.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** True for the console message Chromium logs when the page's CSP blocks something. */
export const isCspMessage = (text) => /Content[ -]Security[ -]Policy/i.test(text);

// Runs in every document and frame before the page's own scripts (init scripts are not subject
// to the page's CSP): records each `securitypolicyviolation` event in window.__cspViolations
// and reports it to the test through the __cspViolation binding, so reports survive navigation.
const CSP_RECORDER = `(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    const v = { directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI,
      source: e.sourceFile, line: e.lineNumber, sample: e.sample, page: location.href };
    window.__cspViolations.push(v);
    try { window.__cspViolation(v); } catch (_) {}
  });
})();`;

const cspLog = new WeakMap();

export const test = base.extend({
  // Every page a test uses records Content Security Policy violations (`securitypolicyviolation`
  // events and CSP console messages); any violation fails the test after it has run. A test
  // that provokes one on purpose empties `cspViolations` before it ends.
  page: async ({ page }, use) => {
    const violations = [];
    cspLog.set(page, violations);
    await page.exposeBinding('__cspViolation', (_source, v) => violations.push(v));
    await page.addInitScript(CSP_RECORDER);
    page.on('console', (msg) => {
      if (isCspMessage(msg.text())) violations.push({ console: msg.text() });
    });
    await use(page);
    expect(violations, 'Content Security Policy violations').toEqual([]);
  },
  // The page's CSP violations so far (the same array the automatic check reads).
  cspViolations: async ({ page }, use) => {
    await use(cspLog.get(page));
  },
  // Every console error and uncaught exception on the page, for "no console errors" checks.
  consoleErrors: async ({ page }, use) => {
    const errors = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(String(err)));
    await use(errors);
  },
});

export { expect };

/** Draws every row of the improvements list: Show more until none is left. */
export async function showAll(page) {
  while (await page.locator('.show-more').count()) await page.locator('.show-more').click();
}

/** Runs axe-core (WCAG 2.x A/AA rules) on the page and returns the violations. */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** Opens `url` and waits until the app itself draws the page. The bare address first shows the
 * pre-rendered view (scripts/static-view.js), which the app takes over when the visitor reaches
 * for it: here, a pointer over a control. A test of the app must not pass on that HTML alone. */
export async function openApp(page, url) {
  await page.goto(url);
  // The pre-rendered view stays hidden while its data is checked, then shows or is dropped.
  await page.waitForFunction(() => !document.getElementById('static-view')?.hidden);
  const control = page.locator('#static-view select').first();
  if (await control.count()) await control.hover();
  await expect(page.locator('#static-view'), 'the app took over from the pre-rendered view').toHaveCount(0);
  await expect(page.locator('main h1').first()).toBeVisible();
}

/** Presses Tab until `target` has the focus, as a keyboard user gets there; fails if it takes
 * more than `max` presses. Returns the number of presses. */
export async function tabTo(page, target, max = 80) {
  await expect(target, 'the control to reach is on the page').toHaveCount(1);
  for (let presses = 0; presses <= max; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
    await page.keyboard.press('Tab');
  }
  await expect(target, `reached with at most ${max} presses of Tab`).toBeFocused({ timeout: 1 });
}

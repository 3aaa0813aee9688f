import { test, expect } from '@playwright/test';
const VIEWS = ['', '?view=improvements', '?view=history', '?view=figures', '?view=accessibility', '?inspection=gwent-2012-police-relationships', '?view=improvements&inspection=gwent-peel-2018-19'];
test('repro', async ({ page }) => {
  test.setTimeout(300000);
  const logs = [];
  page.on('console', (m) => { if (m.type() === 'error') logs.push(m.text()); });
  page.on('pageerror', (e) => logs.push(String(e)));
  for (const from of VIEWS) for (const to of VIEWS) {
    if (from === to) continue;
    await page.goto('./' + from);
    await page.waitForTimeout(700);
    await page.evaluate((q) => { history.pushState(null, '', location.pathname + (q || '?')); dispatchEvent(new PopStateEvent('popstate', { state: null })); }, to);
    await page.waitForTimeout(700);
    if (logs.length) { console.log(from, '->', to, logs.join('\n---\n').slice(0, 1500)); logs.length = 0; }
  }
});

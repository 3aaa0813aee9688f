import { test, expect } from './fixtures.js';
const cases = [
  ['?view=improvements', '?'],
  ['?view=improvements', '?view=grades'],
  ['?view=improvements&status=met', '?status=not-met'],
  ['?view=improvements', '?accent=%23fff'],
  ['?view=improvements', '?view=history'],
  ['?view=improvements', '?view=figures'],
  ['?view=history', '?'],
  ['?view=figures', '?'],
  ['?view=improvements', '?view=accessibility'],
];
for (const c of cases) {
  test('repro ' + c.join(' -> '), async ({ page }) => {
    const errs = [];
    page.on('console', (m) => m.type() === 'error' && errs.push(m.text().slice(0, 120)));
    await page.goto('./');
    await expect(page.locator('.result-count')).toBeVisible();
    for (const q of c) {
      await page.evaluate((q) => { history.pushState(null, '', location.pathname + q); dispatchEvent(new PopStateEvent('popstate', { state: null })); }, q);
      await page.waitForTimeout(1000);
    }
    console.log(c.join(' -> '), 'errors:', errs.length, errs[0] ?? '');
  });
}
test('repro via tab clicks', async ({ page }) => {
  const errs = [];
  page.on('console', (m) => m.type() === 'error' && errs.push(m.text().slice(0, 120)));
  await page.goto('./?view=improvements');
  await expect(page.locator('.result-count')).toBeVisible();
  await page.getByRole('link', { name: 'Grades' }).click();
  await page.waitForTimeout(1000);
  console.log('tab improvements -> grades errors:', errs.length, errs[0] ?? '');
});

import { test, expect, axeViolations } from './fixtures.js';

test('lists the bundled inspections from the manifest', async ({ page, consoleErrors }) => {
  const manifest = await (await page.request.get('data/index.json')).json();
  await page.goto('./?view=list');
  const items = page.locator('.inspection-list__item');
  await expect(items).toHaveCount(manifest.inspections.length);
  for (const [i, entry] of manifest.inspections.entries()) {
    await expect(items.nth(i)).toContainText(entry.title);
    await expect(items.nth(i)).toContainText(entry.period);
  }
  expect(consoleErrors).toEqual([]);
});

for (const [name, fault] of [
  ['404', (route) => route.fulfill({ status: 404, body: 'not found' })],
  ['500', (route) => route.fulfill({ status: 500, body: 'boom' })],
  ['network error', (route) => route.abort('failed')],
  ['malformed JSON', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 1, "forces": [' })],
]) {
  test(`manifest ${name}: message, then Retry recovers`, async ({ page }) => {
    await page.route('**/data/index.json', fault);
    await page.goto('./?view=list');
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('data/index.json');
    await expect(page.locator('.inspection-list__item')).toHaveCount(0);
    await page.unroute('**/data/index.json');
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('.inspection-list__item').first()).toBeVisible();
  });
}

test('error message says what failed', async ({ page }) => {
  await page.route('**/data/index.json', (route) => route.fulfill({ status: 500, body: 'boom' }));
  await page.goto('./?view=list');
  await expect(page.getByRole('alert')).toContainText('the server answered 500');
});

test('axe-core: no violations on the list', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('./?view=list');
  await expect(page.locator('.inspection-list__item').first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await context.close();
});

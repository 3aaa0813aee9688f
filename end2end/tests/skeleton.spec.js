import { test, expect, axeViolations, openApp } from './fixtures.js';

test('lists the bundled inspections from the manifest', async ({ page, consoleErrors }) => {
  const manifest = await (await page.request.get('data/index.json')).json();
  await openApp(page, './');
  const options = page.locator('#filter-inspection option');
  // First option is "Newest inspection"; then every manifest entry, newest first.
  await expect(options).toHaveCount(manifest.inspections.length + 1);
  for (const entry of manifest.inspections) {
    await expect(page.locator(`#filter-inspection option[value="${entry.id}"]`)).toHaveText(
      `${entry.title} (${entry.period})`,
    );
  }
  await expect(page.locator('.grade-card').first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('shows a loading indicator while the manifest is on its way', async ({ page }) => {
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route('**/data/index.json', async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto('./');
  await expect(page.getByRole('status').filter({ hasText: 'Loading inspections' }).first()).toBeVisible();
  release();
  await expect(page.locator('.grade-card').first()).toBeVisible();
  await expect(page.getByText('Loading inspections')).toHaveCount(0);
});

for (const [name, fault, expected] of [
  ['404', (route) => route.fulfill({ status: 404, body: 'not found' }), 'the server answered 404'],
  ['500', (route) => route.fulfill({ status: 500, body: 'boom' }), 'the server answered 500'],
  ['network error', (route) => route.abort('failed'), 'Could not reach the server'],
  [
    'malformed JSON',
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 1, "forces": [' }),
    'data/index.json',
  ],
]) {
  test(`manifest ${name}: message, then Retry recovers`, async ({ page }) => {
    await page.route('**/data/index.json', fault);
    await page.goto('./');
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('list of inspections');
    await expect(alert).toContainText(expected);
    await expect(page.locator('.grade-card')).toHaveCount(0);
    await page.unroute('**/data/index.json');
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('.grade-card').first()).toBeVisible();
  });
}

test('axe-core: no violations in the error state', async ({ page }) => {
  await page.route('**/data/index.json', (route) => route.fulfill({ status: 500, body: 'boom' }));
  await page.goto('./');
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

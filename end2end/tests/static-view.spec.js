// The pre-rendered first view (scripts/prerender.mjs + scripts/static-view.js): the default view
// is HTML in index.html, shown only while the data is the data it was made from; the app loads
// when the visitor first interacts and takes over with what the visitor did.
import { test, expect, axeViolations } from './fixtures.js';

const port = (name, fallback) => Number(process.env[`EMBED_${name}_PORT`] ?? fallback);
const SUB = `http://127.0.0.1:${port('SUB', 8093)}/police-inspections/`;

const APP_FILE = /\/inspection-viewer-[0-9a-f]+(_bg\.wasm|\.js)$/;
const card = (page, name) => page.locator('.grade-card').filter({ has: page.getByRole('heading', { name, exact: true }) });
const staticView = (page) => page.locator('#static-view');

// Records, in the page, whether the pre-rendered HTML was ever visible.
const WATCH_STATIC = () => {
  window.__staticShown = false;
  const check = () => {
    const v = document.getElementById('static-view');
    if (v && !v.hidden) window.__staticShown = true;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden'] });
};

/** Loads the first view and waits for the pre-rendered cards; returns every URL requested. */
async function openFirstView(page, url = './') {
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(url);
  await expect(staticView(page)).toBeVisible();
  await expect(page.locator('.grade-card')).toHaveCount(8);
  return requested;
}

/** Holds back the app's files until the returned function is called. */
async function holdApp(page) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(APP_FILE, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Waits until the app has replaced the pre-rendered HTML. */
async function appInPlace(page) {
  await expect(staticView(page)).toHaveCount(0);
  await expect(page.locator('.result-count')).toBeVisible();
}

test.describe('pre-rendered first view', () => {
  test('@static shows the newest grades with their sources and loads no app code until used', async ({ page, consoleErrors }) => {
    const requested = await openFirstView(page);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('.notice--current')).toContainText('Current');
    await expect(page.locator('.result-count')).toHaveText('Showing 8 of 8 areas');
    await expect(card(page, 'Responding to the public').locator('.grade-card__header .grade-tag')).toHaveText(/Inadequate/);
    await expect(card(page, 'Preventing crime').locator('.source-line')).toContainText('003_bfd4fe0b560dfffc.txt');
    const paths = requested.map((u) => new URL(u).pathname);
    expect(paths.filter((p) => APP_FILE.test(p)), 'no wasm or wasm glue before the visitor interacts').toEqual([]);
    expect(paths.filter((p) => p.startsWith('/data/')).sort()).toEqual(['/data/gwent-peel-2021-22.json', '/data/index.json']);
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('@static its print footer names the visitor’s address and today’s date', async ({ page }) => {
    await openFirstView(page);
    await expect(page.locator('.print-meta__url')).toHaveText(page.url());
    const today = await page.evaluate(() =>
      new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
    );
    await expect(page.locator('.print-meta__date')).toHaveText(today);
  });

  test('a filter chosen in it is applied by the app, which then holds the focus', async ({ page, consoleErrors }) => {
    const requested = await openFirstView(page);
    // As a visitor does it: focus on the select (a click), then a choice in it.
    await page.getByLabel('Pillar or area').focus();
    await page.getByLabel('Pillar or area').selectOption('investigating-crime');
    await appInPlace(page);
    await expect(page.getByLabel('Pillar or area'), 'the app holds the focus where the visitor left it').toBeFocused();
    await expect(page).toHaveURL(/[?&]pillar=investigating-crime/);
    await expect(page.locator('.grade-card')).toHaveCount(1);
    await expect(card(page, 'Investigating crime')).toBeVisible();
    await expect(page.getByLabel('Pillar or area')).toHaveValue('investigating-crime');
    expect(requested.some((u) => APP_FILE.test(new URL(u).pathname))).toBe(true);
    // The files checked for the first view are handed to the app, not fetched again.
    const manifests = requested.filter((u) => new URL(u).pathname === '/data/index.json');
    expect(manifests).toHaveLength(1);
    expect(consoleErrors).toEqual([]);
  });

  test('a click on a view tab opens that view in the app, without reloading the page', async ({ page }) => {
    await openFirstView(page);
    await page.evaluate(() => (window.__samePage = true));
    await page.getByRole('link', { name: 'Improvements' }).click();
    await expect(page).toHaveURL(/[?&]view=improvements/);
    await expect(page.locator('.improvement').first()).toBeVisible();
    await expect(staticView(page)).toHaveCount(0);
    expect(await page.evaluate(() => window.__samePage)).toBe(true);
  });

  test('a Ctrl+click on a view tab still opens it in a new tab, leaving this one', async ({ page, context }) => {
    await openFirstView(page);
    const opened = context.waitForEvent('page');
    await page.getByRole('link', { name: 'Improvements' }).click({ modifiers: ['Control'] });
    const tab = await opened;
    await expect(tab).toHaveURL(/[?&]view=improvements/);
    await expect(tab.locator('.improvement').first()).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('.grade-card')).toHaveCount(8);
  });

  test('keyboard: focus and an opened card carry over to the app', async ({ page }) => {
    await openFirstView(page);
    const summary = card(page, 'Responding to the public').locator('summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    await appInPlace(page);
    const opened = card(page, 'Responding to the public').locator('details').first();
    await expect(opened).toHaveAttribute('open', '');
    const focusedText = await page.evaluate(() => document.activeElement.textContent);
    expect(focusedText).toBe(await summary.textContent());
    // The focused element is the app's own: Tab moves on from it.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement.tagName)).not.toBe('BODY');
  });

  test('under a sub-path its links stay under that path', async ({ page }) => {
    await openFirstView(page, SUB);
    for (const name of ['Improvements', 'Grade history', 'Cymraeg']) {
      const href = await page.getByRole('link', { name, exact: true }).evaluate((a) => a.href);
      expect(new URL(href).pathname, name).toBe('/police-inspections/');
    }
    await page.getByRole('link', { name: 'Grade history' }).click();
    await expect(page).toHaveURL(`${SUB}?view=history`);
    await expect(page.locator('.history-table')).toBeVisible();
  });

  test('Copy pressed in the embed code before the app has loaded: the code is selected once it has', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    });
    await openFirstView(page);
    // The app's code waits until both clicks are in, so the Copy click is surely held and
    // handed over together with the opened disclosure.
    const release = await holdApp(page);
    await page.getByText('Embed this view', { exact: true }).click();
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(staticView(page)).toBeVisible();
    release();
    await appInPlace(page);
    const code = page.getByLabel('HTML to embed this view');
    await expect(code).toHaveValue(/^<iframe src="[^"]+" title="[^"]+"/);
    await expect(page.getByRole('status').filter({ hasText: /Copied|Ctrl\+C/ })).toBeVisible();
    // Still there once the disclosure's toggle has come through.
    await page.waitForTimeout(300);
    await expect(page.getByRole('status').filter({ hasText: /Copied|Ctrl\+C/ })).toBeVisible();
    const selection = await code.evaluate((el) => [el.selectionStart, el.selectionEnd, el.value.length]);
    expect(selection).toEqual([0, selection[2], selection[2]]);
  });

  test('Enter in its search box before the app has loaded keeps the page; the app then applies the search', async ({ page }) => {
    await openFirstView(page);
    const release = await holdApp(page);
    await page.evaluate(() => (window.__samePage = true));
    await page.getByLabel('Search').fill('vetting');
    await page.getByLabel('Search').press('Enter');
    await expect(staticView(page)).toBeVisible();
    expect(await page.evaluate(() => window.__samePage)).toBe(true);
    release();
    await appInPlace(page);
    await expect(page.getByLabel('Search')).toHaveValue('vetting');
    await expect(page).toHaveURL(/[?&]q=vetting/);
    expect(await page.evaluate(() => window.__samePage)).toBe(true);
  });

  test('a pointer over a control starts loading the app; the page stays as it is until then', async ({ page }) => {
    const requested = await openFirstView(page);
    await page.waitForLoadState('networkidle');
    expect(requested.some((u) => APP_FILE.test(new URL(u).pathname))).toBe(false);
    await page.getByLabel('Pillar or area').hover();
    await expect.poll(() => requested.some((u) => new URL(u).pathname.endsWith('_bg.wasm'))).toBe(true);
    await appInPlace(page);
    await expect(page.locator('.grade-card')).toHaveCount(8);
    await expect(page).toHaveURL(/\/$/);
  });
});

test.describe('data changed after the build', () => {
  for (const file of ['index.json', 'gwent-peel-2021-22.json']) {
    test(`a changed ${file}: the out-of-date HTML is never shown; the app shows the data served`, async ({ page }) => {
      await page.addInitScript(WATCH_STATIC);
      // TEST DATA: the bundled file with one grade changed, as if the data were replaced after
      // the build without pre-rendering again.
      await page.route(`**/data/${file}`, async (route) => {
        const body = await (await route.fetch()).text();
        const changed =
          file === 'index.json'
            ? body.replace('"PEEL 2021/22: Gwent Police', '"CHANGED PEEL 2021/22: Gwent Police')
            : body.replace(/"grade": "inadequate"/, '"grade": "good"');
        expect(changed).not.toBe(body);
        await route.fulfill({ status: 200, contentType: 'application/json', body: changed });
      });
      await page.goto('./');
      if (file === 'index.json') {
        await expect(page.locator('#inspection-title')).toContainText('CHANGED PEEL 2021/22');
      } else {
        await expect(card(page, 'Responding to the public').locator('.grade-card__header .grade-tag')).toHaveText(/Good/);
      }
      await expect(staticView(page)).toHaveCount(0);
      expect(await page.evaluate(() => window.__staticShown)).toBe(false);
    });
  }

  test('a check that cannot finish in time gives way to the app and its loading state', async ({ page }) => {
    await page.addInitScript(WATCH_STATIC);
    let release;
    const held = new Promise((r) => (release = r));
    await page.route('**/data/gwent-peel-2021-22.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('./');
    await expect(page.locator('.loading').first()).toBeVisible();
    release();
    await expect(page.locator('.grade-card')).toHaveCount(8);
    await expect(staticView(page)).toHaveCount(0);
    expect(await page.evaluate(() => window.__staticShown)).toBe(false);
  });
});

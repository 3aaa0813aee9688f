// Cymraeg parity and accessibility across views, states and languages.
import { execFileSync } from 'node:child_process';
import { test, expect, axeViolations, openApp, tabTo } from './fixtures.js';

// The app's string table, straight from the Rust source of truth.
const table = JSON.parse(
  execFileSync('cargo', ['run', '-q', '-p', 'inspection-tools', '--bin', 'i18n_table'], { cwd: '..', encoding: 'utf8' }),
);

const count = (page) => page.locator('.result-count');

/** Interface text on the page: every text node not inside data text marked lang="en". */
async function interfaceTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (!text) continue;
      const el = node.parentElement;
      if (el.closest('[lang="en"], code, script, style, [hidden]')) continue;
      if (el.closest('[aria-hidden="true"]')) continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label]')) {
      if (!el.closest('[lang="en"]')) out.push(el.getAttribute('aria-label'));
    }
    return out;
  });
}

/** English interface strings that differ from their Welsh, long enough to be unambiguous. */
const englishOnly = table.en.filter((en, i) => en !== table.cy[i] && en.length > 3 && !table.cy.includes(en));

const welshPages = [
  ['grades', './?lang=cy', '.grade-card'],
  ['older inspection', './?lang=cy&inspection=gwent-peel-2018-19', '.grade-card'],
  ['ungraded inspection', './?lang=cy&inspection=gwent-2012-police-relationships', '.findings__list'],
  ['improvements', './?lang=cy&view=improvements', '.improvement'],
  ['filters', './?lang=cy&view=improvements&grade=good&status=met&q=force', '.result-count'],
  ['empty', './?lang=cy&view=improvements&q=zzzz-no-such-text', '.empty-state'],
  ['statement', './?lang=cy&view=accessibility', '.statement'],
];

test.describe('Welsh', () => {
  test('lang=cy sets <html lang> and Welsh labels; the switch keeps the view', async ({ page, consoleErrors }) => {
    await page.goto('./?inspection=gwent-peel-2018-19&grade=requires-improvement');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('link', { name: 'Cymraeg' }).click();
    await expect(page).toHaveURL(/inspection=gwent-peel-2018-19&grade=requires-improvement&lang=cy$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await expect(page.locator('.grade-card .grade-card__header .grade-tag').first()).toHaveText(/Angen gwella/);
    await expect(page.getByLabel('Angen gwella')).toBeChecked();
    await expect(count(page)).toHaveText('Yn dangos 1 o 3 colofn');
    await expect(page.locator('#inspection-title')).toHaveAttribute('lang', 'en');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/grade=requires-improvement$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(consoleErrors).toEqual([]);
  });

  test('Welsh grade labels on the 2021/22 cards', async ({ page }) => {
    await page.goto('./?lang=cy');
    const badge = (name) =>
      page.locator('.grade-card').filter({ has: page.getByRole('heading', { name, exact: true }) }).locator('.grade-card__header .grade-tag');
    await expect(badge('Responding to the public')).toHaveText(/Annigonol/);
    await expect(badge('Preventing crime')).toHaveText(/Da/);
    await expect(badge('Treatment of the public')).toHaveText(/Digonol/);
    await expect(badge('Investigating crime')).toHaveText(/Angen gwella/);
  });

  test('dates in Welsh', async ({ page }) => {
    await page.goto('./?lang=cy');
    await expect(page.locator('.source-line').first()).toContainText('13 Ebrill 2023');
    await page.goto('./?lang=cy&inspection=gwent-peel-2018-19');
    await expect(page.locator('.inspection__date')).toContainText('Chwefror 2020');
  });

  for (const [name, url, wait] of welshPages) {
    test(`no English interface text leaks: ${name}`, async ({ page }) => {
      await page.goto(url);
      await expect(page.locator(wait).first()).toBeVisible();
      for (const summary of await page.locator('details > summary').all()) await summary.click();
      const texts = await interfaceTexts(page);
      // Phrases may be embedded in longer text; single words must stand alone to count.
      const leaks = texts.filter((t) => englishOnly.some((en) => t === en || (en.includes(' ') && t.includes(en))));
      expect(leaks).toEqual([]);
    });
  }
});

test.describe('axe-core in both languages', () => {
  const pages = [
    ['grades', './', '.grade-card'],
    ['older inspection', './?inspection=gwent-peel-2018-19', '.grade-card'],
    ['improvements', './?view=improvements', '.improvement'],
    ['empty', './?view=improvements&q=zzzz-no-such-text', '.empty-state'],
    ['statement', './?view=accessibility', '.statement'],
    ['embed', './?embed=1&view=improvements', '.improvement'],
  ];
  for (const lang of ['en', 'cy']) {
    for (const [name, url, wait] of pages) {
      test(`0 violations: ${name} (${lang})`, async ({ page }) => {
        await page.goto(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        await expect(page.locator(wait).first()).toBeVisible();
        for (const summary of await page.locator('.grade-card summary').all()) await summary.click();
        expect(await axeViolations(page)).toEqual([]);
      });
    }
    test(`0 violations: error state (${lang})`, async ({ page }) => {
      await page.route('**/data/index.json', (route) => route.fulfill({ status: 500, body: 'boom' }));
      await page.goto(`./?lang=${lang}`);
      await expect(page.getByRole('alert')).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

test.describe('reflow', () => {
  const noOverflow = async (page) =>
    page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  const PAGES = [
    ['grades', './?inspection=gwent-peel-2018-19', '.grade-card'],
    ['improvements', './?view=improvements&lang=cy', '.improvement'],
    ['statement', './?view=accessibility', '.statement'],
  ];
  test.describe('320 px', () => {
    test.use({ viewport: { width: 320, height: 640 } });
    for (const [name, url, wait] of PAGES) {
      test(`no horizontal scroll at 320 px: ${name}`, async ({ page }) => {
        await page.goto(url);
        await expect(page.locator(wait).first()).toBeVisible();
        for (const summary of await page.locator('.grade-card summary').all()) await summary.click();
        expect(await noOverflow(page)).toBe(true);
      });
    }
  });
  test.describe('200% zoom', () => {
    // 200% zoom of a 1280 px window lays out like a 640 px viewport at device scale 2.
    test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    for (const [name, url, wait] of PAGES) {
      test(`no horizontal scroll at 200% zoom (1280 px window): ${name}`, async ({ page }) => {
        await page.goto(url);
        await expect(page.locator(wait).first()).toBeVisible();
        expect(await noOverflow(page)).toBe(true);
      });
    }
  });
});

test.describe('focus and reduced motion', () => {
  test('focus is visible on controls', async ({ page }) => {
    await openApp(page, './');
    await expect(page.locator('.grade-card').first()).toBeVisible();
    await tabTo(page, page.getByLabel('Search'));
    const outline = await page.getByLabel('Search').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
  });

  test('reduced motion stops the spinner', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    let release;
    const gate = new Promise((r) => (release = r));
    await page.route('**/data/index.json', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto('./');
    const spinner = page.locator('.spinner').first();
    await expect(spinner).toBeAttached();
    expect(await spinner.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    release();
    await expect(page.locator('.grade-card').first()).toBeVisible();
  });
});

test('keyboard-only walk-through in Welsh: switch inspection, filter, clear, open a card, copy the embed code, switch language', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?lang=cy');
  await expect(page.locator('.grade-card').first()).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Neidio i’r prif gynnwys' })).toBeFocused();
  await page.getByLabel('Arolygiad').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/inspection=gwent-peel-2018-19/);
  await page.getByLabel('Angen gwella').focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/grade=requires-improvement/);
  await expect(count(page)).toHaveText('Yn dangos 1 o 3 colofn');
  const summary = page.locator('.grade-card summary').first();
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.grade-card details').first()).toHaveAttribute('open', '');
  await page.locator('.selected-filters').getByRole('link', { name: 'Clirio’r hidlwyr' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/grade=/);
  // Open the embed code generator and copy the code, by keyboard only.
  await page.locator('summary', { hasText: 'Mewnosod yr olwg hon' }).focus();
  await page.keyboard.press('Enter');
  const code = page.getByLabel('HTML i fewnosod yr olwg hon');
  await expect(code).toBeVisible();
  const copy = page.getByRole('button', { name: 'Copïo' });
  for (let i = 0; i < 10 && !(await copy.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(copy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Wedi’i gopïo' })).toBeVisible();
  const snippet = await code.inputValue();
  expect(snippet).toContain('lang=cy');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  await page.getByRole('link', { name: 'English' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/inspection=gwent-peel-2018-19/);
});

// Data may carry Welsh (an optional `cy` table per file). This SYNTHETIC fixture (the fictional
// Testshire) translates some fields and not others; the bundled Gwent data has no Welsh source.
test.describe('Welsh data text', () => {
  const FIXTURE = new URL('../../crates/inspection-tools/tests/fixtures/valid-welsh/', import.meta.url);
  test.beforeEach(async ({ page }) => {
    const { readFileSync, existsSync } = await import('node:fs');
    await page.route('**/data/**', async (route) => {
      const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/data/').pop());
      const path = new URL(name, FIXTURE);
      if (!/^[\w.-]+\.json$/.test(name) || !existsSync(path)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(path) });
    });
  });

  const langOf = (locator) => locator.evaluate((el) => el.closest('[lang]').getAttribute('lang'));

  test('shown in Welsh, unmarked, on Welsh pages; English elsewhere, marked lang="en"', async ({ page }) => {
    await page.goto('./?lang=cy&inspection=testshire-2018&view=improvements');
    const welsh = page.getByText('Dylai’r heddlu sicrhau bod gan bob aelod o staff gliriad fetio.');
    await expect(welsh).toBeVisible();
    expect(await langOf(welsh)).toBe('cy');
    await expect(page.getByText('The force should ensure all staff have vetting clearance.')).toHaveCount(0);
    // A text with no Welsh stays English and says so.
    const english = page.getByRole('link', { name: 'The force should comply with the vetting guidelines.' }).first();
    await expect(english).toBeVisible();
    expect(await langOf(english)).toBe('en');
    // The search matches the text shown.
    await page.getByLabel('Chwilio').fill('gliriad');
    await expect(page.locator('.improvement mark', { hasText: 'gliriad' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto('./?lang=en&inspection=testshire-2018&view=improvements');
    await expect(page.getByText('The force should ensure all staff have vetting clearance.')).toBeVisible();
    await expect(page.getByText('Dylai’r heddlu sicrhau', { exact: false })).toHaveCount(0);
  });

  test('grade cards use the Welsh area name', async ({ page }) => {
    await page.goto('./?lang=cy&inspection=testshire-2018');
    const name = page.locator('.grade-card').getByText('Cyfreithlondeb', { exact: true }).first();
    await expect(name).toBeVisible();
    expect(await langOf(name)).toBe('cy');
  });
});
